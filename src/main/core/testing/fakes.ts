/** Fakes of the kube and store ports for the core's unit tests (the real ones are tested on their own). */
import { fixtureView, type FixtureObjects } from '../../../shared/diagnose/testing/fixture-view';
import type { ClusterView } from '../../../shared/diagnose/view';
import { ALL_RESOURCES, type Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import type { ClusterInfo, ConnectionState, KindStatus } from '../../../shared/model/status';
import { EventWriter, type ClusterSource, type SourceSink, type WatchEventType } from '../../kube/source';
import type { ClusterStorePort, ContextList, CoreDeps } from '../ports';

export class FakeStore extends EventWriter implements ClusterStorePort {
  readonly objects = new Map<Resource, Map<string, KubeObject>>();
  private rev = 0;
  replace(kind: Resource, objects: KubeObject[]): void {
    this.objects.set(kind, new Map(objects.map((o) => [o.metadata?.uid ?? o.metadata?.name ?? '', o])));
    this.rev += 1;
  }
  protected event(kind: Resource, type: WatchEventType, object: KubeObject): void {
    const map = this.objects.get(kind) ?? new Map<string, KubeObject>();
    const key = object.metadata?.uid ?? object.metadata?.name ?? '';
    if (type === 'DELETED') map.delete(key);
    else map.set(key, object);
    this.objects.set(kind, map);
    this.rev += 1;
  }
  private readonly statuses = new Map<Resource, KindStatus>();
  kindStatus(status: KindStatus): void {
    this.statuses.set(status.kind, status);
  }
  kindStatusOf(kind: Resource): KindStatus | undefined {
    return this.statuses.get(kind);
  }
  connection(_state: ConnectionState, _error?: string): void {}
  count(kind: Resource): number {
    return this.objects.get(kind)?.size ?? 0;
  }
  list(kind: Resource): KubeObject[] {
    return [...(this.objects.get(kind)?.values() ?? [])];
  }
  revision(): number {
    return this.rev;
  }
  listRows(req: { offset: number }) {
    const rows = [...(this.objects.get('persistentvolumeclaims')?.values() ?? [])].map((o) => ({ name: o.metadata?.name }));
    return { total: rows.length, offset: req.offset, rows, revision: this.rev } as never;
  }
  locateRow() {
    return { index: -1, total: 0 };
  }
  getObject() {
    return null;
  }
  getProvisioner() {
    return null;
  }
  getGraph() {
    return { nodes: [], edges: [] };
  }
  getOverview() {
    return { clusterId: 'x', findings: { problem: 0, warning: 0, expectedWait: 0, info: 0 }, findingGroups: [], claimsByPhase: {}, volumesByPhase: {}, perClass: [], provisioners: [], counts: {}, namespaces: [], revision: this.rev };
  }
  listFindings(req: { offset: number }) {
    return { total: 0, offset: req.offset, rows: [], revision: this.rev };
  }
  /** The objects held, as the rules see them (the fixture view the rules' own tests use). */
  view(): ClusterView {
    const objects = Object.fromEntries([...this.objects].map(([kind, map]) => [kind, [...map.values()]])) as FixtureObjects;
    return fixtureView(objects);
  }
}

/** A source that reports every given kind synced with the given objects, then stays quiet. */
export class FakeSource implements ClusterSource {
  sink: SourceSink | undefined;
  stopped = false;
  namespaces: string[] = [];
  /** Also report every kind not given as "absent", so the cluster counts as synced. */
  settleAll = false;
  /** A test sets it: the source stopped trying to connect (ClusterSource.givenUp). */
  gaveUp = false;
  givenUp(): boolean {
    return this.gaveUp;
  }
  constructor(
    readonly info: ClusterInfo,
    private readonly objects: Partial<Record<Resource, KubeObject[]>> = {},
    private readonly startDelayMs = 0,
    private readonly offline = false,
  ) {}
  async start(sink: SourceSink): Promise<void> {
    this.sink = sink;
    if (this.startDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.startDelayMs));
    sink.connection(this.offline ? 'offline' : 'connected');
    for (const [kind, list] of Object.entries(this.objects) as [Resource, KubeObject[]][]) {
      sink.replace(kind, list);
      sink.kindStatus({ kind, state: 'synced', count: list.length });
    }
    if (this.settleAll) {
      for (const kind of ALL_RESOURCES) if (!(kind in this.objects)) sink.kindStatus({ kind, state: 'absent', count: 0 });
    }
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  async addNamespace(namespace: string): Promise<void> {
    this.namespaces.push(namespace);
  }
}

export interface FakeDepsOptions {
  contexts?: ClusterInfo[];
  anyFileExists?: boolean;
  demo?: string | undefined;
  startDelayMs?: number;
  /** Context sources report every kind, so they sync. */
  settleAll?: boolean;
  /** The kubeconfig's current-context. */
  currentContext?: string;
}

export function context(name: string, extra: Partial<ClusterInfo> = {}): ClusterInfo {
  return { id: `ctx:${name}`, name, source: 'context', connection: 'closed', ...extra };
}

/** Deps whose files are JSON: {"kind": "snapshot"|"recording", "objects": {...}}; anything else is rejected. */
export function fakeDeps(options: FakeDepsOptions = {}): CoreDeps & { sources: FakeSource[] } {
  const sources: FakeSource[] = [];
  const list: ContextList = {
    clusters: options.contexts ?? [],
    files: ['/home/u/.kube/config'],
    anyFileExists: options.anyFileExists ?? true,
    ...(options.currentContext !== undefined ? { currentContext: options.currentContext } : {}),
  };
  const parse = (content: string): { kind: 'snapshot' | 'recording'; objects: Partial<Record<Resource, KubeObject[]>> } => {
    const parsed = JSON.parse(content) as { kind?: string; objects?: Partial<Record<Resource, KubeObject[]>> };
    if (parsed.kind !== 'snapshot' && parsed.kind !== 'recording') throw new Error('it is not a Kube Storage Explorer snapshot');
    return { kind: parsed.kind, objects: parsed.objects ?? {} };
  };
  return {
    sources,
    listContexts: () => list,
    contextSource: (info) => {
      const source = new FakeSource(info, { persistentvolumeclaims: [{ metadata: { name: 'data', uid: 'u1' } }] }, options.startDelayMs);
      source.settleAll = options.settleAll ?? false;
      sources.push(source);
      return source;
    },
    fileSource: (id, fileName, content) => {
      const parsed = parse(content);
      const info: ClusterInfo = { id, name: fileName, source: parsed.kind, connection: 'closed', capturedAt: '2026-01-01T00:00:00Z' };
      const source = new FakeSource(info, parsed.objects, 0, true);
      sources.push(source);
      return source;
    },
    createStore: () => new FakeStore(),
    readDemo: async () => (options.demo === undefined ? undefined : { fileName: 'demo.json', content: options.demo }),
  };
}
