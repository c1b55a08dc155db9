/**
 * The generic virtualised table: any table id, its declarative columns, rows fetched page by page as the
 * user scrolls. Only visible rows are in the DOM, so 10,000 rows scroll smoothly. It is an ARIA grid:
 * arrow keys move the active row, Enter opens its details, headers sort (aria-sort).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TargetRef } from '../../../shared/model/refs';
import { refKey, sameRef } from '../../../shared/model/refs';
import type { TableId } from '../../../shared/model/rows';
import type { RowsQuery } from '../api/queries';
import { StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../state/clock';
import { decorationOf, estimateHeaderWidth, gridTemplate, layoutInputs, leadingChipWidth, textWidth, type Column, type ColumnChoices, type ColumnContext } from '../tables/column';
import { layoutColumns } from '../tables/column-layout';
import { growStableWidths, nextStableWidths, type StableWidthsState } from '../tables/stable-widths';
import { browserMeasure, estimateWidth } from '../format/fit-text';
import { rowKey, rowRef, TABLES, type AnyRow } from '../tables/registry';
import { NO_CHOICES } from './column-prefs';
import { GridHeader } from './GridHeader';
import { GridRow, type ShownColumn } from './GridRow';
import { useElementWidth } from './use-element-width';
import { usePagedRows } from './use-paged-rows';
import { useSelectedRow } from './use-selected-row';
import { useNewRows } from './use-new-rows';

export const ROW_HEIGHT = 26;

export interface DataTableProps {
  query: RowsQuery;
  /** Accessible name, e.g. "Claims of lab-admin". */
  label: string;
  selected?: TargetRef;
  onOpen(ref: TargetRef): void;
  onSort(column: string): void;
  onClearFilters?: () => void;
  /**
   * A newly selected object whose row the filters hide (a link was followed to it): the table clears them
   * (replacing the history entry, so Back still returns to the filtered table).
   */
  onSelectedHidden?: () => void;
  filtered: boolean;
  /** Why an empty table is not "none": no permission, not served, still syncing. */
  emptyReason?: { text: string; detail?: string };
  /** The user's hidden columns and widths (see column-prefs.ts). */
  choices?: ColumnChoices;
  /** The user dragged a column edge: its new width, or undefined for the automatic layout. */
  onResize?(column: string, width: number | undefined): void;
  /** Columns hidden because the grid is too narrow for them, whenever that changes. */
  /** The columns hidden for room, and those hidden because no row on screen has data for them (Column.hasData). */
  onLayout?(hiddenForRoom: readonly string[], hiddenNoData: readonly string[]): void;
}

/** Rows whose arrival may still widen the columns after a layout moment (see rowSet). */
const FIRST_ROWS = 20;

/** Width assumed before the grid is measured (and in tests without layout), px. */
const UNMEASURED_WIDTH = 1200;

export function DataTable({
  query,
  label,
  selected,
  onOpen,
  onSort,
  onClearFilters,
  onSelectedHidden,
  filtered,
  emptyReason,
  choices = NO_CHOICES,
  onResize,
  onLayout,
}: DataTableProps) {
  const { t, lang } = useI18n();
  const now = useNow();
  const spec = TABLES[query.table as TableId];
  const columns = spec.columns as readonly Column<AnyRow>[];
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const [font, setFont] = useState('13px system-ui, sans-serif');
  const [family, setFamily] = useState('system-ui, sans-serif');
  // A stable callback ref: the grid element is measured (width, font) when it mounts.
  const attachScroll = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScrollElement(element);
    // Cells are measured in the grid's own font, for names cut in the middle.
    if (element) {
      const computed = getComputedStyle(element).font;
      if (computed) setFont(computed);
      const fontFamily = getComputedStyle(element).fontFamily;
      if (fontFamily) setFamily(fontFamily);
    }
  }, []);
  // Kept while the font is the same: the rows' memo compares the context that holds it.
  const measure = useMemo(() => browserMeasure(font), [font]);
  // Header labels are 12 px semibold (table.css .grid-head .cell): measured in that font, not estimated.
  const headerMeasure = browserMeasure(`600 12px ${family}`, estimateHeaderWidth);
  // Chips (findings, verdicts) are 11 px (controls.css); a verdict's semibold is within the chip's decoration width.
  const chipMeasure = browserMeasure(`11px ${family}`, (text) => (estimateWidth(text) * 11) / 13);
  // A verdict chip before a name (Column.leadingChip) has no decoration to hide its semibold in: measured in it.
  const leadingChipMeasure = browserMeasure(`600 11px ${family}`, (text) => (estimateWidth(text) * 11.5) / 13);
  const ctx = useMemo<ColumnContext>(() => ({ t, lang, now, measure }), [t, lang, now, measure]);
  // One string for every loading row, formatted once per render rather than once per row.
  const loadingText = t('table.loadingRow');
  const available = useElementWidth(scrollElement, UNMEASURED_WIDTH);
  const gridId = useId();
  const [active, setActive] = useState(0);
  const [range, setRange] = useState<[number, number]>([0, 60]);
  const rows = usePagedRows(query, range[0], range[1]);
  const total = rows.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Before the first measurement (and in tests without layout) assume a typical viewport.
    initialRect: { width: 1200, height: 700 },
  });
  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    setRange((prev) => (prev[0] === firstVisible && prev[1] === lastVisible ? prev : [firstVisible, lastVisible]));
  }, [firstVisible, lastVisible]);

  // A new filter or sort starts at the top.
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToIndex(0);
    // virtualizer identity is stable; only the query matters here.
  }, [queryKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The selected object's row: made active and scrolled into view (once per selection and request).
  useSelectedRow(query, selected, filtered, onSelectedHidden, (index) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  });

  const move = useCallback(
    (index: number) => {
      if (total === 0) return;
      const next = Math.max(0, Math.min(total - 1, index));
      setActive(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [total, virtualizer],
  );

  const openAt = (index: number) => {
    const row = rows.rowAt(index);
    const ref = row && rowRef(row);
    if (ref) onOpen(ref);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the header's buttons and resize handles are theirs.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => openAt(active),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  // The loaded rows around the viewport tell how wide each column's text would like to be (see column-layout.ts);
  // the layout takes those widths only at layout moments, so sorting and scrolling never move a column
  // (tables/stable-widths.ts).
  const loaded: AnyRow[] = [];
  for (let i = range[0]; i <= range[1]; i++) {
    const row = rows.rowAt(i);
    if (row) loaded.push(row);
  }
  const widestOf = (c: Column<AnyRow>) => {
    const inFont = c.chip ? chipMeasure : measure;
    return loaded.reduce((most, row) => Math.max(most, textWidth((c.shown ?? c.value)(row, ctx), inFont) + leadingChipWidth(c, row, ctx, leadingChipMeasure)), 0) + decorationOf(c);
  };
  // Rows that arrive while the table is read are marked and announced (use-new-rows.ts).
  const onScreenWhole = total > 0 && loaded.length >= total;
  const inRange = Math.max(0, Math.min(range[1], total - 1) - range[0] + 1);
  const newRows = useNewRows({ scope: queryKey, first: range[0], keys: loaded.map(rowKey), complete: total > 0 && loaded.length >= inRange, whole: onScreenWhole });
  const newNames = loaded.filter((row) => newRows.latest.includes(rowKey(row)) && newRows.marked.has(rowKey(row))).map((row) => {
    const ref = rowRef(row);
    return ref ? refKey(ref) : '';
  });
  const observed = () => new Map(loaded.length > 0 ? columns.map((c) => [c.id, widestOf(c)] as const) : []);
  // The set of rows the widths come from. A table loaded whole: which rows (a replay deletes one claim and creates
  // another). A bigger one: the count, and how many of the first rows had arrived (the first page can come in
  // parts). Scrolling and sorting keep it, so they never move a column.
  const rowSet = total > 0 && loaded.length >= total ? loaded.map(rowKey).sort().join('\n') : `${total}|${Math.min(loaded.length, FIRST_ROWS)}`;
  const stable = useRef<StableWidthsState | undefined>(undefined);
  stable.current = nextStableWidths(stable.current, `${query.clusterId}/${query.table}`, `${Math.round(available)}|${lang}|${font}|${JSON.stringify(choices)}`, observed, rowSet);
  // Columns kept whole (findings) grow at once when a wider chip is on screen: a cut "Предупре…" says nothing.
  const whole = columns.filter((c) => c.keepWhole);
  if (whole.length > 0 && loaded.length > 0) stable.current = growStableWidths(stable.current, new Map(whole.map((c) => [c.id, widestOf(c)] as const)));
  const applied = stable.current.applied;
  const wanted = applied.size > 0 ? (c: Column<AnyRow>) => applied.get(c.id) ?? 0 : undefined;
  // Columns with no data in any row on screen are hidden by default, unless the user showed them (Column.hasData).
  // While rows of a new range are still loading (scrolling far), the last answer holds: a column must not flash in
  // and push another out for room (tables.demo's stable columns after End).
  const lastNoData = useRef<string[]>([]);
  if (loaded.length > 0) lastNoData.current = columns.filter((c) => c.hasData && !loaded.some((row) => c.hasData!(row))).map((c) => c.id);
  const noData = lastNoData.current.filter((id) => !(choices.shown ?? []).includes(id));
  const effective = noData.length === 0 ? choices : { ...choices, hidden: [...choices.hidden, ...noData] };
  const layout = layoutColumns(layoutInputs(columns, effective, (c) => t(c.label), wanted, headerMeasure), available);
  // The same columns at the same widths keep one array, so rows that did not change are not rendered again.
  const layoutKey = layout.columns.map((l) => `${l.id}:${l.width}`).join('|');
  const shown = useMemo<ShownColumn[]>(() => {
    const byId = new Map(columns.map((c) => [c.id, c]));
    return layout.columns.map((l) => ({ ...byId.get(l.id)!, layoutWidth: l.width }));
    // layoutKey says everything of layout.columns that the array holds.
  }, [columns, layoutKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  const onPick = useCallback((index: number, ref: TargetRef | undefined) => {
    setActive(index);
    if (ref) onOpenRef.current(ref);
  }, []);
  const template = gridTemplate(layout.columns);
  const width = `max(100%, ${layout.width}px)`;
  const tableName = t(spec.label);
  const hiddenKey = layout.hiddenForRoom.join(',');
  const noDataKey = noData.join(',');
  useEffect(() => {
    onLayout?.(hiddenKey ? hiddenKey.split(',') : [], noDataKey ? noDataKey.split(',') : []);
  }, [hiddenKey, noDataKey, onLayout]);

  if (rows.error && rows.total === undefined) {
    return <StateMessage kind="error" text={t('state.error', { what: tableName })} detail={rows.error.message} onRetry={rows.refetch} />;
  }
  if (rows.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: tableName })} />;

  return (
    <div className="data-table" data-testid={`table-${query.table}`}>
      <div className="sr-only" aria-live="polite" data-testid="table-new-rows">
        {newNames.length > 0 ? t('table.newRows', { n: newNames.length, names: newNames.filter(Boolean).slice(0, 3).join(', ') }) : ''}
      </div>
      <div
        ref={attachScroll}
        className="grid-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={shown.length}
        aria-activedescendant={total > 0 ? `${gridId}-r${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <GridHeader columns={shown} template={template} width={width} sort={query.sort} onSort={onSort} onResize={(id, w) => onResize?.(id, w)} />
        {total === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className="grid-empty" data-testid="table-empty" data-reason={emptyReason ? 'unavailable' : filtered ? 'filtered' : 'none'}>
              {emptyReason ? (
                <span>
                  <strong>{emptyReason.text}</strong>
                  {/* The API server's own words: shown as they are. */}
                  {emptyReason.detail ? (
                    <span className="state-detail" translate="no">
                      {' '}
                      {emptyReason.detail}
                    </span>
                  ) : null}
                </span>
              ) : filtered ? (
                t('table.emptyFiltered', { table: tableName })
              ) : (
                t('table.empty', { table: tableName })
              )}
              {filtered && !emptyReason && onClearFilters && (
                <button type="button" className="link-button" onClick={onClearFilters}>
                  {t('table.clearFilters')}
                </button>
              )}
            </div>
          </div>
        ) : (
          <div className="grid-body" style={{ height: virtualizer.getTotalSize(), width }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index);
              const ref = row && rowRef(row);
              const key = row ? rowKey(row) : undefined;
              return (
                <GridRow
                  key={key ?? `loading-${item.index}`}
                  row={row}
                  index={item.index}
                  start={item.start}
                  height={ROW_HEIGHT}
                  gridId={gridId}
                  template={template}
                  width={width}
                  columns={shown}
                  ctx={ctx}
                  active={item.index === active}
                  selected={Boolean(ref && selected && sameRef(ref, selected))}
                  isNew={key !== undefined && newRows.marked.has(key)}
                  loadingText={loadingText}
                  onPick={onPick}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
