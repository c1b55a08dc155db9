import { describe, expect, it } from 'vitest';
import type { CSIStorageCapacity } from '../../../shared/kube/objects';
import { ObjectStore } from '../object-store';
import { syncedStore } from '../testing/fixtures';
import { buildCapacityRow, capacitiesTable } from './capacities';
import type { RowContext } from './table-spec';

const context = (store = new ObjectStore()): RowContext => ({ store, badge: () => undefined, provisioner: () => undefined });

const capacity = (name: string, fields: Partial<CSIStorageCapacity> = {}): CSIStorageCapacity => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIStorageCapacity',
  metadata: { name, namespace: 'kube-system', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2026-11-30T10:00:00Z' },
  storageClassName: 'fast',
  ...fields,
});

describe('CSIStorageCapacity rows', () => {
  it('class, canonical capacity and largest volume, the topology selector as kubectl prints it, age', () => {
    const row = buildCapacityRow(
      context(),
      capacity('zone-a', {
        capacity: '10240Mi',
        maximumVolumeSize: '5Gi',
        nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'a' }, matchExpressions: [{ key: 'rack', operator: 'In', values: ['1', '2'] }] },
      }),
      'kube-system/zone-a',
    );
    expect(row).toEqual({
      ref: { kind: 'csistoragecapacities', namespace: 'kube-system', name: 'zone-a', uid: 'uid-zone-a' },
      createdAt: '2026-11-30T10:00:00Z',
      namespace: 'kube-system',
      name: 'zone-a',
      className: 'fast',
      topology: { scope: 'selector', text: 'topology.kubernetes.io/zone=a,rack in (1,2)' },
      capacity: '10Gi',
      maximumVolumeSize: '5Gi',
    });
    expect(capacitiesTable.text(row)).toContain('topology.kubernetes.io/zone=a');
  });

  it('upstream meanings of what is absent: no topology reaches no node, an empty one every node; no capacity is unknown', () => {
    const none = buildCapacityRow(context(), capacity('nowhere'), 'kube-system/nowhere');
    expect(none.topology).toEqual({ scope: 'none' });
    expect(none.capacity).toBeUndefined();
    expect(none.maximumVolumeSize).toBeUndefined();
    expect(buildCapacityRow(context(), capacity('everywhere', { nodeTopology: {} }), 'kube-system/everywhere').topology).toEqual({ scope: 'all' });
  });

  it('sorts by exact size, not by text, and filters by class and topology', () => {
    const store = syncedStore();
    store.replace('csistoragecapacities', [
      capacity('big', { capacity: '1Ti', nodeTopology: {} }),
      capacity('small', { capacity: '900Gi', maximumVolumeSize: '100Gi', nodeTopology: { matchLabels: { zone: 'a' } } }),
      capacity('unknown', { storageClassName: 'slow' }),
    ]);
    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    const bySize = store.listRows({ table: 'capacities', sort: { column: 'capacity', direction: 'asc' }, offset: 0, limit: 10 });
    expect(names(bySize.rows)).toEqual(['small', 'big', 'unknown']);
    expect(names(store.listRows({ table: 'capacities', filters: { class: 'slow' }, offset: 0, limit: 10 }).rows)).toEqual(['unknown']);
    expect(names(store.listRows({ table: 'capacities', filters: { topology: 'zone=a' }, offset: 0, limit: 10 }).rows)).toEqual(['small']);
    expect(names(store.listRows({ table: 'capacities', filters: { topology: 'all' }, offset: 0, limit: 10 }).rows)).toEqual(['big']);
    expect(names(store.listRows({ table: 'capacities', search: 'zone=a', offset: 0, limit: 10 }).rows)).toEqual(['small']);
  });

  it('a watch event updates its row', () => {
    const store = syncedStore();
    store.replace('csistoragecapacities', [capacity('zone-a', { capacity: '10Gi' })]);
    expect(store.listRows({ table: 'capacities', offset: 0, limit: 10 }).rows[0]?.capacity).toBe('10Gi');
    store.update('csistoragecapacities', capacity('zone-a', { capacity: '4Gi', metadata: { ...capacity('zone-a').metadata, resourceVersion: '2' } }));
    expect(store.listRows({ table: 'capacities', offset: 0, limit: 10 }).rows[0]?.capacity).toBe('4Gi');
  });
});
