/**
 * A snapshot of an open cluster, redacted (buildSnapshot), for `kse snapshot` and the menu's Export Snapshot.
 * Each kind keeps the state it had, so a kind the user could not read is "forbidden" in the file, never empty.
 */
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { UsageReport } from '../../shared/model/usage';
import type { KindSyncState } from '../../shared/model/status';
import type { Snapshot, SnapshotKind, SnapshotKindState } from '../../shared/snapshot-format';
import { buildSnapshot } from '../kube/export-snapshot';
import type { ClusterSession } from './cluster-session';

function snapshotState(state: KindSyncState): SnapshotKindState {
  if (state === 'synced' || state === 'forbidden' || state === 'absent') return state;
  return 'error';
}

export function snapshotOf(cluster: ClusterSession, capturedAt?: string): Snapshot {
  const status = cluster.status();
  const kinds: Partial<Record<Resource, SnapshotKind>> = {};
  for (const kind of ALL_RESOURCES) {
    const kindStatus = status.kinds.find((k) => k.kind === kind);
    const state = snapshotState(kindStatus?.state ?? 'idle');
    const entry: SnapshotKind = { state, items: state === 'synced' ? [...cluster.store.list(kind)] : [] };
    const message = kindStatus?.message ?? (state === 'error' ? `${kind} was still ${kindStatus?.state ?? 'idle'} when the snapshot was taken.` : undefined);
    if (message !== undefined) entry.message = message;
    kinds[kind] = entry;
  }
  return buildSnapshot({
    context: cluster.info.name,
    ...(status.serverVersion ? { serverVersion: status.serverVersion } : {}),
    ...(capturedAt ? { capturedAt } : {}),
    kinds,
    ...(status.limitedToNamespaces ? { limitedToNamespaces: status.limitedToNamespaces } : {}),
    ...capturedUsage(cluster),
  });
}

/** The usage the app had read when the snapshot is taken (live clusters only; a file's own is passed on as is). */
function capturedUsage(cluster: ClusterSession): { usage?: UsageReport } {
  const usage = cluster.capturedUsage();
  return usage ? { usage } : {};
}

/** A file name for a snapshot: kse-<cluster>-<date>.json, safe on every file system. */
export function snapshotFileName(clusterName: string, capturedAt: string): string {
  const safe = clusterName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'cluster';
  return `kse-${safe}-${capturedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
