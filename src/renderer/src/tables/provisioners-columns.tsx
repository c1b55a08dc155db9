/** Provisioners: type, health verdict with reasons, classes, CSI registration, leader lease, pods. */
import type { ProvisionerRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import { BadgeCell, badgeText } from './cells';
import type { Column, ColumnContext } from './column';

export function provisionerLease(row: ProvisionerRow, ctx: ColumnContext): string {
  if (!row.leaseHolder) return '';
  const renewed = ago(row.leaseRenewedAt, ctx.now, ctx.t);
  return renewed ? `${row.leaseHolder} · ${renewed}` : row.leaseHolder;
}

export function provisionerPods(row: ProvisionerRow): string {
  return row.podsTotal === undefined ? '' : `${row.podsReady ?? 0}/${row.podsTotal}`;
}

export function provisionerNodes(row: ProvisionerRow): string {
  if (row.type !== 'csi') return '';
  return String(row.registeredNodes.length);
}

export const provisionerColumns: readonly Column<ProvisionerRow>[] = [
  { id: 'name', label: 'col.name', width: 180, grow: 2, value: (r) => r.name },
  { id: 'type', label: 'col.type', width: 80, value: (r) => r.type },
  {
    id: 'verdict',
    label: 'col.verdict',
    width: 110,
    value: (r, ctx) => ctx.t(`verdict.${r.verdict}`),
    render: (r, ctx) => (
      <span className={`verdict v-${r.verdict}`} title={r.reasons.join('\n')}>
        {ctx.t(`verdict.${r.verdict}`)}
      </span>
    ),
  },
  { id: 'classes', label: 'col.class', width: 120, grow: 2, value: (r) => r.classes.join(', ') },
  { id: 'registered', label: 'col.registered', width: 64, align: 'end', value: provisionerNodes },
  { id: 'lease', label: 'col.lease', width: 150, grow: 2, value: provisionerLease },
  { id: 'pods', label: 'col.pods', width: 64, align: 'end', value: provisionerPods },
  {
    id: 'badge',
    label: 'col.findings',
    width: 130,
    value: (r, ctx) => badgeText(r.badge, ctx),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
