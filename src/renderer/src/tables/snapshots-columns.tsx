/** VolumeSnapshots: source claim, class, readiness, restore size, errors. */
import type { SnapshotRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { findingsColumn } from './cells';
import { yesNo, type Column } from './column';

export const snapshotColumns: readonly Column<SnapshotRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 100, grow: 1, priority: 1, value: (r) => r.namespace },
  { id: 'sourceClaim', label: 'col.sourceClaim', width: 140, grow: 2, priority: 2, middle: true, value: (r) => r.sourceClaim ?? '' },
  { id: 'class', label: 'col.class', width: 100, grow: 1, priority: 4, value: (r) => r.className ?? '' },
  { id: 'readyToUse', label: 'col.readyToUse', width: 64, essential: true, floor: 48, uiText: true, value: (r, ctx) => yesNo(r.readyToUse, ctx) },
  { id: 'restoreSize', label: 'col.restoreSize', width: 90, align: 'end', priority: 3, value: (r) => r.restoreSize ?? '' },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 5, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
  findingsColumn(),
];
