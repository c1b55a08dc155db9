/** Pods with their volumes: status (Init: 1/3), node, volume types, claims, restarts. */
import type { PodRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { PhaseChip, findingsColumn } from './cells';
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
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 100, grow: 1, priority: 1, value: (r) => r.namespace },
  { id: 'status', label: 'col.status', width: 100, grow: 1, essential: true, floor: 64, value: (r) => r.status, decoration: 8, render: (r) => <PhaseChip phase={r.status} /> },
  { id: 'ready', label: 'col.ready', width: 56, align: 'end', priority: 2, value: (r) => r.ready },
  { id: 'init', label: 'col.init', width: 52, align: 'end', priority: 8, value: podInit },
  { id: 'restarts', label: 'col.restarts', width: 64, align: 'end', priority: 5, value: (r) => String(r.restarts) },
  { id: 'node', label: 'col.node', width: 100, grow: 1, priority: 4, value: (r) => r.nodeName ?? '' },
  { id: 'volumeTypes', label: 'col.volumeTypes', width: 130, grow: 2, priority: 7, value: podVolumeTypes },
  { id: 'claims', label: 'col.claims', width: 110, grow: 1, priority: 3, value: (r) => r.claims.join(', ') },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 6, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
  findingsColumn(),
];
