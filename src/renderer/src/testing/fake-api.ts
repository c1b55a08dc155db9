/**
 * A fake RendererApi for component tests only (never shipped as a data source). Rows are generated, and
 * paging, filtering and sorting are done naively, so tests can check what the UI asks for and shows.
 */
import { DEFAULT_USAGE_SETTINGS, type UsageSettings } from '../../../shared/usage/thresholds';
import type { Notice, RendererApi } from '../../../shared/contract';
import type { ObjectDetail, Overview, StorageGraph } from '../../../shared/model/detail';
import type { Fleet } from '../../../shared/model/fleet';
import type { Finding } from '../../../shared/model/findings';
import type { ProvisionerDetail } from '../../../shared/model/provisioner';
import { sameRef } from '../../../shared/model/refs';
import type { ClaimRow, ListRequest, Page, TableId, TableRows } from '../../../shared/model/rows';
import type { ClusterInfo, ClusterStatus, KubeconfigProblem } from '../../../shared/model/status';
import type { ExerciseResult } from '../../../shared/exercises/model';
import { fakeExerciseCards, halfDoneStatic, notStartedWffc } from './fake-exercises';
import { fakeClasses, fakeEvents, fakeGraph, fakeNodes, fakePodDetail, fakePods, fakeProvisioners, fakeVolumes } from './fake-data';

export const DEMO: ClusterInfo = { id: 'demo', name: 'demo', source: 'demo', connection: 'offline', capturedAt: '2026-11-28T09:00:00Z' };

export function makeClaim(i: number, overrides: Partial<ClaimRow> = {}): ClaimRow {
  const name = `data-${String(i).padStart(5, '0')}`;
  const pending = i % 7 === 3;
  return {
    ref: { kind: 'persistentvolumeclaims', namespace: i % 2 ? 'shop' : 'lab', name, uid: `uid-${i}` },
    namespace: i % 2 ? 'shop' : 'lab',
    name,
    phase: pending ? 'Pending' : 'Bound',
    volumeName: pending ? undefined : `pvc-${i}`,
    className: pending ? 'missing-class' : 'standard',
    requested: '1Gi',
    capacity: pending ? undefined : '1Gi',
    accessModes: ['ReadWriteOnce'],
    pods: [],
    createdAt: '2026-11-27T09:00:00Z',
    badge: pending ? { severity: 'problem', count: 1, code: 'claim.class-not-found' } : undefined,
    ...overrides,
  };
}

export const pendingFinding: Finding = {
  id: 'claim.class-not-found:uid-3',
  code: 'claim.class-not-found',
  severity: 'problem',
  object: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00003', uid: 'uid-3' },
  cause: { en: 'The claim names a StorageClass that does not exist.', ru: 'Заявка ссылается на несуществующий StorageClass.' },
  evidence: [{ label: { en: 'Class', ru: 'Класс' }, value: 'missing-class', source: 'spec.storageClassName' }],
  fix: [
    {
      text: { en: 'Create the class or recreate the claim with an existing class.', ru: 'Создайте класс или пересоздайте заявку.' },
      command: 'kubectl get storageclass',
    },
  ],
  lesson: 'storage-class',
};

export interface FakeApi extends RendererApi {
  /** Sends a notice to every listener, as the core would. */
  emit(notice: Notice): void;
  /** Every call made, for assertions: method name and request. */
  calls: { method: string; req: unknown }[];
  claims: ClaimRow[];
  /** What checkExercise answers, by exercise id; a test changes it, then emits a notice. */
  exerciseResults: Record<string, ExerciseResult>;
  /** What getFleet answers; setFleetChoices updates its watched flags and concurrency. */
  fleet: Fleet;
  /** The usage settings getUsageSettings answers (setUsageSettings changes them). */
  usageSettings: UsageSettings;
}

function pageOf<T>(rows: T[], req: ListRequest, cell: (row: T, column: string) => string): Page<T> {
  let out = rows;
  if (req.namespaces?.length) out = out.filter((r) => req.namespaces!.includes(cell(r, 'namespace')));
  // The core matches every finding of the group; the fake only looks at the row's top finding.
  if (req.finding) out = out.filter((r) => (r as { badge?: { code: string } }).badge?.code === req.finding!.code);
  for (const [column, value] of Object.entries(req.filters ?? {})) out = out.filter((r) => cell(r, column) === value);
  if (req.search) out = out.filter((r) => cell(r, 'name').toLowerCase().includes(req.search!.toLowerCase()));
  if (req.sort) {
    const { column, direction } = req.sort;
    out = [...out].sort((a, b) => cell(a, column).localeCompare(cell(b, column)) * (direction === 'asc' ? 1 : -1));
  }
  return { total: out.length, offset: req.offset, rows: out.slice(req.offset, req.offset + req.limit), revision: 1 };
}

export function createFakeApi(options: { claims?: number; overview?: Partial<Overview>; kubeconfigProblems?: KubeconfigProblem[] } = {}): FakeApi {
  const listeners = new Set<(n: Notice) => void>();
  const calls: FakeApi['calls'] = [];
  const claims = Array.from({ length: options.claims ?? 50 }, (_, i) => makeClaim(i));
  const record = <R>(method: string, req: unknown, res: R): Promise<R> => {
    calls.push({ method, req });
    return Promise.resolve(res);
  };
  const status: ClusterStatus = {
    cluster: DEMO,
    synced: true,
    kinds: [
      { kind: 'persistentvolumeclaims', state: 'synced', count: claims.length, lastEventAt: '2026-11-28T09:00:00Z' },
      { kind: 'storageclasses', state: 'forbidden', count: 0, message: 'No permission to list StorageClasses.' },
    ],
  };
  const overview: Overview = {
    clusterId: 'demo',
    findings: { problem: 1, warning: 0, expectedWait: 0, info: 0 },
    findingGroups: [
      {
        id: `${pendingFinding.severity}|${pendingFinding.code}|class:fast-ssd`,
        code: pendingFinding.code,
        severity: pendingFinding.severity,
        subject: { type: 'class', name: 'fast-ssd' },
        kind: 'persistentvolumeclaims',
        title: { en: 'The named StorageClass does not exist', ru: 'Указанного StorageClass не существует' },
        lesson: pendingFinding.lesson,
        count: 1,
        members: [{ object: pendingFinding.object, cause: pendingFinding.cause, findingId: pendingFinding.id }],
      },
    ],
    claimsByPhase: { Bound: 40, Pending: 10 },
    volumesByPhase: { Bound: 40 },
    perClass: [{ className: 'standard', provisioner: 'rancher.io/local-path', requestedBytes: 2 ** 30, provisionedBytes: 2 ** 30, claims: 1, volumes: 1 }],
    provisioners: fakeProvisioners,
    counts: { persistentvolumeclaims: claims.length, persistentvolumes: fakeVolumes.length, storageclasses: fakeClasses.length, pods: fakePods.length },
    namespaces: ['lab', 'shop'],
    revision: 1,
    ...options.overview,
  };
  const detail = (ref: ObjectDetail['ref']): ObjectDetail => ({
    ref,
    kind: ref.kind,
    object: {},
    yaml: `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${ref.name}\n`,
    summary: [
      { id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Pending' } },
      { id: 'accessModes', path: 'spec.accessModes', value: { type: 'list', items: ['ReadWriteOnce'] } },
      { id: 'storageClass', path: 'spec.storageClassName', value: { type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'missing-class' }, missing: true }] } },
    ],
    findings: ref.name === 'data-00003' ? [pendingFinding] : [],
    events: [],
    related: [
      { ref: { kind: 'storageclasses', name: 'missing-class' }, relation: 'storage-class', missing: true },
      { ref: { kind: 'persistentvolumes', name: 'pvc-1' }, relation: 'near-miss-volume', differences: ['class'] },
    ],
    relatedEvents: [],
    ...(ref.kind === 'pods' ? fakePodDetail : {}),
  });
  const tables = (): { [K in TableId]: TableRows[K][] } => ({
    claims,
    volumes: fakeVolumes,
    classes: fakeClasses,
    provisioners: fakeProvisioners,
    pods: fakePods,
    snapshots: [],
    nodes: fakeNodes,
    capacities: [],
    attributesclasses: [],
    events: fakeEvents,
  });
  const cellOf = (row: unknown, column: string) => String((row as Record<string, unknown>)[column] ?? '');
  const graph: StorageGraph = fakeGraph;
  const exerciseResults: Record<string, ExerciseResult> = { 'static-binding': halfDoneStatic(), 'wait-for-first-consumer': notStartedWffc() };
  const api: FakeApi = {
    calls,
    claims,
    exerciseResults,
    fleet: { rows: [], concurrency: 3 },
    usageSettings: { ...DEFAULT_USAGE_SETTINGS },
    emit: (notice) => listeners.forEach((l) => l(notice)),
    listClusters: (req) => record('listClusters', req, [DEMO]),
    kubeconfigProblems: (req) => record('kubeconfigProblems', req, options.kubeconfigProblems ?? []),
    openCluster: (req) => record('openCluster', req, DEMO),
    closeCluster: (req) => record('closeCluster', req, { ok: true as const }),
    openSnapshot: (req) => record('openSnapshot', req, { ...DEMO, id: 'snapshot:1', name: req.fileName, source: 'snapshot' as const }),
    clusterStatus: (req) => record('clusterStatus', req, status),
    controlReplay: (req) => record('controlReplay', req, status),
    addNamespace: (req) => record('addNamespace', req, status),
    listRows: <T extends TableId>(req: ListRequest<T>) => record('listRows', req, pageOf(tables()[req.table] as TableRows[T][], req, cellOf)),
    locateRow: (req) => {
      const { rows, total } = pageOf(tables()[req.table] as TableRows[TableId][], { ...req, offset: 0, limit: Number.MAX_SAFE_INTEGER }, cellOf);
      const index = rows.findIndex((row) => {
        const own = 'ref' in row ? row.ref : row.object;
        return own !== undefined && sameRef(own, req.ref);
      });
      return record('locateRow', req, { index, total });
    },
    getObject: (req) => record('getObject', req, detail(req.ref)),
    getProvisioner: (req) => record('getProvisioner', req, provisionerDetailOf(req.name)),
    getGraph: (req) => record('getGraph', req, graph),
    getOverview: (req) => record('getOverview', req, overview),
    listFindings: (req) => record('listFindings', req, { total: 1, offset: 0, rows: [pendingFinding], revision: 1 }),
    getUsage: (req) => record('getUsage', req, { access: 'unsupported' as const, intervalMs: 30_000, nodes: [], volumes: [] }),
    getUsageHistory: (req) => record('getUsageHistory', req, []),
    getUsageSettings: (req) => record('getUsageSettings', req, { ...api.usageSettings }),
    setUsageSettings: (req) => {
      api.usageSettings = { ...api.usageSettings, ...req };
      return record('setUsageSettings', req, { ...api.usageSettings });
    },
    getReport: (req) =>
      record('getReport', req, {
        fileName: `kse-report-${req.clusterId}.${req.format === 'html' ? 'html' : 'md'}`,
        mimeType: req.format === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8',
        content: `# Storage report (${req.lang})`,
      }),
    exportSnapshot: (req) => record('exportSnapshot', req, { fileName: `kse-${req.clusterId}.json`, content: '{"format":"kse-snapshot"}\n' }),
    getFleet: (req) => record('getFleet', req, api.fleet),
    setFleetChoices: (req) => {
      const watched = req.watched ? new Set(req.watched) : undefined;
      api.fleet = {
        concurrency: req.concurrency ?? api.fleet.concurrency,
        rows: api.fleet.rows.map((r) => (watched ? { ...r, watched: watched.has(r.clusterId), state: watched.has(r.clusterId) ? (r.state === 'not-watched' ? 'queued' : r.state) : 'not-watched' } : r)),
      };
      return record('setFleetChoices', req, api.fleet);
    },
    getLessons: (req) =>
      record('getLessons', req, {
        lang: req.lang,
        sections: [
          { id: 'storage-class', title: req.lang === 'ru' ? 'Класс хранения' : 'Storage class', markdown: 'A **class** says how.', examples: ['storageclasses' as const] },
        ],
      }),
    listExercises: (req) => record('listExercises', req, fakeExerciseCards(req.lang)),
    checkExercise: (req) => {
      const result = exerciseResults[req.exercise];
      if (!result) return Promise.reject(new Error(`There is no exercise "${req.exercise}".`));
      return record('checkExercise', req, structuredClone(result));
    },
    about: (req) => record('about', req, { version: '0.1.0', transport: 'web' as const, platform: 'test' }),
    onNotice: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return api;
}

/** A provisioner's details as the core would give them for a name some class names (the fake's rows, plus the demo's in-tree one). */
function provisionerDetailOf(name: string): ProvisionerDetail | null {
  if (name !== 'kubernetes.io/host-path' && !fakeProvisioners.some((p) => p.name === name)) return null;
  return {
    ref: { kind: 'provisioners', name },
    name,
    type: 'in-tree',
    runner: 'controller-manager',
    verdict: 'alive',
    meaning: { en: 'An in-tree plugin. It is running.', ru: 'Встроенный плагин. Он работает.' },
    reasons: [],
    evidence: [{ label: { en: 'Run by', ru: 'Кто запускает' }, value: 'kube-controller-manager', source: 'StorageClass.provisioner' }],
    lease: { namespace: 'kube-system', name: 'kube-controller-manager', holder: 'cp_1', renewTime: '2026-11-28T09:59:58Z', leaseDurationSeconds: 15, transitions: 2, fresh: true },
    pods: [],
    podsVisible: true,
    classes: [{ name: 'lab-hostpath', isDefault: true, bindingMode: 'Immediate', reclaimPolicy: 'Delete' }],
    waitingClaims: [],
    waitingTotal: 0,
    volumes: [],
    volumesTotal: 0,
    eventCounts: [],
    events: [],
    findingGroups: [],
  };
}
