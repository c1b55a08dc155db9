/**
 * The service behind the contract: one instance per app (Electron main, web host or CLI). Every call is
 * validated, given a time limit and answered with a CallResult, so the transports stay a few lines each.
 */
import type { MethodName, Notice, RequestOf, ResponseOf } from '../../shared/contract';
import type { CallResult } from '../../shared/transport';
import type { ExerciseService } from '../exercises/service';
import { loadLessonBook } from '../lessons-load';
import { badRequest, messageOf, notFound, toContractError, unavailable } from './errors';
import { FleetWatch } from './fleet';
import type { FleetChoiceStore } from './fleet-choices';
import type { LastOpened } from './last-opened';
import { UsageSettingsInMemory, type UsageSettingsStore } from './usage-settings';
import { usageSettingsProblem } from '../../shared/usage/thresholds';
import { NoticeBatcher, type NoticeListener } from './notices';
import type { CoreDeps } from './ports';
import { ClusterRegistry, DEMO_ID } from './registry';
import { withTimeout } from './timeout';
import { isMethodName, validateRequest } from './validate';

export interface CoreOptions {
  deps: CoreDeps;
  /** The directory holding lessons/ and demo/. */
  resourcesDir: string;
  version: string;
  transport: 'ipc' | 'web';
  /** Least milliseconds between notice batches (default NOTICE_INTERVAL_MS, 100; a change after a quiet interval goes out at once). */
  noticeIntervalMs?: number;
  /** Per-method time limits in milliseconds (defaults below). */
  timeouts?: Partial<Record<MethodName, number>>;
  /** Open the demo when no kubeconfig exists (default true). */
  autoOpenDemo?: boolean;
  /**
   * Where the last opened context is remembered (the web host and the desktop app; not the one-shot CLI
   * commands). Every context opened through openCluster is remembered there.
   */
  lastOpened?: LastOpened;
  /**
   * Start syncing a context as the core starts, before any page asks: the one remembered in `lastOpened`, else
   * the kubeconfig's current context (default false). The page then finds it syncing or synced.
   */
  openContextOnStart?: boolean;
  /**
   * Where the fleet's choices (watched contexts, concurrency) are remembered; default in memory for this run.
   * The watched contexts start syncing as the core starts.
   */
  fleetChoices?: FleetChoiceStore;
  /** Where the user's usage settings (poll interval, thresholds) are remembered; default in memory for this run. */
  usageSettings?: UsageSettingsStore;
  /** How long a watched context may take to sync before the fleet calls it unreachable, ms (default 30 s). */
  fleetSyncTimeoutMs?: number;
  log?: (message: string) => void;
}

const DEFAULT_TIMEOUT_MS = 15_000;
// A report and a snapshot export copy and redact every object: a large cluster takes seconds.
const TIMEOUTS: Partial<Record<MethodName, number>> = { openCluster: 60_000, openSnapshot: 120_000, closeCluster: 30_000, getReport: 120_000, exportSnapshot: 120_000 };

type Handlers = { [M in MethodName]: (req: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M> };

export class Core {
  readonly registry: ClusterRegistry;
  readonly fleet: FleetWatch;
  private readonly notices: NoticeBatcher;
  private readonly lessons = new Map<string, Promise<ResponseOf<'getLessons'>>>();
  /** Loaded on first use: the checks pull in the diagnosis rules, which `kse contexts` must not load. */
  private exerciseService: Promise<ExerciseService> | undefined;
  private stopWatching: (() => void) | undefined;
  private readonly handlers: Handlers;
  /** The last write of the last opened context (LastOpenedFile queues its writes, so awaiting the last is enough). */
  private remembering: Promise<void> = Promise.resolve();
  private readonly usageSettings: UsageSettingsStore;

  constructor(private readonly options: CoreOptions) {
    this.usageSettings = options.usageSettings ?? new UsageSettingsInMemory();
    this.notices = new NoticeBatcher(options.noticeIntervalMs);
    this.registry = new ClusterRegistry(options.deps, (notice) => this.notices.push(notice));
    this.fleet = new FleetWatch(this.registry, {
      ...(options.fleetChoices ? { choices: options.fleetChoices } : {}),
      ...(options.fleetSyncTimeoutMs !== undefined ? { syncTimeoutMs: options.fleetSyncTimeoutMs } : {}),
      notify: (notice) => this.notices.push(notice),
      log: (message) => this.log(message),
    });
    this.handlers = this.createHandlers();
  }

  /**
   * Loads the cluster list, watches the kubeconfig, and opens the demo when there is no kubeconfig. With
   * `openContextOnStart`, starts opening the last opened (or current) context and returns without waiting for it.
   */
  async start(): Promise<void> {
    await this.registry.load();
    // Before any cluster opens, so its first poll already uses them.
    this.registry.setUsageSettings(await this.usageSettings.recall());
    const { watchKubeconfig } = this.options.deps;
    if (watchKubeconfig) this.stopWatching = watchKubeconfig(this.registry.kubeconfigFiles(), () => this.registry.reloadContexts());
    // The watched contexts start syncing now; not awaited past reading the choices.
    await this.fleet.start();
    if ((this.options.autoOpenDemo ?? true) && this.registry.noKubeconfig()) {
      if (this.registry.hasDemo()) {
        await this.registry.openCluster(DEMO_ID).catch((error) => this.log(`The demo could not be opened: ${messageOf(error)}`));
      } else {
        this.log(`No kubeconfig found (${this.registry.kubeconfigFiles().join(', ')}). ${this.registry.demoUnavailableReason() ?? 'No demo is available.'}`);
      }
      return;
    }
    if (this.options.openContextOnStart) await this.openContextOnStart();
  }

  /** The remembered context if the kubeconfig still has it and it is usable, else the current context. */
  private async openContextOnStart(): Promise<void> {
    const usable = new Set(this.registry.contextsToOpen().map((c) => c.name));
    const remembered = await this.options.lastOpened?.recall(this.registry.kubeconfigFiles());
    const current = this.registry.currentContext();
    const name = [remembered, current].find((candidate) => candidate !== undefined && usable.has(candidate));
    const cluster = name === undefined ? undefined : this.registry.contextsToOpen().find((c) => c.name === name);
    if (!cluster) return;
    // Not awaited: the host serves at once, and the page finds the cluster connecting or syncing.
    void this.registry.openCluster(cluster.id).catch((error: unknown) => this.log(`${cluster.name} could not be opened at start: ${messageOf(error)}`));
  }

  /** Validates and runs one call from a transport. Never throws: errors come back as a ContractError. */
  async call(method: string, request: unknown): Promise<CallResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'not-found', message: `There is no method "${method.slice(0, 60)}". Update the app: the UI and the core differ in version.` } };
    }
    try {
      return { ok: true, value: await this.invoke(method, validateRequest(method, request)) };
    } catch (error) {
      return { ok: false, error: toContractError(error, method) };
    }
  }

  /** Runs one already-typed call (the CLI uses this in-process). Throws KseCallError. */
  async invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>> {
    const handler = this.handlers[method] as (req: RequestOf<M>) => Promise<ResponseOf<M>> | ResponseOf<M>;
    const ms = this.options.timeouts?.[method] ?? TIMEOUTS[method] ?? DEFAULT_TIMEOUT_MS;
    return withTimeout(Promise.resolve().then(() => handler(request)), ms, method);
  }

  onNotice(listener: NoticeListener): () => void {
    return this.notices.subscribe(listener);
  }

  /** Queues a notice of the host's own (menu commands). */
  notify(notice: Notice): void {
    this.notices.push(notice);
  }

  async close(): Promise<void> {
    // A context opened just before the host stops is still remembered (remember() never throws).
    await this.remembering;
    this.stopWatching?.();
    this.fleet.stop();
    this.notices.dispose();
    await this.registry.closeAll();
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.warn(m)))(message);
  }

  private createHandlers(): Handlers {
    const registry = this.registry;
    const store = (clusterId: string) => registry.get(clusterId).store;
    // Diagnosis in slices first (ClusterStore.settle), so a query after 10,000 changed claims does not hold the
    // event loop (and with it IPC, the web host and the watch) for the whole diagnosis.
    const settled = async (clusterId: string) => {
      const s = store(clusterId);
      await s.settle?.();
      return store(clusterId);
    };
    return {
      listClusters: () => registry.list(),
      kubeconfigProblems: () => registry.kubeconfigProblems(),
      openCluster: async ({ clusterId }) => {
        const info = await registry.openCluster(clusterId);
        this.fleet.userOpened(clusterId);
        const { lastOpened } = this.options;
        if (lastOpened && info.source === 'context') this.remembering = lastOpened.remember(registry.kubeconfigFiles(), info.name);
        return info;
      },
      closeCluster: async ({ clusterId }) => {
        // A watched cluster stays open for the fleet when its tab closes.
        if (!this.fleet.userClosed(clusterId)) await registry.close(clusterId);
        return { ok: true as const };
      },
      openSnapshot: ({ fileName, content }) => registry.openFile(fileName, content),
      clusterStatus: ({ clusterId }) => registry.get(clusterId).status(),
      controlReplay: ({ clusterId, action }) => {
        const cluster = registry.get(clusterId);
        if (!cluster.source.controlReplay) {
          throw unavailable(
            `${cluster.info.name} is not a recording: only the demo and files from \`kse record\` can be paused or restarted.`,
            `${cluster.info.name} — не запись: приостановить или начать заново можно только демо и файлы \`kse record\`.`,
          );
        }
        cluster.source.controlReplay(action);
        return cluster.status();
      },
      addNamespace: async ({ clusterId, namespace }) => {
        const cluster = registry.get(clusterId);
        if (!cluster.source.addNamespace) {
          throw unavailable(
            `${cluster.info.name} is not a live cluster: namespaces can only be added to kubeconfig contexts.`,
            `${cluster.info.name} — не живой кластер: пространства имён добавляются только к контекстам kubeconfig.`,
          );
        }
        await cluster.source.addNamespace(namespace);
        return cluster.status();
      },
      listRows: async (req) => {
        await settled(req.clusterId);
        return registry.get(req.clusterId).listRows(req);
      },
      // The session orders claims by usage when asked to (the store holds none).
      locateRow: async (req) => {
        await settled(req.clusterId);
        return registry.get(req.clusterId).locateRow(req);
      },
      // The session adds what the store does not hold (volume usage and its findings).
      getObject: async ({ clusterId, ref }) => {
        await settled(clusterId);
        return registry.get(clusterId).getObject(ref);
      },
      getProvisioner: async ({ clusterId, name }) => (await settled(clusterId)).getProvisioner(name),
      getGraph: async (req) => (await settled(req.clusterId)).getGraph(req),
      // The session adds usage (the fullest volumes, bytes used per class, usage findings in the counts).
      getOverview: async ({ clusterId }) => {
        await settled(clusterId);
        return registry.get(clusterId).getOverview();
      },
      listFindings: async ({ clusterId, ...rest }) => {
        await settled(clusterId);
        return registry.get(clusterId).listFindings(rest);
      },
      getUsage: ({ clusterId, namespace }) => registry.get(clusterId).usageReport(namespace),
      getUsageHistory: ({ clusterId, key }) => registry.get(clusterId).usageHistory(key),
      getUsageSettings: () => ({ ...registry.usageSettings() }),
      setUsageSettings: async (changes) => {
        const next = { ...registry.usageSettings(), ...changes };
        const problem = usageSettingsProblem(next);
        if (problem) throw badRequest(`${problem} Nothing was changed.`);
        registry.setUsageSettings(next);
        await this.usageSettings.remember(next);
        return { ...next };
      },
      getReport: async ({ clusterId, namespace, object, format, lang }) => {
        const cluster = registry.get(clusterId);
        const lessons = await this.lessonBook(lang).catch(() => ({ lang, sections: [] }));
        const scope = { ...(namespace !== undefined ? { namespace } : {}), ...(object ? { object } : {}) };
        // Loaded on first use, like the store: `kse contexts` and a page that never asks for a report need neither.
        const [{ renderReport }, { reportOf }] = await Promise.all([import('../../shared/report/index'), import('./report')]);
        return renderReport(reportOf(cluster, scope, lessons, this.options.version), format, lang);
      },
      exportSnapshot: async ({ clusterId }) => {
        const cluster = registry.get(clusterId);
        const [{ snapshotFileName, snapshotOf }, { stateTime }] = await Promise.all([import('./export'), import('./report')]);
        const snapshot = snapshotOf(cluster, stateTime(cluster));
        return { fileName: snapshotFileName(snapshot.context, snapshot.capturedAt), content: `${JSON.stringify(snapshot)}\n` };
      },
      getFleet: () => this.fleet.fleet(),
      setFleetChoices: ({ watched, concurrency }) => {
        const contexts = new Set(registry.list().filter((c) => c.source === 'context').map((c) => c.id));
        const unknown = (watched ?? []).filter((id) => !contexts.has(id));
        if (unknown.length > 0) throw notFound(`No kubeconfig context ${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? '…' : ''}: only contexts can be watched. Pick them from the fleet view; the kubeconfig may have changed.`);
        return this.fleet.choose({ ...(watched ? { watched } : {}), ...(concurrency !== undefined ? { concurrency } : {}) });
      },
      getLessons: ({ lang }) => this.lessonBook(lang),
      listExercises: async ({ lang }) => {
        try {
          return await (await this.exercises()).list(lang);
        } catch (error) {
          throw unavailable(messageOf(error));
        }
      },
      checkExercise: async ({ clusterId, exercise }) => {
        const view = store(clusterId).view();
        const { UnknownExerciseError } = await import('../exercises/service');
        try {
          return await (await this.exercises()).check(view, exercise);
        } catch (error) {
          if (error instanceof UnknownExerciseError) throw notFound(error.message);
          throw error;
        }
      },
      about: () => ({ version: this.options.version, transport: this.options.transport, platform: process.platform }),
    };
  }

  private exercises(): Promise<ExerciseService> {
    this.exerciseService ??= import('../exercises/service').then(({ ExerciseService }) => new ExerciseService(this.options.resourcesDir));
    return this.exerciseService;
  }

  private lessonBook(lang: RequestOf<'getLessons'>['lang']): Promise<ResponseOf<'getLessons'>> {
    let book = this.lessons.get(lang);
    if (!book) {
      book = loadLessonBook(this.options.resourcesDir, lang).catch((error: unknown) => {
        this.lessons.delete(lang); // a fixed file is read again on the next call
        throw unavailable(messageOf(error));
      });
      this.lessons.set(lang, book);
    }
    return book;
  }
}
