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
  { id: 'name', label: 'col.name', width: 'minmax(140px, 2fr)', value: (r) => r.name },
  {
    id: 'provisioner',
    label: 'col.provisioner',
    width: 'minmax(180px, 2fr)',
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
  { id: 'bindingMode', label: 'col.bindingMode', width: 'minmax(120px, 1fr)', value: (r) => r.bindingMode },
  { id: 'reclaim', label: 'col.reclaim', width: '80px', value: (r) => r.reclaimPolicy },
  { id: 'expansion', label: 'col.expansion', width: '70px', value: (r, ctx) => yesNo(r.allowExpansion, ctx) },
  { id: 'default', label: 'col.default', width: '90px', value: (r, ctx) => (r.isDefault ? ctx.t('col.yes') : '') },
  { id: 'claims', label: 'col.claims', width: '64px', align: 'end', value: (r) => String(r.claims) },
  { id: 'volumes', label: 'col.volumes', width: '64px', align: 'end', value: (r) => String(r.volumes) },
  { id: 'usage', label: 'col.usage', width: '140px', align: 'end', value: classUsage },
  {
    id: 'badge',
    label: 'col.findings',
    width: '130px',
    value: (r, ctx) => badgeText(r.badge, ctx),
    render: (r, ctx) => <BadgeCell badge={r.badge} ctx={ctx} />,
  },
];
