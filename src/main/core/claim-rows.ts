/**
 * The claims table with usage: the store's rows joined with the usage report (a poll, not a watch event, so the
 * store does not hold it). Sorting by Used, Free or Use % needs every matching row's usage: the session then asks
 * the store for all of them unsorted, joins, sorts and cuts the page itself (O(n log n) over the matching claims,
 * only when such a column is the sort). The rows' finding badges count the usage findings too (they are not in
 * the store either), and so do sorting by findings and filtering by severity: a claim whose only finding is
 * "nearly full" sorts and filters as a warning, like any other finding.
 */
import { SEVERITY_ORDER, type Finding, type FindingBadge, type Severity } from '../../shared/model/findings';
import type { ClaimRow, ListRequest, Page } from '../../shared/model/rows';
import type { UsageReport, VolumeUsage } from '../../shared/model/usage';
import { claimUsageOf, claimUsageSortValue } from '../../shared/usage/claim-usage';
import { sameRef, type TargetRef } from '../../shared/model/refs';
import { compareValues } from '../store/query';
import { badgeColumn } from '../store/rows/table-spec';

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

type ClaimsRequest = Omit<ListRequest<'claims'>, 'clusterId'> & { clusterId?: string };

/**
 * Whether the session must order or filter the claims itself: sorted by a usage column (the store holds no usage),
 * or by findings or filtered by severity while some claim has usage findings (the store's badges do not count
 * them, so a claim whose only finding is "nearly full" would sort and filter as if it had none).
 */
function sessionSide(req: ClaimsRequest, findings: UsageFindingsByClaim | undefined): { sort: boolean; severity: boolean } {
  const usageFindings = findings !== undefined && findings.size > 0;
  const column = req.sort?.column;
  return {
    sort: isUsageColumn(column) || (usageFindings && column === 'badge'),
    severity: usageFindings && (req.minSeverity !== undefined || req.filters?.['badge'] !== undefined),
  };
}

/** The value a session-side sort orders by: a usage column's number, or the badge's rank as the store ranks it. */
const BADGE = badgeColumn<ClaimRow>();
function sortValue(row: ClaimRow, column: string): number | undefined {
  if (isUsageColumn(column)) return claimUsageSortValue(row.usage, column);
  return BADGE.sort(row) as number | undefined;
}

/**
 * Every claim the request matches, with usage and usage findings joined, filtered and ordered as the request asks
 * (the store's order kept for ties, rows without a value last either way, as the store sorts). O(n log n) over the
 * matching claims; only used when sessionSide says the store cannot do it alone.
 */
function orderedClaims(list: ListClaims, req: ClaimsRequest, side: { sort: boolean; severity: boolean }, report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, findings?: UsageFindingsByClaim): { rows: ClaimRow[]; revision: number } {
  const { sort, offset: _offset, limit: _limit, minSeverity, filters, ...rest } = req;
  const { badge: badgeFilter, ...otherFilters } = filters ?? {};
  const storeReq: ClaimsRequest = {
    ...rest,
    ...(side.sort || !sort ? {} : { sort }),
    ...(side.severity ? {} : { ...(minSeverity ? { minSeverity } : {}) }),
    ...(filters ? { filters: side.severity ? otherFilters : filters } : {}),
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
  };
  const all = list(storeReq);
  let rows = joinClaimUsage(all.rows, report, nodeOfPod, findings);
  if (side.severity) {
    const limit = minSeverity ? SEVERITY_ORDER.indexOf(minSeverity) : undefined;
    rows = rows.filter((r) => (limit === undefined || (r.badge !== undefined && SEVERITY_ORDER.indexOf(r.badge.severity) <= limit)) && (badgeFilter === undefined || (r.badge?.severity ?? '') === badgeFilter));
  }
  if (side.sort && sort) {
    const sign = sort.direction === 'desc' ? -1 : 1;
    rows = rows
      .map((row, i) => ({ row, i, v: sortValue(row, sort.column) }))
      .sort((a, b) => {
        if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
        return sign * compareValues(a.v, b.v) || a.i - b.i;
      })
      .map((x) => x.row);
  }
  return { rows, revision: all.revision };
}

/**
 * One page of claims with usage. The store's page with usage joined, unless the order or the severity filter
 * rests on usage (sessionSide): then every matching claim is joined, filtered and sorted here, and the page cut.
 */
export function listClaimsWithUsage(list: ListClaims, req: ClaimsRequest, report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, findings?: UsageFindingsByClaim): Page<ClaimRow> {
  const side = sessionSide(req, findings);
  if (!side.sort && !side.severity) {
    const page = list(req);
    return { ...page, rows: joinClaimUsage(page.rows, report, nodeOfPod, findings) };
  }
  const { rows, revision } = orderedClaims(list, req, side, report, nodeOfPod, findings);
  return { total: rows.length, offset: req.offset, revision, rows: rows.slice(req.offset, req.offset + req.limit) };
}

/**
 * Where a claim's row is among the claims as listClaimsWithUsage orders and filters them (the selected row of a
 * table sorted by Use %, Used, Free or findings); undefined when the store's own locateRow answers the same.
 */
export function locateClaimWithUsage(list: ListClaims, req: Omit<ClaimsRequest, 'offset' | 'limit'>, ref: TargetRef, report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, findings?: UsageFindingsByClaim): { index: number; total: number } | undefined {
  const full = { ...req, offset: 0, limit: Number.MAX_SAFE_INTEGER };
  const side = sessionSide(full, findings);
  if (!side.sort && !side.severity) return undefined;
  const { rows } = orderedClaims(list, full, side, report, nodeOfPod, findings);
  return { index: rows.findIndex((r) => sameRef(r.ref, ref)), total: rows.length };
}
