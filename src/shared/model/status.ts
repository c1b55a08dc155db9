/** View models of clusters (sources) and their sync state. Plain data only. */
import type { Kind } from '../kube/kinds';

/** Where a cluster's objects come from. */
export type SourceType = 'context' | 'snapshot' | 'recording' | 'demo';

/** The state of one kind's reflector in one cluster. */
export type KindSyncState =
  /** Listing (first time, or after a 410 relist). */
  | 'syncing'
  /** Initial list done, watch open. */
  | 'synced'
  /** The user may not list or watch this kind: shown as "no permission", never as empty. */
  | 'forbidden'
  /** The last attempt failed; a retry is scheduled. */
  | 'error'
  /** The API does not serve this kind (e.g. snapshot CRDs not installed). */
  | 'absent'
  /** Not started yet. */
  | 'idle';

export interface KindStatus {
  kind: Kind;
  state: KindSyncState;
  /** Objects held now. */
  count: number;
  /** ISO time of the last list/watch event received (freshness). */
  lastEventAt?: string;
  /** ISO time the initial list completed. */
  syncedAt?: string;
  /** Milliseconds the initial sync took. */
  syncMillis?: number;
  /** What went wrong and what to do, for 'error' and 'forbidden' (English, for logs and the CLI). */
  message?: string;
  /**
   * The API server's or the network's own words about the failure, verbatim (the UI says the rest in its
   * language, from `state`).
   */
  detail?: string;
  /** ISO time of the next retry, for 'error'. */
  nextRetryAt?: string;
  /** For a namespace-limited user: the namespaces this kind is watched in. */
  namespaces?: string[];
}

export type ConnectionState = 'closed' | 'connecting' | 'connected' | 'error' | 'offline';

/** One entry of the cluster list: a kubeconfig context, an opened snapshot, a recording or the demo. */
export interface ClusterInfo {
  /** Stable id used in every other request, e.g. "ctx:lab-admin" or "snapshot:1". */
  id: string;
  /** Display name: the context name, or the file name. */
  name: string;
  source: SourceType;
  /** API server URL (no credentials), or the snapshot's file path. */
  server?: string;
  /** The kubeconfig user entry's name (never its secret), for contexts. */
  user?: string;
  /** The context's default namespace. */
  namespace?: string;
  /** Kubeconfig file that defines this context. */
  file?: string;
  connection: ConnectionState;
  /** Why the connection failed or the context is unusable, naming file/context/server and what to do. */
  error?: string;
  /** For offline sources: when the data was captured (ISO). */
  capturedAt?: string;
}

/** Where a recording's replay is (the demo, a `kse record` file). Times are milliseconds of recorded time. */
export interface ReplayState {
  /** Recorded time replayed so far, from 0 to durationMs. */
  positionMs: number;
  /** Time of the last recorded event. */
  durationMs: number;
  /** Events are being replayed now (false when paused or ended). */
  playing: boolean;
  /** Starts over after the last event. */
  loop: boolean;
  /** Replayed to the end and stopped there (the final state stays on screen). */
  ended: boolean;
}

/** What the user can do with a replay. */
export type ReplayAction = 'play' | 'pause' | 'restart' | 'loop-on' | 'loop-off';
export const REPLAY_ACTIONS: readonly ReplayAction[] = ['play', 'pause', 'restart', 'loop-on', 'loop-off'];

/** A kubeconfig file that could not be used at all (not readable, not YAML, not a kubeconfig). */
export interface KubeconfigProblem {
  /** The file, as KUBECONFIG (or ~/.kube/config) names it. */
  file: string;
  /** What is wrong with it and what to do; names the file. */
  message: string;
}

/** Full status of one open cluster. */
export interface ClusterStatus {
  cluster: ClusterInfo;
  kinds: KindStatus[];
  /** True when every kind is synced, forbidden or absent. */
  synced: boolean;
  /** Namespaces that are watched one by one because the user cannot list cluster-wide. */
  limitedToNamespaces?: string[];
  /** Kubernetes version reported by /version, when known. */
  serverVersion?: string;
  /**
   * The source's "now" (ISO) when this status was built: a recording's replay time, a snapshot's capture time,
   * the wall clock for live clusters. The UI computes ages against it so an old recording does not look old.
   */
  sourceNow?: string;
  /** Recordings only: the replay's position and controls. */
  replay?: ReplayState;
}
