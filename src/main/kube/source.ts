/**
 * A source of cluster objects: a live kubeconfig context, a snapshot file, a recording or the demo.
 * All feed a store through the same sink, so the store, the diagnosis and the UI cannot tell them apart.
 */
import type { Kind } from '../../shared/kube/kinds';
import type { KubeObject } from '../../shared/kube/objects';
import type { ClusterInfo, ConnectionState, KindStatus, ReplayAction, ReplayState } from '../../shared/model/status';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Where a source delivers objects and state. Implemented by the store. */
export interface SourceSink {
  /**
   * Replace every object of a kind with this list (initial list or relist after 410). With `namespace`, only
   * that namespace's objects are replaced (namespace-limited users are watched per namespace). Objects that
   * vanished are removed: no ghosts.
   */
  reset(kind: Kind, objects: KubeObject[], namespace?: string): void;
  /** One watch event. Objects arrive with managedFields already stripped. */
  apply(kind: Kind, type: WatchEventType, object: KubeObject): void;
  /** A kind's reflector changed state (syncing, synced, forbidden, error...). */
  kindStatus(status: KindStatus): void;
  /** The source's connection changed. `error` says what happened and what to do. */
  connection(state: ConnectionState, error?: string): void;
  /** A recording's replay moved to another state (paused, ended, restarted...). */
  replay?(state: ReplayState): void;
}

export interface ClusterSource {
  readonly info: ClusterInfo;
  /** Begin delivering to the sink; resolves once started (not once synced). */
  start(sink: SourceSink): Promise<void>;
  /** Stop every watch and timer. Idempotent. */
  stop(): Promise<void>;
  /** For namespace-limited users: also watch this namespace. */
  addNamespace?(namespace: string): Promise<void>;
  /** Server version, when the source knows it. */
  serverVersion?(): string | undefined;
  /**
   * The source's clock in epoch milliseconds, when it is not the wall clock: a recording's replay time. The
   * store's diagnosis uses it for ages and lease freshness. Snapshots without it are judged at their capture time.
   */
  now?(): number;
  /** Recordings: the replay's state, and the user's control of it. */
  replayState?(): ReplayState;
  controlReplay?(action: ReplayAction): void;
}
