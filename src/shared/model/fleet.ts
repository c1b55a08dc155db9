/**
 * The fleet view (issue 18): every kubeconfig context on one screen, with the state of its storage. Only the
 * contexts the user chose to watch are ever contacted; the others are listed with `state: 'not-watched'`.
 */
import type { ConnectionProblem } from './status';

/** What the fleet knows of one context now. */
export type FleetState =
  /** The user did not choose to watch it: never contacted. */
  | 'not-watched'
  /** Watched, waiting for one of the few checks that run at once (FleetChoices.concurrency). */
  | 'queued'
  /** Being opened or listed for the first time. */
  | 'syncing'
  /** Synced: the counts are the store's. */
  | 'synced'
  /** The connection failed or did not sync within the time limit; `error` says why. */
  | 'unreachable'
  /** Its kubeconfig entry cannot be used (no cluster, no user, a broken certificate); `error` says why. */
  | 'unusable';

/** Storage counts of one synced cluster. */
export interface FleetCounts {
  /** Findings of severity problem (the store's and the usage ones). */
  problems: number;
  /** Findings of severity warning. */
  warnings: number;
  claimsPending: number;
  claimsLost: number;
  /** Provisioners some class names whose verdict is dead or degraded. */
  provisionersNotAlive: number;
  /**
   * Claims nearly full (claim.nearly-full): only once usage is read for this cluster (a view showed usage, or a
   * file carries it); absent before, never 0 for "unknown".
   */
  volumesNearlyFull?: number;
}

/** One context of the fleet. */
export interface FleetRow {
  /** The cluster id of the context ("ctx:NAME"), as in listClusters. */
  clusterId: string;
  /** The context's name. */
  name: string;
  /** API server URL (no credentials). */
  server?: string;
  watched: boolean;
  state: FleetState;
  /** Why unreachable or unusable, and what to do (English, as ClusterInfo.error). */
  error?: string;
  /** The connection failure as data, for the UI to word in its language (as ClusterInfo.problem). */
  problem?: ConnectionProblem;
  counts?: FleetCounts;
  /** Kinds that could not be read for lack of permission: the counts did not look at them. */
  forbiddenKinds?: number;
  /** ISO time of the last change seen from this cluster (or its sync), for "checked 2 min ago". */
  lastSyncedAt?: string;
  serverVersion?: string;
}

/** The fleet: the rows worst first (shared/fleet/fleet-order.ts), and the user's choices. */
export interface Fleet {
  rows: FleetRow[];
  /** Contexts opened at most at once while they sync (1..MAX_FLEET_CONCURRENCY). */
  concurrency: number;
}

/** What the user chose: which contexts are watched, and how many sync at once. */
export interface FleetChoices {
  /** Context cluster ids ("ctx:NAME"). */
  watched: string[];
  concurrency: number;
}

export const DEFAULT_FLEET_CONCURRENCY = 3;
export const MAX_FLEET_CONCURRENCY = 16;
/** Most contexts one request may name as watched. */
export const MAX_FLEET_WATCHED = 500;
