/**
 * Filters above a table: search, namespaces, phase, finding severity, Warning-only events, the finding group an
 * overview count led here, and the Columns menu. Filter values live in the URL.
 */
import { useEffect, useState } from 'react';
import { FINDING_CODES, isFindingCode } from '../../../shared/diagnose/catalog';
import type { FindingFilter } from '../../../shared/model/finding-groups';
import { SEVERITY_ORDER, type Severity } from '../../../shared/model/findings';
import type { TableId } from '../../../shared/model/rows';
import { useI18n, type Translate } from '../i18n/i18n';
import type { PaneState } from '../state/view-state';
import { TABLES } from '../tables/registry';
import { ColumnsMenu } from './ColumnsMenu';
import type { ColumnPrefs } from './column-prefs';
import { NamespacePicker } from './NamespacePicker';
import { verbatim } from '../../../shared/verbatim';
import { LocalizedText } from '../components/LocalizedText';

export interface TableToolbarProps {
  table: TableId;
  pane: PaneState;
  namespaces: string[];
  total: number | undefined;
  onChange(change: Partial<PaneState>, mode?: 'push' | 'replace'): void;
  prefs: ColumnPrefs;
  hiddenForRoom: readonly string[];
  /** Columns hidden because no row on screen has data for them (Column.hasData). */
  hiddenNoData?: readonly string[];
}

/** "Finding: The provisioner is not running, provisioner example.com/nfs" in the UI language. */
export function findingFilterText(filter: FindingFilter, lang: 'en' | 'ru', t: Translate): string {
  const title = isFindingCode(filter.code) ? FINDING_CODES[filter.code].title[lang] : filter.code;
  // The subject's name is the cluster's: marked verbatim (invisible isolates, shared/verbatim.ts) in this plain string.
  const subject = filter.subject ? `, ${t(`subject.${filter.subject.type}`, { name: verbatim(filter.subject.name) })}` : '';
  const severity = filter.severity ? ` (${t(`severity.${filter.severity}`)})` : '';
  return t('table.findingFilter', { title: `${title}${subject}${severity}` });
}

export function TableToolbar({ table, pane, namespaces, total, onChange, prefs, hiddenForRoom, hiddenNoData = [] }: TableToolbarProps) {
  const { t, lang } = useI18n();
  const spec = TABLES[table];
  const [search, setSearch] = useState(pane.search ?? '');
  // Typing updates the URL (and the query) after a short pause, not on every key.
  useEffect(() => setSearch(pane.search ?? ''), [pane.search]);
  useEffect(() => {
    if ((pane.search ?? '') === search) return;
    const timer = setTimeout(() => onChange({ search: search || undefined }, 'replace'), 200);
    return () => clearTimeout(timer);
  }, [search, pane.search, onChange]);

  const setFilter = (column: string, value: string) => {
    const { [column]: _old, ...rest } = pane.filters;
    onChange({ filters: value ? { ...rest, [column]: value } : rest });
  };
  const phase = pane.filters.phase ?? '';
  return (
    <div className="toolbar" role="toolbar" aria-label={t('table.label', { table: t(spec.label), cluster: '' }).trim()}>
      <input
        type="search"
        className="input search"
        aria-label={t('table.search')}
        placeholder={t('table.searchPlaceholder')}
        title={t('table.searchHint')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="table-search"
      />
      {spec.namespaced && (
        <NamespacePicker namespaces={namespaces} selected={pane.namespaces ?? []} onChange={(selected) => onChange({ namespaces: selected.length ? selected : undefined })} />
      )}
      {spec.phases.length > 0 && (
        <select className="select" aria-label={t('table.phase')} value={phase} onChange={(e) => setFilter('phase', e.target.value)} data-testid="filter-phase">
          <option value="">{t('table.anyPhase')}</option>
          {spec.phases.map((p) => (
            <option key={p} value={p} translate="no">
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
      {table === 'events' && (
        <label className="inline-label check-line">
          <input type="checkbox" checked={pane.filters.type === 'Warning'} onChange={(e) => setFilter('type', e.target.checked ? 'Warning' : '')} data-testid="filter-warnings" />
          {t('table.warningsOnly')}
        </label>
      )}
      {pane.finding && (
        <span className="filter-chip" data-testid="finding-filter" data-code={pane.finding.code}>
          <span className="truncate" title={findingFilterText(pane.finding, lang, t)}>
            <LocalizedText text={findingFilterText(pane.finding, lang, t)} />
          </span>
          <button type="button" className="icon-button small" aria-label={t('table.clearFinding')} title={t('table.clearFinding')} onClick={() => onChange({ finding: undefined })}>
            ×
          </button>
        </span>
      )}
      <span className="toolbar-spacer" />
      <span className="muted" role="status" aria-live="polite" data-testid="table-count">
        {total === undefined ? '' : t('table.rows', { n: total })}
      </span>
      <ColumnsMenu table={table} prefs={prefs} hiddenForRoom={hiddenForRoom} hiddenNoData={hiddenNoData} />
    </div>
  );
}
