/** Pods with their volumes: status (Init: 1/3), node, volume types, claims, restarts. */
import type { PodRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { BadgeCell, badgeText, PhaseChip } from './cells';
import type { Column } from './column';

/** "pvc:1 emptyDir:2", sorted by type so rows compare at a glance. */
export function podVolumeTypes(row: PodRow): string {
  return Object.entries(row.volumeTypes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, n]) => (n > 1 ? `${type}×${n}` : type))
    .join(' ');
}

/**
 * "2/3": init containers done of all; "" when the pod has none, or when the status already says it
 * ("Init:2/3", as kubectl prints while they run), so the row does not repeat itself.
 */
export function podInit(row: PodRow): string {
  if (row.initTotal === 0) return '';
  const progress = `${row.initDone}/${row.initTotal}`;
  return row.status === `Init:${progress}` ? '' : progress;
}

export const podColumns: readonly Column<PodRow>[] = [
  { id: 'name', label: 'col.name', width: 170, grow: 2, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 90, grow: 1, value: (r) => r.namespace },
  { id: 'status', label: 'col.status', width: 110, grow: 1, value: (r) => r.status, render: (r) => <PhaseChip phase={r.status} /> },
  { id: 'ready', label: 'col.ready', width: 56, align: 'end', value: (r) => r.ready },
  { id: 'init', label: 'col.init', width: 52, align: 'end', value: podInit },
  { id: 'restarts', label: 'col.restarts', width: 72, align: 'end', value: (r) => String(r.restarts) },
  { id: 'node', label: 'col.node', width: 90, grow: 1, value: (r) => r.nodeName ?? '' },
  { id: 'volumeTypes', label: 'col.volumeTypes', width: 140, grow: 2, value: podVolumeTypes, sortable: false },
  { id: 'claims', label: 'col.claims', width: 110, grow: 1, value: (r) => r.claims.join(', ') },
  { id: 'age', label: 'col.age', width: 56, align: 'end', value: (r, ctx) => age(r.createdAt, ctx.now) },
  {
    id: 'badge',
    label: 'col.findings',
    width: 130,
    value: (r, ctx) => badgeText(r.badge, ctx),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
