/**
 * The clusters the app knows (kubeconfig contexts, the built-in demo, snapshot and recording files opened this
 * run) and which of them are open. Opening builds one source and one store; closing stops the source and drops both.
 */
import { DEFAULT_USAGE_SETTINGS, type UsageSettings } from '../../shared/usage/thresholds';
import { createHash } from 'node:crypto';
import type { Notice } from '../../shared/contract';
import type { ClusterInfo, KubeconfigProblem } from '../../shared/model/status';
import type { ClusterSource } from '../kube/source';
import { KseCallError, badRequest, messageOf, notFound, unavailable } from './errors';
import { SnapshotFormatError } from '../../shared/snapshot-format';
import { ClusterSession } from './cluster-session';
import type { ContextList, CoreDeps } from './ports';

export const DEMO_ID = 'demo';

/** An opened file: parsed once into its source, which is dropped with the entry when the file is closed. */
interface FileEntry {
  info: ClusterInfo;
  source: ClusterSource;
  /** sha256 of the file's name and content: the same file opened again is this entry, not a new one. */
  digest: string;
}

export class ClusterRegistry {
  private contexts: ContextList = { clusters: [], files: [], anyFileExists: false };
  private demo: { info: ClusterInfo; content: string } | undefined;
  private demoProblem: string | undefined;
  private readonly files = new Map<string, FileEntry>();
  private readonly open = new Map<string, ClusterSession>();
  private currentUsageSettings: UsageSettings = { ...DEFAULT_USAGE_SETTINGS };
  private readonly opening = new Map<string, Promise<ClusterSession>>();
  private fileCounter = 0;

  constructor(
    private readonly deps: CoreDeps,
    private readonly notify: (notice: Notice) => void,
  ) {}

  /** Reads the kubeconfig and looks for the demo. */
  async load(): Promise<void> {
    this.reloadContexts();
    try {
      const demo = await this.deps.readDemo();
      if (demo) {
        this.demo = {
          content: demo.content,
          info: { id: DEMO_ID, name: 'Demo cluster', source: 'demo', server: demo.fileName, connection: 'closed' },
        };
      } else {
        this.demoProblem =
          'The built-in demo is missing (no recording in resources/demo). Reinstall the app; when running from source, ' +
          'record one from the lab: npm run lab:up, then npm run kse -- record --context lab-admin -o resources/demo/demo.json.';
      }
    } catch (error) {
      this.demoProblem = `The built-in demo cannot be read: ${messageOf(error)}. Reinstall the app.`;
    }
  }

  /** Re-reads the kubeconfig files (they changed); contexts that vanished are closed. */
  reloadContexts(): void {
    this.contexts = this.deps.listContexts();
    const ids = new Set(this.contexts.clusters.map((c) => c.id));
    for (const [id, cluster] of this.open) {
      if (cluster.info.source === 'context' && !ids.has(id)) void this.close(id).catch(() => undefined);
    }
    this.notify({ type: 'clusters' });
  }

  kubeconfigFiles(): string[] {
    return this.contexts.files;
  }

  /** The kubeconfig's current-context, as last read. */
  currentContext(): string | undefined {
    return this.contexts.currentContext;
  }

  /** Kubeconfig contexts that can be opened (their entries are complete). */
  contextsToOpen(): ClusterInfo[] {
    return this.contexts.clusters.filter((c) => c.source === 'context' && !c.error);
  }

  /** Kubeconfig files that could not be used, as last read. */
  kubeconfigProblems(): KubeconfigProblem[] {
    return this.contexts.fileErrors ?? [];
  }

  /** True when no kubeconfig file exists: the app shows the demo on its own. */
  noKubeconfig(): boolean {
    return !this.contexts.anyFileExists;
  }

  hasDemo(): boolean {
    return this.demo !== undefined;
  }

  /** Why the demo is not available, when it is not. */
  demoUnavailableReason(): string | undefined {
    return this.demoProblem;
  }

  list(): ClusterInfo[] {
    const all = [...this.contexts.clusters, ...this.demoEntry(), ...[...this.files.values()].map((f) => f.info)];
    return all.map((info) => this.withConnection(info));
  }

  /** The demo's entry; when it is missing, an entry that says why (so the UI can show it instead of nothing). */
  private demoEntry(): ClusterInfo[] {
    if (this.demo) return [this.demo.info];
    if (!this.demoProblem) return [];
    return [{ id: DEMO_ID, name: 'Demo cluster', source: 'demo', connection: 'error', error: this.demoProblem }];
  }

  /** The cluster's entry with its live connection state; one being opened is connecting. */
  withConnection(info: ClusterInfo): ClusterInfo {
    const cluster = this.open.get(info.id);
    if (!cluster) return this.opening.has(info.id) ? { ...info, connection: 'connecting' } : info;
    const { state, error, problem } = cluster.connection();
    const out: ClusterInfo = { ...info, connection: state };
    if (error !== undefined) out.error = error;
    else delete out.error;
    if (problem !== undefined) out.problem = problem;
    else delete out.problem;
    return out;
  }

  /** Every open cluster, in the order they were opened. */
  /** The user's usage settings, which every session polls and judges by. */
  usageSettings(): UsageSettings {
    return this.currentUsageSettings;
  }

  /** New usage settings, applied to every open session now and to each one opened later. */
  setUsageSettings(settings: UsageSettings): void {
    this.currentUsageSettings = { ...settings };
    for (const session of this.open.values()) session.applyUsageSettings(this.currentUsageSettings);
  }

  sessions(): ClusterSession[] {
    return [...this.open.values()];
  }

  /** The open cluster, or a not-found/unavailable error that says how to get there. */
  get(clusterId: string): ClusterSession {
    const cluster = this.open.get(clusterId);
    if (cluster) return cluster;
    if (this.find(clusterId)) throw unavailable(`Cluster "${clusterId}" is not open. Open it first (openCluster).`, `Кластер «${clusterId}» не открыт. Сначала откройте его.`);
    throw notFound(
      `No cluster "${clusterId}". Pick one from the cluster list; it may have been removed from the kubeconfig.`,
      `Нет кластера «${clusterId}». Выберите его в списке кластеров: возможно, его убрали из kubeconfig.`,
    );
  }

  /** Opens a known cluster (idempotent; concurrent calls share one opening). */
  async openCluster(clusterId: string): Promise<ClusterInfo> {
    const existing = this.open.get(clusterId);
    // One that gave up connecting starts over: its message says "fix the cause, then open the cluster again".
    if (existing?.source.givenUp?.()) await this.close(clusterId);
    else if (existing) return this.withConnection(existing.info);
    const pending = this.opening.get(clusterId) ?? this.startOpening(clusterId);
    return this.withConnection((await pending).info);
  }

  /** Adds a snapshot or recording file's content as a cluster and opens it. */
  async openFile(fileName: string, content: string): Promise<ClusterInfo> {
    // The same file again (a second click, another tab of the web host) shows the entry already open instead of
    // adding an identical one to the list.
    const digest = createHash('sha256').update(fileName).update('\0').update(content).digest('hex');
    const same = [...this.files.entries()].find(([, f]) => f.digest === digest);
    if (same) return this.openCluster(same[0]);
    this.fileCounter += 1;
    const id = `file:${this.fileCounter}`;
    let source: ClusterSource;
    try {
      source = await this.deps.fileSource(id, fileName, content);
    } catch (error) {
      // The file's own fault says what is wrong in both languages; anything else is said in English only.
      throw badRequest(`${fileName} cannot be opened: ${messageOf(error)}`, error instanceof SnapshotFormatError ? error.ru : undefined);
    }
    const info: ClusterInfo = { ...source.info, id, connection: 'closed' };
    this.files.set(id, { info, source, digest });
    try {
      return await this.openCluster(id);
    } catch (error) {
      this.files.delete(id);
      throw error;
    }
  }

  /** Stops and drops a cluster's source and store. Opened files leave the list (their content is dropped too). */
  async close(clusterId: string): Promise<void> {
    // A close that arrives while the cluster is still opening applies once the opening is done.
    await this.opening.get(clusterId)?.catch(() => undefined);
    const cluster = this.open.get(clusterId);
    if (!cluster && !this.find(clusterId)) throw notFound(`No cluster "${clusterId}" to close.`, `Нет кластера «${clusterId}», который можно закрыть.`);
    this.open.delete(clusterId);
    this.files.delete(clusterId);
    this.notify({ type: 'clusters' });
    if (cluster) await cluster.stop();
  }

  async closeAll(): Promise<void> {
    const clusters = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(clusters.map((c) => c.stop()));
  }

  private find(clusterId: string): ClusterInfo | undefined {
    if (clusterId === DEMO_ID) return this.demo?.info;
    return this.files.get(clusterId)?.info ?? this.contexts.clusters.find((c) => c.id === clusterId);
  }

  private startOpening(clusterId: string): Promise<ClusterSession> {
    const promise = this.build(clusterId).finally(() => this.opening.delete(clusterId));
    this.opening.set(clusterId, promise);
    return promise;
  }

  private async build(clusterId: string): Promise<ClusterSession> {
    const info = this.find(clusterId);
    if (!info) {
      if (clusterId === DEMO_ID && this.demoProblem) throw unavailable(this.demoProblem);
      throw notFound(`No cluster "${clusterId}". Pick one from the cluster list.`, `Нет кластера «${clusterId}». Выберите его в списке кластеров.`);
    }
    if (info.source === 'context' && info.error) throw unavailable(info.error);
    const source = await this.createSource(info);
    let cluster: ClusterSession | undefined;
    try {
      const fullInfo: ClusterInfo = { ...info, ...(source.info.capturedAt ? { capturedAt: source.info.capturedAt } : {}) };
      const store = await this.deps.createStore(fullInfo, source);
      cluster = new ClusterSession(fullInfo, source, store, this.notify);
      cluster.applyUsageSettings(this.currentUsageSettings);
      this.open.set(clusterId, cluster);
      this.updateInfo(fullInfo);
      await cluster.start();
    } catch (error) {
      this.open.delete(clusterId);
      await source.stop().catch(() => undefined);
      if (error instanceof KseCallError) throw error;
      throw unavailable(`${info.name} could not be opened: ${messageOf(error)}`);
    }
    this.notify({ type: 'clusters' });
    return cluster;
  }

  private async createSource(info: ClusterInfo): Promise<ClusterSource> {
    const file = this.files.get(info.id);
    if (file) return file.source;
    try {
      if (info.source === 'context') return await this.deps.contextSource(info);
      if (!this.demo) throw new Error('the demo is not available');
      return await this.deps.fileSource(info.id, this.demo.info.server ?? 'demo', this.demo.content);
    } catch (error) {
      if (info.source === 'context') throw unavailable(messageOf(error));
      throw unavailable(`${info.name} cannot be opened: ${messageOf(error)}`);
    }
  }

  /** Keeps capturedAt (known once the source parsed the file) in the list entry. */
  private updateInfo(info: ClusterInfo): void {
    if (info.id === DEMO_ID && this.demo) this.demo.info = info;
    const file = this.files.get(info.id);
    if (file) file.info = info;
  }
}
