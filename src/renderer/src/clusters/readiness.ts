/**
 * How much of a live cluster the app has read, so no view reads "no problems" or "0" for a cluster it could not
 * read (trial 5 of issue 8: an unreachable cluster's Overview said "No problems found" with zero counts).
 * Files (snapshots, recordings, the demo) are read whole: always ready.
 */
import type { ClusterStatus } from '../../../shared/model/status';

export type Readiness =
  /** Everything readable is read and the connection holds (or the source is a file). */
  | { state: 'ready' }
  /** Nothing read yet: the cluster cannot be reached, is being connected to, or is being listed. */
  | { state: 'none'; why: 'unreachable' | 'connecting' | 'syncing' }
  /** Some kinds read, `left` not yet; `unreachable` when the connection is down meanwhile. */
  | { state: 'partial'; left: number; unreachable: boolean }
  /** Everything was read, then the connection was lost: the data is of the past. */
  | { state: 'stale' };

/** Kinds with nothing more to read: listed, not permitted, or not served. */
const SETTLED = new Set(['synced', 'forbidden', 'absent']);

export function readinessOf(status: Pick<ClusterStatus, 'cluster' | 'kinds'>): Readiness {
  if (status.cluster.source !== 'context') return { state: 'ready' };
  const unreachable = status.cluster.connection === 'error';
  const anyRead = status.kinds.some((k) => k.state === 'synced');
  const left = status.kinds.filter((k) => !SETTLED.has(k.state)).length;
  if (!anyRead && left > 0) {
    const connecting = status.cluster.connection === 'connecting' || status.cluster.connection === 'closed';
    return { state: 'none', why: unreachable ? 'unreachable' : connecting ? 'connecting' : 'syncing' };
  }
  if (left > 0) return { state: 'partial', left, unreachable };
  return unreachable ? { state: 'stale' } : { state: 'ready' };
}
