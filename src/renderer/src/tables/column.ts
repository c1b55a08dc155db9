/**
 * A declarative column: each table kind lists its columns; the generic table renders them.
 * `value` is the plain text of a cell (also its tooltip and what tests check); `render` may decorate it.
 * `id` is what the core sorts and filters by (ListRequest.sort.column / filters).
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../../shared/model/findings';
import type { TableId, TableRows } from '../../../shared/model/rows';
import type { MessageKey, Translate } from '../i18n/i18n';

export interface ColumnContext {
  t: Translate;
  lang: Lang;
  /** Milliseconds since the epoch, for ages. */
  now: number;
}

export interface Column<Row> {
  id: string;
  label: MessageKey;
  value: (row: Row, ctx: ColumnContext) => string;
  render?: (row: Row, ctx: ColumnContext) => ReactNode;
  /** Minimum width in pixels. */
  width: number;
  /** Share of the spare width this column takes (like flex-grow); absent: fixed width. */
  grow?: number;
  /** False for columns the core cannot sort by. */
  sortable?: boolean;
  align?: 'end';
}

export type ColumnsOf<T extends TableId> = readonly Column<TableRows[T]>[];

/** Short forms kubectl prints for access modes. */
const ACCESS_MODE_SHORT: Record<string, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

export function accessModes(modes: readonly string[]): string {
  return modes.map((m) => ACCESS_MODE_SHORT[m] ?? m).join(',');
}

export function yesNo(value: boolean | undefined, ctx: ColumnContext): string {
  if (value === undefined) return '';
  return ctx.t(value ? 'col.yes' : 'col.no');
}

/** "10 Gi / 12 Gi"; one side only when the other is unknown. */
export function sizePair(first: string | undefined, second: string | undefined): string {
  if (first && second) return `${first} / ${second}`;
  return first ?? (second ? `— / ${second}` : '');
}

/**
 * The CSS grid of a table. Every row is its own grid, so the tracks must not depend on a row's content:
 * fixed minimums plus shares of a width that is the same for every row (see rowWidth). When the loaded rows'
 * text widths are known (`wanted`), each track may grow up to what its text needs (the grid hands the spare
 * width out evenly to tracks still below that), and the last track takes whatever is left.
 */
export function gridTemplate(columns: readonly { width: number; grow?: number; wanted?: number }[]): string {
  if (columns.some((c) => c.wanted !== undefined)) {
    return columns
      .map((c, i) => (i === columns.length - 1 ? `minmax(${c.width}px, 1fr)` : `minmax(${c.width}px, ${Math.max(c.width, c.wanted ?? 0)}px)`))
      .join(' ');
  }
  return columns.map((c) => (c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`)).join(' ');
}

/** The width every row and the header share: the viewport, or the columns' minimums when wider. */
export function rowWidth(columns: readonly { width: number }[]): string {
  return `max(100%, ${columns.reduce((sum, c) => sum + c.width, 0)}px)`;
}

/** Width a header label needs: ~8.2 px a character at 12 px semibold (generous: a cut header is worse), plus padding and the sort mark. */
export function headerWidth(label: string): number {
  return Math.ceil(label.length * 8.2) + 16 + 12;
}

/** Width a cell's text would like (13 px text), capped so one long value does not take the whole row. */
export function textWidth(text: string): number {
  return Math.min(MAX_WANTED_WIDTH, Math.ceil(text.length * 7.4) + 16);
}

const MAX_WANTED_WIDTH = 360;

/** Share of the spare width for columns declared fixed, when the contents are not known yet. */
const FIXED_COLUMN_GROW = 0.25;

/**
 * Columns as laid out: no narrower than their translated header, and every column takes part of the spare
 * width. With `wantedWidth` (the widest text among the loaded rows) the spare width goes to the columns whose
 * text is cut, so an empty column does not keep room a truncated one could use (see gridTemplate).
 * Minimums are the header's width, or the declared one when the loaded text needs it; one template serves every row.
 */
export function fitColumns<C extends { width: number; grow?: number }>(
  columns: readonly C[],
  labelOf: (column: C) => string,
  wantedWidth?: (column: C) => number,
): (C & { wanted?: number })[] {
  return columns.map((c) => {
    const header = headerWidth(labelOf(c));
    if (!wantedWidth) return { ...c, width: Math.max(c.width, header), grow: c.grow ?? FIXED_COLUMN_GROW };
    // A column whose loaded text is narrower than its declared minimum (an empty Volume column) gives that room up.
    const wanted = wantedWidth(c);
    const width = Math.max(header, Math.min(c.width, wanted));
    return { ...c, width, grow: c.grow ?? FIXED_COLUMN_GROW, wanted: Math.max(width, wanted) };
  });
}
