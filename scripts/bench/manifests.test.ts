import { describe, expect, it } from 'vitest';
import { BENCH_NAMESPACES, boundClaimStatus, claimManifest, podManifest, volumeManifest } from './manifests';

const NODES = ['n1', 'n2', 'n3'];

describe('bench manifests', () => {
  it('binds claim i and volume i to each other statically', () => {
    const pv = volumeManifest(7, 'uid-7');
    const pvc = claimManifest(7);
    expect(pv.spec.claimRef).toMatchObject({ name: pvc.metadata.name, namespace: pvc.metadata.namespace, uid: 'uid-7' });
    expect(volumeManifest(7).spec.claimRef.uid).toBeUndefined();
    expect(boundClaimStatus(7)).toEqual({ phase: 'Bound', accessModes: pv.spec.accessModes, capacity: pv.spec.capacity });
    expect(pvc.spec.volumeName).toBe(pv.metadata.name);
    expect(pvc.spec.resources.requests.storage).toBe(pv.spec.capacity.storage);
    expect(pvc.spec.storageClassName).toBe(pv.spec.storageClassName);
  });

  it('mounts a quarter of the pods on claims that exist, in the claim namespace', () => {
    const n = 10;
    const pods = Array.from({ length: 2 * n }, (_, j) => podManifest(j, n, NODES));
    const mounting = pods.filter((p) => p.spec.volumes[0].persistentVolumeClaim);
    expect(mounting).toHaveLength(5);
    for (const pod of mounting) {
      const claimName: string = pod.spec.volumes[0].persistentVolumeClaim.claimName;
      const i = Number(claimName.replace('data-', ''));
      expect(i).toBeLessThan(n);
      expect(pod.metadata.namespace).toBe(claimManifest(i).metadata.namespace);
    }
    expect(new Set(pods.map((p) => p.metadata.name)).size).toBe(2 * n);
  });

  it('spreads pods over every node and namespaces over the fixed set', () => {
    const pods = Array.from({ length: 60 }, (_, j) => podManifest(j, 30, NODES));
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(NODES));
    expect(new Set(pods.map((p) => p.metadata.namespace)).size).toBe(BENCH_NAMESPACES);
  });
});
