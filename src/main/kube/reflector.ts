/**
 * A reflector keeps one kind (optionally in one namespace) of one cluster mirrored into a sink, as client-go's
 * does: a paged LIST, then a WATCH from the list's resourceVersion with bookmarks and a server-side timeout,
 * resumed from the last resourceVersion seen; a relist when that version is too old (410); jittered backoff on
 * failures; a watchdog for streams that go silent. See docs/architecture.md, "The path of a watch event".
 *
 * resourceVersions are opaque: they are stored and sent back, never compared or parsed.
 */
import { collectionPath, DESCRIPTOR_OF_RESOURCE, METADATA_ONLY_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import type { KindSyncState } from '../../shared/model/status';
import { ApiError, type ApiClient } from './api-client';
import { PARTIAL_METADATA, PARTIAL_METADATA_LIST, prepareObject } from './arrival';
import { Backoff, sleep } from './backoff';
import { writeEvent, type ObjectWriter } from './source';
import { watchStream } from './watch-stream';

/** A reflector's own state; the context source merges several (per-namespace) into one KindStatus. */
export interface ReflectorState {
  state: Exclude<KindSyncState, 'idle'>;
  count: number;
  lastEventAt?: string;
  syncedAt?: string;
  syncMillis?: number;
  message?: string;
  /** The server's or the network's own words about the last failure (see KindStatus.detail). */
  detail?: string;
  nextRetryAt?: string;
  /** The last failure was not reaching the server at all (for the cluster's connection state). */
  unreachable?: boolean;
}


export interface ReflectorOptions {
  client: ApiClient;
  kind: Resource;
  namespace?: string;
  /** The store this reflector writes to, as client-go's reflector holds its Store: one hop from the wire. */
  store: ObjectWriter;
  /** Told when this reflector's state changes (the context source merges per-namespace states). */
  onState: (state: ReflectorState) => void;
  /** Objects for which this is false never reach the sink (events about unrelated kinds). */
  filter?: (object: KubeObject) => boolean;
  pageSize?: number;
  /** The server-side timeout of each watch; randomised (5-10 min) so that watches do not all end together. */
  watchTimeoutSeconds?: () => number;
  /**
   * A watch that sends nothing (not even a bookmark) for this long is presumed dead and restarted (default 200 s,
   * and never past the watch's own timeout + 30 s). The apiserver's watch cache sends quiet watchers a bookmark
   * now and then (the first after 119 s on the v1.37 lab), so a healthy quiet watch is rarely cut, and a cut one
   * is only resumed from its resourceVersion.
   */
  silenceMs?: number;
  /** Timeout of one LIST page. */
  pageTimeoutMs?: number;
  backoff?: Backoff;
  /** How long to wait before asking again after a 403 (permissions may be granted meanwhile). */
  forbiddenRetryMs?: number;
}

const randomWatchTimeout = (): number => 300 + Math.floor(Math.random() * 301);

export class Reflector {
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;
  private resourceVersion = '';
  private readonly known = new Set<string>();
  private status: ReflectorState = { state: 'syncing', count: 0 };
  private reportTimer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;
  private readonly path: string;
  /** Metadata-only kinds (Secrets, ConfigMaps) are listed and watched as PartialObjectMetadata. */
  private readonly metadataOnly: boolean;

  constructor(private readonly options: ReflectorOptions) {
    this.backoff = options.backoff ?? new Backoff();
    this.path = collectionPath(options.kind, options.namespace);
    this.metadataOnly = METADATA_ONLY_RESOURCES.has(options.kind);
  }

  /** The resourceVersion the next watch resumes from (opaque). */
  get lastResourceVersion(): string {
    return this.resourceVersion;
  }

  get state(): ReflectorState {
    return { ...this.status, count: this.known.size };
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.reportTimer);
    await this.running;
  }

  private get stopped(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    let needList = true;
    let quickGones = 0;
    while (!this.stopped) {
      try {
        if (needList) {
          await this.list();
          needList = false;
        }
        await this.watch();
        quickGones = 0;
      } catch (error) {
        if (this.stopped) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, (error as Error).message);
        if (failure.status === 410) {
          // The resourceVersion is too old (etcd compacted it): list again; sink.reset drops what vanished.
          needList = true;
          this.report({ state: 'syncing' });
          if (++quickGones > 3 && !(await sleep(this.backoff.next(), this.abort.signal))) return;
          continue;
        }
        if (failure.status === 404 && DESCRIPTOR_OF_RESOURCE[this.options.kind].optional) {
          this.report({ state: 'absent', message: `This cluster does not serve ${DESCRIPTOR_OF_RESOURCE[this.options.kind].label} (the CRD is not installed).` });
          return;
        }
        if (failure.status === 403) {
          needList = true;
          const wait = this.options.forbiddenRetryMs ?? 120_000;
          this.report({ state: 'forbidden', message: this.forbiddenMessage(failure), detail: failure.message, nextRetryAt: new Date(Date.now() + wait).toISOString() });
          if (!(await sleep(wait, this.abort.signal))) return;
          continue;
        }
        const delay = this.backoff.next();
        this.report({
          state: 'error',
          message: `${failure.message} Retrying in ${Math.round(delay / 1000)} s.`,
          detail: failure.message,
          nextRetryAt: new Date(Date.now() + delay).toISOString(),
          unreachable: failure.status === 0 || failure.status >= 500,
        });
        if (!(await sleep(delay, this.abort.signal))) return;
      }
    }
  }

  /** Paged LIST; a continue token that expired (410) restarts the list from the first page. */
  private async list(): Promise<void> {
    const started = Date.now();
    this.report({ state: 'syncing' });
    let objects: KubeObject[] = [];
    let continueToken: string | undefined;
    let listVersion = '';
    let restarts = 0;
    for (;;) {
      const query = new URLSearchParams({ limit: String(this.options.pageSize ?? 500) });
      if (continueToken) query.set('continue', continueToken);
      let page: { items?: KubeObject[]; metadata?: { resourceVersion?: string; continue?: string } };
      try {
        page = await this.options.client.json(`${this.path}?${query}`, {
          signal: this.abort.signal,
          timeoutMs: this.options.pageTimeoutMs ?? 60_000,
          ...(this.metadataOnly ? { accept: PARTIAL_METADATA_LIST } : {}),
        });
      } catch (error) {
        if (continueToken && error instanceof ApiError && error.status === 410 && ++restarts <= 3) {
          objects = []; // the snapshot the pages came from is gone: start over (a few times, then back off)
          continueToken = undefined;
          continue;
        }
        throw error;
      }
      for (const item of page.items ?? []) {
        const object = prepareObject(this.options.kind, item);
        if (!this.options.filter || this.options.filter(object)) objects.push(object);
      }
      listVersion = page.metadata?.resourceVersion ?? listVersion;
      continueToken = page.metadata?.continue || undefined;
      if (!continueToken) break;
    }
    if (this.stopped) return;
    this.resourceVersion = listVersion;
    this.known.clear();
    for (const object of objects) this.known.add(keyOf(object));
    // The whole collection after a (re)list: whatever is not in it has vanished.
    this.options.store.replace(this.options.kind, objects, this.options.namespace);
    this.backoff.reset();
    const now = new Date();
    this.report({ state: 'synced', lastEventAt: now.toISOString(), syncedAt: now.toISOString(), syncMillis: now.getTime() - started, message: undefined, detail: undefined, nextRetryAt: undefined, unreachable: false });
  }

  /** One watch, until the server ends it (its timeout), it fails, or the watchdog gives up on it. */
  private async watch(): Promise<void> {
    const timeoutSeconds = (this.options.watchTimeoutSeconds ?? randomWatchTimeout)();
    const query = new URLSearchParams({
      watch: '1',
      allowWatchBookmarks: 'true',
      resourceVersion: this.resourceVersion,
      timeoutSeconds: String(timeoutSeconds),
    });
    const opened = Date.now();
    const received = await watchStream({
      client: this.options.client,
      path: `${this.path}?${query}`,
      signal: this.abort.signal,
      silenceMs: Math.min(timeoutSeconds * 1000 + 30_000, this.options.silenceMs ?? 200_000),
      ...(this.metadataOnly ? { accept: PARTIAL_METADATA } : {}),
      onOpen: () => {
        if (this.status.state !== 'synced') this.report({ state: 'synced', message: undefined, detail: undefined, nextRetryAt: undefined, unreachable: false });
      },
      onEvent: (type, object) => this.onEvent(type, object),
    });
    this.backoff.reset();
    if (received === 0 && Date.now() - opened < 1000) {
      // A proxy or server that closes watches at once would otherwise make this loop hot.
      throw new ApiError(0, `${this.options.client.server} closed the watch of ${DESCRIPTOR_OF_RESOURCE[this.options.kind].label} immediately.`);
    }
  }

  private onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR', raw: KubeObject): void {
    if (type === 'ERROR') {
      const status = raw as { code?: unknown; reason?: unknown; message?: unknown };
      const code = typeof status.code === 'number' ? status.code : 0;
      const reason = typeof status.reason === 'string' ? status.reason : undefined;
      const message = typeof status.message === 'string' ? status.message : 'the watch failed';
      if (code === 410 || reason === 'Expired' || reason === 'Gone') throw new ApiError(410, message, reason);
      throw new ApiError(code >= 400 ? code : 500, `Watching ${DESCRIPTOR_OF_RESOURCE[this.options.kind].label} failed: ${message}.`, reason);
    }
    const version = raw.metadata?.resourceVersion;
    if (version) this.resourceVersion = version;
    if (type === 'BOOKMARK') {
      this.touch();
      return;
    }
    const object = prepareObject(this.options.kind, raw);
    const key = keyOf(object);
    if (this.options.filter && !this.options.filter(object) && !this.known.has(key)) {
      this.touch();
      return;
    }
    if (type === 'DELETED') this.known.delete(key);
    else this.known.add(key);
    writeEvent(this.options.store, this.options.kind, type, object);
    this.touch();
  }

  /** Freshness: the last event's time, reported at most once a second. */
  private touch(): void {
    this.status.lastEventAt = new Date().toISOString();
    this.reportTimer ??= setTimeout(() => {
      this.reportTimer = undefined;
      if (!this.stopped) this.options.onState(this.state);
    }, 1000);
  }

  private report(change: Partial<ReflectorState>): void {
    this.status = { ...this.status, ...change };
    if (!this.stopped) this.options.onState(this.state);
  }

  private forbiddenMessage(failure: ApiError): string {
    const label = DESCRIPTOR_OF_RESOURCE[this.options.kind].label;
    const scope = this.options.namespace ? `in namespace "${this.options.namespace}"` : 'cluster-wide';
    return `No permission to list and watch ${label} ${scope}: ${failure.message}`;
  }
}

/** Objects are tracked by UID: a delete and re-create under one name are two objects. */
function keyOf(object: KubeObject): string {
  return object.metadata?.uid ?? `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}
