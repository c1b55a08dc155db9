/** Volumes table: phase, claim it is bound or reserved to, class, capacity, source type and driver, node affinity. */
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { PersistentVolume } from '../../../shared/kube/objects';
import type { VolumeRow } from '../../../shared/model/rows';
import { canonicalQuantity, quantityBytes } from '../../../shared/quantity';
import { nodeAffinitySummary, volumeDriver, volumeSourceType } from '../object-keys';
import { ageColumn, badgeColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function volumePhase(pv: PersistentVolume): string {
  if (pv.metadata?.deletionTimestamp) return 'Terminating';
  return pv.status?.phase ?? 'Pending';
}

export function buildVolumeRow(ctx: RowContext, pv: PersistentVolume, key: string): VolumeRow {
  const capacityText = pv.spec?.capacity?.['storage'];
  const row: VolumeRow = {
    ...rowBase(refTo('persistentvolumes', pv), pv, ctx.badge('persistentvolumes', key)),
    name: pv.metadata?.name ?? '',
    phase: volumePhase(pv),
    accessModes: pv.spec?.accessModes ?? [],
    sourceType: volumeSourceType(pv),
  };
  const claimRef = pv.spec?.claimRef;
  if (claimRef?.name) row.claim = { namespace: claimRef.namespace ?? '', name: claimRef.name };
  if (pv.spec?.storageClassName) row.className = pv.spec.storageClassName;
  const capacity = canonicalQuantity(capacityText);
  if (capacity) row.capacity = capacity;
  const bytes = quantityBytes(capacityText);
  if (bytes !== undefined) row.capacityBytes = bytes;
  if (pv.spec?.persistentVolumeReclaimPolicy) row.reclaimPolicy = pv.spec.persistentVolumeReclaimPolicy;
  if (pv.spec?.volumeMode) row.volumeMode = pv.spec.volumeMode;
  const driver = volumeDriver(pv);
  if (driver) row.driver = driver;
  const affinity = nodeAffinitySummary(pv);
  if (affinity) row.nodeAffinity = affinity;
  if (pv.status?.message) row.message = pv.status.message;
  return row;
}

const claimText = (r: VolumeRow) => (r.claim ? `${r.claim.namespace}/${r.claim.name}` : '');

export const volumesTable: TableSpec<VolumeRow> = {
  kind: 'persistentvolumes',
  build: (ctx, obj, key) => buildVolumeRow(ctx, obj as PersistentVolume, key),
  // A volume belongs to the namespace of the claim it is bound to, for the namespace filter.
  namespace: (r) => r.claim?.namespace,
  namespaced: true,
  text: (r) =>
    joinText([r.name, r.phase, claimText(r), r.className, r.capacity, r.accessModes.join(' '), r.reclaimPolicy, r.sourceType, r.driver, r.nodeAffinity, r.message, r.badge?.code]),
  columns: {
    name: { sort: (r) => r.name },
    phase: { sort: (r) => r.phase },
    claim: { sort: claimText, filter: claimText },
    class: { sort: (r) => r.className, filter: (r) => r.className ?? '' },
    className: { sort: (r) => r.className },
    capacity: { sort: (r) => r.capacityBytes, filter: (r) => r.capacity ?? '' },
    accessModes: { sort: (r) => r.accessModes.join(','), filter: (r) => r.accessModes.join(',') },
    reclaim: { sort: (r) => r.reclaimPolicy, filter: (r) => r.reclaimPolicy ?? '' },
    reclaimPolicy: { sort: (r) => r.reclaimPolicy },
    volumeMode: { sort: (r) => r.volumeMode },
    source: { sort: (r) => `${r.sourceType} ${r.driver ?? ''}`, filter: (r) => r.sourceType },
    sourceType: { sort: (r) => r.sourceType },
    driver: { sort: (r) => r.driver },
    nodeAffinity: { sort: (r) => r.nodeAffinity },
    age: ageColumn(),
    badge: badgeColumn(),
  },
};
