/**
 * A source of cluster objects: a live kubeconfig context, a snapshot file, a recording or the demo.
 * All feed a store through the same sink, so the store, the diagnosis and the UI cannot tell them apart.
 */
import type { UsagePoint, UsageReport } from '../../shared/model/usage';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import type { ClusterInfo, ConnectionProblem, ConnectionState, KindStatus, ReplayAction, ReplayState } from '../../shared/model/status';
import type { UsageClient } from './usage-source';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/**
 * How a source writes objects into a store: the verbs of client-go's Store (tools/cache/store.go: Add, Update,
 * Delete, Replace), on the read side. Objects arrive with managedFields already stripped. Implemented by the
 * store (store/cluster-store.ts); the reflector calls it directly.
 */
export interface ObjectWriter {
  /** An object appeared (watch ADDED). */
  add(kind: Resource, object: KubeObject): void;
  /** An object changed (watch MODIFIED). */
  update(kind: Resource, object: KubeObject): void;
  /** An object went away (watch DELETED); a late delete of an earlier object with that name is ignored. */
  delete(kind: Resource, object: KubeObject): void;
  /**
   * Replace every object of a kind with this list (initial list or relist after 410). With `namespace`, only
   * that namespace's objects are replaced (namespace-limited users are watched per namespace). Objects that
   * vanished are removed: no ghosts.
   */
  replace(kind: Resource, objects: KubeObject[], namespace?: string): void;
}

/** Writes one watch event through the writer's verb for its type. */
export function writeEvent(writer: ObjectWriter, kind: Resource, type: WatchEventType, object: KubeObject): void {
  if (type === 'ADDED') writer.add(kind, object);
  else if (type === 'MODIFIED') writer.update(kind, object);
  else writer.delete(kind, object);
}

/**
 * An ObjectWriter for sinks that handle every watch event the same way by its type (the recording writer, tests'
 * sinks): they write `event` and `replace`; add, update and delete are derived.
 */
export abstract class EventWriter implements ObjectWriter {
  protected abstract event(kind: Resource, type: WatchEventType, object: KubeObject): void;
  abstract replace(kind: Resource, objects: KubeObject[], namespace?: string): void;
  add(kind: Resource, object: KubeObject): void {
    this.event(kind, 'ADDED', object);
  }
  update(kind: Resource, object: KubeObject): void {
    this.event(kind, 'MODIFIED', object);
  }
  delete(kind: Resource, object: KubeObject): void {
    this.event(kind, 'DELETED', object);
  }
}

/** Where a source delivers objects and state. Implemented by the store (through the open cluster). */
export interface SourceSink extends ObjectWriter {
  /** A kind's reflector changed state (syncing, synced, forbidden, error...). */
  kindStatus(status: KindStatus): void;
  /**
   * The source's connection changed. `error` says what happened and what to do (English, for logs and the CLI);
   * `problem` is the same as data for the UI to word in its language.
   */
  connection(state: ConnectionState, error?: string, problem?: ConnectionProblem): void;
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
  /**
   * Live clusters: the API client, once connected, for reading volume usage (kubelet stats through the node
   * proxy). File sources have none: a snapshot carries no usage.
   */
  usageClient?(): UsageClient | undefined;
  /** A file source: the usage it recorded at capture time, or why its usage part was left out. */
  recordedUsage?(): { usage: UsageReport; recordedAt: string; replayed?: boolean } | { problem: string } | undefined;
  /**
   * A recording with a usage timeline (`replayed` usage above): a volume's history up to the replay's position,
   * a revision that changes with each sample replayed, and a listener called when it does, with the keys of
   * the volumes whose used bytes differ between the two samples (appeared and vanished ones too).
   */
  recordedUsageHistory?(key: string): UsagePoint[];
  recordedUsageRevision?(): number;
  onRecordedUsage?(listener: (volumes: string[]) => void): void;
  /** Server version, when the source knows it. */
  serverVersion?(): string | undefined;
  /**
   * Live clusters: true once the source stopped trying (it gave up connecting, or the credentials were refused).
   * Opening the cluster again then starts over, as its message tells the user to.
   */
  givenUp?(): boolean;
  /**
   * The source's clock in epoch milliseconds, when it is not the wall clock: a recording's replay time. The
   * store's diagnosis uses it for ages and lease freshness. Snapshots without it are judged at their capture time.
   */
  now?(): number;
  /** Recordings: the replay's state, and the user's control of it. */
  replayState?(): ReplayState;
  controlReplay?(action: ReplayAction): void;
}
