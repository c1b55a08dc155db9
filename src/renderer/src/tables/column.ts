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
  /** CSS grid track, e.g. "minmax(160px, 2fr)" or "80px". */
  width: string;
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
