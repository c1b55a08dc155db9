/** VolumeAttributesClasses: the driver, its parameters, the claims asking for it and those that have it now. */
import type { AttributesClassRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import type { Column } from './column';

/** Parameters as "key=value, key=value", keys in order (the driver's words: opaque to Kubernetes). */
export function attributesParameters(row: AttributesClassRow): string {
  return Object.keys(row.parameters)
    .sort()
    .map((k) => `${k}=${row.parameters[k]}`)
    .join(', ');
}

export const attributesClassColumns: readonly Column<AttributesClassRow>[] = [
  { id: 'name', label: 'col.name', width: 140, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'driver', label: 'col.driver', width: 150, grow: 1, essential: true, floor: 80, identifier: true, value: (r) => r.driverName },
  { id: 'parameters', label: 'col.parameters', width: 200, grow: 3, priority: 2, value: attributesParameters },
  { id: 'claims', label: 'col.claims', width: 64, align: 'end', priority: 1, value: (r) => String(r.claims) },
  { id: 'current', label: 'col.attributesApplied', width: 72, align: 'end', priority: 3, value: (r) => String(r.current) },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 4, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
];
