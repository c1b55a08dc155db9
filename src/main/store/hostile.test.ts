/**
 * Snapshot files come from other people's machines and may be hand-edited: odd shapes must cost the odd object,
 * never the store. Each object here breaks one assumption of the TypeScript types.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import { TABLE_IDS } from '../../shared/model/rows';
import { ClusterStore } from './cluster-store';
import { pod, pvc } from './testing/fixtures';

const odd: [Resource, unknown][] = [
  ['pods', { kind: 'Pod', metadata: { name: 'volumes-not-a-list', namespace: 'x', uid: 'h1' }, spec: { volumes: { a: 1 } } }],
  ['pods', { kind: 'Pod', metadata: { name: 'nulls', namespace: 'x', uid: 'h2' }, spec: null, status: null }],
  ['pods', { kind: 'Pod', metadata: { name: 'containers-odd', namespace: 'x', uid: 'h3' }, spec: { containers: 'app', initContainers: [null] }, status: { initContainerStatuses: 'x' } }],
  ['persistentvolumeclaims', { kind: 'PersistentVolumeClaim', metadata: { name: 'sizes', namespace: 'x', uid: 'h4' }, spec: { resources: { requests: { storage: 42 } }, accessModes: 'RWO' }, status: { phase: 7 } }],
  ['persistentvolumes', { kind: 'PersistentVolume', metadata: { name: 'affinity', uid: 'h5' }, spec: { nodeAffinity: { required: { nodeSelectorTerms: 'node-1' } }, claimRef: 'x' } }],
  ['events', { kind: 'Event', metadata: { name: 'e', namespace: 'x', uid: 'h6' }, involvedObject: 'pod/x', lastTimestamp: 'yesterday' }],
  ['storageclasses', { kind: 'StorageClass', metadata: { name: 'params', uid: 'h7', annotations: null }, parameters: 'fast', provisioner: 5 }],
  ['csinodes', { kind: 'CSINode', metadata: { name: 'n', uid: 'h8' }, spec: { drivers: [null, { name: 3 }] } }],
  ['pods', { metadata: { namespace: 'x' } }],
];

describe('malformed objects', () => {
  it('are refused or shown as far as they make sense, and every query still answers', () => {
    const store = new ClusterStore('h', { now: () => Date.parse('2026-11-28T10:00:00Z') });
    for (const kind of ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'events', 'nodes', 'csidrivers', 'csinodes', 'volumeattachments', 'leases'] as const) {
      store.kindStatus({ kind, state: 'synced', count: 0 });
    }
    store.replace('pods', [pod('x', 'fine', ['claim'])]);
    store.replace('persistentvolumeclaims', [pvc('x', 'claim')]);
    const errors: string[] = [];
    for (const [kind, obj] of odd) {
      try {
        store.add(kind, obj as KubeObject);
      } catch (error) {
        errors.push(String(error));
      }
    }
    // Refusals name the object and say where to look.
    for (const e of errors) expect(e).toMatch(/is malformed and was skipped .*Check the source/);
    for (const table of TABLE_IDS) {
      expect(() => store.listRows({ clusterId: 'h', table, offset: 0, limit: 100 })).not.toThrow();
    }
    expect(store.listRows({ clusterId: 'h', table: 'pods', offset: 0, limit: 100 }).rows.map((r) => r.name)).toContain('fine');
    expect(() => store.getOverview()).not.toThrow();
    expect(() => store.listFindings({ offset: 0, limit: 100 })).not.toThrow();
    expect(() => store.getGraph({ clusterId: 'h', namespace: 'x' })).not.toThrow();
    expect(store.getObject({ kind: 'persistentvolumeclaims', name: 'claim', namespace: 'x' })?.related.map((r) => r.ref.name)).toContain('fine');
  });

  it('a relist with one malformed object keeps the others and says how many were skipped', () => {
    const store = new ClusterStore('h');
    expect(() => store.replace('pods', [pod('x', 'a'), odd[0]![1] as KubeObject, pod('x', 'b')])).toThrow(/1 object\(s\) were skipped/);
    expect(store.count('pods')).toBe(2);
  });
});
