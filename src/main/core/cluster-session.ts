/**
 * The session of one open cluster (a noun, where `openCluster` is the contract's verb that starts one): its source
 * writing into its store through a sink that guards the store's writes, owns the connection and per-kind sync
 * state the UI sees, and relays the store's changes as notices to the core's one batcher.
 */
import type { FindingsRequest, LocateRequest, Notice } from '../../shared/contract';
import type { ObjectDetail, Overview } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import type { ListRequest, Page, TableId, TableRows } from '../../shared/model/rows';
import { ALL_RESOURCES, ROW_TABLE_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import type { ClusterInfo, ClusterStatus, ConnectionProblem, ConnectionState, KindStatus } from '../../shared/model/status';
import type { Pod } from '../../shared/kube/objects';
import type { UsagePoint, UsageReport } from '../../shared/model/usage';
import type { ClusterSource, SourceSink, WatchEventType } from '../kube/source';
import type { UsageSettings } from '../../shared/usage/thresholds';
import { SessionUsage } from './session-usage';
import type { ClusterStorePort } from './ports';

const SETTLED: ReadonlySet<KindStatus['state']> = new Set(['synced', 'forbidden', 'absent']);

export class ClusterSession {
  private connectionState: ConnectionState = 'connecting';
  private connectionError: string | undefined;
  private connectionProblem: ConnectionProblem | undefined;
  private stopped = false;
  private unsubscribeStore: (() => void) | undefined;
  /** Where the sink's calls go; logs what the store rejects instead of breaking the source's loop. */
  readonly sink: SourceSink;
  /** Volume usage: polling, settings, findings and notices (session-usage.ts). */
  private readonly volumeUsage: SessionUsage;
  constructor(
    readonly info: ClusterInfo,
    readonly source: ClusterSource,
    readonly store: ClusterStorePort,
    private readonly notify: (notice: Notice) => void,
    private readonly log: (message: string) => void = (message) => console.warn(message),
  ) {
    this.volumeUsage = new SessionUsage(info, source, store, notify, log);
    this.sink = {
      add: (kind, object) => this.guard(() => store.add(kind, object), kind),
      update: (kind, object) => this.guard(() => store.update(kind, object), kind),
      delete: (kind, object) => this.guard(() => store.delete(kind, object), kind),
      replace: (kind, objects, namespace) => this.guard(() => store.replace(kind, objects, namespace), kind),
      kindStatus: (status) => this.onKindStatus(status),
      connection: (state, error, problem) => this.onConnection(state, error, problem),
      replay: () => this.onReplay(),
    };
  }

  async start(): Promise<void> {
    const { store } = this;
    this.volumeUsage.start();
    if (store.onChange) {
      this.unsubscribeStore = store.onChange((change) => {
        if (!this.stopped && change.kinds.length > 0) this.notify({ type: 'changed', clusterId: this.info.id, ...change });
      });
    }
    await this.source.start(this.sink);
  }

  /** The usage report (SessionUsage.usageReport): starts polling on first use. */
  usageReport(namespace?: string): UsageReport {
    return this.volumeUsage.usageReport(namespace);
  }

  /** The usage to write into a snapshot: a live cluster's current report once read, a file's own as recorded. */
  capturedUsage(): UsageReport | undefined {
    return this.volumeUsage.capturedUsage();
  }

  usageHistory(key: string): UsagePoint[] {
    return this.volumeUsage.usageHistory(key);
  }

  /** Poll settings (tests and benchmarks shorten them): see SessionUsage.usageOptions. */
  get usageOptions(): SessionUsage['usageOptions'] {
    return this.volumeUsage.usageOptions;
  }

  set usageOptions(options: SessionUsage['usageOptions']) {
    this.volumeUsage.usageOptions = options;
  }

  /** The user's new usage settings (SessionUsage.applyUsageSettings). */
  applyUsageSettings(settings: UsageSettings): void {
    this.volumeUsage.applyUsageSettings(settings);
  }

  /** One poll round of every node now (kse df). */
  pollUsage(): Promise<UsageReport> {
    return this.volumeUsage.pollUsage();
  }

  /** The usage findings if usage is already read; never starts polling (the fleet view). */
  usageFindingsIfRead(): Promise<Finding[] | undefined> {
    return this.volumeUsage.usageFindingsIfRead();
  }

  private currentUsageFindings(): Promise<Finding[]> {
    return this.volumeUsage.currentUsageFindings();
  }

  private podOf(namespace: string, name: string): Pod | undefined {
    return this.volumeUsage.podOf(namespace, name);
  }
  /**
   * The store's findings and the usage findings (shared/diagnose/usage.ts), most severe first. Asking for
   * findings starts usage polling on a live cluster: its findings follow with the next `usage` notice.
   */
  async listFindings(req: FindingsRequest): Promise<Page<Finding>> {
    const usage = this.volumeUsage.usageSource();
    if (!usage) {
      // A snapshot's usage findings, as of its capture time (no history: no trend findings).
      const recorded = this.source.recordedUsage?.();
      if (!recorded || !('usage' in recorded)) return this.store.listFindings(req);
      const { listWithUsage } = await import('./usage-findings');
      return listWithUsage(this.store, await this.currentUsageFindings(), req);
    }
    const { listWithUsage } = await import('./usage-findings');
    return listWithUsage(this.store, await this.currentUsageFindings(), req);
  }

  /**
   * One page of a table. Claims carry their usage (core/claim-rows.ts); asking for them starts usage polling
   * on a live cluster, like the usage report (a Claims table on screen is a window that shows usage).
   */
  async listRows<T extends TableId>(req: ListRequest<T>): Promise<Page<TableRows[T]>> {
    if (req.table !== 'claims') return this.store.listRows(req);
    const claims = req as ListRequest<'claims'>;
    const { listClaimsWithUsage, usageFindingsByClaim } = await import('./claim-rows');
    const report = this.usageReport();
    const findings = usageFindingsByClaim(report.access === 'allowed' ? await this.currentUsageFindings() : []);
    const page = listClaimsWithUsage((r) => this.store.listRows<'claims'>({ ...r, clusterId: claims.clusterId, table: 'claims' }), claims, report, (ns, pod) => this.podOf(ns, pod)?.spec?.nodeName, findings);
    return page as Page<TableRows[T]>;
  }

  /**
   * Where an object's row is in a table as filtered and sorted. Claims sorted by a usage column or by findings, or
   * filtered by severity, are ordered here with their usage (as listRows orders them); the rest by the store.
   */
  async locateRow(req: LocateRequest): Promise<{ index: number; total: number }> {
    if (req.table !== 'claims') return this.store.locateRow(req);
    const { locateClaimWithUsage, usageFindingsByClaim } = await import('./claim-rows');
    const report = this.usageReport();
    const findings = usageFindingsByClaim(report.access === 'allowed' ? await this.currentUsageFindings() : []);
    const { ref, ...query } = req;
    const list = (r: Omit<ListRequest<'claims'>, 'clusterId'> & { clusterId?: string }) => this.store.listRows<'claims'>({ ...r, clusterId: req.clusterId, table: 'claims' });
    return locateClaimWithUsage(list, query as Omit<ListRequest<'claims'>, 'offset' | 'limit'>, ref, report, (ns, pod) => this.podOf(ns, pod)?.spec?.nodeName, findings) ?? this.store.locateRow(req);
  }

  /** The store's detail of an object, with its usage findings added. */
  async getObject(ref: ObjectRef): Promise<ObjectDetail | null> {
    let detail = this.store.getObject(ref);
    if (!detail) return detail;
    if (ref.kind === 'persistentvolumeclaims' && ref.namespace && !detail.missing) {
      // A claim's details show how full it is: asking starts polling, as the claims table does.
      const report = this.usageReport();
      const rows = this.store.listRows<'claims'>({ clusterId: this.info.id, table: 'claims', namespaces: [ref.namespace], filters: { name: ref.name }, offset: 0, limit: 1 }).rows;
      const row = rows[0];
      if (row) {
        const { claimUsageOf } = await import('../../shared/usage/claim-usage');
        const { claimUsageKey } = await import('../../shared/usage/summary');
        detail = { ...detail, usage: { claim: claimUsageOf(row, report, (ns, pod) => this.podOf(ns, pod)?.spec?.nodeName), key: claimUsageKey(row.namespace, row.name), ...(report.recordedAt ? { recordedAt: report.recordedAt } : {}) } };
      }
    }
    if (!detail.missing && (ref.kind === 'pods' || ref.kind === 'nodes')) {
      // A pod's emptyDirs and a node's filesystem: asking starts polling too.
      const report = this.usageReport(ref.namespace);
      if (report.access !== 'allowed') {
        // Nothing to add: the pod's and node's Summary say nothing of usage rather than something false.
      } else if (ref.kind === 'pods') {
        const emptyDirs = report.volumes.filter((v) => v.kind === 'emptyDir' && v.namespace === ref.namespace && v.pod === ref.name);
        if (emptyDirs.length > 0) detail = { ...detail, emptyDirUsage: emptyDirs };
        // The whole pod's ephemeral storage against its limits (reported only when a container sets one).
        const ephemeral = report.volumes.find((v) => v.kind === 'ephemeral' && v.namespace === ref.namespace && v.pod === ref.name);
        if (ephemeral) detail = { ...detail, ephemeralUsage: ephemeral };
      } else {
        const node = report.nodes.find((n) => n.node === ref.name);
        if (node) detail = { ...detail, nodeUsage: node };
      }
    }
    const polling = this.volumeUsage.polling;
    const recordedUsage = polling ? undefined : this.source.recordedUsage?.();
    if (!polling && !(recordedUsage && 'usage' in recordedUsage)) return detail;
    const { detailWithUsage } = await import('./usage-findings');
    return detailWithUsage(detail, await this.currentUsageFindings(), ref);
  }

  /**
   * The store's overview with usage (core/overview-usage.ts): the fullest claims, the bytes used per class, and the
   * usage findings counted as the fleet view counts them. The overview shows usage, so asking starts polling.
   */
  async getOverview(): Promise<Overview> {
    const base = this.store.getOverview();
    const report = this.usageReport();
    const findings = await this.usageFindingsIfRead();
    if (report.access === 'unsupported' && !findings) return base;
    const { classOfClaimIn, overviewWithUsage } = await import('./overview-usage');
    return overviewWithUsage(base, { report, findings, store: this.store, classOfClaim: classOfClaimIn(this.store) });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.volumeUsage.stop();
    this.unsubscribeStore?.();
    try {
      await this.source.stop();
    } finally {
      this.store.dispose?.();
    }
  }

  connection(): { state: ConnectionState; error?: string; problem?: ConnectionProblem } {
    return {
      state: this.connectionState,
      ...(this.connectionError === undefined ? {} : { error: this.connectionError }),
      ...(this.connectionProblem === undefined ? {} : { problem: this.connectionProblem }),
    };
  }

  /** Every kind, with the store's count; kinds the source never mentioned are idle (live) or absent (offline). */
  status(): ClusterStatus {
    const offline = this.connectionState === 'offline';
    const kinds = ALL_RESOURCES.map((kind): KindStatus => {
      const reported = this.store.kindStatusOf(kind);
      const count = this.store.count(kind);
      return reported ? { ...reported, count } : { kind, state: offline ? 'absent' : 'idle', count };
    });
    const limited = new Set<string>();
    for (const status of kinds) for (const ns of status.namespaces ?? []) limited.add(ns);
    const status: ClusterStatus = {
      cluster: {
        ...this.info,
        connection: this.connectionState,
        ...(this.connectionError ? { error: this.connectionError } : {}),
        ...(this.connectionProblem ? { problem: this.connectionProblem } : {}),
      },
      kinds,
      synced: kinds.every((k) => SETTLED.has(k.state)),
    };
    if (limited.size > 0) status.limitedToNamespaces = [...limited].sort();
    const version = this.source.serverVersion?.();
    if (version) status.serverVersion = version;
    const sourceNow = this.store.now?.();
    if (sourceNow !== undefined && Number.isFinite(sourceNow)) status.sourceNow = new Date(sourceNow).toISOString();
    const replay = this.source.replayState?.();
    if (replay) status.replay = replay;
    return status;
  }

  /** Applies a data update; tells the UI which kind moved unless the store announces its own changes. */
  private guard(update: () => void, kind: Resource): void {
    if (this.stopped) return;
    this.safely(update, `an update of ${kind}`);
    if (!this.store.onChange) {
      // A store that does not announce its changes (a test's): say which kind and its table moved, not which objects.
      const table = ROW_TABLE_OF_RESOURCE[kind];
      this.notify({ type: 'changed', clusterId: this.info.id, kinds: [kind], tables: table ? [table] : [], revision: this.store.revision() });
    }
  }

  private safely(update: () => void, what: string): void {
    try {
      update();
    } catch (error) {
      this.log(`Store of ${this.info.name} rejected ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private onKindStatus(status: KindStatus): void {
    if (this.stopped) return;
    this.safely(() => this.store.kindStatus(status), `the state of ${status.kind}`);
    this.notify({ type: 'status', clusterId: this.info.id });
  }

  /** The replay paused, ended or started over: its position and controls are part of the status. */
  private onReplay(): void {
    if (!this.stopped) this.notify({ type: 'status', clusterId: this.info.id });
  }

  private onConnection(state: ConnectionState, error?: string, problem?: ConnectionProblem): void {
    if (this.stopped) return;
    const changed = state !== this.connectionState || error !== this.connectionError;
    this.connectionState = state;
    this.connectionError = error;
    this.connectionProblem = problem;
    this.safely(() => this.store.connection(state, error), 'a connection update');
    if (!changed) return;
    this.notify({ type: 'status', clusterId: this.info.id });
    // The cluster list shows each cluster's connection state.
    this.notify({ type: 'clusters' });
  }
}
