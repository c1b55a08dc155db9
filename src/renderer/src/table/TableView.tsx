/** A table screen: toolbar plus the virtualised grid, both driven by the pane's URL state. */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { TargetRef } from '../../../shared/model/refs';
import { tableOfTarget } from '../state/target';
import type { TableId } from '../../../shared/model/rows';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import type { ClusterInfo, KindStatus } from '../../../shared/model/status';
import { connectionProblemText } from '../clusters/ConnectionProblemText';
import { useApi } from '../api/api-context';
import { rowsPageQuery, statusQuery, type RowsQuery } from '../api/queries';
import { useI18n, type Translate } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { RESOURCE_OF_TABLE, TABLES } from '../tables/registry';
import { useColumnPrefs } from './column-prefs';
import { DataTable } from './DataTable';
import { TableToolbar } from './TableToolbar';
import { sameTablePlaceholder } from './use-paged-rows';

/** The list request a pane's state stands for (without paging). */
export function rowsQueryOf(clusterId: string, table: TableId, pane: PaneState): RowsQuery {
  const spec = TABLES[table];
  const query: RowsQuery = { clusterId, table };
  if (spec.namespaced && pane.namespaces?.length) query.namespaces = [...pane.namespaces].sort();
  if (pane.search) query.search = pane.search;
  if (Object.keys(pane.filters).length) query.filters = pane.filters;
  if (spec.findings && pane.minSeverity) query.minSeverity = pane.minSeverity;
  if (spec.findings && pane.finding) query.finding = pane.finding;
  if (pane.sort) query.sort = pane.sort;
  return query;
}

/**
 * An empty table is "none" only when its kind was listed: otherwise say why nothing is shown, in the UI
 * language, with the API server's own words (verbatim) as the detail. `offline`: a snapshot or recording.
 */
export function emptyReasonOf(
  status: KindStatus | undefined,
  table: string,
  t: Translate,
  offline = false,
  cluster?: ClusterInfo,
): { text: string; detail?: string } | undefined {
  if (!status) return undefined;
  // Not listed because the cluster cannot be reached: say that (in the UI language), not "still reading".
  if (cluster?.connection === 'error' && (status.state === 'syncing' || status.state === 'idle' || status.state === 'error')) {
    const problem = cluster.problem;
    const text = [t('table.unreachable', { table }), problem ? connectionProblemText(problem, t) : ''].filter(Boolean).join(' ');
    const raw = problem ? problem.raw : cluster.error;
    return raw ? { text, detail: raw } : { text };
  }
  const detail = status.detail;
  const info = DESCRIPTOR_OF_RESOURCE[status.kind];
  // The resource with its group and version ("volumeattributesclasses.storage.k8s.io/v1"): the group alone read as if
  // all of storage.k8s.io were missing beside its StorageClasses (trial 8, T8-8).
  const api = info.group ? `${status.kind}.${info.group}/${info.version}` : `${status.kind}/${info.version}`;
  switch (status.state) {
    case 'forbidden':
      return { text: t('table.forbidden', { table }), detail };
    case 'absent':
      return { text: t(offline ? 'table.absentOffline' : 'table.absent', { table, api }) };
    case 'error':
      return { text: t('table.kindError', { table }), detail };
    case 'syncing':
    case 'idle':
      return { text: t('table.syncing', { table }), detail };
    default:
      return undefined;
  }
}

export interface TableViewProps {
  clusterId: string;
  clusterName: string;
  table: TableId;
  pane: PaneState;
  namespaces: string[];
  onChange(change: Partial<PaneState>, mode?: 'push' | 'replace'): void;
  onOpen(ref: TargetRef): void;
}

export function TableView({ clusterId, clusterName, table, pane, namespaces, onChange, onOpen }: TableViewProps) {
  const api = useApi();
  const { t } = useI18n();
  const query = rowsQueryOf(clusterId, table, pane);
  const head = useQuery({ ...rowsPageQuery(api, query, 0), placeholderData: sameTablePlaceholder(table) });
  const filtered = Boolean(query.search || query.filters || query.minSeverity || query.namespaces || query.finding);
  const prefs = useColumnPrefs(table);
  const [hiddenForRoom, setHiddenForRoom] = useState<readonly string[]>([]);
  const [hiddenNoData, setHiddenNoData] = useState<readonly string[]>([]);
  const onLayout = useCallback((room: readonly string[], noData: readonly string[]) => {
    setHiddenForRoom(room);
    setHiddenNoData(noData);
  }, []);
  const status = useQuery(statusQuery(api, clusterId));
  const kind = RESOURCE_OF_TABLE[table];
  const kindStatus = kind ? status.data?.kinds.find((k) => k.kind === kind) : undefined;
  const emptyReason = emptyReasonOf(kindStatus, t(TABLES[table].label), t, status.data ? status.data.cluster.source !== 'context' : false, status.data?.cluster);

  const onSort = useCallback(
    (column: string) => {
      const sort = pane.sort;
      // asc -> desc -> the core's default order.
      if (sort?.column !== column) onChange({ sort: { column, direction: 'asc' } }, 'replace');
      else if (sort.direction === 'asc') onChange({ sort: { column, direction: 'desc' } }, 'replace');
      else onChange({ sort: undefined }, 'replace');
    },
    [pane.sort, onChange],
  );

  return (
    <section className="table-view" aria-label={t(TABLES[table].label)}>
      <TableToolbar table={table} pane={pane} namespaces={namespaces} total={head.data?.total} onChange={onChange} prefs={prefs} hiddenForRoom={hiddenForRoom} hiddenNoData={hiddenNoData} />
      <DataTable
        query={query}
        label={t('table.label', { table: t(TABLES[table].label), cluster: clusterName })}
        selected={pane.selected}
        onOpen={onOpen}
        onSort={onSort}
        filtered={filtered}
        emptyReason={emptyReason}
        onClearFilters={() => onChange({ search: undefined, filters: {}, minSeverity: undefined, namespaces: undefined, finding: undefined })}
        choices={prefs.choices}
        onResize={prefs.setWidth}
        onLayout={onLayout}
        onSelectedHidden={
          // Only for an object this table lists (a CSINode followed from Nodes has no row to reveal).
          pane.selected && tableOfTarget(pane.selected) === table
            ? () => onChange({ search: undefined, filters: {}, minSeverity: undefined, namespaces: undefined, finding: undefined }, 'replace')
            : undefined
        }
      />
    </section>
  );
}
