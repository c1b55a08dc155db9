/**
 * VolumeAttributesClasses table: the driver, its parameters, and how many claims ask for the class
 * (spec.volumeAttributesClassName) and have it now (status.currentVolumeAttributesClassName, which external-resizer
 * sets once the driver applied it). Not diagnosed: no badge; the claims carry the findings. Field meanings:
 * k8s.io/api storage/v1 types.go (VolumeAttributesClass), core/v1 types.go (PersistentVolumeClaimStatus).
 */
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { VolumeAttributesClass } from '../../../shared/kube/objects';
import type { AttributesClassRow } from '../../../shared/model/rows';
import { ageColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function buildAttributesClassRow(ctx: RowContext, vac: VolumeAttributesClass, key: string): AttributesClassRow {
  const name = vac.metadata?.name ?? '';
  return {
    ...rowBase(refTo('volumeattributesclasses', vac), vac, ctx.badge('volumeattributesclasses', key)),
    name,
    driverName: vac.driverName ?? '',
    parameters: { ...(vac.parameters ?? {}) },
    claims: ctx.store.claimsOfAttributesClass(name, 'wanted').length,
    current: ctx.store.claimsOfAttributesClass(name, 'current').length,
  };
}

/** Parameters as one sortable, searchable text: "iops=3000, throughput=125", keys in order. */
export function parametersText(parameters: Record<string, string>): string {
  return Object.keys(parameters)
    .sort()
    .map((k) => `${k}=${parameters[k]}`)
    .join(', ');
}

export const attributesClassesTable: TableSpec<AttributesClassRow> = {
  kind: 'volumeattributesclasses',
  build: (ctx, obj, key) => buildAttributesClassRow(ctx, obj as VolumeAttributesClass, key),
  namespace: () => undefined,
  namespaced: false,
  text: (r) => joinText([r.name, r.driverName, parametersText(r.parameters)]),
  columns: {
    name: { sort: (r) => r.name },
    driver: { sort: (r) => r.driverName },
    parameters: { sort: (r) => parametersText(r.parameters) },
    claims: { sort: (r) => r.claims },
    current: { sort: (r) => r.current },
    age: ageColumn(),
  },
};
