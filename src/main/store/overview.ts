/** The overview of one cluster: problems first, then claims and volumes by phase, capacity per class, provisioners. */
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { Overview } from '../../shared/model/detail';
import type { FindingGroup } from '../../shared/model/finding-groups';
import type { Finding } from '../../shared/model/findings';
import { groupFindings } from './finding-groups';
import { claimPhase } from './rows/claims';
import { volumePhase } from './rows/volumes';
import type { StoreContext } from './store-context';

/** Groups of the last findings list seen: FindingsCache.all() returns the same array until a finding changes. */
const groupCache = new WeakMap<readonly Finding[], FindingGroup[]>();

function groupsOf(all: readonly Finding[]): FindingGroup[] {
  let groups = groupCache.get(all);
  if (!groups) {
    groups = groupFindings(all);
    groupCache.set(all, groups);
  }
  return groups;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function overview(ctx: StoreContext): Overview {
  const all = ctx.findings.all();
  const findings = { problem: 0, warning: 0, expectedWait: 0, info: 0 };
  for (const f of all) {
    if (f.severity === 'expected-wait') findings.expectedWait += 1;
    else findings[f.severity] += 1;
  }
  const counts: Partial<Record<Resource, number>> = {};
  for (const kind of ALL_RESOURCES) counts[kind] = ctx.store.count(kind);
  return {
    clusterId: ctx.clusterId,
    findings,
    findingGroups: groupsOf(all),
    claimsByPhase: countBy(ctx.store.list('persistentvolumeclaims'), claimPhase),
    volumesByPhase: countBy(ctx.store.list('persistentvolumes'), volumePhase),
    perClass: ctx.rows.rows('classes').map((row) => ({
      className: row.name,
      provisioner: row.provisioner,
      requestedBytes: row.requestedBytes,
      provisionedBytes: row.provisionedBytes,
      claims: row.claims,
      volumes: row.volumes,
    })),
    provisioners: [...ctx.rows.rows('provisioners')],
    counts,
    namespaces: ctx.store.namespaces(),
    revision: ctx.revision,
  };
}
