/** Live objects of the open cluster of the kinds a lesson section names, as links to their details. */
import { useQueries } from '@tanstack/react-query';
import type { Resource } from '../../../shared/kube/resource-registry';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import { useApi } from '../api/api-context';
import { examplesQuery } from '../api/queries';
import { ObjectLink } from '../components/ObjectLink';
import { useClusterInfo } from '../clusters/use-clusters';
import { useI18n } from '../i18n/i18n';
import { Verbatim } from '../i18n/Verbatim';
import { rowKey, rowRef, TABLE_OF_RESOURCE } from '../tables/registry';

const EXAMPLES_PER_KIND = 5;

export function LessonExamples({ clusterId, kinds, search = {} }: { clusterId: string; kinds: Resource[]; search?: Partial<Record<Resource, string>> }) {
  const { t, tr } = useI18n();
  const api = useApi();
  const cluster = useClusterInfo(clusterId);
  const tables = kinds.flatMap((kind) => {
    const table = TABLE_OF_RESOURCE[kind];
    return table ? [{ kind, table }] : [];
  });
  const pages = useQueries({ queries: tables.map(({ kind, table }) => examplesQuery(api, clusterId, table, EXAMPLES_PER_KIND, search[kind])) });
  // Each row keeps the table it came from: a link shows it there (a provisioner's ref is of StorageClass kind).
  const rows = pages.flatMap((p, i) => (p.data?.rows ?? []).map((row) => ({ row, table: tables[i]?.table })));
  const loading = pages.some((p) => p.isLoading);
  return (
    <div className="lesson-examples" data-testid="lesson-examples" aria-live="polite">
      <h3 className="mini-title">{tr('lessons.examples', { cluster: <Verbatim>{cluster?.name ?? clusterId}</Verbatim> })}</h3>
      {loading ? (
        <p className="muted">{t('state.loading', { what: kinds.map((k) => DESCRIPTOR_OF_RESOURCE[k].label).join(', ') })}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{t('lessons.noExamples')}</p>
      ) : (
        <ul>
          {rows.map(({ row, table }) => {
            const ref = rowRef(row);
            return ref ? (
              <li key={rowKey(row)}>
                <ObjectLink target={ref} view={table} />
              </li>
            ) : null;
          })}
        </ul>
      )}
    </div>
  );
}
