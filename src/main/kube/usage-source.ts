/**
 * Volume usage of one live cluster, read as `kubectl df-pv` does: the kubelet's Summary API on every node,
 * `GET /api/v1/nodes/<node>/proxy/stats/summary`, through the API server's node proxy (one call per node, so a
 * poll costs in proportion to the nodes, not to the claims on screen).
 *
 * - Permission first: a SelfSubjectAccessReview for `get` on `nodes/proxy` each round (RBAC can change). Without
 *   it the report says `forbidden` and holds no volumes: usage is never shown as 0 or blank as if known.
 * - A few nodes in flight at once (`concurrency`), a time limit per node, and per-node backoff on errors
 * (from twice the interval up to 5 min). A node that fails is `error` with its message; its volumes are dropped
 *   (unknown), the other nodes' stay.
 * - A short history per volume (default the last 2 h), for trends.
 * - Paused when nobody asks: after three intervals without a report() (no window shows usage, no findings
 *   asked for), polling stops until the next report().
 * Changes are announced per round with the nodes and volume keys that changed.
 */
import type { Pod } from '../../shared/kube/objects';
import type { NodeUsage, UsageAccess, UsagePoint, UsageReport, VolumeUsage } from '../../shared/model/usage';
import { pointTime } from '../../shared/usage/trend';
import { mapEphemeral, mapVolumes, parseSummary } from '../../shared/usage/summary';
import type { RequestOptions } from './api-client';
import { Backoff } from './backoff';

/** The API calls the usage source makes (ApiClient has it). */
export interface UsageClient {
  json<T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface UsageChange {
  /** Nodes whose state or volumes changed. */
  nodes: string[];
  /** Keys of volumes whose usage changed, appeared or vanished. */
  volumes: string[];
  /** Whether `access` changed. */
  access: boolean;
  /** Nodes whose own usage changed: state, error or filesystem (a node's details show it), or that were dropped. */
  nodeUsage: string[];
  /**
   * Nodes whose state or error changed (or that were dropped): a claim mounted there and not in the report now
   * says why differently ("node X did not answer", "not reported", "checking"), though no volume key moved.
   */
  reachability: string[];
}

export interface UsageSourceOptions {
  client: UsageClient;
  /** Names of the nodes to poll now (the store's nodes and the nodes its pods run on). */
  nodes: () => string[];
  /** A pod of the store, for matching emptyDirs by pod and volume name. */
  podOf: (namespace: string, name: string) => Pod | undefined;
  onChange: (change: UsageChange) => void;
  /** After every round (changed or not): the history grew, so trends may have moved. */
  onRound?: () => void;
  /** Between polls of a node, ms (default 30 s). */
  intervalMs?: number;
  /** Nodes asked at once (default 4). */
  concurrency?: number;
  /** Time limit per node, ms (default 10 s). */
  timeoutMs?: number;
  /** How long history is kept, ms (default 2 h). */
  historyMs?: number;
  /** Polling pauses after this long without a report(), ms (default three intervals). */
  idleMs?: number;
  now?: () => number;
}

export const DEFAULT_USAGE_INTERVAL_MS = 30_000;
const MAX_BACKOFF_MS = 5 * 60_000;

interface NodeState {
  usage: NodeUsage;
  volumes: VolumeUsage[];
  nextAt: number;
  /** When it last answered (ms), so a shorter interval set later makes it due sooner. */
  answeredAt?: number;
  backoff: Backoff;
}

export class UsageSource {
  private access: UsageAccess = 'checking';
  private accessMessage: string | undefined;
  private readonly states = new Map<string, NodeState>();
  private readonly historyByKey = new Map<string, UsagePoint[]>();
  private historyRev = 0;
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private resume: (() => void) | undefined;
  private lastAskedAt: number;
  private intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: UsageSourceOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_USAGE_INTERVAL_MS;
    this.now = options.now ?? Date.now;
    this.lastAskedAt = this.now();
  }

  /** True while polling waits for someone to ask (see idleMs). */
  get paused(): boolean {
    return this.resume !== undefined;
  }

  /**
   * A new interval between polls of each node (the user's setting), applied at once: a node that answered longer
   * ago than the new interval is asked now, the others when it has passed since their last answer. A node in
   * backoff keeps its wait.
   */
  setIntervalMs(ms: number): void {
    if (ms === this.intervalMs) return;
    this.intervalMs = ms;
    for (const state of this.states.values()) {
      if (state.usage.state === 'ok' && state.answeredAt !== undefined) state.nextAt = state.answeredAt + ms;
    }
    this.wake?.();
  }

  /** Starts polling (idempotent). */
  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    this.resume?.();
    await this.loop;
  }

  /** The report, optionally only the volumes of one namespace. */
  report(namespace?: string): UsageReport {
    this.lastAskedAt = this.now();
    this.resume?.();
    const nodes = [...this.states.values()].map((s) => s.usage).sort((a, b) => a.node.localeCompare(b.node));
    const volumes = [...this.states.values()].flatMap((s) => s.volumes).filter((v) => namespace === undefined || v.namespace === namespace);
    volumes.sort((a, b) => a.key.localeCompare(b.key));
    return { access: this.access, ...(this.accessMessage ? { message: this.accessMessage } : {}), intervalMs: this.intervalMs, nodes, volumes };
  }

  /** The kept history of one volume, oldest first. */
  history(key: string): UsagePoint[] {
    return [...(this.historyByKey.get(key) ?? [])];
  }

  /** One round now: the permission check, then every due node (all of them with `all`). Used by `kse df`. */
  async pollOnce(all = true): Promise<void> {
    const changed: UsageChange = { nodes: [], volumes: [], access: false, nodeUsage: [], reachability: [] };
    const before = this.access;
    await this.checkAccess();
    changed.access = before !== this.access;
    if (this.access === 'allowed') await this.pollNodes(all, changed);
    else this.forgetVolumes(changed);
    this.prune();
    if (changed.access || changed.nodes.length > 0 || changed.volumes.length > 0) this.options.onChange(changed);
    this.options.onRound?.();
  }

  /** Grows with every point added to or dropped from the history (a cache of trends is valid while it stays). */
  get historyRevision(): number {
    return this.historyRev;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.pollOnce(false);
      } catch (error) {
        if (this.abort.signal.aborted) return;
        // Never a hot loop: the next round comes after the interval whatever failed.
        this.accessMessage = error instanceof Error ? error.message : String(error);
      }
      const soonest = Math.min(this.now() + this.intervalMs, ...[...this.states.values()].map((s) => s.nextAt));
      await this.sleep(Math.max(Math.min(1000, this.intervalMs), soonest - this.now()));
      if (!this.abort.signal.aborted && this.now() - this.lastAskedAt > (this.options.idleMs ?? 3 * this.intervalMs)) {
        await new Promise<void>((resolve) => (this.resume = resolve));
        this.resume = undefined;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async checkAccess(): Promise<void> {
    try {
      const review = await this.options.client.json<{ status?: { allowed?: boolean; reason?: string } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        signal: this.abort.signal,
        timeoutMs: this.options.timeoutMs ?? 10_000,
        body: {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: 'get', group: '', resource: 'nodes', subresource: 'proxy' } },
        },
      });
      if (review.status?.allowed === true) {
        this.access = 'allowed';
        this.accessMessage = undefined;
      } else {
        this.setForbidden();
      }
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.access = 'error';
      this.accessMessage = `Could not check permission to read usage (get nodes/proxy): ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private setForbidden(): void {
    this.access = 'forbidden';
    this.accessMessage = 'No permission to read usage: reading a node\'s kubelet stats needs "get" on "nodes/proxy". Ask a cluster admin for it (kubectl auth can-i get nodes/proxy).';
  }

  private forgetVolumes(changed: UsageChange): void {
    for (const [name, state] of this.states) {
      if (state.volumes.length > 0) {
        changed.volumes.push(...state.volumes.map((v) => v.key));
        changed.nodes.push(name);
      }
      state.volumes = [];
    }
  }

  private async pollNodes(all: boolean, changed: UsageChange): Promise<void> {
    const names = new Set(this.options.nodes());
    for (const name of [...this.states.keys()]) {
      if (!names.has(name)) {
        changed.volumes.push(...this.states.get(name)!.volumes.map((v) => v.key));
        changed.nodes.push(name);
        changed.nodeUsage.push(name);
        changed.reachability.push(name);
        this.states.delete(name);
      }
    }
    const now = this.now();
    for (const name of names) {
      if (!this.states.has(name)) {
        this.states.set(name, { usage: { node: name, state: 'pending' }, volumes: [], nextAt: now, backoff: new Backoff({ initialMs: 2 * this.intervalMs, maxMs: Math.max(MAX_BACKOFF_MS, 2 * this.intervalMs) }) });
      }
    }
    const due = [...names].filter((name) => all || this.states.get(name)!.nextAt <= now);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length && !this.abort.signal.aborted) {
        const name = due[next++]!;
        await this.pollNode(name, changed);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, due.length) }, worker));
  }

  private async pollNode(name: string, changed: UsageChange): Promise<void> {
    const state = this.states.get(name);
    if (!state) return;
    const polledAt = new Date(this.now()).toISOString();
    let usage: NodeUsage;
    let volumes: VolumeUsage[];
    try {
      const body = await this.options.client.json<unknown>(`/api/v1/nodes/${encodeURIComponent(name)}/proxy/stats/summary`, { signal: this.abort.signal, timeoutMs: this.options.timeoutMs ?? 10_000 });
      const parsed = parseSummary(body);
      volumes = [...mapVolumes(name, parsed.volumes, this.options.podOf), ...mapEphemeral(name, parsed.pods ?? [], this.options.podOf)];
      usage = { node: name, state: 'ok', polledAt, ...(parsed.fs ? { fs: parsed.fs } : {}) };
      state.backoff.reset();
      state.answeredAt = this.now();
      state.nextAt = state.answeredAt + this.intervalMs;
      this.remember(volumes);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      // An ApiError (not imported: commands that never read usage load no API client) with status 403.
      if ((error as { status?: unknown }).status === 403) this.setForbidden();
      const message = error instanceof Error ? error.message : String(error);
      // The cause only: presenters say "usage unknown on node X" in their language around it.
      usage = { node: name, state: 'error', polledAt, error: message };
      volumes = [];
      state.nextAt = this.now() + Math.max(this.intervalMs, state.backoff.next());
    }
    const keys = new Set([...state.volumes.map((v) => v.key), ...volumes.map((v) => v.key)]);
    const old = new Map(state.volumes.map((v) => [v.key, JSON.stringify({ ...v, time: undefined })]));
    const now = new Map(volumes.map((v) => [v.key, JSON.stringify({ ...v, time: undefined })]));
    const moved = [...keys].filter((k) => old.get(k) !== now.get(k));
    const reached = state.usage.state !== usage.state || state.usage.error !== usage.error;
    const nodeMoved = reached || JSON.stringify(state.usage.fs) !== JSON.stringify(usage.fs);
    state.usage = usage;
    state.volumes = volumes;
    if (moved.length > 0 || nodeMoved) changed.nodes.push(name);
    if (nodeMoved) changed.nodeUsage.push(name);
    if (reached) changed.reachability.push(name);
    changed.volumes.push(...moved);
  }

  private remember(volumes: VolumeUsage[]): void {
    const timeMs = this.now();
    const time = new Date(timeMs).toISOString();
    for (const v of volumes) {
      if (v.usedBytes === undefined) continue;
      let points = this.historyByKey.get(v.key);
      if (!points) this.historyByKey.set(v.key, (points = []));
      points.push({ time, timeMs, usedBytes: v.usedBytes, ...(v.capacityBytes !== undefined ? { capacityBytes: v.capacityBytes } : {}) });
      this.historyRev += 1;
    }
  }

  /** Drops history older than the kept window, and volumes with nothing left. */
  private prune(): void {
    const oldest = this.now() - (this.options.historyMs ?? 2 * 3600_000);
    for (const [key, points] of this.historyByKey) {
      const first = points.findIndex((p) => pointTime(p) >= oldest);
      if (first === -1) this.historyByKey.delete(key);
      else if (first > 0) points.splice(0, first);
      if (first !== 0) this.historyRev += 1;
    }
  }
}
