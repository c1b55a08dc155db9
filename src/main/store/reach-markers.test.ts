import { describe, expect, it } from 'vitest';
import { REACH, type ReachSource } from '../../shared/diagnose/reach';
import { RULE_REACH } from '../../shared/diagnose/rules';
import { DirtySet, markChange, markProvisionerDependents, ROW_REACH } from './change-reach';
import { ObjectStore } from './object-store';
import { attachment, boundPair, pod, pv, pvc, sc } from './testing/fixtures';

function marked(run: (dirty: DirtySet) => void): string[] {
  const dirty = new DirtySet();
  run(dirty);
  return [...dirty.objects].sort();
}

describe('what a change reaches is derived from the rules and the rows', () => {
  it('every relation of the vocabulary is declared by a rule or a row (none is implemented for nothing)', () => {
    const unused: string[] = [];
    for (const source of Object.keys(REACH) as ReachSource[]) {
      const used = new Set<string>([...(RULE_REACH[source] ?? []), ...(ROW_REACH[source] ?? [])]);
      for (const reach of REACH[source] as readonly string[]) if (!used.has(reach)) unused.push(`${source}: ${reach}`);
    }
    expect(unused).toEqual([]);
  });

  function world() {
    const store = new ObjectStore();
    store.add('storageclasses', sc('fast', { provisioner: 'disk.example.com' }));
    const [bound, volume] = boundPair('shop', 'data');
    store.add('persistentvolumeclaims', bound);
    store.add('persistentvolumes', volume);
    store.add('persistentvolumeclaims', pvc('shop', 'logs'));
    store.add('persistentvolumeclaims', pvc('other', 'waiting'));
    store.add('pods', pod('shop', 'web', ['data', 'logs'], { nodeName: 'node-1' }));
    store.add('pods', pod('other', 'unplaced', ['waiting']));
    return { store, volume };
  }

  it('a CSIDriver reaches the claims not bound and the pods waiting for a node (the rules read drivers: class-stub.ts, storage-capacity.ts)', () => {
    const { store } = world();
    const driver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'disk.example.com', uid: 'd' }, spec: { storageCapacity: true } };
    const dirty = new DirtySet();
    markChange(store, 'csidrivers', undefined, driver, dirty);
    expect([...dirty.objects].sort()).toEqual(['csidrivers|disk.example.com', 'persistentvolumeclaims|other/waiting', 'persistentvolumeclaims|shop/logs', 'pods|other/unplaced']);
    expect([...dirty.provisioners]).toEqual(['disk.example.com']);
  });

  it('a claim reaches the other claims of its pods (a pod verdict reads all its claims); a VolumeAttachment the pods of its volume', () => {
    const { store, volume } = world();
    expect(marked((d) => markChange(store, 'persistentvolumeclaims', undefined, store.get('persistentvolumeclaims', 'logs', 'shop'), d))).toContain('persistentvolumeclaims|shop/data');
    const va = attachment(volume.metadata?.name ?? '', 'node-1');
    expect(marked((d) => markChange(store, 'volumeattachments', undefined, va, d))).toEqual(['nodes|node-1', `persistentvolumes|${volume.metadata?.name}`, 'pods|shop/web', `volumeattachments|${va.metadata?.name}`].sort());
  });

  it("a provisioner's new verdict reaches its classes, their claims not bound and the released volumes it made", () => {
    const { store } = world();
    store.add('persistentvolumes', { ...pv('old', { storageClassName: 'fast' }, 'Released'), metadata: { name: 'old', uid: 'old', annotations: { 'pv.kubernetes.io/provisioned-by': 'disk.example.com' } } });
    expect(marked((d) => markProvisionerDependents(store, 'disk.example.com', d))).toEqual(['persistentvolumeclaims|other/waiting', 'persistentvolumeclaims|shop/logs', 'persistentvolumes|old', 'storageclasses|fast']);
  });
});
