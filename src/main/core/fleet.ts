/**
 * The fleet (issue 18): the contexts the user chose to watch are opened and kept syncing, a few at a time, and
 * each one's storage is summed up for the fleet view. A context not chosen is never contacted. One that cannot be
 * reached holds its slot only until its time limit, so it costs the others nothing; its session keeps retrying
 * in the background (with the reflector's backoff) and its row turns synced if it comes back.
 */
import type { Notice } from '../../shared/contract';
import { sortFleet } from '../../shared/fleet/fleet-order';
import { DEFAULT_FLEET_CONCURRENCY, type Fleet, type FleetCounts, type FleetRow } from '../../shared/model/fleet';
import type { ClusterInfo, ClusterStatus, ConnectionProblem } from '../../shared/model/status';
import { messageOf } from './errors';

/** A context that did not open or sync within the fleet's time limit (a connection hanging, a huge list). */
class SyncTimeout extends Error {}
import { FleetChoicesInMemory, saneConcurrency, type FleetChoiceStore } from './fleet-choices';
import type { ClusterRegistry } from './registry';

export interface FleetOptions {
  /** Where the choices are remembered (default: in memory, for this run). */
  choices?: FleetChoiceStore;
  /** How long a watched context may take to sync before it is called unreachable and frees its slot, ms (default 30 s). */
  syncTimeoutMs?: number;
  /** How often a syncing context's status is looked at, ms (default 200). */
  pollMs?: number;
  notify(notice: Notice): void;
  log?(message: string): void;
}

const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

export class FleetWatch {
  private watched = new Set<string>();
  private concurrency = DEFAULT_FLEET_CONCURRENCY;
  /** Watched contexts waiting for a slot, in the order chosen. */
  private queue: string[] = [];
  /** Contexts holding a slot: being opened and synced. */
  private readonly active = new Set<string>();
  /** Why a context is unreachable, when it did not sync in time (its connection may not say so yet). */
  /** Contexts that did not open or sync in time: the English sentence, and the same as data for the UI. */
  private readonly timedOut = new Map<string, { error: string; problem?: ConnectionProblem }>();
  /** Contexts this fleet opened, closed again when no longer watched (unless the user opened them too). */
  private readonly openedByFleet = new Set<string>();
  private readonly openedByUser = new Set<string>();
  private stopped = false;

  constructor(
    private readonly registry: ClusterRegistry,
    private readonly options: FleetOptions,
  ) {}

  private get store(): FleetChoiceStore {
    this.fallbackStore ??= new FleetChoicesInMemory();
    return this.options.choices ?? this.fallbackStore;
  }
  private fallbackStore: FleetChoiceStore | undefined;

  /** Reads the remembered choices and starts watching them. Never throws. */
  async start(): Promise<void> {
    const stored = await this.store.recall(this.registry.kubeconfigFiles());
    const known = new Map(this.contexts().map((c) => [c.name, c.id]));
    this.concurrency = saneConcurrency(stored.concurrency);
    this.apply(stored.watched.flatMap((name) => (known.has(name) ? [known.get(name)!] : [])));
  }

  /**
   * Changes what is watched (cluster ids of contexts; unknown ids are refused by the caller) and how many sync at
   * once; remembers it. A context no longer watched is closed if the fleet opened it and the user did not.
   */
  async choose(change: { watched?: string[]; concurrency?: number }): Promise<Fleet> {
    if (change.concurrency !== undefined) this.concurrency = saneConcurrency(change.concurrency);
    if (change.watched) this.apply(change.watched);
    const names = new Map(this.contexts().map((c) => [c.id, c.name]));
    await this.store.remember(this.registry.kubeconfigFiles(), { watched: [...this.watched].flatMap((id) => (names.has(id) ? [names.get(id)!] : [])), concurrency: this.concurrency });
    this.pump();
    this.options.notify({ type: 'clusters' });
    return this.fleet();
  }

  /** The user opened this cluster (openCluster): it stays open when the fleet stops watching it. */
  userOpened(clusterId: string): void {
    this.openedByUser.add(clusterId);
  }

  /**
   * The user closed this cluster's tab (closeCluster). True when the fleet still watches it: the session then
   * stays open (it is the fleet's), and the caller does not close it.
   */
  userClosed(clusterId: string): boolean {
    this.openedByUser.delete(clusterId);
    if (!this.watched.has(clusterId)) return false;
    this.openedByFleet.add(clusterId);
    return true;
  }

  /** Every context, worst first, with the state of its storage. Never throws for one cluster's trouble. */
  async fleet(): Promise<Fleet> {
    const rows = await Promise.all(this.contexts().map((info) => this.rowOf(info)));
    return { rows: sortFleet(rows), concurrency: this.concurrency };
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private contexts(): ClusterInfo[] {
    return this.registry.list().filter((c) => c.source === 'context');
  }

  private apply(ids: readonly string[]): void {
    const next = new Set(ids);
    for (const id of this.watched) {
      if (next.has(id)) continue;
      this.queue = this.queue.filter((q) => q !== id);
      this.timedOut.delete(id);
      if (this.openedByFleet.delete(id) && !this.openedByUser.has(id)) {
        void this.registry.close(id).catch((error: unknown) => this.log(`Could not stop watching ${id}: ${messageOf(error)}`));
      }
    }
    for (const id of ids) if (!this.watched.has(id) && !this.queue.includes(id)) this.queue.push(id);
    this.watched = next;
    this.pump();
  }

  /** Starts checks while slots are free. */
  private pump(): void {
    while (!this.stopped && this.active.size < this.concurrency && this.queue.length > 0) {
      const id = this.queue.shift()!;
      if (!this.watched.has(id)) continue;
      this.active.add(id);
      void this.check(id).finally(() => {
        this.active.delete(id);
        this.options.notify({ type: 'clusters' });
        this.pump();
      });
    }
  }

  /** Opens one context and waits (within its limit) until it is synced or its connection failed. */
  private async check(id: string): Promise<void> {
    const limitMs = this.options.syncTimeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS;
    const started = Date.now();
    this.timedOut.delete(id);
    try {
      const wasOpen = this.registry.sessions().some((s) => s.info.id === id);
      const opening = this.registry.openCluster(id);
      // An opening that never answers (a connection hanging) is bounded too.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limitMs)));
      const opened = await Promise.race([opening.then(() => 'opened' as const), late]).finally(() => clearTimeout(timer));
      if (!wasOpen && !this.openedByUser.has(id)) this.openedByFleet.add(id);
      if (opened === 'late') throw new SyncTimeout(`did not answer within ${Math.round(limitMs / 1000)} s`);
      for (;;) {
        if (this.stopped || !this.watched.has(id)) return;
        const status = this.statusOf(id);
        if (!status || status.synced || status.cluster.connection === 'error') return;
        if (Date.now() - started >= limitMs) throw new SyncTimeout(`did not sync within ${Math.round(limitMs / 1000)} s`);
        await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 200));
      }
    } catch (error) {
      const name = this.contexts().find((c) => c.id === id)?.name ?? id;
      const server = this.contexts().find((c) => c.id === id)?.server ?? name;
      this.timedOut.set(id, {
        error: `${name} ${messageOf(error)}. Check that its API server answers (kubectl --context ${name} get --raw /version); the app keeps trying in the background.`,
        ...(error instanceof SyncTimeout ? { problem: { failure: 'sync-timeout' as const, server, seconds: Math.round(limitMs / 1000) } } : {}),
      });
    }
  }

  private statusOf(id: string): ClusterStatus | undefined {
    try {
      return this.registry.get(id).status();
    } catch {
      return undefined;
    }
  }

  private async rowOf(info: ClusterInfo): Promise<FleetRow> {
    const watched = this.watched.has(info.id);
    const base: FleetRow = { clusterId: info.id, name: info.name, watched, state: 'not-watched', ...(info.server ? { server: info.server } : {}) };
    const status = this.statusOf(info.id);
    if (!status) {
      if (info.error && info.connection !== 'error') return { ...base, state: 'unusable', error: info.error };
      if (!watched) return base;
      const late = this.timedOut.get(info.id);
      if (late) return { ...base, state: 'unreachable', ...late };
      if (info.connection === 'error') return { ...base, state: 'unreachable', ...(info.error ? { error: info.error } : {}), ...(info.problem ? { problem: info.problem } : {}) };
      return { ...base, state: this.queue.includes(info.id) ? 'queued' : 'syncing' };
    }
    const version = status.serverVersion ? { serverVersion: status.serverVersion } : {};
    const lastSyncedAt = latest(status);
    const seen = lastSyncedAt ? { lastSyncedAt } : {};
    // A cluster that stopped answering is unreachable even with its kinds synced: its counts are of the past.
    if (status.cluster.connection === 'error')
      return {
        ...base,
        ...version,
        ...seen,
        state: 'unreachable',
        ...(status.cluster.error ? { error: status.cluster.error } : {}),
        ...(status.cluster.problem ? { problem: status.cluster.problem } : {}),
      };
    if (!status.synced) {
      const late = this.timedOut.get(info.id);
      if (late !== undefined) return { ...base, ...version, ...seen, state: 'unreachable', ...late };
      return { ...base, ...version, state: 'syncing' };
    }
    try {
      const counts = await this.countsOf(info.id);
      const forbidden = status.kinds.filter((k) => k.state === 'forbidden').length;
      return { ...base, ...version, ...seen, state: 'synced', counts, ...(forbidden > 0 ? { forbiddenKinds: forbidden } : {}) };
    } catch (error) {
      return { ...base, ...version, state: 'unreachable', error: `${info.name} could not be summed up: ${messageOf(error)}` };
    }
  }

  private async countsOf(id: string): Promise<FleetCounts> {
    const session = this.registry.get(id);
    await session.store.settle?.();
    const overview = session.store.getOverview();
    const usage = await session.usageFindingsIfRead();
    const counts: FleetCounts = {
      problems: overview.findings.problem + (usage?.filter((f) => f.severity === 'problem').length ?? 0),
      warnings: overview.findings.warning + (usage?.filter((f) => f.severity === 'warning').length ?? 0),
      claimsPending: overview.claimsByPhase.Pending ?? 0,
      claimsLost: overview.claimsByPhase.Lost ?? 0,
      provisionersNotAlive: overview.provisioners.filter((p) => p.verdict === 'dead' || p.verdict === 'degraded').length,
    };
    if (usage) counts.volumesNearlyFull = usage.filter((f) => f.code === 'claim.nearly-full').length;
    return counts;
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.warn(m)))(message);
  }
}

/** The latest time anything was heard from the cluster (a watch event, or the end of a list). */
function latest(status: ClusterStatus): string | undefined {
  let best: string | undefined;
  for (const k of status.kinds) {
    for (const at of [k.lastEventAt, k.syncedAt]) if (at && (!best || at > best)) best = at;
  }
  return best;
}
