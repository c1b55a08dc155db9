/**
 * The claims table with usage: the store's rows joined with the usage report (a poll, not a watch event, so the
 * store does not hold it). Sorting by Used, Free or Use % needs every matching row's usage: the session then asks
 * the store for all of them unsorted, joins, sorts and cuts the page itself (O(n log n) over the matching claims,
 * only when such a column is the sort). The rows' finding badges count the usage findings too (they are not in
 * the store either); sorting and filtering by severity still go by the store's findings.
 */
import { SEVERITY_ORDER, type Finding, type FindingBadge, type Severity } from '../../shared/model/findings';
import type { ClaimRow, ListRequest, Page } from '../../shared/model/rows';
import type { UsageReport, VolumeUsage } from '../../shared/model/usage';
import { claimUsageOf, claimUsageSortValue } from '../../shared/usage/claim-usage';
import { compareValues } from '../store/query';

const USAGE_COLUMNS = new Set(['used', 'free', 'usePercent'] as const);
type UsageColumn = 'used' | 'free' | 'usePercent';
const isUsageColumn = (c: string | undefined): c is UsageColumn => c !== undefined && USAGE_COLUMNS.has(c as UsageColumn);

type ListClaims = (req: Omit<ListRequest<'claims'>, 'clusterId'> & { clusterId?: string }) => Page<ClaimRow>;

/** The usage findings of each claim ("namespace/name"), to count in its row's badge. */
export type UsageFindingsByClaim = ReadonlyMap<string, readonly Finding[]>;

/** Usage findings grouped by the claim they are about. */
export function usageFindingsByClaim(findings: readonly Finding[]): UsageFindingsByClaim {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.object.kind !== 'persistentvolumeclaims') continue;
    const key = `${f.object.namespace ?? ''}/${f.object.name}`;
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

/** A row's badge with its usage findings counted in (the most severe decides the colour and the code). */
function badgeWith(badge: FindingBadge | undefined, findings: readonly Finding[] | undefined): FindingBadge | undefined {
  if (!findings || findings.length === 0) return badge;
  const rank = (s: Severity) => SEVERITY_ORDER.indexOf(s);
  const worst = findings.reduce((a, f) => (rank(f.severity) < rank(a.severity) ? f : a));
  if (badge && rank(badge.severity) <= rank(worst.severity)) return { ...badge, count: badge.count + findings.length };
  return { severity: worst.severity, code: worst.code, count: (badge?.count ?? 0) + findings.length };
}

/** Rows with their `usage` set from the report, and their badges counting the usage findings. */
export function joinClaimUsage(rows: readonly ClaimRow[], report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, findings?: UsageFindingsByClaim): ClaimRow[] {
  const index = new Map<string, VolumeUsage>();
  for (const v of report.volumes) if (v.kind === 'claim') index.set(v.key, v);
  return rows.map((r) => {
    const badge = badgeWith(r.badge, findings?.get(`${r.namespace}/${r.name}`));
    const { badge: _old, ...rest } = r;
    return { ...rest, ...(badge ? { badge } : {}), usage: claimUsageOf(r, report, nodeOfPod, index) };
  });
}

/** One page of claims with usage; sorts by a usage column here (rows without a known value last either way). */
export function listClaimsWithUsage(list: ListClaims, req: Omit<ListRequest<'claims'>, 'clusterId'> & { clusterId?: string }, report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, findings?: UsageFindingsByClaim): Page<ClaimRow> {
  const column = req.sort?.column;
  if (!isUsageColumn(column)) {
    const page = list(req);
    return { ...page, rows: joinClaimUsage(page.rows, report, nodeOfPod, findings) };
  }
  const { sort, offset, limit, ...rest } = req;
  const all = list({ ...rest, offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const sign = sort?.direction === 'desc' ? -1 : 1;
  const rows = joinClaimUsage(all.rows, report, nodeOfPod, findings)
    .map((row, i) => ({ row, i, v: claimUsageSortValue(row.usage, column) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      return sign * compareValues(a.v, b.v) || a.i - b.i;
    })
    .map((x) => x.row);
  return { total: all.total, offset, revision: all.revision, rows: rows.slice(offset, offset + limit) };
}
