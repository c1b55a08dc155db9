/** StorageClasses: provisioner and its health, binding mode, reclaim, expansion, default, usage. */
import type { ClassRow } from '../../../shared/model/rows';
import { formatBytes } from '../format/bytes';
import { ChipThenText, VerdictChip, findingsColumn } from './cells';
import { yesNo, type Column, type ColumnContext } from './column';

export function classProvisioner(row: ClassRow, ctx: ColumnContext): string {
  return row.provisionerVerdict ? `${row.provisioner} (${ctx.t(`verdict.${row.provisionerVerdict}`)})` : row.provisioner;
}

export function classUsage(row: ClassRow, ctx: ColumnContext): string {
  return `${formatBytes(row.requestedBytes, ctx)} / ${formatBytes(row.provisionedBytes, ctx)}`;
}

export const classColumns: readonly Column<ClassRow>[] = [
  { id: 'name', label: 'col.name', width: 130, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  {
    id: 'provisioner',
    label: 'col.provisioner',
    width: 170,
    grow: 2,
    // The provisioner's health is the class's status: its chip comes first, so a narrow column cuts the name, never the chip.
    essential: true,
    floor: 96,
    // Followed from a claim, read whole: the columns after it give way first (rule 5), up to 360 px.
    identifier: true,
    // UI text: the verdict chip is translated, ChipThenText marks the provisioner's name translate="no".
    uiText: true,
    value: classProvisioner,
    // Measured as drawn: the name in the cell's font after the verdict chip in its own (Column.leadingChip).
    shown: (r) => r.provisioner,
    leadingChip: (r, ctx) => (r.provisionerVerdict ? ctx.t(`verdict.${r.provisionerVerdict}`) : undefined),
    decoration: 0,
    render: (r, ctx) => <ChipThenText chip={r.provisionerVerdict && <VerdictChip verdict={r.provisionerVerdict} t={ctx.t} />} text={r.provisioner} />,
  },
  { id: 'bindingMode', label: 'col.bindingMode', width: 110, grow: 1, priority: 3, value: (r) => r.bindingMode },
  { id: 'reclaim', label: 'col.reclaim', width: 72, priority: 5, value: (r) => r.reclaimPolicy },
  { id: 'expansion', label: 'col.expansion', width: 64, priority: 6, uiText: true, value: (r, ctx) => yesNo(r.allowExpansion, ctx) },
  { id: 'default', label: 'col.default', width: 70, priority: 4, uiText: true, value: (r, ctx) => (r.isDefault ? ctx.t('col.yes') : '') },
  { id: 'claims', label: 'col.claims', width: 64, align: 'end', priority: 1, value: (r) => String(r.claims) },
  { id: 'volumes', label: 'col.volumes', width: 64, align: 'end', priority: 2, value: (r) => String(r.volumes) },
  { id: 'usage', label: 'col.usage', width: 130, align: 'end', priority: 7, uiText: true, value: classUsage },
  findingsColumn(),
];
