/** Claims table: phase (Terminating when deleting), bound volume, class (or the default), sizes, pods using it. */
import { claimUsageSortValue } from '../../../shared/usage/claim-usage';
import { claimClassName } from '../../../shared/diagnose/view';
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { PersistentVolumeClaim } from '../../../shared/kube/objects';
import type { ClaimRow } from '../../../shared/model/rows';
import { canonicalQuantity, quantityBytes } from '../../../shared/quantity';
import { ageColumn, badgeColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

/** Resize state from conditions and allocatedResourceStatuses (KEP-1790), e.g. "Resizing", "ControllerResizeInfeasible". */
export function claimResizeStatus(claim: PersistentVolumeClaim): string | undefined {
  const allocation = claim.status?.allocatedResourceStatuses?.['storage'];
  if (allocation) return allocation;
  for (const type of ['Resizing', 'FileSystemResizePending', 'ControllerResizeError', 'NodeResizeError']) {
    if (claim.status?.conditions?.some((c) => c.type === type && c.status === 'True')) return type;
  }
  return undefined;
}

export function claimPhase(claim: PersistentVolumeClaim): string {
  if (claim.metadata?.deletionTimestamp) return 'Terminating';
  return claim.status?.phase ?? 'Pending';
}

export function buildClaimRow(ctx: RowContext, claim: PersistentVolumeClaim, key: string): ClaimRow {
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const own = claimClassName(claim);
  const className = own ?? ctx.store.defaultClassName();
  const requestedText = claim.spec?.resources?.requests?.['storage'];
  const capacityText = claim.status?.capacity?.['storage'];
  const row: ClaimRow = {
    ...rowBase(refTo('persistentvolumeclaims', claim), claim, ctx.badge('persistentvolumeclaims', key)),
    namespace: ns,
    name,
    phase: claimPhase(claim),
    accessModes: claim.spec?.accessModes ?? [],
    pods: ctx.store.podsUsingClaim(ns, name).map((p) => p.metadata?.name ?? '').sort(),
  };
  if (claim.spec?.volumeName) row.volumeName = claim.spec.volumeName;
  if (className) row.className = className;
  if (own === undefined && className) row.classIsDefault = true;
  // storageClassName "" is a choice, not a gap: the table says so instead of an empty cell (trial 10).
  if (own === '') row.classNone = true;
  const requested = canonicalQuantity(requestedText);
  if (requested) row.requested = requested;
  const requestedBytes = quantityBytes(requestedText);
  if (requestedBytes !== undefined) row.requestedBytes = requestedBytes;
  const capacity = canonicalQuantity(capacityText);
  if (capacity) row.capacity = capacity;
  const capacityBytes = quantityBytes(capacityText);
  if (capacityBytes !== undefined) row.capacityBytes = capacityBytes;
  if (claim.spec?.volumeMode) row.volumeMode = claim.spec.volumeMode;
  const provisioner = className ? ctx.store.get('storageclasses', className)?.provisioner : undefined;
  if (provisioner) row.provisioner = provisioner;
  const resize = claimResizeStatus(claim);
  if (resize) row.resizeStatus = resize;
  return row;
}

export const claimsTable: TableSpec<ClaimRow> = {
  kind: 'persistentvolumeclaims',
  build: (ctx, obj, key) => buildClaimRow(ctx, obj as PersistentVolumeClaim, key),
  namespace: (r) => r.namespace,
  namespaced: true,
  text: (r) =>
    joinText([`${r.namespace}/${r.name}`, r.phase, r.volumeName, r.className, r.requested, r.capacity, r.accessModes.join(' '), r.pods.join(' '), r.provisioner, r.badge?.code]),
  columns: {
    name: { sort: (r) => r.name },
    namespace: { sort: (r) => r.namespace },
    phase: { sort: (r) => r.phase },
    volume: { sort: (r) => r.volumeName, filter: (r) => r.volumeName ?? '' },
    volumeName: { sort: (r) => r.volumeName },
    class: { sort: (r) => r.className, filter: (r) => r.className ?? '' },
    className: { sort: (r) => r.className },
    size: { sort: (r) => r.requestedBytes ?? r.capacityBytes, filter: (r) => r.requested ?? '' },
    requested: { sort: (r) => r.requestedBytes, filter: (r) => r.requested ?? '' },
    capacity: { sort: (r) => r.capacityBytes, filter: (r) => r.capacity ?? '' },
    // Usage is joined by the cluster session (core/claim-rows.ts), which sorts by these itself; a store's own
    // rows carry none, so here they sort last.
    used: { sort: (r) => claimUsageSortValue(r.usage, 'used'), filter: () => '' },
    free: { sort: (r) => claimUsageSortValue(r.usage, 'free'), filter: () => '' },
    usePercent: { sort: (r) => claimUsageSortValue(r.usage, 'usePercent'), filter: () => '' },
    accessModes: { sort: (r) => r.accessModes.join(','), filter: (r) => r.accessModes.join(',') },
    volumeMode: { sort: (r) => r.volumeMode },
    pods: { sort: (r) => r.pods.length, filter: (r) => r.pods.join(',') },
    provisioner: { sort: (r) => r.provisioner },
    resizeStatus: { sort: (r) => r.resizeStatus },
    age: ageColumn(),
    badge: badgeColumn(),
  },
};
