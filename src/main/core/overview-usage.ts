/**
 * The overview with volume usage added (issue 14 item 3): the fullest claims, the bytes used per class beside the
 * requested and provisioned bytes, and the usage findings in the problem and warning counts and the groups.
 *
 * The counts add the same usage findings the fleet view adds (core/fleet.ts, ClusterSession.usageFindingsIfRead),
 * so the numbers a user sees for one cluster on its overview and in the fleet agree. Its own module, loaded when an
 * overview is asked for, like core/usage-findings.ts.
 */
import { claimClassName } from '../../shared/diagnose/view';
import type { PersistentVolumeClaim, StorageClass } from '../../shared/kube/objects';
import { OVERVIEW_FULLEST_LIMIT, type FullVolume, type Overview } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import type { UsageReport } from '../../shared/model/usage';
import { usePercent } from '../../shared/usage/summary';
import { groupFindings } from '../store/finding-groups';
import type { StoreQueries } from './ports';
import { listWithUsage } from './usage-findings';

export interface OverviewUsageInput {
  /** The cluster's usage report (a file's as recorded); 'unsupported' adds nothing. */
  report: UsageReport;
  /** The usage findings when usage is read (ClusterSession.usageFindingsIfRead), else undefined. */
  findings: readonly Finding[] | undefined;
  /** The StorageClass a claim counts for (its spec.storageClassName, else the default class), if any. */
  classOfClaim: (namespace: string, name: string) => string | undefined;
  /** The store, for every stored finding when usage findings are merged into the groups. */
  store: Pick<StoreQueries, 'listFindings'>;
}

/** `base` (the store's overview) with usage: never 0 bytes used as if known, never a count the fleet would not show. */
export function overviewWithUsage(base: Overview, { report, findings, classOfClaim, store }: OverviewUsageInput): Overview {
  let out = base;
  if (findings && findings.length > 0) {
    const counts = { ...base.findings };
    for (const f of findings) {
      if (f.severity === 'expected-wait') counts.expectedWait += 1;
      else counts[f.severity] += 1;
    }
    const all = listWithUsage(store, findings, { offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
    out = { ...out, findings: counts, findingGroups: groupFindings(all) };
  }
  if (report.access === 'unsupported') return out;
  const known = report.access === 'allowed' ? report.volumes.filter((v) => v.kind === 'claim' && v.claim !== undefined && v.usedBytes !== undefined) : [];
  const fullest: FullVolume[] = [];
  for (const v of known) {
    const percent = usePercent(v);
    if (percent === undefined) continue;
    fullest.push({ namespace: v.namespace, claim: v.claim!, usePercent: percent, usedBytes: v.usedBytes!, ...(v.capacityBytes !== undefined ? { capacityBytes: v.capacityBytes } : {}), node: v.node });
  }
  fullest.sort((a, b) => b.usePercent - a.usePercent || b.usedBytes - a.usedBytes || a.namespace.localeCompare(b.namespace) || a.claim.localeCompare(b.claim));
  const usage = {
    access: report.access,
    ...(report.message ? { message: report.message } : {}),
    ...(report.recordedAt ? { recordedAt: report.recordedAt } : {}),
    fullest: fullest.slice(0, OVERVIEW_FULLEST_LIMIT),
  };
  if (report.access !== 'allowed') return { ...out, usage };
  const used = new Map<string, { bytes: number; claims: number }>();
  for (const v of known) {
    const className = classOfClaim(v.namespace, v.claim!);
    if (className === undefined) continue;
    const entry = used.get(className) ?? { bytes: 0, claims: 0 };
    entry.bytes += v.usedBytes!;
    entry.claims += 1;
    used.set(className, entry);
  }
  const perClass = out.perClass.map((c) => ({ ...c, usedBytes: used.get(c.className)?.bytes ?? 0, measuredClaims: used.get(c.className)?.claims ?? 0 }));
  return { ...out, perClass, usage };
}

/**
 * Which class each claim of the store counts for: the class it names, else the newest default class as the
 * admission plugin picks (the classes table counts its requested bytes the same way, store/object-store.ts).
 */
export function classOfClaimIn(store: Pick<StoreQueries, 'view' | 'list'>): (namespace: string, name: string) => string | undefined {
  let fallback: StorageClass | undefined;
  for (const sc of store.view().defaultClasses()) {
    const a = sc.metadata?.creationTimestamp ?? '';
    const b = fallback?.metadata?.creationTimestamp ?? '';
    if (!fallback || a > b || (a === b && (sc.metadata?.name ?? '') < (fallback.metadata?.name ?? ''))) fallback = sc;
  }
  const byKey = new Map<string, string | undefined>();
  for (const c of store.list('persistentvolumeclaims') as PersistentVolumeClaim[]) {
    byKey.set(`${c.metadata?.namespace ?? ''}/${c.metadata?.name ?? ''}`, claimClassName(c) ?? fallback?.metadata?.name);
  }
  return (namespace, name) => byKey.get(`${namespace}/${name}`);
}
