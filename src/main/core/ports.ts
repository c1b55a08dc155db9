/**
 * What the core needs from the kube and store code, kept narrow so the core can be tested with fakes and
 * wired to the real implementations in one place (wiring.ts).
 */
import type { FindingsRequest, LocateRequest, StoreChange } from '../../shared/contract';
import type { ClusterView } from '../../shared/diagnose/view';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import type { GraphRequest, ObjectDetail, Overview, StorageGraph } from '../../shared/model/detail';
import type { Finding, Severity } from '../../shared/model/findings';
import type { ProvisionerDetail } from '../../shared/model/provisioner';
import type { ObjectRef } from '../../shared/model/refs';
import type { ListRequest, Page, TableId, TableRows } from '../../shared/model/rows';
import type { ClusterInfo, KindStatus, KubeconfigProblem } from '../../shared/model/status';
import type { ClusterSource, SourceSink } from '../kube/source';

/** The queries the contract needs from one cluster's store. Synchronous: the store is in memory. */
export interface StoreQueries {
  listRows<T extends TableId>(req: ListRequest<T>): Page<TableRows[T]>;
  /** Index of an object's row in a table filtered and sorted as requested; -1 when it has none there. */
  locateRow(req: LocateRequest): { index: number; total: number };
  getObject(ref: ObjectRef): ObjectDetail | null;
  getProvisioner(name: string): ProvisionerDetail | null;
  getGraph(req: GraphRequest): StorageGraph;
  getOverview(): Overview;
  listFindings(req: FindingsRequest): Page<Finding>;
  /**
   * The read-only, indexed view of the objects held now that the pure rules read: the diagnosis and the exercise
   * checks (checkExercise). Live: it follows the store, so read it within one call, never keep it.
   */
  view(): ClusterView;
  /** The sync status the source last reported for a kind (kept by the store: its one owner). */
  kindStatusOf(kind: Resource): KindStatus | undefined;
  /** Objects of a kind held now. */
  count(kind: Resource): number;
  /** Every object of a kind held now (snapshot export). */
  list(kind: Resource): readonly KubeObject[];
  /** Changes with every applied update. */
  revision(): number;
  /** The store's clock (the source's time: a recording's replay time, a snapshot's capture time), epoch ms. */
  now?(): number;
  /**
   * Every change as it happens (unbatched), including changes the store finds by itself (a provisioner's lease
   * going stale with time). Without it, the core derives change notices from the updates it passes to the store.
   */
  onChange?(listener: (change: StoreChange) => void): () => void;
  /**
   * Brings findings up to date in slices, yielding to the event loop between them (ClusterStore.settle); the core
   * awaits it before each query. Resolves, never rejects. Fakes may leave it out.
   */
  settle?(): Promise<void>;
  /** Stops the store's timers. */
  dispose?(): void;
}

/** One cluster's store: fed by a source, queried by the contract. */
export type ClusterStorePort = SourceSink & StoreQueries;

/** Kubeconfig contexts as the core lists them. */
export interface ContextList {
  clusters: ClusterInfo[];
  /** The kubeconfig files looked at, in precedence order. */
  files: string[];
  /** True when at least one of the files exists (so the demo is not opened on its own). */
  anyFileExists: boolean;
  /** Files that could not be used at all, with the reason (their contexts are not in `clusters`). */
  fileErrors?: KubeconfigProblem[];
  /** The kubeconfig's current-context (from the first file that sets one). */
  currentContext?: string;
}

/**
 * Builds sources and stores. The real one is in wiring.ts; tests pass fakes. The builders may answer with a
 * promise: the real ones load the Kubernetes client and the store only when a cluster is first opened, so a
 * process that only lists contexts never loads them.
 */
export interface CoreDeps {
  /** Reads the kubeconfig files now. Never throws: broken contexts carry `error`. */
  listContexts(): ContextList;
  /** A live source for a kubeconfig context. Throws a message naming the context when it cannot be used. */
  contextSource(info: ClusterInfo): ClusterSource | Promise<ClusterSource>;
  /**
   * A source replaying a snapshot or recording file's content, with `id`. Its `info` says which it is (source
   * 'snapshot' or 'recording'), its display name and capture time. Throws a message saying what is wrong.
   */
  fileSource(id: string, fileName: string, content: string): ClusterSource | Promise<ClusterSource>;
  /** A fresh, empty store for one cluster fed by `source` (whose clock it may follow). */
  createStore(info: ClusterInfo, source: ClusterSource): ClusterStorePort | Promise<ClusterStorePort>;
  /** Calls back when the kubeconfig files change; returns the stop function. */
  watchKubeconfig?(files: string[], onChange: () => void): () => void;
  /** The built-in demo file's content and name, or undefined when resources/demo holds none. */
  readDemo(): Promise<{ fileName: string; content: string } | undefined>;
}
