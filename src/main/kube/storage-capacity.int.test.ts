/**
 * A resource added through one descriptor (shared/kube/resources/csi-storage-capacities.ts) is watched on a live
 * cluster like every other: discovery confirms it, the reflector lists and watches it, and the store counts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../e2e/cluster/lab';
import type { ContextSource } from './context-source';
import { openContextSource } from './open-context';
import { RecordingSink } from './testing/recording-sink';
import { truth, until } from './testing/lab-truth';

let lab: Lab;
let source: ContextSource | undefined;

beforeAll(async () => {
  lab = await startLab({ log: () => undefined });
});

afterAll(async () => {
  await source?.stop();
  await lab?.stop();
});

describe('CSIStorageCapacity, declared by one descriptor', () => {
  it('is listed and watched on the lab, with the fields its descriptor keeps', async () => {
    const admin = lab.client('admin');
    await admin.create('/apis/storage.k8s.io/v1/namespaces/default/csistoragecapacities', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIStorageCapacity',
      metadata: { name: 'hostpath-zone-a', namespace: 'default' },
      storageClassName: 'csi-hostpath-sc',
      capacity: '10Gi',
      maximumVolumeSize: '5Gi',
      nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'a' } },
    });
    source = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath }, { requestTimeoutMs: 5000 });
    const sink = new RecordingSink();
    await source.start(sink);
    await until('CSIStorageCapacities synced', () => sink.statuses.get('csistoragecapacities')?.state === 'synced', 60_000);
    expect(sink.identities('csistoragecapacities')).toEqual(await truth(admin, 'csistoragecapacities'));
    const listed = [...(sink.objects.get('csistoragecapacities')?.values() ?? [])].find((o) => o.metadata?.name === 'hostpath-zone-a');
    expect(listed).toMatchObject({ kind: 'CSIStorageCapacity', storageClassName: 'csi-hostpath-sc', capacity: '10Gi', maximumVolumeSize: '5Gi' });

    // A watch event reaches it too.
    await admin.create('/apis/storage.k8s.io/v1/namespaces/default/csistoragecapacities', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIStorageCapacity',
      metadata: { name: 'hostpath-zone-b', namespace: 'default' },
      storageClassName: 'csi-hostpath-sc',
      capacity: '1Gi',
    });
    await until('the new capacity arrives by watch', () => sink.names('csistoragecapacities').includes('default/hostpath-zone-b'));
  });
});
