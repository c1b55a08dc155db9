/** Filters above a table: search, namespace, phase and finding severity. Values live in the URL. */
import { useEffect, useState } from 'react';
import { SEVERITY_ORDER, type Severity } from '../../../shared/model/findings';
import type { TableId } from '../../../shared/model/rows';
import { useI18n } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { TABLES } from '../tables/registry';

export interface TableToolbarProps {
  table: TableId;
  pane: PaneState;
  namespaces: string[];
  total: number | undefined;
  onChange(change: Partial<PaneState>, mode?: 'push' | 'replace'): void;
}

export function TableToolbar({ table, pane, namespaces, total, onChange }: TableToolbarProps) {
  const { t } = useI18n();
  const spec = TABLES[table];
  const [search, setSearch] = useState(pane.search ?? '');
  // Typing updates the URL (and the query) after a short pause, not on every key.
  useEffect(() => setSearch(pane.search ?? ''), [pane.search]);
  useEffect(() => {
    if ((pane.search ?? '') === search) return;
    const timer = setTimeout(() => onChange({ search: search || undefined }, 'replace'), 200);
    return () => clearTimeout(timer);
  }, [search, pane.search, onChange]);

  const phase = pane.filters.phase ?? '';
  return (
    <div className="toolbar" role="toolbar" aria-label={t('table.label', { table: t(spec.label), cluster: '' }).trim()}>
      <input
        type="search"
        className="input search"
        aria-label={t('table.search')}
        placeholder={t('table.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="table-search"
      />
      {spec.namespaced && (
        <select
          className="select"
          aria-label={t('table.namespace')}
          value={pane.namespace ?? ''}
          onChange={(e) => onChange({ namespace: e.target.value || undefined })}
          data-testid="filter-namespace"
        >
          <option value="">{t('table.allNamespaces')}</option>
          {namespaces.map((ns) => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </select>
      )}
      {spec.phases.length > 0 && (
        <select
          className="select"
          aria-label={t('table.phase')}
          value={phase}
          onChange={(e) => {
            const { phase: _old, ...rest } = pane.filters;
            onChange({ filters: e.target.value ? { ...rest, phase: e.target.value } : rest });
          }}
          data-testid="filter-phase"
        >
          <option value="">{t('table.anyPhase')}</option>
          {spec.phases.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
      {spec.findings && (
        <select
          className="select"
          aria-label={t('table.severity')}
          value={pane.minSeverity ?? ''}
          onChange={(e) => onChange({ minSeverity: (e.target.value || undefined) as Severity | undefined })}
          data-testid="filter-severity"
        >
          <option value="">{t('table.anySeverity')}</option>
          {SEVERITY_ORDER.map((s) => (
            <option key={s} value={s}>
              {t('table.atLeast', { severity: t(`severity.${s}`) })}
            </option>
          ))}
        </select>
      )}
      <span className="toolbar-spacer" />
      <span className="muted" role="status" aria-live="polite" data-testid="table-count">
        {total === undefined ? '' : t('table.rows', { n: total.toLocaleString() })}
      </span>
    </div>
  );
}
