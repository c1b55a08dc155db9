/**
 * Filtering, sorting and paging of one table's rows, next to the data, so only a page crosses the contract.
 * Sorting is stable and numeric-aware: sizes, counts and times sort as numbers, names naturally
 * ("pod-2" before "pod-10"); rows without a value come last in either direction.
 */
import { SEVERITY_ORDER, type Severity } from '../../shared/model/findings';
import type { ListRequest, RowBase } from '../../shared/model/rows';
import { badRequest } from '../core/errors';
import type { SortValue, TableSpec } from './rows/table-spec';

/** A row with its search text (lower-cased once, when the row is built). */
export interface IndexedRow<Row> {
  row: Row;
  text: string;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of two strings: cheap exact check first, the collator only when they differ. */
export function compareText(a: string, b: string): number {
  return a === b ? 0 : collator.compare(a, b) || (a < b ? -1 : 1);
}

export function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === undefined || a === '') return 1;
  if (b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return compareText(String(a), String(b));
}

/** Rows sorted by one column; `desc` reverses the order of values but keeps empty values last. */
export function sortRows<Row>(spec: TableSpec<Row>, rows: readonly IndexedRow<Row>[], column: string, direction: 'asc' | 'desc'): IndexedRow<Row>[] {
  const col = spec.columns[column];
  if (!col) {
    throw badRequest(`This table cannot be sorted by "${column}". Sort by one of: ${Object.keys(spec.columns).join(', ')}.`);
  }
  const sign = direction === 'desc' ? -1 : 1;
  // Compute each key once (decorate-sort-undecorate); the index keeps equal keys in their original order.
  const keyed = rows.map((r, i) => ({ r, i, k: col.sort(r.row) }));
  keyed.sort((x, y) => {
    const xEmpty = x.k === undefined || x.k === '';
    const yEmpty = y.k === undefined || y.k === '';
    if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
    return sign * compareValues(x.k, y.k) || x.i - y.i;
  });
  return keyed.map((k) => k.r);
}

export interface RowFilter {
  namespace?: string;
  search?: string;
  filters?: Record<string, string>;
  minSeverity?: Severity;
}

/** Whether a row passes the request's namespace, search, column filters and severity. */
export function rowFilter<Row>(spec: TableSpec<Row>, req: RowFilter): (row: IndexedRow<Row>) => boolean {
  const checks: ((r: IndexedRow<Row>) => boolean)[] = [];
  if (req.namespace !== undefined && req.namespace !== '' && spec.namespaced) {
    const ns = req.namespace;
    checks.push((r) => spec.namespace(r.row) === ns);
  }
  const search = req.search?.trim().toLowerCase();
  if (search) checks.push((r) => r.text.includes(search));
  for (const [column, value] of Object.entries(req.filters ?? {})) {
    const col = spec.columns[column];
    if (!col) throw badRequest(`This table has no column "${column}" to filter by. Filter by one of: ${Object.keys(spec.columns).join(', ')}.`);
    const text = col.filter ?? ((row: Row) => String(col.sort(row) ?? ''));
    checks.push((r) => text(r.row) === value);
  }
  if (req.minSeverity) {
    const limit = SEVERITY_ORDER.indexOf(req.minSeverity);
    checks.push((r) => {
      const badge = (r.row as RowBase).badge;
      return badge !== undefined && SEVERITY_ORDER.indexOf(badge.severity) <= limit;
    });
  }
  return (r) => checks.every((check) => check(r));
}

/** Filters an already sorted list and cuts one page. */
export function pageRows<Row>(
  spec: TableSpec<Row>,
  sorted: readonly IndexedRow<Row>[],
  req: Pick<ListRequest, 'namespace' | 'search' | 'filters' | 'minSeverity' | 'offset' | 'limit'>,
): { total: number; rows: Row[] } {
  const offset = Math.max(0, Math.floor(req.offset));
  const limit = Math.max(0, Math.floor(req.limit));
  const pass = rowFilter(spec, req);
  const rows: Row[] = [];
  let total = 0;
  for (const r of sorted) {
    if (!pass(r)) continue;
    if (total >= offset && rows.length < limit) rows.push(r.row);
    total += 1;
  }
  return { total, rows };
}
