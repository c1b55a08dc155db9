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
 * fixed minimums plus fr shares of a width that is the same for every row (see rowWidth).
 */
export function gridTemplate(columns: readonly { width: number; grow?: number }[]): string {
  return columns.map((c) => (c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`)).join(' ');
}

/** The width every row and the header share: the viewport, or the columns' minimums when wider. */
export function rowWidth(columns: readonly { width: number }[]): string {
  return `max(100%, ${columns.reduce((sum, c) => sum + c.width, 0)}px)`;
}

/** Width a header label needs: ~7.2 px a character at 12 px semibold, plus padding and the sort mark. */
export function headerWidth(label: string): number {
  return Math.ceil(label.length * 7.2) + 16 + 14;
}

/** Share of the spare width for columns declared fixed: small, so wide text columns still get most of it. */
const FIXED_COLUMN_GROW = 0.25;

/**
 * Columns as laid out: no narrower than their translated header, and every column takes part of the spare
 * width, so nothing is cut while the row has empty room on its right.
 */
export function fitColumns<C extends { width: number; grow?: number }>(columns: readonly C[], labelOf: (column: C) => string): C[] {
  return columns.map((c) => ({ ...c, width: Math.max(c.width, headerWidth(labelOf(c))), grow: c.grow ?? FIXED_COLUMN_GROW }));
}
