/** VolumeSnapshots: source claim, class, readiness, restore size, errors. */
import type { SnapshotRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { BadgeCell, badgeText } from './cells';
import { yesNo, type Column } from './column';

export const snapshotColumns: readonly Column<SnapshotRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 100, grow: 1, priority: 1, value: (r) => r.namespace },
  { id: 'sourceClaim', label: 'col.sourceClaim', width: 140, grow: 2, priority: 2, middle: true, value: (r) => r.sourceClaim ?? '' },
  { id: 'class', label: 'col.class', width: 100, grow: 1, priority: 4, value: (r) => r.className ?? '' },
  { id: 'readyToUse', label: 'col.readyToUse', width: 64, essential: true, floor: 48, uiText: true, value: (r, ctx) => yesNo(r.readyToUse, ctx) },
  { id: 'restoreSize', label: 'col.restoreSize', width: 90, align: 'end', priority: 3, value: (r) => r.restoreSize ?? '' },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 5, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
  {
    id: 'badge',
    label: 'col.findings',
    width: 96,
    essential: true,
    floor: 56,
    // A snapshot's own error is the point of this column: its first words before Namespace is whole (N-D13).
    urgent: true,
    uiText: true,
    value: (r, ctx) => (r.error ? r.error : badgeText(r.badge, ctx)),
    // A snapshot's own error shows only until its finding (diagnose/snapshots.ts) is known.
    render: (r, ctx) => (r.badge ? <BadgeCell badge={r.badge} ctx={ctx} /> : r.error ? <span className="tone-text-bad" translate="no">{r.error}</span> : null),
  },
];
