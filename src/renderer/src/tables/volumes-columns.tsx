/** Volumes: phase, the claim bound to it, class, size, access, reclaim policy, source, node affinity. */
import type { VolumeRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { Verbatim } from '../i18n/Verbatim';
import { PhaseChip, findingsColumn } from './cells';
import { accessModes, type Column } from './column';

export function volumeClaim(row: VolumeRow): string {
  return row.claim ? `${row.claim.namespace}/${row.claim.name}` : '';
}

export function volumeSource(row: VolumeRow): string {
  return row.driver ? `${row.sourceType} (${row.driver})` : row.sourceType;
}

export const volumeColumns: readonly Column<VolumeRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'phase', label: 'col.phase', width: 80, essential: true, floor: 64, value: (r) => r.phase, decoration: 8, render: (r) => <PhaseChip phase={r.phase} /> },
  { id: 'claim', label: 'col.claim', width: 140, grow: 2, priority: 1, middle: true, value: volumeClaim },
  {
    id: 'class',
    label: 'col.class',
    width: 90,
    grow: 1,
    priority: 3,
    // A volume without storageClassName has no class (no default applies to a volume): said in words, as Claims
    // says «no class» for storageClassName "" (trial 10: an empty cell here beside «без класса» there).
    uiText: true,
    decoration: 0,
    value: (r, ctx) => r.className ?? ctx.t('col.noClass'),
    render: (r, ctx) =>
      r.className ? (
        <Verbatim>{r.className}</Verbatim>
      ) : (
        <span className="muted" title={ctx.t('col.volumeNoClassTitle')}>
          {ctx.t('col.noClass')}
        </span>
      ),
  },
  { id: 'capacity', label: 'col.capacity', width: 80, align: 'end', priority: 2, value: (r) => r.capacity ?? '' },
  { id: 'accessModes', label: 'col.accessModes', width: 64, priority: 7, value: (r) => accessModes(r.accessModes) },
  { id: 'reclaim', label: 'col.reclaim', width: 72, priority: 5, value: (r) => r.reclaimPolicy ?? '' },
  { id: 'source', label: 'col.source', width: 110, grow: 1, priority: 4, value: volumeSource },
  { id: 'nodeAffinity', label: 'col.nodeAffinity', width: 90, grow: 1, priority: 8, value: (r) => r.nodeAffinity ?? '' },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 6, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
  findingsColumn(),
];
