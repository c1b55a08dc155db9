/**
 * Usage findings merged into a store's findings (listFindings) and an object's detail (getObject). Its own module,
 * imported when a session first has usage to report, so that commands which never read usage (`kse contexts`) load
 * no rules (src/cli/bundle.int.test.ts checks what each command loads).
 */
import type { FindingsRequest } from '../../shared/contract';
import { nodeUsageFindings, volumeUsageFindings } from '../../shared/diagnose/usage';
import type { UsageTrendOptions } from '../../shared/diagnose/usage-trend';
import type { ObjectDetail } from '../../shared/model/detail';
import { SEVERITY_ORDER, type Finding } from '../../shared/model/findings';
import { sameRef, type ObjectRef } from '../../shared/model/refs';
import type { Page } from '../../shared/model/rows';
import type { UsageReport } from '../../shared/model/usage';
import { DEFAULT_USAGE_THRESHOLDS, type UsageThresholds } from '../../shared/usage/thresholds';
import { pageFindings } from '../store/findings-page';
import type { StoreQueries } from './ports';

/**
 * The usage findings of a report (trend findings too when its history is given), computed in slices of about
 * `sliceMs` (ms) that yield to the event loop between them: with a 2 h history per volume the trends read every
 * kept point of every claim, 1.0-1.6 s at 10,000 claims in one piece (docs/benchmarks.md), which would freeze IPC,
 * the web host and the watch once per poll round (issue 13 item 3: no stall over 50 ms). The session keeps the
 * result until the next usage change. Same findings, same order as `diagnoseUsage`.
 */
export async function usageFindings(report: UsageReport, trend?: UsageTrendOptions, sliceMs = 8, thresholds: UsageThresholds = DEFAULT_USAGE_THRESHOLDS): Promise<Finding[]> {
  if (report.access !== 'allowed') return [];
  const out: Finding[] = [];
  let sliceStart = performance.now();
  for (const volume of report.volumes) {
    out.push(...volumeUsageFindings(volume, trend, thresholds));
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  out.push(...nodeUsageFindings(report));
  return out;
}

/** One page of the store's findings and the report's, most severe first (the store's order kept within a severity). */
export function listWithUsage(store: Pick<StoreQueries, 'listFindings'>, usage: readonly Finding[], req: FindingsRequest): Page<Finding> {
  if (usage.length === 0) return store.listFindings(req);
  const stored = store.listFindings({ offset: 0, limit: Number.MAX_SAFE_INTEGER });
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  const merged = [...stored.rows, ...usage].map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  return pageFindings(merged, req, stored.revision);
}

/** The detail with the object's usage findings added. */
export function detailWithUsage(detail: ObjectDetail, usage: readonly Finding[], ref: ObjectRef): ObjectDetail {
  const own = usage.filter((f) => sameRef(f.object, ref));
  return own.length === 0 ? detail : { ...detail, findings: [...detail.findings, ...own] };
}
