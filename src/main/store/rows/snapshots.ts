/** VolumeSnapshots table: source claim, class, bound content, ready, restore size, error. */
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { VolumeSnapshot } from '../../../shared/kube/objects';
import type { SnapshotRow } from '../../../shared/model/rows';
import { canonicalQuantity, quantityBytes } from '../../../shared/quantity';
import { ageColumn, badgeColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function buildSnapshotRow(ctx: RowContext, snap: VolumeSnapshot, key: string): SnapshotRow {
  const row: SnapshotRow = {
    ...rowBase(refTo('volumesnapshots', snap), snap, ctx.badge('volumesnapshots', key)),
    namespace: snap.metadata?.namespace ?? '',
    name: snap.metadata?.name ?? '',
  };
  if (snap.spec?.source?.persistentVolumeClaimName) row.sourceClaim = snap.spec.source.persistentVolumeClaimName;
  if (snap.spec?.volumeSnapshotClassName) row.className = snap.spec.volumeSnapshotClassName;
  const content = snap.status?.boundVolumeSnapshotContentName ?? snap.spec?.source?.volumeSnapshotContentName;
  if (content) row.contentName = content;
  if (snap.status?.readyToUse !== undefined) row.readyToUse = snap.status.readyToUse;
  const size = canonicalQuantity(snap.status?.restoreSize);
  if (size) row.restoreSize = size;
  if (snap.status?.error?.message) row.error = snap.status.error.message;
  return row;
}

export const snapshotsTable: TableSpec<SnapshotRow> = {
  kind: 'volumesnapshots',
  build: (ctx, obj, key) => buildSnapshotRow(ctx, obj as VolumeSnapshot, key),
  namespace: (r) => r.namespace,
  namespaced: true,
  text: (r) => joinText([`${r.namespace}/${r.name}`, r.sourceClaim, r.className, r.contentName, r.restoreSize, r.error]),
  columns: {
    name: { sort: (r) => r.name },
    namespace: { sort: (r) => r.namespace },
    sourceClaim: { sort: (r) => r.sourceClaim },
    class: { sort: (r) => r.className, filter: (r) => r.className ?? '' },
    contentName: { sort: (r) => r.contentName },
    readyToUse: { sort: (r) => (r.readyToUse === undefined ? undefined : r.readyToUse ? 1 : 0), filter: (r) => String(r.readyToUse ?? '') },
    restoreSize: { sort: (r) => quantityBytes(r.restoreSize), filter: (r) => r.restoreSize ?? '' },
    error: { sort: (r) => r.error },
    age: ageColumn(),
    badge: badgeColumn(),
  },
};
