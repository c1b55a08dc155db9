/** VolumeSnapshots: source claim, class, readiness, restore size, errors. */
import type { SnapshotRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { BadgeCell, badgeText } from './cells';
import { yesNo, type Column } from './column';

export const snapshotColumns: readonly Column<SnapshotRow>[] = [
  { id: 'name', label: 'col.name', width: 160, grow: 2, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 90, grow: 1, value: (r) => r.namespace },
  { id: 'sourceClaim', label: 'col.sourceClaim', width: 140, grow: 2, value: (r) => r.sourceClaim ?? '' },
  { id: 'class', label: 'col.class', width: 100, grow: 1, value: (r) => r.className ?? '' },
  { id: 'readyToUse', label: 'col.readyToUse', width: 64, value: (r, ctx) => yesNo(r.readyToUse, ctx) },
  { id: 'restoreSize', label: 'col.restoreSize', width: 100, align: 'end', value: (r) => r.restoreSize ?? '' },
  { id: 'age', label: 'col.age', width: 56, align: 'end', value: (r, ctx) => age(r.createdAt, ctx.now) },
  {
    id: 'badge',
    label: 'col.findings',
    width: 130,
    value: (r, ctx) => (r.error ? r.error : badgeText(r.badge, ctx)),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
