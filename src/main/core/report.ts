/**
 * A report's content for one open cluster, made from the cluster's redacted snapshot (export.ts, the same
 * redaction `kse snapshot` applies) loaded into a fresh store of its own: the findings, evidence and commands in
 * a report are exactly those the recipient would see opening that snapshot, so a report never carries a value a
 * snapshot would not. The live store is only read (snapshotOf), never written. The report store is dropped
 * afterwards. Rendering is in src/shared/report (pure).
 */
import type { LessonBook } from '../../shared/contract';
import type { Resource } from '../../shared/kube/resource-registry';
import type { Finding } from '../../shared/model/findings';
import { sameRef } from '../../shared/model/refs';
import type { ProvisionerRow } from '../../shared/model/rows';
import { unreadKindsOf, type ClusterReport, type ReportScope } from '../../shared/report/report-model';
import type { Snapshot } from '../../shared/snapshot-format';
import { deliverSnapshot } from '../kube/snapshot-source';
import { ClusterStore } from '../store/cluster-store';
import type { ClusterSession } from './cluster-session';
import { notFound } from './errors';
import { snapshotOf } from './export';

const PAGE = 1000;

/** The moment a cluster's state is of: the source's clock (a snapshot's capture time, a replay's time), else now. */
export function stateTime(cluster: ClusterSession): string {
  const now = cluster.store.now?.();
  return new Date(now !== undefined && Number.isFinite(now) ? now : Date.now()).toISOString();
}

/** Values the redaction removed, in total. */
function redactedValues(snapshot: Snapshot): number {
  return typeof snapshot.redaction === 'object' ? Object.values(snapshot.redaction.removed).reduce((sum, n) => sum + n, 0) : 0;
}

/**
 * The report of `cluster` (or of one namespace or object of it). `lessons`: the lesson book in the report's
 * language (the findings' sections are carried along). Throws not-found when the scope's object is not there.
 */
export function reportOf(cluster: ClusterSession, scope: ReportScope, lessons: LessonBook, appVersion: string): ClusterReport {
  if (scope.object && !cluster.store.getObject(scope.object)) {
    const ref = `${scope.object.kind} ${scope.object.namespace ? `${scope.object.namespace}/` : ''}${scope.object.name}`;
    throw notFound(`${cluster.info.name} has no ${ref} (any more). Pick the object again.`, `В ${cluster.info.name} нет (больше нет) ${ref}. Выберите объект заново.`);
  }
  const capturedAt = stateTime(cluster);
  const snapshot = snapshotOf(cluster, capturedAt);
  // A report is read later: its times count back from the moment it shows ("4 s before the capture").
  const store = new ClusterStore(`report:${cluster.info.id}`, { now: () => Date.parse(capturedAt), nowIsCapture: true });
  try {
    deliverSnapshot(snapshot, store);
    const namespace = scope.namespace ?? scope.object?.namespace;
    const findings: Finding[] = [];
    for (;;) {
      const page = store.listFindings({ offset: findings.length, limit: PAGE, ...(namespace ? { namespace } : {}) });
      findings.push(...page.rows);
      if (page.rows.length === 0 || findings.length >= page.total) break;
    }
    const provisioners: ProvisionerRow[] = [];
    // Provisioners are cluster-wide: a namespace's claims depend on them; one object's report is about that object.
    while (!scope.object) {
      const page = store.listRows({ table: 'provisioners', offset: provisioners.length, limit: PAGE });
      provisioners.push(...(page.rows as ProvisionerRow[]));
      if (page.rows.length === 0 || provisioners.length >= page.total) break;
    }
    const scoped = scope.object ? findings.filter((f) => sameRef(f.object, scope.object!)) : findings;
    const linked = new Set(scoped.map((f) => f.lesson));
    const states = (Object.entries(snapshot.kinds) as [Resource, NonNullable<Snapshot['kinds'][Resource]>][]).map(([kind, entry]) => ({
      kind,
      state: entry.state,
      ...(entry.message !== undefined ? { message: entry.message } : {}),
    }));
    return {
      cluster: cluster.info.name,
      ...(snapshot.serverVersion ? { serverVersion: snapshot.serverVersion } : {}),
      capturedAt,
      scope,
      unreadKinds: unreadKindsOf(states),
      findings: scoped,
      provisioners,
      redactedValues: redactedValues(snapshot),
      lessons: lessons.sections.filter((s) => linked.has(s.id)).map((s) => ({ id: s.id, title: s.title, markdown: s.markdown })),
      appVersion,
    };
  } finally {
    store.dispose();
  }
}
