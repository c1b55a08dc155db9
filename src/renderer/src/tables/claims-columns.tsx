/** Claims: claim -> volume, class, requested vs actual size, how full (Use %, Used, Free), access, pods using it, age, findings. */
import type { ClaimRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { Verbatim } from '../i18n/Verbatim';
import { usageBytesText, usePercentText } from '../format/usage';
import { UsageBarCell, UsageBytesCell } from './usage-cells';
import { PhaseChip, findingsColumn } from './cells';
import { accessModes, sizePair, type Column, type ColumnContext } from './column';

export function claimClass(row: ClaimRow, ctx: ColumnContext): string {
  if (!row.className) return row.classNone ? ctx.t('col.noClass') : '';
  return row.classIsDefault ? `${row.className} ${ctx.t('col.defaultClass')}` : row.className;
}

/** Whether a claim's usage was measured (the usage columns have data). */
export function hasUsage(row: ClaimRow): boolean {
  return row.usage?.state === 'known';
}

export const claimColumns: readonly Column<ClaimRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 100, grow: 1, priority: 1, value: (r) => r.namespace },
  {
    id: 'phase',
    label: 'col.phase',
    width: 80,
    essential: true,
    floor: 64,
    value: (r) => r.phase,
    // A coloured word (12 px, semibold: a little wider than the cell's text it is measured in), no chip padding.
    decoration: 8,
    render: (r) => <PhaseChip phase={r.phase} />,
  },
  {
    id: 'volume',
    label: 'col.volume',
    width: 140,
    grow: 2,
    // After how full it is and its age (trial 7): a dynamic volume's pvc-<uid> cut in the middle says little the
    // Bound phase has not, and the Summary links it whole.
    priority: 4.8,
    middle: true,
    value: (r) => (r.volumeName ? `→ ${r.volumeName}` : ''),
  },
  {
    id: 'class',
    label: 'col.class',
    width: 100,
    grow: 1,
    priority: 3,
    // UI text: "(default)" is ours, the class name is the cluster's.
    uiText: true,
    decoration: 0,
    value: claimClass,
    render: (r, ctx) =>
      r.className ? (
        <>
          <Verbatim>{r.className}</Verbatim>
          {r.classIsDefault ? ` ${ctx.t('col.defaultClass')}` : ''}
        </>
      ) : r.classNone ? (
        <span className="muted" title={ctx.t('col.noClassTitle')}>
          {ctx.t('col.noClass')}
        </span>
      ) : null,
  },
  { id: 'size', label: 'col.size', width: 110, priority: 2, value: (r) => sizePair(r.requested, r.capacity) },
  // Usage (the kubelet's stats through the node proxy): never at the cost of Class or Requested (trial 4, N2), so
  // Use % comes after them and Used and Free after the age; none of them is shown while no row on screen has
  // usage (a recording or a snapshot without it), unless the user shows them from the Columns menu.
  {
    id: 'usePercent',
    label: 'col.usePercent',
    width: 96,
    priority: 4.5,
    hasData: hasUsage,
    uiText: true,
    // Unknown usage is a dash in the cell (its reason in the title, usage-cells.tsx).
    value: (r, ctx) => (r.usage?.state === 'known' && r.usage.usePercent !== undefined ? usePercentText(r.usage, ctx) : '—'),
    // The bar (36 px, controls.css .usage-bar) and its 6 px gap are drawn beside the measured percent.
    decoration: 42,
    render: (r, ctx) => <UsageBarCell usage={r.usage} ctx={ctx} />,
  },
  {
    id: 'used',
    label: 'col.used',
    width: 64,
    align: 'end',
    priority: 5.5,
    hasData: hasUsage,
    uiText: true,
    value: (r, ctx) => usageBytesText(r.usage, 'usedBytes', ctx),
    render: (r, ctx) => <UsageBytesCell usage={r.usage} field="usedBytes" ctx={ctx} />,
  },
  {
    id: 'free',
    label: 'col.free',
    width: 64,
    align: 'end',
    priority: 5.6,
    hasData: hasUsage,
    uiText: true,
    value: (r, ctx) => usageBytesText(r.usage, 'availableBytes', ctx),
    render: (r, ctx) => <UsageBytesCell usage={r.usage} field="availableBytes" ctx={ctx} />,
  },
  { id: 'accessModes', label: 'col.accessModes', width: 64, priority: 7, value: (r) => accessModes(r.accessModes) },
  { id: 'pods', label: 'col.pods', width: 90, grow: 1, priority: 6, value: (r) => r.pods.join(', ') },
  // Before the volume, after Use % (trial 7): how long a claim has been Pending is what support asks first, and
  // 56 px buy it.
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 4.6, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
  findingsColumn(),
];
