/**
 * Rows of a long table fetched in fixed pages, only the pages the viewport needs: jumping to the middle of
 * 10,000 rows fetches one page, not all before it. Each page is its own query (['cluster', id, 'rows',
 * table, request, page]), so a change notice refetches only pages that are on screen.
 */
import { useQueries, useQuery, type Query } from '@tanstack/react-query';
import type { TableId, TableRows } from '../../../shared/model/rows';
import { useApi } from '../api/api-context';
import { ROWS_PAGE_SIZE, rowsPageQuery, type RowsQuery } from '../api/queries';

export interface PagedRows<Row> {
  /** Rows matching the request, in total; undefined until the first page arrives. */
  total: number | undefined;
  /** The row at an index, or undefined while its page loads. */
  rowAt(index: number): Row | undefined;
  isLoading: boolean;
  error: Error | null;
  refetch(): void;
}

/** Pages that cover [first, last], clamped to what exists. */
export function pagesFor(first: number, last: number, total: number | undefined, pageSize = ROWS_PAGE_SIZE): number[] {
  const lastIndex = total === undefined ? last : Math.min(last, total - 1);
  if (lastIndex < 0 || first > lastIndex) return [0];
  const pages: number[] = [];
  for (let p = Math.floor(Math.max(0, first) / pageSize); p <= Math.floor(lastIndex / pageSize); p += 1) pages.push(p);
  return pages;
}

/**
 * Keeps the previous page while the same table loads with another filter or sort, never another table's rows:
 * those have other fields, and the new table's columns cannot read them.
 */
export function sameTablePlaceholder(table: TableId) {
  return <D, K extends readonly unknown[]>(previous: D | undefined, previousQuery: Query<D, Error, D, K> | undefined): D | undefined =>
    previousQuery?.queryKey[3] === table ? previous : undefined;
}

export function usePagedRows<T extends TableId>(query: RowsQuery<T>, first: number, last: number): PagedRows<TableRows[T]> {
  const api = useApi();
  // Page 0 carries the total; keeping its previous data while a new filter loads avoids a blank flash.
  const head = useQuery({ ...rowsPageQuery(api, query, 0), placeholderData: sameTablePlaceholder(query.table) });
  const total = head.data?.total;
  const pages = pagesFor(first, last, total).filter((p) => p !== 0);
  const rest = useQueries({ queries: pages.map((page) => rowsPageQuery(api, query, page)) });

  // At most a few pages are on screen: rebuilding this small map on each render is cheaper than memoising it.
  const byPage = new Map<number, TableRows[T][]>();
  if (head.data) byPage.set(0, head.data.rows as TableRows[T][]);
  pages.forEach((page, i) => {
    const data = rest[i]?.data;
    if (data) byPage.set(page, data.rows as TableRows[T][]);
  });

  const error = head.error ?? rest.find((r) => r.error)?.error ?? null;
  return {
    total,
    rowAt: (index) => byPage.get(Math.floor(index / ROWS_PAGE_SIZE))?.[index % ROWS_PAGE_SIZE],
    isLoading: head.isLoading,
    error,
    refetch: () => {
      void head.refetch();
      for (const r of rest) void r.refetch();
    },
  };
}
