/** Provisioners: type, health verdict with reasons, classes, CSI registration, leader lease, pods. */
import type { ProvisionerRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import { Verbatim } from '../i18n/Verbatim';
import { VerdictChip, findingsColumn } from './cells';
import { NOT_KNOWN, type Column, type ColumnContext } from './column';

export function provisionerLease(row: ProvisionerRow, ctx: ColumnContext): string {
  if (!row.leaseHolder) return NOT_KNOWN;
  const renewed = ago(row.leaseRenewedAt, ctx.now, ctx);
  return renewed ? `${row.leaseHolder} · ${renewed}` : row.leaseHolder;
}

/**
 * Ready/total pods, or in words why there is no count: «встроенный» (in-tree), «нет» (nothing provisions),
 * «не найдены» (none seen). A bare «—» read as a missing value (trial 9 of issue 8); the title says more.
 */
export function provisionerPods(row: ProvisionerRow, ctx: ColumnContext): string {
  if (row.podsTotal !== undefined) return `${row.podsReady ?? 0}/${row.podsTotal}`;
  return ctx.t(row.type === 'in-tree' ? 'col.pods.inTree' : row.type === 'none' ? 'col.pods.none' : 'col.pods.notSeen');
}

/** Why a provisioner's Pods cell shows no count (no live pod of it was found). */
export function provisionerPodsTitle(row: ProvisionerRow, ctx: ColumnContext): string | undefined {
  if (row.podsTotal !== undefined) return undefined;
  return ctx.t(row.type === 'in-tree' ? 'col.notKnown.podsInTree' : row.type === 'none' ? 'col.notKnown.podsNone' : 'col.notKnown.podsNotSeen');
}

export function provisionerNodes(row: ProvisionerRow): string {
  if (row.type !== 'csi') return NOT_KNOWN;
  return String(row.registeredNodes.length);
}

export const provisionerColumns: readonly Column<ProvisionerRow>[] = [
  { id: 'name', label: 'col.name', width: 170, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  // Type and Pods (ready/total) say more about health than the lease holder's long id: a cut lease never hides them
  // (column-layout rule 5), while Registered nodes gives way first.
  { id: 'type', label: 'col.type', width: 70, priority: 1.5, uiText: true, value: (r, ctx) => ctx.t(`provisionerTypeShort.${r.type}`) },
  {
    id: 'verdict',
    label: 'col.verdict',
    width: 96,
    essential: true,
    floor: 64,
    // A cut verdict chip («с перебоями ·») reads as nothing (trial 4, defect 16): other columns give way first.
    keepWhole: true,
    chip: true,
    // A verdict chip has 5 px of padding a side and no icon (controls.css .verdict), and is semibold; the pill's
    // border and the cell's own inline margins drew 16 px more than that measured (trial-layout's short verdicts).
    decoration: 20,
    value: (r, ctx) => ctx.t(`verdict.${r.verdict}`),
    uiText: true,
    render: (r, ctx) => <VerdictChip verdict={r.verdict} t={ctx.t} />,
  },
  { id: 'classes', label: 'col.class', width: 120, grow: 2, priority: 1, value: (r) => r.classes.join(', ') },
  {
    id: 'registered',
    label: 'col.registered',
    width: 64,
    align: 'end',
    priority: 5,
    value: provisionerNodes,
    title: (r, ctx) => (r.type === 'csi' ? undefined : ctx.t('col.notKnown.registeredNotCsi')),
  },
  {
    id: 'lease',
    label: 'col.lease',
    width: 150,
    grow: 2,
    priority: 2,
    uiText: true,
    decoration: 0,
    value: provisionerLease,
    // In-tree and static provisioners elect no leader: their "—" needs no reason beyond the Type column.
    title: (r, ctx) => (r.leaseHolder || r.type === 'in-tree' || r.type === 'none' ? undefined : ctx.t('col.notKnown.leaseNone')),
    // The holder is the cluster's name for it; the age is ours.
    render: (r, ctx) =>
      r.leaseHolder ? (
        <>
          <Verbatim>{r.leaseHolder}</Verbatim>
          {r.leaseRenewedAt ? ` · ${ago(r.leaseRenewedAt, ctx.now, ctx)}` : ''}
        </>
      ) : (
        NOT_KNOWN
      ),
  },
  { id: 'pods', label: 'col.pods', width: 60, align: 'end', priority: 1.6, uiText: true, value: provisionerPods, title: provisionerPodsTitle },
  findingsColumn(),
];
