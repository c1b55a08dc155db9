/** StorageClasses: provisioner and its health, binding mode, reclaim, expansion, default, usage. */
import type { ClassRow } from '../../../shared/model/rows';
import { formatBytes } from '../format/bytes';
import { BadgeCell, badgeText } from './cells';
import { yesNo, type Column, type ColumnContext } from './column';

export function classProvisioner(row: ClassRow, ctx: ColumnContext): string {
  return row.provisionerVerdict ? `${row.provisioner} (${ctx.t(`verdict.${row.provisionerVerdict}`)})` : row.provisioner;
}

export function classUsage(row: ClassRow): string {
  return `${formatBytes(row.requestedBytes)} / ${formatBytes(row.provisionedBytes)}`;
}

export const classColumns: readonly Column<ClassRow>[] = [
  { id: 'name', label: 'col.name', width: 140, grow: 2, value: (r) => r.name },
  {
    id: 'provisioner',
    label: 'col.provisioner',
    width: 180, grow: 2,
    value: classProvisioner,
    render: (r, ctx) => (
      <span>
        {r.provisioner}{' '}
        {r.provisionerVerdict && (
          <span className={`verdict v-${r.provisionerVerdict}`}>{ctx.t(`verdict.${r.provisionerVerdict}`)}</span>
        )}
      </span>
    ),
  },
  { id: 'bindingMode', label: 'col.bindingMode', width: 120, grow: 1, value: (r) => r.bindingMode },
  { id: 'reclaim', label: 'col.reclaim', width: 80, value: (r) => r.reclaimPolicy },
  { id: 'expansion', label: 'col.expansion', width: 70, value: (r, ctx) => yesNo(r.allowExpansion, ctx) },
  { id: 'default', label: 'col.default', width: 90, value: (r, ctx) => (r.isDefault ? ctx.t('col.yes') : '') },
  { id: 'claims', label: 'col.claims', width: 64, align: 'end', value: (r) => String(r.claims) },
  { id: 'volumes', label: 'col.volumes', width: 64, align: 'end', value: (r) => String(r.volumes) },
  { id: 'usage', label: 'col.usage', width: 140, align: 'end', value: classUsage },
  {
    id: 'badge',
    label: 'col.findings',
    width: 130,
    value: (r, ctx) => badgeText(r.badge, ctx),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
