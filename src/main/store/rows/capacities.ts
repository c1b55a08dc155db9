/**
 * CSIStorageCapacities table: class, the nodes of the topology segment, free capacity and the largest volume, as
 * the driver's capacity controller published them (external-provisioner `pkg/capacity`). Not diagnosed: no badge.
 * Field meanings: k8s.io/api storage/v1 types.go (CSIStorageCapacity).
 */
import { refTo } from '../../../shared/diagnose/object-helpers';
import { formatSelector } from '../../../shared/diagnose/selectors';
import type { CSIStorageCapacity } from '../../../shared/kube/objects';
import type { CapacityRow } from '../../../shared/model/rows';
import { canonicalQuantity, quantityBytes } from '../../../shared/quantity';
import { ageColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

/**
 * The segment's nodes. Upstream: "If not set, the storage is not accessible from any node in the cluster. If
 * empty, the storage is accessible from all nodes."
 */
export function capacityTopology(capacity: CSIStorageCapacity): CapacityRow['topology'] {
  const selector = capacity.nodeTopology;
  if (!selector) return { scope: 'none' };
  const text = formatSelector(selector);
  return text ? { scope: 'selector', text } : { scope: 'all' };
}

export function buildCapacityRow(ctx: RowContext, capacity: CSIStorageCapacity, key: string): CapacityRow {
  const row: CapacityRow = {
    ...rowBase(refTo('csistoragecapacities', capacity), capacity, ctx.badge('csistoragecapacities', key)),
    namespace: capacity.metadata?.namespace ?? '',
    name: capacity.metadata?.name ?? '',
    topology: capacityTopology(capacity),
  };
  if (capacity.storageClassName) row.className = capacity.storageClassName;
  const free = canonicalQuantity(capacity.capacity);
  if (free) row.capacity = free;
  const largest = canonicalQuantity(capacity.maximumVolumeSize);
  if (largest) row.maximumVolumeSize = largest;
  return row;
}

/** What the topology column sorts and filters by: the selector's text; no node before every node before selectors. */
function topologySort(row: CapacityRow): string {
  return row.topology.scope === 'selector' ? `2 ${row.topology.text}` : row.topology.scope === 'all' ? '1' : '0';
}

export const capacitiesTable: TableSpec<CapacityRow> = {
  kind: 'csistoragecapacities',
  build: (ctx, obj, key) => buildCapacityRow(ctx, obj as CSIStorageCapacity, key),
  namespace: (r) => r.namespace,
  namespaced: true,
  text: (r) => joinText([`${r.namespace}/${r.name}`, r.className, r.topology.scope === 'selector' && r.topology.text, r.capacity, r.maximumVolumeSize]),
  columns: {
    name: { sort: (r) => r.name },
    namespace: { sort: (r) => r.namespace },
    class: { sort: (r) => r.className, filter: (r) => r.className ?? '' },
    topology: { sort: topologySort, filter: (r) => (r.topology.scope === 'selector' ? r.topology.text : r.topology.scope) },
    capacity: { sort: (r) => quantityBytes(r.capacity), filter: (r) => r.capacity ?? '' },
    maximumVolumeSize: { sort: (r) => quantityBytes(r.maximumVolumeSize), filter: (r) => r.maximumVolumeSize ?? '' },
    age: ageColumn(),
  },
};
