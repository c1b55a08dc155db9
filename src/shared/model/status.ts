/** View models of clusters (sources) and their sync state. Plain data only. */
import type { Resource } from '../kube/resource-registry';

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
  kind: Resource;
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

/**
 * What kind of failure kept the app from the API server. The UI words each in its language (i18n keys
 * `conn.<code>`); ClusterInfo.error keeps the English sentence for logs and the CLI.
 */
export type ConnectionFailure =
  /** ECONNREFUSED: nothing listens at the server's address. */
  | 'refused'
  /** ENOTFOUND / EAI_AGAIN: the host name does not resolve. */
  | 'dns'
  /** No answer in time (ETIMEDOUT, or our own request timeout). */
  | 'timeout'
  /** EHOSTUNREACH / ENETUNREACH. */
  | 'unreachable'
  /** ECONNRESET, or the connection broke mid-response. */
  | 'reset'
  /** The server's certificate is not trusted (self-signed, unknown chain). */
  | 'tls-untrusted'
  /** The server's certificate does not name this host. */
  | 'tls-name'
  /** Another network failure; `raw` has Node's words. */
  | 'network'
  /** 401 even after refreshing the credentials. */
  | 'unauthorized'
  /** 403 on a request every user may make (/version). */
  | 'forbidden'
  /** Another HTTP status; `status` and `raw` say which. */
  | 'http'
  /** The server answered, but not with JSON: the URL is not an API server. */
  | 'not-json'
  /** The kubeconfig entry could not give credentials (exec plugin failed, unreadable certificate...). */
  | 'credentials'
  /** The fleet's check: the context did not open or sync within `seconds` (the app keeps trying). */
  | 'sync-timeout'
  /** Anything else; `raw` says what. */
  | 'unexpected';

/**
 * A connection problem as data: the failure, its parameters, and where connecting stands (retrying or given up),
 * so the UI says it in the user's language. `raw`: the upstream's own words (Node's error code, the server's
 * message) kept verbatim as evidence.
 */
export interface ConnectionProblem {
  failure: ConnectionFailure;
  /** The API server URL (no credentials). */
  server: string;
  /** The kubeconfig user's name, for unauthorized. */
  user?: string;
  /** HTTP status, for http. */
  status?: number;
  /** Seconds waited, for timeout. */
  seconds?: number;
  raw?: string;
  /** Retrying: this attempt failed, the next one starts in `retryInSeconds`. */
  attempt?: number;
  attempts?: number;
  retryInSeconds?: number;
  /** Connecting stopped for good (after `attempts` tries, or refused credentials): the user opens the cluster again. */
  gaveUp?: boolean;
}

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
  /** Why the connection failed or the context is unusable, naming file/context/server and what to do (English). */
  error?: string;
  /** The same connection failure as data, which the UI words in its language (absent for other errors). */
  problem?: ConnectionProblem;
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
