/**
 * The store of one cluster: fed by a source (SourceSink), read by the diagnosis rules (ClusterView) and
 * queried by the contract (listRows, getObject, getGraph, getOverview, listFindings).
 *
 * Updates cost what they touch: an object change updates its indices, marks its own and its neighbours' rows
 * and findings dirty, and bumps the revision. Queries then rebuild only what is dirty. A relist that changes
 * many objects at once marks everything dirty instead of walking neighbours object by object.
 */
import { MAX_NOTICE_OBJECTS, type LocateRequest, type StoreChange } from '../../shared/contract';
import type { ObjectsByResource } from '../../shared/kube/by-resource';
import { ROW_TABLE_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type {
  CSINode,
  KubeEvent,
  KubeObject,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
} from '../../shared/kube/objects';
import type { ClusterView } from '../../shared/diagnose/view';
import type { GraphRequest, ObjectDetail, Overview, StorageGraph } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import { refKey, type ObjectRef } from '../../shared/model/refs';
import { TABLE_IDS, type ListRequest, type Page, type TableId, type TableRows } from '../../shared/model/rows';
import type { ConnectionState, KindStatus, KindSyncState } from '../../shared/model/status';
import type { SourceSink, WatchEventType } from '../kube/source';
import { markChange, type DirtySink } from './change-reach';
import { objectDetail } from './object-detail';
import { provisionerDetail } from './provisioner-detail';
import type { ProvisionerDetail } from '../../shared/model/provisioner';
import { objectsWithFinding } from './finding-groups';
import { FindingsCache } from './findings-cache';
import { pageFindings, type FindingsRequest } from './findings-page';
import { storageGraph } from './graph';
import { ObjectStore } from './object-store';
import { overview } from './overview';
import { RowCache } from './row-cache';
import { TABLES } from './rows/registry';
import { FindingsSchedule, SETTLE_SLICE_MS } from './findings-schedule';
import type { StoreContext } from './store-context';

export interface ClusterStoreOptions {
  /** The clock (recordings and tests set it). */
  now?: () => number;
  /** now() is a capture's time (a snapshot, a report): the rules' texts say "before the capture", not "ago". */
  nowIsCapture?: boolean;
  /** How often provisioner health is re-assessed, since it depends on time (default 10 s). */
  provisionerRefreshMs?: number;
  /** A relist changing more objects than this marks everything dirty (default 500). */
  bulkThreshold?: number;
  /** settle()'s slice length in ms (default SETTLE_SLICE_MS; tests set 0 for a slice per 16 objects). */
  settleSliceMs?: number;
}

/** How a rule sees a kind's state: synced, or why not (idle and syncing are both "still loading"). */
function readability(state: KindSyncState): KindSyncState {
  return state === 'idle' ? 'syncing' : state;
}

interface PendingChange {
  kind: Resource;
  before: KubeObject | undefined;
  after: KubeObject | undefined;
}

export class ClusterStore implements SourceSink, ClusterView {
  readonly objects: ObjectStore;
  private readonly findings: FindingsCache;
  private readonly rowCache: RowCache;
  private readonly dirty: DirtySink;
  /** Told of every change, unbatched (the core's NoticeBatcher is the one batcher). */
  private changeListener: ((change: StoreChange) => void) | undefined;
  /** Tables whose rows the change being made marked (its object's and its neighbours'). */
  private readonly touchedTables = new Set<TableId>();
  private rev = 0;
  private bulk: PendingChange[] | undefined;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private readonly refreshMs: number;
  private readonly bulkThreshold: number;
  private readonly schedule: FindingsSchedule;

  constructor(readonly clusterId: string, options: ClusterStoreOptions = {}) {
    this.objects = new ObjectStore((kind, _key, before, after) => this.onObjectChange(kind, before, after));
    if (options.now) this.objects.now = options.now;
    if (options.nowIsCapture) this.objects.nowIsCapture = () => true;
    this.findings = new FindingsCache(this.objects);
    this.rowCache = new RowCache(this.objects, this.findings);
    this.refreshMs = options.provisionerRefreshMs ?? 10_000;
    this.bulkThreshold = options.bulkThreshold ?? 500;
    const store = { objects: this.objects, findings: this.findings, rows: this.rowCache, revision: () => this.rev, bumpRevision: () => void (this.rev += 1) };
    this.schedule = new FindingsSchedule(store, this.refreshMs, options.settleSliceMs ?? SETTLE_SLICE_MS);
    const rows = this.rowCache;
    const findings = this.findings;
    const touched = this.touchedTables;
    this.dirty = {
      object: (kind, key) => {
        findings.markObject(kind, key);
        rows.markObject(kind, key);
        const table = ROW_TABLE_OF_RESOURCE[kind];
        if (table) touched.add(table);
      },
      provisioner: (name) => {
        findings.markProvisioner(name);
        rows.markProvisioner(name);
        touched.add('provisioners').add('classes');
      },
    };
  }

  // --- SourceSink ---------------------------------------------------------------------------------------------

  replace(kind: Resource, objects: KubeObject[], namespace?: string): void {
    this.bulk = [];
    try {
      this.objects.replace(kind, objects, namespace);
    } finally {
      const changes = this.bulk;
      this.bulk = undefined;
      if (changes.length > this.bulkThreshold) this.markAll();
      else for (const c of changes) this.markChange(c.kind, c.before, c.after);
      // One notice for the whole relist: the objects, unless there are too many to name.
      if (changes.length > 0) {
        const objects = changes.length <= MAX_NOTICE_OBJECTS ? changes.map((c) => refOf(c.kind, (c.after ?? c.before) as KubeObject)) : undefined;
        this.announce([kind], objects);
      }
    }
  }

  add(kind: Resource, object: KubeObject): void {
    this.objects.add(kind, object);
  }
  update(kind: Resource, object: KubeObject): void {
    this.objects.update(kind, object);
  }
  delete(kind: Resource, object: KubeObject): void {
    this.objects.delete(kind, object);
  }

  kindStatus(status: KindStatus): void {
    const before = this.objects.kindState(status.kind);
    this.objects.setKindStatus(status);
    if (before === status.state) return;
    // Rules say "cannot tell" (and why) while a kind is unreadable: when that changes, every verdict may change.
    // Idle and syncing read the same to them ("still loading").
    if (readability(before) !== readability(status.state)) this.markAll();
    // Also tells listeners when a sync ends, so deferred findings show up.
    this.rev += 1;
    this.announce([status.kind], undefined);
  }

  /** The status the source last reported for a kind (the store holds the one copy). */
  kindStatusOf(kind: Resource): KindStatus | undefined {
    return this.objects.kindStatusOf(kind);
  }

  /** True while some kind is (re)listing: findings wait for the data to be complete (see prepare). */
  syncing(): boolean {
    return this.objects.anyKindIn('syncing');
  }

  /** The connection state belongs to the open cluster (core/cluster-session.ts); the store has no use for it. */
  connection(_state: ConnectionState, _error?: string): void {}

  private onObjectChange(kind: Resource, before: KubeObject | undefined, after: KubeObject | undefined): void {
    this.rev += 1;
    if (this.bulk) {
      this.bulk.push({ kind, before, after });
      return;
    }
    this.markChange(kind, before, after);
    this.announce([kind], [refOf(kind, (after ?? before) as KubeObject)]);
  }

  private markAll(): void {
    this.findings.markAll();
    this.rowCache.markAll();
    for (const table of TABLE_IDS) this.touchedTables.add(table);
  }

  /** Tells the listener what changed: these kinds, the tables marked since the last call, these objects. */
  private announce(kinds: Resource[], objects: ObjectRef[] | undefined): void {
    const tables = [...this.touchedTables];
    this.touchedTables.clear();
    if (!this.changeListener) return;
    const change: StoreChange = objects ? { kinds, tables, objects, revision: this.rev } : { kinds, tables, revision: this.rev };
    try {
      this.changeListener(change);
    } catch {
      // The listener reports its own errors; a failing one must not break the store's update.
    }
  }

  private markChange(kind: Resource, before: KubeObject | undefined, after: KubeObject | undefined): void {
    markChange(this.objects, kind, before, after, this.dirty);
  }

  // --- change notices ------------------------------------------------------------------------------------------

  /**
   * Every change, as it happens (unbatched: the core's NoticeBatcher batches). One listener: the open cluster.
   * While it listens, provisioner health is also re-assessed every 10 s, and a verdict that changed with time is
   * announced as a change of StorageClasses (and the classes and provisioners tables).
   */
  onChange(listener: (change: StoreChange) => void): () => void {
    this.changeListener = listener;
    if (!this.refreshTimer && this.refreshMs > 0) {
      this.refreshTimer = setInterval(() => this.refreshProvisioners(), this.refreshMs);
      (this.refreshTimer as { unref?: () => void }).unref?.();
    }
    return () => {
      if (this.changeListener === listener) this.changeListener = undefined;
      this.stopTimer();
    };
  }

  /** Stops timers; the store stays readable. */
  dispose(): void {
    this.stopTimer();
    this.changeListener = undefined;
  }

  private stopTimer(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /**
   * Re-assesses every provisioner now and announces a verdict that changed; returns whether one did. Called by
   * the timer, never by a query: a query does not write notices (it may refresh caches it reads, silently).
   */
  refreshProvisioners(): boolean {
    // A verdict a query already re-assessed (silently) is announced here, on the timer's next tick.
    const reassessed = this.schedule.reassessProvisioners();
    const changed = this.schedule.takeUnannouncedVerdicts() || reassessed;
    if (changed) {
      this.touchedTables.add('provisioners').add('classes');
      this.announce(['storageclasses'], undefined);
    }
    return changed;
  }

  // --- queries ----------------------------------------------------------------------------------------------------

  revision(): number {
    return this.rev;
  }

  count(kind: Resource): number {
    return this.objects.count(kind);
  }

  /** One page of a table; `clusterId` is not needed here (this store is one cluster). */
  listRows<T extends TableId>(req: Omit<ListRequest<T>, 'clusterId'> & { clusterId?: string }): Page<TableRows[T]> {
    // A finding filter must see every finding, like listFindings.
    this.prepare(req.finding !== undefined);
    if (!req.finding) return this.rowCache.list(req, this.rev);
    const { finding, ...rest } = req;
    const kind = TABLES[req.table].kind;
    const prefix = `${kind ?? ''}|`;
    const keys = new Set<string>();
    if (kind) for (const id of objectsWithFinding(this.findings.all(), finding)) if (id.startsWith(prefix)) keys.add(id.slice(prefix.length));
    return this.rowCache.list(rest, this.rev, keys);
  }

  locateRow(req: Omit<LocateRequest, 'clusterId'> & { clusterId?: string }): { index: number; total: number } {
    this.prepare();
    return this.rowCache.locate(req, req.ref);
  }

  getObject(ref: ObjectRef): ObjectDetail | null {
    this.prepare();
    return objectDetail(this.context(), ref);
  }

  getProvisioner(name: string): ProvisionerDetail | null {
    // Its findings are grouped over every finding: bring them all up to date, as listFindings does.
    this.prepare(true);
    return provisionerDetail(this.context(), name);
  }

  getGraph(req: GraphRequest): StorageGraph {
    this.prepare();
    return storageGraph(this.context(), req);
  }

  getOverview(): Overview {
    this.prepare();
    return overview(this.context());
  }

  listFindings(req: FindingsRequest): Page<Finding> {
    this.prepare(true);
    return pageFindings(this.findings.all(), req, this.rev);
  }

  /**
   * Diagnoses what changed in slices of about SETTLE_SLICE_MS, yielding to the event loop between them, so that
   * the query that follows finds little or nothing left to do. The core awaits it before every query; concurrent
   * callers share one run. Resolves (never rejects) when nothing is dirty, when findings wait for a sync, or after
   * SETTLE_LIMIT_MS (the query then finishes the rest itself).
   */
  settle(): Promise<void> {
    return this.schedule.settle();
  }

  /** Brings findings up to date for a query (see FindingsSchedule.prepare). */
  private prepare(force = false): void {
    this.schedule.prepare(force);
  }

  private context(): StoreContext {
    return { clusterId: this.clusterId, store: this.objects, findings: this.findings, rows: this.rowCache, revision: this.rev };
  }

  // --- ClusterView (delegated to the objects) ----------------------------------------------------------------------

  /** The store is the rules' ClusterView itself (StoreQueries.view). */
  view(): ClusterView {
    return this;
  }

  now(): number {
    return this.objects.now();
  }
  nowIsCapture(): boolean {
    return this.objects.nowIsCapture();
  }
  kindState(kind: Resource): KindSyncState {
    return this.objects.kindState(kind);
  }
  kindStateIn(kind: Resource, namespace: string): KindSyncState {
    return this.objects.kindStateIn(kind, namespace);
  }
  list<K extends Resource>(kind: K, namespace?: string): readonly ObjectsByResource[K][] {
    return this.objects.list(kind, namespace);
  }
  get<K extends Resource>(kind: K, name: string, namespace?: string): ObjectsByResource[K] | undefined {
    return this.objects.get(kind, name, namespace);
  }
  defaultClasses(): readonly StorageClass[] {
    return this.objects.defaultClasses();
  }
  claimsOfClass(className: string): readonly PersistentVolumeClaim[] {
    return this.objects.claimsOfClass(className);
  }
  volumesOfClass(className: string): readonly PersistentVolume[] {
    return this.objects.volumesOfClass(className);
  }
  volumesClaiming(namespace: string, claimName: string): readonly PersistentVolume[] {
    return this.objects.volumesClaiming(namespace, claimName);
  }
  podsUsingClaim(namespace: string, claimName: string): readonly Pod[] {
    return this.objects.podsUsingClaim(namespace, claimName);
  }
  podsOnNode(nodeName: string): readonly Pod[] {
    return this.objects.podsOnNode(nodeName);
  }
  eventsFor(objectKind: string, name: string, namespace?: string): readonly KubeEvent[] {
    return this.objects.eventsFor(objectKind, name, namespace);
  }
  csiNodesWithDriver(driver: string): readonly CSINode[] {
    return this.objects.csiNodesWithDriver(driver);
  }
  attachmentsOfVolume(pvName: string): readonly VolumeAttachment[] {
    return this.objects.attachmentsOfVolume(pvName);
  }
  leasesNamed(name: string): readonly Lease[] {
    return this.objects.leasesNamed(name);
  }

  podsRunningProvisioner(name: string, leaseNamespace: string | undefined): readonly Pod[] {
    return this.objects.podsRunningProvisioner(name, leaseNamespace);
  }
}

/** The reference of a stored object, for notices. */
function refOf(kind: Resource, object: KubeObject): ObjectRef {
  const meta = object.metadata;
  const ref: ObjectRef = { kind, name: meta?.name ?? '' };
  if (meta?.namespace) ref.namespace = meta.namespace;
  if (meta?.uid) ref.uid = meta.uid;
  return ref;
}
