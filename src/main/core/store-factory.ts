/** The one place that builds a cluster's store for the app, the web host and the CLI. */
import type { ClusterInfo } from '../../shared/model/status';
import type { ClusterSource } from '../kube/source';
import { ClusterStore } from '../store/cluster-store';
import type { ClusterStorePort } from './ports';

/**
 * The store's clock: the source's own when it has one (a recording's replay time). Otherwise a snapshot is
 * judged at its capture time, so "pending for 3 minutes" and lease freshness read as they did when it was taken,
 * and a recording (the demo) at its capture time plus the time since it was opened. Live clusters: wall clock.
 */
export function storeClock(info: ClusterInfo, source: ClusterSource, wallClock: () => number = Date.now): (() => number) | undefined {
  if (source.now) return () => source.now?.() ?? wallClock();
  if (info.source === 'context') return undefined;
  const captured = info.capturedAt ? Date.parse(info.capturedAt) : Number.NaN;
  if (!Number.isFinite(captured)) return undefined;
  if (info.source === 'snapshot') return () => captured;
  const opened = wallClock();
  return () => captured + (wallClock() - opened);
}

export function createClusterStore(info: ClusterInfo, source: ClusterSource): ClusterStorePort {
  const now = storeClock(info, source);
  // The core batches notices again (at most one flush per 100 ms, NoticeBatcher): the store's own batch can be short.
  // A snapshot's texts word times as the UI does for it: "4 s before the capture", not "4 s ago".
  return new ClusterStore(info.id, { ...(now ? { now } : {}), nowIsCapture: info.source === 'snapshot' });
}
