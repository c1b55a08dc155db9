/**
 * A live kubeconfig context as a ClusterSource: connects (/version, bounded retries), finds what the user may
 * read, and runs one reflector per kind, or per kind and namespace for a user who may not list cluster-wide.
 */
import { setMaxListeners } from 'node:events';
import type { KubeConfig } from '@kubernetes/client-node';
import { ALL_RESOURCES, DESCRIPTOR_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { ClusterInfo, ConnectionProblem, KindStatus } from '../../shared/model/status';
import { ApiClient, ApiError } from './api-client';
import { arrivalFilter } from './arrival';
import { Backoff, sleep, type BackoffOptions } from './backoff';
import { Credentials } from './credentials';
import { mergeKindStatus } from './kind-status';
import { listableNamespaces, mayListWatch, readableKindsIn } from './permissions';
import { Reflector, type ReflectorOptions, type ReflectorState } from './reflector';
import type { ClusterSource, SourceSink } from './source';

export interface ContextSourceOptions {
  info: ClusterInfo;
  /** A fresh KubeConfig for the context; called again to refresh credentials (so edited files are re-read). */
  makeKubeConfig: (signal: AbortSignal) => KubeConfig;
  kinds?: Resource[];
  /** Attempts to reach the server before giving up (then the user reopens the cluster). Default 8 (about 1.5 min). */
  connectAttempts?: number;
  backoff?: BackoffOptions;
  reflector?: Partial<Pick<ReflectorOptions, 'pageSize' | 'watchTimeoutSeconds' | 'silenceMs' | 'forbiddenRetryMs' | 'pageTimeoutMs'>>;
  /** Timeout of ordinary requests (version, discovery, reviews). */
  requestTimeoutMs?: number;
}

type Plan = { mode: 'cluster' } | { mode: 'namespaces' } | { mode: 'forbidden'; message: string } | { mode: 'absent'; message: string };

export class ContextSource implements ClusterSource {
  readonly info: ClusterInfo;
  private sink: SourceSink | undefined;
  private client: ApiClient | undefined;
  private readonly abort = new AbortController();
  private readonly reflectors = new Map<Resource, Map<string, Reflector>>();
  private readonly states = new Map<Resource, Map<string, ReflectorState>>();
  private readonly plans = new Map<Resource, Plan>();
  private readonly namespaces = new Set<string>();
  private version: string | undefined;
  private connected = false;
  private running: Promise<void> | undefined;

  constructor(private readonly options: ContextSourceOptions) {
    this.info = { ...options.info };
    this.namespaces.add(options.info.namespace ?? 'default');
    // Every in-flight request (two access reviews per kind at once) listens on this signal until it ends.
    setMaxListeners(500, this.abort.signal);
  }

  serverVersion(): string | undefined {
    return this.version;
  }

  /** The API client once the server answered (usage polling reads kubelet stats with it). */
  usageClient(): ApiClient | undefined {
    return this.connected && !this.abort.signal.aborted ? this.client : undefined;
  }

  async start(sink: SourceSink): Promise<void> {
    if (this.sink) return;
    this.sink = sink;
    for (const kind of this.kinds) sink.kindStatus({ kind, state: 'idle', count: 0 });
    try {
      this.client = new ApiClient(new Credentials({ makeKubeConfig: this.options.makeKubeConfig, signal: this.abort.signal }), this.options.requestTimeoutMs ?? 30_000);
    } catch (error) {
      this.gaveUp = true;
      this.setConnection('error', (error as Error).message, { failure: 'credentials', server: this.server, raw: (error as Error).message, gaveUp: true });
      return;
    }
    this.setConnection('connecting');
    this.running = this.connect().catch((error: unknown) => {
      if (!this.abort.signal.aborted)
        this.setConnection('error', `Unexpected failure while connecting to ${this.server}: ${(error as Error).message}`, {
          failure: 'unexpected',
          server: this.server,
          raw: (error as Error).message,
        });
    });
  }

  async stop(): Promise<void> {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    await this.running;
    await Promise.all([...this.reflectors.values()].flatMap((byNamespace) => [...byNamespace.values()].map((reflector) => reflector.stop())));
    this.reflectors.clear();
    this.client?.credentials.close();
    this.setConnection('closed');
  }

  async addNamespace(namespace: string): Promise<void> {
    if (this.namespaces.has(namespace)) return;
    this.namespaces.add(namespace);
    if (!this.connected || !this.client) return; // planned with the others once connected
    const limited = this.kinds.filter((kind) => this.plans.get(kind)?.mode === 'namespaces' || this.plans.get(kind)?.mode === 'forbidden');
    const namespaced = limited.filter((kind) => DESCRIPTOR_OF_RESOURCE[kind].namespaced);
    for (const kind of await readableKindsIn(this.client, namespace, namespaced, this.abort.signal)) {
      this.plans.set(kind, { mode: 'namespaces' });
      this.startReflector(kind, namespace);
    }
  }

  /** Set when connecting stopped for good (see ClusterSource.givenUp). */
  private gaveUp = false;

  givenUp(): boolean {
    return this.gaveUp;
  }

  private get kinds(): Resource[] {
    return this.options.kinds ?? ALL_RESOURCES;
  }

  private get server(): string {
    return this.info.server ?? this.client?.server ?? '(unknown server)';
  }

  private async connect(): Promise<void> {
    const client = this.client!;
    const attempts = this.options.connectAttempts ?? 8;
    const backoff = new Backoff(this.options.backoff);
    for (let attempt = 1; ; attempt++) {
      try {
        const version = await client.json<{ gitVersion?: string }>('/version', { signal: this.abort.signal, timeoutMs: 10_000 });
        this.version = typeof version.gitVersion === 'string' ? version.gitVersion : undefined;
        break;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        const message = (error as Error).message;
        const problem = this.problemOf(error);
        if (error instanceof ApiError && error.status === 401) {
          this.gaveUp = true;
          return this.setConnection('error', message, { ...problem, gaveUp: true });
        }
        if (attempt >= attempts) {
          this.gaveUp = true;
          return this.setConnection('error', `Gave up connecting after ${attempts} attempts. ${message} Fix the cause, then open the cluster again.`, {
            ...problem,
            attempts,
            gaveUp: true,
          });
        }
        const delay = backoff.next();
        const retryInSeconds = Math.ceil(delay / 1000);
        this.setConnection('error', `${message} Retrying in ${retryInSeconds} s (attempt ${attempt} of ${attempts}).`, { ...problem, attempt, attempts, retryInSeconds });
        if (!(await sleep(delay, this.abort.signal))) return;
      }
    }
    this.connected = true;
    this.setConnection('connected');
    await this.plan(client);
    if (this.abort.signal.aborted) return;
    for (const kind of this.kinds) {
      const plan = this.plans.get(kind)!;
      if (plan.mode === 'cluster') this.startReflector(kind, '');
    }
    await this.startNamespaced(client);
  }

  /** Decides per kind: absent (CRD not served), cluster-wide, per namespace, or forbidden. */
  private async plan(client: ApiClient): Promise<void> {
    const served = await this.servedOptionalKinds(client);
    await Promise.all(
      this.kinds.map(async (kind) => {
        const info = DESCRIPTOR_OF_RESOURCE[kind];
        if (info.optional && !served.has(kind)) {
          this.plans.set(kind, { mode: 'absent', message: `This cluster does not serve ${info.label} (${info.group}/${info.version} is not installed).` });
          return;
        }
        let allowed = true;
        try {
          allowed = await mayListWatch(client, kind, undefined, this.abort.signal);
        } catch {
          // Access reviews unavailable: try anyway; a 403 from the list says the same thing.
        }
        if (allowed) this.plans.set(kind, { mode: 'cluster' });
        else if (info.namespaced) this.plans.set(kind, { mode: 'namespaces' });
        else this.plans.set(kind, { mode: 'forbidden', message: this.forbiddenMessage(kind) });
      }),
    );
    for (const kind of this.kinds) {
      const plan = this.plans.get(kind)!;
      if (plan.mode === 'absent') this.sink?.kindStatus({ kind, state: 'absent', count: 0, message: plan.message });
      if (plan.mode === 'forbidden') this.sink?.kindStatus({ kind, state: 'forbidden', count: 0, message: plan.message });
    }
  }

  private async servedOptionalKinds(client: ApiClient): Promise<Set<Resource>> {
    const served = new Set<Resource>();
    const groups = new Map<string, Resource[]>();
    for (const kind of this.kinds.filter((candidate) => DESCRIPTOR_OF_RESOURCE[candidate].optional)) {
      const path = `/apis/${DESCRIPTOR_OF_RESOURCE[kind].group}/${DESCRIPTOR_OF_RESOURCE[kind].version}`;
      groups.set(path, [...(groups.get(path) ?? []), kind]);
    }
    for (const [path, kinds] of groups) {
      try {
        const list = await client.json<{ resources?: { name?: string }[] }>(path, { signal: this.abort.signal });
        const names = new Set((list.resources ?? []).map((resource) => resource.name));
        for (const kind of kinds) if (names.has(kind)) served.add(kind);
      } catch {
        // 404: the group is not installed. Anything else: treated the same, the kinds show as absent.
      }
    }
    return served;
  }

  /** For kinds the user may not list cluster-wide: one reflector per namespace they may read. */
  private async startNamespaced(client: ApiClient): Promise<void> {
    const limited = this.kinds.filter((kind) => this.plans.get(kind)?.mode === 'namespaces');
    if (limited.length === 0) return;
    for (const namespace of await listableNamespaces(client, 50, this.abort.signal).catch(() => [])) this.namespaces.add(namespace);
    const readable = new Map<Resource, string[]>();
    for (const namespace of this.namespaces) {
      if (this.abort.signal.aborted) return;
      const kinds = await readableKindsIn(client, namespace, limited, this.abort.signal).catch(() => []);
      for (const kind of kinds) readable.set(kind, [...(readable.get(kind) ?? []), namespace]);
    }
    for (const kind of limited) {
      const namespaces = readable.get(kind) ?? [];
      if (namespaces.length === 0) {
        const message = this.forbiddenMessage(kind, [...this.namespaces]);
        this.plans.set(kind, { mode: 'forbidden', message });
        this.sink?.kindStatus({ kind, state: 'forbidden', count: 0, message });
      }
      for (const namespace of namespaces) this.startReflector(kind, namespace);
    }
  }

  private startReflector(kind: Resource, namespace: string): void {
    if (this.abort.signal.aborted || !this.client || !this.sink) return;
    const byNamespace = this.reflectors.get(kind) ?? new Map<string, Reflector>();
    if (byNamespace.has(namespace)) return;
    this.reflectors.set(kind, byNamespace);
    const scope = namespace === '' ? undefined : namespace;
    const reflector = new Reflector({
      ...this.options.reflector,
      client: this.client,
      kind,
      namespace: scope,
      filter: arrivalFilter(kind),
      backoff: new Backoff(this.options.backoff),
      store: this.sink,
      onState: (state) => this.onReflectorState(kind, namespace, state),
    });
    byNamespace.set(namespace, reflector);
    reflector.start();
  }

  private onReflectorState(kind: Resource, namespace: string, state: ReflectorState): void {
    if (this.abort.signal.aborted) return;
    const byNamespace = this.states.get(kind) ?? new Map<string, ReflectorState>();
    byNamespace.set(namespace, state);
    this.states.set(kind, byNamespace);
    const status: KindStatus = mergeKindStatus(kind, byNamespace);
    this.sink?.kindStatus(status);
    // The connection is down when every reflector fails to reach the server, and up again when one succeeds.
    const all = [...this.states.values()].flatMap((states) => [...states.values()]);
    const unreachable = all.length > 0 && all.every((candidate) => candidate.state === 'error' && candidate.unreachable);
    if (unreachable && this.info.connection !== 'error') this.setConnection('error', state.message ?? `Lost the connection to ${this.server}.`);
    if (!unreachable && this.info.connection === 'error' && (state.state === 'synced' || state.state === 'syncing')) this.setConnection('connected');
  }

  private forbiddenMessage(kind: Resource, namespaces?: string[]): string {
    const info = DESCRIPTOR_OF_RESOURCE[kind];
    const user = this.info.user ?? this.client?.credentials.userName ?? '(none)';
    const where = namespaces ? `cluster-wide nor in namespace${namespaces.length > 1 ? 's' : ''} ${namespaces.map((n) => `"${n}"`).join(', ')}` : 'cluster-wide';
    const fix = info.namespaced
      ? 'Add a namespace you may read, or ask a cluster admin for list and watch access.'
      : `Ask a cluster admin for a ClusterRole allowing list and watch on ${kind}${info.group ? `.${info.group}` : ''}.`;
    return `User "${user}" may not list and watch ${info.label} ${where}, so they are not shown (this is not an empty list). ${fix}`;
  }

  /** A failed request as data for the UI; a failure the client did not classify is 'unexpected', with its words. */
  private problemOf(error: unknown): ConnectionProblem {
    const problem = error instanceof ApiError ? error.problem : undefined;
    if (problem) return { ...problem, server: problem.server || this.server };
    return { failure: 'unexpected', server: this.server, raw: error instanceof Error ? error.message : String(error) };
  }

  private setConnection(state: ClusterInfo['connection'], error?: string, problem?: ConnectionProblem): void {
    this.info.connection = state;
    this.info.error = error;
    if (problem) this.info.problem = problem;
    else delete this.info.problem;
    this.sink?.connection(state, error, problem);
  }
}
