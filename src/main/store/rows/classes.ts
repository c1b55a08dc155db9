/** StorageClasses table: provisioner and its verdict, policies, default, claims and volumes with their sizes. */
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { StorageClass } from '../../../shared/kube/objects';
import type { ClassRow } from '../../../shared/model/rows';
import { quantityBytes } from '../../../shared/quantity';
import { isDefaultClass } from '../object-keys';
import { NO_CLASS } from '../indices';
import { ageColumn, badgeColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function buildClassRow(ctx: RowContext, sc: StorageClass, key: string): ClassRow {
  const name = sc.metadata?.name ?? '';
  const store = ctx.store;
  const isDefault = isDefaultClass(sc);
  let claims = store.claimsOfClass(name);
  // Claims naming no class count for the default class they get.
  if (isDefault && store.defaultClassName() === name) claims = [...claims, ...store.claimsOfClass(NO_CLASS)];
  const volumes = store.volumesOfClass(name);
  let requestedBytes = 0;
  for (const c of claims) requestedBytes += quantityBytes(c.spec?.resources?.requests?.['storage']) ?? 0;
  let provisionedBytes = 0;
  for (const v of volumes) provisionedBytes += quantityBytes(v.spec?.capacity?.['storage']) ?? 0;
  const row: ClassRow = {
    ...rowBase(refTo('storageclasses', sc), sc, ctx.badge('storageclasses', key)),
    name,
    provisioner: sc.provisioner ?? '',
    // Defaults the API server fills in when the class omits them.
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    bindingMode: sc.volumeBindingMode ?? 'Immediate',
    allowExpansion: sc.allowVolumeExpansion === true,
    isDefault,
    parameters: { ...(sc.parameters ?? {}) },
    claims: claims.length,
    volumes: volumes.length,
    requestedBytes,
    provisionedBytes,
  };
  const verdict = sc.provisioner ? ctx.provisioner(sc.provisioner)?.verdict : undefined;
  if (verdict) row.provisionerVerdict = verdict;
  return row;
}

export const classesTable: TableSpec<ClassRow> = {
  kind: 'storageclasses',
  build: (ctx, obj, key) => buildClassRow(ctx, obj as StorageClass, key),
  namespace: () => undefined,
  namespaced: false,
  text: (r) =>
    joinText([r.name, r.provisioner, r.reclaimPolicy, r.bindingMode, r.isDefault && 'default', r.provisionerVerdict, ...Object.entries(r.parameters).map(([k, v]) => `${k}=${v}`), r.badge?.code]),
  columns: {
    name: { sort: (r) => r.name },
    provisioner: { sort: (r) => r.provisioner },
    bindingMode: { sort: (r) => r.bindingMode },
    reclaim: { sort: (r) => r.reclaimPolicy, filter: (r) => r.reclaimPolicy },
    reclaimPolicy: { sort: (r) => r.reclaimPolicy },
    expansion: { sort: (r) => (r.allowExpansion ? 1 : 0), filter: (r) => String(r.allowExpansion) },
    allowExpansion: { sort: (r) => (r.allowExpansion ? 1 : 0), filter: (r) => String(r.allowExpansion) },
    default: { sort: (r) => (r.isDefault ? 0 : 1), filter: (r) => String(r.isDefault) },
    isDefault: { sort: (r) => (r.isDefault ? 0 : 1), filter: (r) => String(r.isDefault) },
    claims: { sort: (r) => r.claims },
    volumes: { sort: (r) => r.volumes },
    usage: { sort: (r) => r.requestedBytes, filter: (r) => String(r.requestedBytes) },
    requestedBytes: { sort: (r) => r.requestedBytes },
    provisionedBytes: { sort: (r) => r.provisionedBytes },
    verdict: { sort: (r) => r.provisionerVerdict },
    provisionerVerdict: { sort: (r) => r.provisionerVerdict },
    age: ageColumn(),
    badge: badgeColumn(),
  },
};
