/**
 * The CSIStorageCapacities table on the lab, through the app's pipeline (live context -> reflectors ->
 * ClusterStore -> listRows): the lab's API server holds capacity objects as a driver's capacity controller
 * writes them, and the table lists each with its class, segment, capacity and largest volume, follows a watch
 * update and a delete. What the API server returns is the truth the rows are compared with.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../cluster/lab';
import type { CapacityRow } from '../../src/shared/model/rows';
import { canonicalQuantity } from '../../src/shared/quantity';
import { until, useLab, type LiveCluster } from './diagnose/live';

let lab: Lab;
let live: LiveCluster;

const PATH = '/apis/storage.k8s.io/v1/namespaces/kube-system/csistoragecapacities';

useLab(
  {},
  (l, c) => {
    lab = l;
    live = c;
  },
  async (l) => {
    const admin = l.client('admin');
    await admin.create(PATH, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIStorageCapacity',
      metadata: { name: 'table-zone-a', namespace: 'kube-system' },
      storageClassName: 'csi-hostpath-sc',
      capacity: '10240Mi',
      maximumVolumeSize: '5Gi',
      nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'a' }, matchExpressions: [{ key: 'rack', operator: 'In', values: ['r1', 'r2'] }] },
    });
    // Every node, capacity not (yet) known: the fields a driver may leave out.
    await admin.create(PATH, {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIStorageCapacity',
      metadata: { name: 'table-anywhere', namespace: 'kube-system' },
      storageClassName: 'csi-hostpath-sc',
      nodeTopology: {},
    });
  },
);

const rows = (): CapacityRow[] => live.store.listRows({ table: 'capacities', namespaces: ['kube-system'], offset: 0, limit: 1000 }).rows;
const rowOf = (name: string) => rows().find((r) => r.name === name);

describe('the CSIStorageCapacities table on the lab', () => {
  it('lists every capacity object the API server holds, with its class, segment and sizes', async () => {
    const truth = (await lab.client('admin').list<{ metadata: { name: string; uid: string }; storageClassName?: string; capacity?: string; maximumVolumeSize?: string }>(PATH)).items;
    const names = truth.map((o) => o.metadata.name).sort();
    expect(names).toEqual(expect.arrayContaining(['table-anywhere', 'table-zone-a']));
    await until('every capacity object listed', () => rows().length === truth.length || undefined, 60_000, () => JSON.stringify(rows().map((r) => r.name)));
    expect(rows().map((r) => r.name).sort()).toEqual(names);
    for (const object of truth) {
      const row = rowOf(object.metadata.name);
      expect(row?.ref.uid, object.metadata.name).toBe(object.metadata.uid);
      expect(row?.className, object.metadata.name).toBe(object.storageClassName);
      expect(row?.capacity, object.metadata.name).toBe(canonicalQuantity(object.capacity));
      expect(row?.maximumVolumeSize, object.metadata.name).toBe(canonicalQuantity(object.maximumVolumeSize));
    }
    expect(rowOf('table-zone-a')).toMatchObject({
      namespace: 'kube-system',
      className: 'csi-hostpath-sc',
      topology: { scope: 'selector', text: 'topology.kubernetes.io/zone=a,rack in (r1,r2)' },
      capacity: '10Gi',
      maximumVolumeSize: '5Gi',
    });
    expect(rowOf('table-anywhere')?.topology).toEqual({ scope: 'all' });
    expect(rowOf('table-anywhere')?.capacity).toBeUndefined();
  });

  it('follows the driver: a capacity that shrinks, and one that goes away', async () => {
    const admin = lab.client('admin');
    await admin.mergePatch(`${PATH}/table-zone-a`, { capacity: '3Gi' });
    await until('the new capacity shown', () => rowOf('table-zone-a')?.capacity === '3Gi' || undefined, 30_000, () => JSON.stringify(rowOf('table-zone-a')));
    await admin.delete(`${PATH}/table-anywhere`);
    await until('the deleted capacity gone', () => rowOf('table-anywhere') === undefined || undefined, 30_000);
    expect(rowOf('table-zone-a')?.maximumVolumeSize).toBe('5Gi');
  });
});
