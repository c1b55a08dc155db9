/**
 * The generic virtualised table: any table id, its declarative columns, rows fetched page by page as the
 * user scrolls. Only visible rows are in the DOM, so 10,000 rows scroll smoothly. It is an ARIA grid:
 * arrow keys move the active row, Enter opens its details, headers sort (aria-sort).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ObjectRef } from '../../../shared/model/refs';
import { sameRef } from '../../../shared/model/refs';
import type { TableId } from '../../../shared/model/rows';
import type { RowsQuery } from '../api/queries';
import { BidiText } from '../components/BidiText';
import { StateMessage } from '../components/StateMessage';
import { useI18n } from '../i18n/i18n';
import { useNow } from '../state/clock';
import type { SortState } from '../state/view-state';
import { fitColumns, gridTemplate, rowWidth, textWidth, type Column, type ColumnContext } from '../tables/column';
import { rowKey, rowRef, TABLES, type AnyRow } from '../tables/registry';
import { usePagedRows } from './use-paged-rows';

export const ROW_HEIGHT = 26;

export interface DataTableProps {
  query: RowsQuery;
  /** Accessible name, e.g. "Claims of lab-admin". */
  label: string;
  selected?: ObjectRef;
  onOpen(ref: ObjectRef): void;
  onSort(column: string): void;
  onClearFilters?: () => void;
  filtered: boolean;
  /** Why an empty table is not "none": no permission, not served, still syncing. */
  emptyReason?: { text: string; detail?: string };
}

function nextSortAria(sort: SortState | undefined, column: string): 'ascending' | 'descending' | 'none' {
  if (sort?.column !== column) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

export function DataTable({ query, label, selected, onOpen, onSort, onClearFilters, filtered, emptyReason }: DataTableProps) {
  const { t, lang } = useI18n();
  const now = useNow(5000);
  const spec = TABLES[query.table as TableId];
  const columns = spec.columns as readonly Column<AnyRow>[];
  const ctx: ColumnContext = { t, lang, now };
  const scrollRef = useRef<HTMLDivElement>(null);
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

  // The loaded rows around the viewport tell how wide each column's text is (see fitColumns).
  const loaded: AnyRow[] = [];
  for (let i = range[0]; i <= range[1]; i++) {
    const row = rows.rowAt(i);
    if (row) loaded.push(row);
  }
  // Decorated cells (chips, badges) are wider than their text.
  const wanted =
    loaded.length > 0
      ? (c: Column<AnyRow>) => loaded.reduce((most, row) => Math.max(most, textWidth(c.value(row, ctx))), 0) + (c.render ? 24 : 0)
      : undefined;
  const laidOut = fitColumns(columns, (c) => t(c.label), wanted);
  const template = gridTemplate(laidOut);
  const width = rowWidth(laidOut);
  const tableName = t(spec.label);

  if (rows.error && rows.total === undefined) {
    return <StateMessage kind="error" text={t('state.error', { what: tableName })} detail={rows.error.message} onRetry={rows.refetch} />;
  }
  if (rows.isLoading) return <StateMessage kind="loading" text={t('state.loading', { what: tableName })} />;

  return (
    <div className="data-table" data-testid={`table-${query.table}`}>
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={total + 1}
        aria-colcount={columns.length}
        aria-activedescendant={total > 0 ? `${gridId}-r${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div className="grid-head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template, width }}>
          {columns.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={nextSortAria(query.sort, column.id)}
              className={column.align === 'end' ? 'cell end' : 'cell'}
            >
              {column.sortable === false ? (
                t(column.label)
              ) : (
                <button type="button" className="sort-button" tabIndex={-1} onClick={() => onSort(column.id)} data-testid={`sort-${column.id}`}>
                  <span className="head-label" title={t(column.label)}>
                    {t(column.label)}
                  </span>
                  <span className="sort-mark" aria-hidden="true">
                    {query.sort?.column === column.id ? (query.sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              )}
            </div>
          ))}
        </div>
        {total === 0 ? (
          <div role="row" aria-rowindex={2}>
            <div role="gridcell" className="grid-empty" data-testid="table-empty" data-reason={emptyReason ? 'unavailable' : filtered ? 'filtered' : 'none'}>
              {emptyReason ? (
                <span>
                  <strong>{emptyReason.text}</strong>
                  {emptyReason.detail ? <span className="state-detail"> {emptyReason.detail}</span> : null}
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
              const isSelected = Boolean(ref && selected && sameRef(ref, selected));
              return (
                <div
                  key={row ? rowKey(row) : `loading-${item.index}`}
                  id={`${gridId}-r${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  data-testid="table-row"
                  data-name={ref?.name}
                  data-namespace={ref?.namespace}
                  className={`grid-row${item.index === active ? ' active' : ''}${isSelected ? ' selected' : ''}`}
                  style={{ gridTemplateColumns: template, width, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => {
                    setActive(item.index);
                    if (ref) onOpen(ref);
                  }}
                >
                  {row
                    ? columns.map((column) => {
                        const text = column.value(row, ctx);
                        return (
                          <div key={column.id} role="gridcell" className={column.align === 'end' ? 'cell end' : 'cell'} title={text}>
                            {column.render ? column.render(row, ctx) : <BidiText text={text} />}
                          </div>
                        );
                      })
                    : <div role="gridcell" className="cell muted">{t('table.loadingRow')}</div>}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
