/**
 * One queryOptions factory per contract query, with hierarchical keys so that a change notice can invalidate
 * exactly one cluster's data: ['cluster', id, <what>, ...]. Data stays fresh by notices, not by timers, so
 * staleTime is high and window focus does not refetch.
 */
import { QueryClient, queryOptions } from '@tanstack/react-query';
import type { RendererApi } from '../../../shared/contract';
import type { GraphRequest } from '../../../shared/model/detail';
import type { Lang } from '../../../shared/model/findings';
import { isProvisionerRef, provisionerRef, type ObjectRef, type TargetRef } from '../../../shared/model/refs';
import { targetNamespace } from '../state/target';
import type { ListRequest, TableId } from '../../../shared/model/rows';

/** A list request without its paging: the part that identifies "the same list". */
export type RowsQuery<T extends TableId = TableId> = Omit<ListRequest<T>, 'offset' | 'limit'>;

export const ROWS_PAGE_SIZE = 200;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: 1,
      },
    },
  });
}

export const keys = {
  clusters: () => ['clusters'] as const,
  /** Under ['clusters']: a kubeconfig change refetches both. */
  kubeconfigProblems: () => ['clusters', 'kubeconfig-problems'] as const,
  /** Outside the ['cluster', id] subtree: change notices must not re-open a cluster. */
  opened: (clusterId: string) => ['opened', clusterId] as const,
  cluster: (clusterId: string) => ['cluster', clusterId] as const,
  status: (clusterId: string) => ['cluster', clusterId, 'status'] as const,
  overview: (clusterId: string) => ['cluster', clusterId, 'overview'] as const,
  rows: (q: RowsQuery) => ['cluster', q.clusterId, 'rows', q.table, q] as const,
  rowsPage: (q: RowsQuery, page: number) => ['cluster', q.clusterId, 'rows', q.table, q, page] as const,
  object: (clusterId: string, ref: ObjectRef) =>
    ['cluster', clusterId, 'object', ref.kind, ref.namespace ?? '', ref.name] as const,
  provisioner: (clusterId: string, name: string) => ['cluster', clusterId, 'provisioner', name] as const,
  graph: (req: GraphRequest) => ['cluster', req.clusterId, 'graph', req] as const,
  /** Volume usage: refetched on `usage` notices only (a poll, not a watch event, changes it). */
  usage: (clusterId: string, namespace?: string) => ['cluster', clusterId, 'usage', namespace ?? ''] as const,
  usageHistory: (clusterId: string, key: string) => ['cluster', clusterId, 'usage-history', key] as const,
  lessons: (lang: Lang) => ['lessons', lang] as const,
  /** Static data, outside every cluster's subtree. */
  exercises: (lang: Lang) => ['exercises', lang] as const,
  /** Under the cluster: every `changed` notice of it re-runs the check (a step may read any kind). */
  exerciseCheck: (clusterId: string, exercise: string) => ['cluster', clusterId, 'exercise', exercise] as const,
  /** Every context's storage at a glance: refetched on any cluster's status or change (notices.ts). */
  fleet: () => ['fleet'] as const,
  /** The user's usage settings (poll interval, thresholds): changed only by setUsageSettings from this UI. */
  usageSettings: () => ['usage-settings'] as const,
};

export const fleetQuery = (api: RendererApi) => queryOptions({ queryKey: keys.fleet(), queryFn: () => api.getFleet({}) });
export const usageSettingsQuery = (api: RendererApi) => queryOptions({ queryKey: keys.usageSettings(), queryFn: () => api.getUsageSettings({}) });

export const usageQuery = (api: RendererApi, clusterId: string, namespace?: string) =>
  queryOptions({ queryKey: keys.usage(clusterId, namespace), queryFn: () => api.getUsage({ clusterId, ...(namespace !== undefined ? { namespace } : {}) }) });

export const usageHistoryQuery = (api: RendererApi, clusterId: string, key: string) =>
  queryOptions({ queryKey: keys.usageHistory(clusterId, key), queryFn: () => api.getUsageHistory({ clusterId, key }) });

export const clustersQuery = (api: RendererApi) =>
  queryOptions({ queryKey: keys.clusters(), queryFn: () => api.listClusters({}) });

export const kubeconfigProblemsQuery = (api: RendererApi) =>
  queryOptions({ queryKey: keys.kubeconfigProblems(), queryFn: () => api.kubeconfigProblems({}) });

/** Opening is idempotent in the core; every other query of a cluster waits for it. */
export const openClusterQuery = (api: RendererApi, clusterId: string) =>
  queryOptions({ queryKey: keys.opened(clusterId), queryFn: () => api.openCluster({ clusterId }), staleTime: Infinity });

export const statusQuery = (api: RendererApi, clusterId: string) =>
  queryOptions({ queryKey: keys.status(clusterId), queryFn: () => api.clusterStatus({ clusterId }) });

export const overviewQuery = (api: RendererApi, clusterId: string) =>
  queryOptions({ queryKey: keys.overview(clusterId), queryFn: () => api.getOverview({ clusterId }) });

export const rowsPageQuery = <T extends TableId>(api: RendererApi, q: RowsQuery<T>, page: number) =>
  queryOptions({
    queryKey: keys.rowsPage(q, page),
    queryFn: () => api.listRows<T>({ ...q, offset: page * ROWS_PAGE_SIZE, limit: ROWS_PAGE_SIZE }),
  });

/** A few rows of a table, for lesson examples; under the table's rows key so change notices refresh it. */
export const examplesQuery = (api: RendererApi, clusterId: string, table: TableId, limit: number, search?: string) =>
  queryOptions({
    queryKey: ['cluster', clusterId, 'rows', table, 'examples', limit, search ?? ''] as const,
    queryFn: () => api.listRows({ clusterId, table, offset: 0, limit, ...(search ? { search } : {}) }),
  });

/** Where an object's row is in a table as filtered and sorted; under the table's rows key, so notices refresh it. */
export const locateRowQuery = (api: RendererApi, q: RowsQuery, ref: TargetRef) =>
  queryOptions({
    queryKey: [...keys.rows(q), 'locate', ref.kind, targetNamespace(ref) ?? '', ref.name] as const,
    queryFn: () => api.locateRow({ ...q, ref: isProvisionerRef(ref) ? provisionerRef(ref.name) : { kind: ref.kind, name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } }),
  });

export const objectQuery = (api: RendererApi, clusterId: string, ref: ObjectRef) =>
  queryOptions({ queryKey: keys.object(clusterId, ref), queryFn: () => api.getObject({ clusterId, ref }) });

export const provisionerQuery = (api: RendererApi, clusterId: string, name: string) =>
  queryOptions({ queryKey: keys.provisioner(clusterId, name), queryFn: () => api.getProvisioner({ clusterId, name }) });

export const graphQuery = (api: RendererApi, req: GraphRequest) =>
  queryOptions({ queryKey: keys.graph(req), queryFn: () => api.getGraph(req) });

export const lessonsQuery = (api: RendererApi, lang: Lang) =>
  queryOptions({ queryKey: keys.lessons(lang), queryFn: () => api.getLessons({ lang }), staleTime: Infinity });

export const exercisesQuery = (api: RendererApi, lang: Lang) =>
  queryOptions({ queryKey: keys.exercises(lang), queryFn: () => api.listExercises({ lang }), staleTime: Infinity });

/** One exercise checked against the cluster's objects now; refetched by change notices like every cluster query. */
export const exerciseCheckQuery = (api: RendererApi, clusterId: string, exercise: string) =>
  queryOptions({ queryKey: keys.exerciseCheck(clusterId, exercise), queryFn: () => api.checkExercise({ clusterId, exercise }) });
