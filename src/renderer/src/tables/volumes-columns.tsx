/** Volumes: phase, the claim bound to it, class, size, access, reclaim policy, source, node affinity. */
import type { VolumeRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { BadgeCell, badgeText, PhaseChip } from './cells';
import { accessModes, type Column } from './column';

export function volumeClaim(row: VolumeRow): string {
  return row.claim ? `${row.claim.namespace}/${row.claim.name}` : '';
}

export function volumeSource(row: VolumeRow): string {
  return row.driver ? `${row.sourceType} (${row.driver})` : row.sourceType;
}

export const volumeColumns: readonly Column<VolumeRow>[] = [
  { id: 'name', label: 'col.name', width: 'minmax(160px, 2fr)', value: (r) => r.name },
  { id: 'phase', label: 'col.phase', width: '96px', value: (r) => r.phase, render: (r) => <PhaseChip phase={r.phase} /> },
  { id: 'claim', label: 'col.claim', width: 'minmax(140px, 2fr)', value: volumeClaim },
  { id: 'class', label: 'col.class', width: 'minmax(90px, 1fr)', value: (r) => r.className ?? '' },
  { id: 'capacity', label: 'col.capacity', width: '80px', align: 'end', value: (r) => r.capacity ?? '' },
  { id: 'accessModes', label: 'col.accessModes', width: '70px', value: (r) => accessModes(r.accessModes) },
  { id: 'reclaim', label: 'col.reclaim', width: '80px', value: (r) => r.reclaimPolicy ?? '' },
  { id: 'source', label: 'col.source', width: 'minmax(110px, 1fr)', value: volumeSource },
  { id: 'nodeAffinity', label: 'col.nodeAffinity', width: 'minmax(90px, 1fr)', value: (r) => r.nodeAffinity ?? '' },
  { id: 'age', label: 'col.age', width: '56px', align: 'end', value: (r, ctx) => age(r.createdAt, ctx.now) },
  {
    id: 'badge',
    label: 'col.findings',
    width: '130px',
    value: (r, ctx) => badgeText(r.badge, ctx),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
