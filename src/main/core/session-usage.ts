/**
 * The volume usage of one open cluster's session (issue 14): its UsageSource, started by the first view that shows
 * usage; the usage a file or a replay carries; the user's settings; the usage findings, computed once per usage
 * change; and the `usage` notices that tell the UI what a poll round moved. Split from cluster-session.ts, which
 * merges these findings into its pages and details.
 */
import { MAX_NOTICE_OBJECTS, type Notice } from '../../shared/contract';
import type { Finding } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import type { ClusterInfo } from '../../shared/model/status';
import type { Pod } from '../../shared/kube/objects';
import type { UsagePoint, UsageReport } from '../../shared/model/usage';
import type { ClusterSource } from '../kube/source';
import { UsageSource, type UsageChange, type UsageSourceOptions } from '../kube/usage-source';
import { DEFAULT_USAGE_SETTINGS, type UsageSettings } from '../../shared/usage/thresholds';
import type { ClusterStorePort } from './ports';

export class SessionUsage {
  /** Volume usage polling, started by the first getUsage of a live, connected cluster. */
  private usage: UsageSource | undefined;
  /** Set by stop(): no notice and no new poll after it. */
  private stopped = false;
  /** The usage findings until the next usage change (see currentUsageFindings). */
  private usageFindingsCache: { historyRevision: string; findings: Finding[] } | undefined;
  private usageFindingsPending: { historyRevision: string; findings: Promise<Finding[]> } | undefined;
  /** The user's usage settings (registry.setUsageSettings): the poll interval and the nearly-full thresholds. */
  private settings: UsageSettings = { ...DEFAULT_USAGE_SETTINGS };
  /** Grows with each change of the thresholds: cached findings judged by older ones are stale. */
  private settingsRevision = 0;
  private podIndex: { revision: number; byKey: Map<string, Pod> } | undefined;
  /**
   * Poll settings (tests and benchmarks shorten them), and the shortest history for claim.over-provisioned
   * (shared/diagnose/usage-trend.ts; default 1 h).
   */
  usageOptions: Partial<Pick<UsageSourceOptions, 'intervalMs' | 'concurrency' | 'timeoutMs' | 'historyMs'>> & { overProvisionedMinMs?: number } = {};

  constructor(
    private readonly info: ClusterInfo,
    private readonly source: ClusterSource,
    private readonly store: ClusterStorePort,
    private readonly notify: (notice: Notice) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Follows a replayed recording's usage: each new sample is a usage change, as a poll round is. */
  start(): void {
    // Every kept history moved: `volumes` absent refetches each open chart; `objects` names what moved.
    if (this.source.onRecordedUsage) void this.loadNoticeModule().catch(() => undefined);
    this.source.onRecordedUsage?.((volumes) => {
      this.usageFindingsCache = undefined;
      this.announceUsage({ nodes: [], access: false, volumes, nodeUsage: [], reachability: [] }, false);
      this.afterUsageRound();
    });
  }

  /** Whether this session reads usage itself (a live cluster a view asked about), not from a file. */
  get polling(): boolean {
    return this.usage !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.usage?.stop();
  }

  /**
   * The usage report (see UsageSource). Starts polling on first use; a file source says 'unsupported', a live
   * cluster not connected yet says 'checking'.
   */
  usageReport(namespace?: string): UsageReport {
    const usage = this.usageSource();
    if (usage) return usage.report(namespace);
    const recorded = this.source.recordedUsage?.();
    if (recorded && 'usage' in recorded) {
      const volumes = recorded.usage.volumes.filter((v) => namespace === undefined || v.namespace === namespace);
      // A replay's usage has a history and moves on: shown as live (chart, trend), not "as of the capture".
      return { ...recorded.usage, volumes, ...(recorded.replayed ? {} : { recordedAt: recorded.recordedAt }) };
    }
    const access = this.source.usageClient ? 'checking' : 'unsupported';
    const message = recorded && 'problem' in recorded ? { message: recorded.problem } : {};
    return { access, intervalMs: this.intervalMs(), nodes: [], volumes: [], ...message };
  }

  /** The usage to write into a snapshot: a live cluster's current report once read, a file's own as recorded. */
  capturedUsage(): UsageReport | undefined {
    if (this.usage) {
      const report = this.usage.report();
      return report.access === 'allowed' || report.access === 'forbidden' ? report : undefined;
    }
    const recorded = this.source.recordedUsage?.();
    return recorded && 'usage' in recorded ? recorded.usage : undefined;
  }

  usageHistory(key: string): UsagePoint[] {
    return this.usage ? this.usage.history(key) : (this.source.recordedUsageHistory?.(key) ?? []);
  }

  /**
   * The user's new usage settings: polling follows the new interval at once (UsageSource.setIntervalMs), and the
   * usage findings are judged again by the new thresholds; the UI is told which objects' findings moved, as after
   * a poll round.
   */
  applyUsageSettings(settings: UsageSettings): void {
    const thresholdsMoved = settings.warningPercent !== this.settings.warningPercent || settings.problemPercent !== this.settings.problemPercent;
    this.settings = { ...settings };
    this.usage?.setIntervalMs(this.intervalMs());
    if (thresholdsMoved) {
      this.settingsRevision += 1;
      this.usageFindingsCache = undefined;
      if (this.usage || this.source.recordedUsage) this.afterUsageRound();
    }
  }

  /** Between polls of each node, ms: a test's usageOptions, else the user's setting. */
  private intervalMs(): number {
    return this.usageOptions.intervalMs ?? this.settings.intervalMs;
  }

  /** Changes when the usage findings may: a poll or replayed sample moved the history, or the thresholds changed. */
  private findingsRevision(): string {
    return `${this.usage?.historyRevision ?? this.source.recordedUsageRevision?.() ?? 0}:${this.settingsRevision}`;
  }

  /** One poll round of every node now, started if need be (kse df); undefined when usage cannot be read here. */
  async pollUsage(): Promise<UsageReport> {
    const usage = this.usageSource(false);
    if (usage) await usage.pollOnce(true);
    return this.usageReport();
  }

  /**
   * The usage findings if usage is already read (a view started polling, or a file carries its own), else
   * undefined. Never starts polling: the fleet view must not read the nodes of every watched cluster.
   */
  async usageFindingsIfRead(): Promise<Finding[] | undefined> {
    const recorded = this.usage ? undefined : this.source.recordedUsage?.();
    if (!this.usage && !(recorded && 'usage' in recorded)) return undefined;
    return this.currentUsageFindings();
  }

  /**
   * The usage findings now: computed once per usage change (a poll that moved something drops them), since the
   * trend findings read every kept point of every claim. A file's recorded usage has no history: no trends.
   */
  async currentUsageFindings(): Promise<Finding[]> {
    const usage = this.usage;
    const revision = this.findingsRevision();
    if (this.usageFindingsCache?.historyRevision === revision) return this.usageFindingsCache.findings;
    // Callers that arrive while the sliced computation runs share it rather than start another.
    if (this.usageFindingsPending?.historyRevision === revision) return this.usageFindingsPending.findings;
    const pending = (async () => {
      const { usageFindings } = await import('./usage-findings');
      const recorded = usage ? undefined : this.source.recordedUsage?.();
      const report = usage ? usage.report() : recorded && 'usage' in recorded ? recorded.usage : undefined;
      // A replayed recording's history gives trends as a live poll's does; a snapshot's single report does not.
      const replayHistory = !usage && recorded && 'usage' in recorded && recorded.replayed && this.source.recordedUsageHistory ? this.source.recordedUsageHistory.bind(this.source) : undefined;
      const trend = usage ? this.trendOptions(usage) : replayHistory ? { history: replayHistory } : undefined;
      return report ? usageFindings(report, trend, undefined, { warningPercent: this.settings.warningPercent, problemPercent: this.settings.problemPercent }) : [];
    })();
    this.usageFindingsPending = { historyRevision: revision, findings: pending };
    try {
      const findings = await pending;
      // Keep it only if no usage change came meanwhile (onChange cleared the cache for a newer revision).
      if (this.findingsRevision() === revision) this.usageFindingsCache = { historyRevision: revision, findings };
      // From now on the UI has seen usage findings: each round tells it which objects' findings changed.
      if (!this.announcedFindings) this.announcedFindings = (await import('./usage-notice')).findingsByObject(findings);
      return findings;
    } finally {
      if (this.usageFindingsPending?.findings === pending) this.usageFindingsPending = undefined;
    }
  }

  /** Usage notices and the findings check after each round, in order, once the notice module is loaded. */
  private usageQueue: Promise<void> = Promise.resolve();
  /** Work waiting in usageQueue. */
  private usagePending = 0;
  /** core/usage-notice.ts once loaded (a dynamic import: `kse contexts` loads no store module). */
  private noticeModule: typeof import('./usage-notice') | undefined;
  private noticeModuleLoading: Promise<unknown> | undefined;

  private loadNoticeModule(): Promise<unknown> {
    this.noticeModuleLoading ??= import('./usage-notice').then((m) => (this.noticeModule = m));
    return this.noticeModuleLoading;
  }

  /**
   * Runs `work` with the notice module: at once when it is loaded and nothing waits before it (so a notice never
   * lags the report it announces: polling starts only once the module is loaded), else after what waits.
   */
  private enqueueUsage(work: (notices: typeof import('./usage-notice')) => void | Promise<void>): void {
    if (this.noticeModule && this.usagePending === 0 && !this.stopped) {
      let done: void | Promise<void>;
      try {
        done = work(this.noticeModule);
      } catch (error) {
        done = Promise.reject(error);
      }
      if (done) this.chainUsage(() => done as Promise<void>);
      return;
    }
    this.chainUsage(async () => {
      await this.loadNoticeModule();
      if (!this.stopped && this.noticeModule) await work(this.noticeModule);
    });
  }

  /** Queues a step; a failure is logged, never thrown into the poll loop. */
  private chainUsage(step: () => Promise<void>): void {
    this.usagePending += 1;
    this.usageQueue = this.usageQueue
      .then(step)
      .catch((error: unknown) => this.log(`Usage notice of ${this.info.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.usagePending -= 1;
      });
  }

  /** Each object's usage findings as the UI was last told of them; undefined until someone read findings. */
  private announcedFindings: Map<string, { ref: ObjectRef; text: string }> | undefined;
  /** Objects the current round's notice named (their findings need no second notice); 'all' when it named none. */
  private namedThisRound: Set<string> | 'all' = new Set();

  /**
   * Tells the UI what a poll round (or a replayed sample) moved: the nodes, the volume keys and the objects whose
   * usage shows differently (core/usage-notice.ts), so only their details and rows refetch. A change of access
   * names no objects: every one of them changed.
   */
  private announceUsage(change: UsageChange, keyedHistory = true): void {
    this.enqueueUsage(({ usageChangeObjects, noticeObjects, objectKey }) => {
      const objects = change.access ? [] : usageChangeObjects(change, (node) => this.store.view().podsOnNode(node));
      const named = change.access ? {} : noticeObjects(objects);
      const volumes = keyedHistory && change.volumes.length <= MAX_NOTICE_OBJECTS ? { volumes: change.volumes } : {};
      this.namedThisRound = named.objects ? new Set(named.objects.map(objectKey)) : 'all';
      this.notify({ type: 'usage', clusterId: this.info.id, nodes: change.nodes, access: change.access, ...volumes, ...named });
    });
  }

  /**
   * After a round: a round that moved no value still grew the history, so a trend finding may come, go or change
   * (a claim seen long enough at 2 % becomes over-provisioned). Once someone has read findings, compare each
   * object's usage findings with what the UI was told and name the objects that differ and the round's notice
   * did not name already.
   */
  private afterUsageRound(): void {
    this.enqueueUsage(async ({ findingsByObject, movedFindingObjects, noticeObjects, objectKey }) => {
      const named = this.namedThisRound;
      this.namedThisRound = new Set();
      const before = this.announcedFindings;
      if (!before) return;
      const after = findingsByObject(await this.currentUsageFindings());
      this.announcedFindings = after;
      if (named === 'all' || this.stopped) return;
      const moved = movedFindingObjects(before, after).filter((ref) => !named.has(objectKey(ref)));
      if (moved.length > 0) this.notify({ type: 'usage', clusterId: this.info.id, nodes: [], access: false, volumes: [], ...noticeObjects(moved) });
    });
  }

  /** What the trend findings read: the kept history of each volume. */
  private trendOptions(usage: UsageSource) {
    const { overProvisionedMinMs, intervalMs } = this.usageOptions;
    return {
      history: (key: string) => usage.history(key),
      intervalMs: intervalMs ?? this.settings.intervalMs,
      ...(overProvisionedMinMs !== undefined ? { overProvisionedMinMs } : {}),
    };
  }

  usageSource(poll = true): UsageSource | undefined {
    if (this.usage || this.stopped) return this.usage;
    const client = this.source.usageClient?.();
    if (!client) return undefined;
    this.usage = new UsageSource({
      client,
      ...this.usageOptions,
      intervalMs: this.intervalMs(),
      nodes: () => this.nodeNames(),
      podOf: (namespace, name) => this.podOf(namespace, name),
      onChange: (change) => {
        this.usageFindingsCache = undefined;
        this.announceUsage(change);
      },
      onRound: () => this.afterUsageRound(),
    });
    // Polling starts once the notice module is loaded, so that each round's notice is sent as the round ends.
    if (poll) void this.loadNoticeModule().then(() => this.usage?.start(), () => this.usage?.start());
    return this.usage;
  }

  /** The nodes the store holds and those its pods run on (a user who may not list nodes still has pods). */
  private nodeNames(): string[] {
    const names = new Set<string>();
    for (const node of this.store.list('nodes')) if (node.metadata?.name) names.add(node.metadata.name);
    for (const pod of this.store.list('pods') as Pod[]) if (pod.spec?.nodeName) names.add(pod.spec.nodeName);
    return [...names].sort();
  }

  podOf(namespace: string, name: string): Pod | undefined {
    const revision = this.store.revision();
    if (this.podIndex?.revision !== revision) {
      const byKey = new Map<string, Pod>();
      for (const pod of this.store.list('pods') as Pod[]) byKey.set(`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`, pod);
      this.podIndex = { revision, byKey };
    }
    return this.podIndex.byKey.get(`${namespace}/${name}`);
  }
}
