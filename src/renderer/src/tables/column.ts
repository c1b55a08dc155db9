/**
 * A declarative column: each table kind lists its columns; the generic table renders them.
 * `value` is the plain text of a cell (also its tooltip and what tests check); `render` may decorate it.
 * `id` is what the core sorts and filters by (ListRequest.sort.column / filters).
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../../shared/model/findings';
import type { TableId, TableRows } from '../../../shared/model/rows';
import type { MessageKey, Translate } from '../i18n/i18n';
import { SHORT_WANTED, type LayoutColumn } from './column-layout';
import { estimateWidth, type Measure } from '../format/fit-text';

export interface ColumnContext {
  t: Translate;
  lang: Lang;
  /** Milliseconds since the epoch, for ages. */
  now: number;
  /** Measures text in the grid's font, px (see fit-text.ts); an estimate where there is no canvas. */
  measure?: Measure;
}

export interface Column<Row> {
  id: string;
  label: MessageKey;
  value: (row: Row, ctx: ColumnContext) => string;
  /**
   * The text the cell draws when `render` draws another than `value` (a short kind before a name): what the
   * layout measures. Absent: `value`.
   */
  shown?: (row: Row, ctx: ColumnContext) => string;
  /**
   * The cell's tooltip when it is not its value: why a cell shows "—" (NOT_KNOWN) rather than a value, so no
   * cell is blank without a reason. Absent: the value.
   */
  title?: (row: Row, ctx: ColumnContext) => string | undefined;
  /** `room` is the width the cell's content has, px. */
  render?: (row: Row, ctx: ColumnContext, room: number) => ReactNode;
  /** Names that differ at their ends: cut in the middle ("data-post…-replica-17") rather than at the end. */
  middle?: boolean;
  /** Minimum width in pixels (below it the column is hidden for room, unless it is essential). */
  width: number;
  /** Share of the spare width this column takes (like flex-grow); absent: a small share. */
  grow?: number;
  /** Name, status and findings: never hidden, by the user or for room. */
  essential?: boolean;
  /** For the others: lower is more important; when the grid is too narrow the highest number is hidden first. */
  priority?: number;
  /** Essential columns: narrowest they shrink to when even they alone do not fit, px. */
  floor?: number;
  /**
   * Never cut (the findings chip: "Findings never hidden" means its word is read, in Russian too): its floor
   * and minimum are its widest content on screen, so other columns give way first. Its width grows whenever a
   * wider one is on screen, between layout moments too (a chip that appears in a replay or a live cluster).
   */
  keepWhole?: boolean;
  /**
   * A name the user follows and must read whole (a class's provisioner): never a "genuinely long value" that keeps
   * its ellipsis, so less important columns give way until it is whole, up to MAX_WANTED_WIDTH (rule 5; trial 5:
   * "kubernetes.io/no-provisioner" was cut while Expansion, Default and Reclaim stayed).
   */
  identifier?: boolean;
  /**
   * Extra width `render` draws beyond the measured `value` text, px (a chip's icon and padding); absent:
   * DECORATION_WIDTH when the column has a `render`, else 0. Plain decorated text (a coloured word) has 0.
   */
  decoration?: number;
  /** The text is drawn in a chip (11 px, controls.css .chip / .verdict): measured in that font, not the cell's. */
  chip?: boolean;
  /**
   * The words of a chip drawn before the cell's text (ChipThenText: a class's provisioner verdict), or undefined
   * for none. The layout measures them in the verdict chip's font (semibold 11 px, controls.css .verdict) plus
   * CHIP_BEFORE_TEXT px (padding and gap) and `shown`
   * in the cell's font: measured as one run of cell text, «(не работает)» asked for ~45 px too much, and Binding
   * mode lost them («WaitForFirstCon…», trial 7).
   */
  leadingChip?: (row: Row, ctx: ColumnContext) => string | undefined;
  /** The cell is UI text (ages, yes/no, severities); otherwise it is cluster text and marked translate="no". */
  uiText?: boolean;
  align?: 'end';
  /**
   * Whether a row has data for this column. A column declaring it is hidden by default while no row on screen has
   * any (Use %, Used and Free of a recording or snapshot that carries no usage: a placeholder in every row says
   * nothing and takes the room of Class and Requested); the user can still show it from the Columns menu.
   */
  hasData?: (row: Row) => boolean;
}

export type ColumnsOf<T extends TableId> = readonly Column<TableRows[T]>[];

/** What a cell shows when its value is not known or does not apply; its title says why (Column.title). */
export const NOT_KNOWN = '—';

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

/** ~7.6 px a character: the estimate of a 12 px semibold header label where no canvas is available (tests). */
export const estimateHeaderWidth: Measure = (label) => label.length * 7.6;

/**
 * Width a header label needs, px: the label in the header's font (12 px semibold; `measure`, an estimate without a
 * canvas), plus padding, the sort mark and the resize handle.
 */
export function headerWidth(label: string, measure: Measure = estimateHeaderWidth): number {
  return Math.ceil(measure(label)) + 16 + 14;
}

/**
 * Width a cell's text needs whole (with its padding), px, uncapped: layoutInputs caps what a column asks for
 * first (MAX_WANTED_WIDTH) and hands out the rest only to columns still cut.
 */
export function textWidth(text: string, measure: Measure = estimateWidth): number {
  // 2 px over the canvas's width: the page draws some text (names with dots and slashes) a pixel or two wider.
  return Math.ceil(measure(text)) + 16 + TEXT_MARGIN;
}

const TEXT_MARGIN = 2;

/** What one column asks for before any other column's content is whole, px: one long value does not take the row. */
export const MAX_WANTED_WIDTH = 360;

/** Extra width a column's `render` draws beyond its measured text, px (see Column.decoration). */
export function decorationOf(column: Pick<Column<never>, 'decoration' | 'render'>): number {
  return column.decoration ?? (column.render ? DECORATION_WIDTH : 0);
}

/** Extra width of a decorated cell over its plain text, px: a chip's padding (12), icon (up to ~12 px for ◔ at 11 px) and gaps. */
export const DECORATION_WIDTH = 30;

/** A leading chip's padding (2 x 5 px, controls.css .verdict) and its gap to the text (6 px, table.css .chip-then-text), px. */
export const CHIP_BEFORE_TEXT = 16;

/**
 * Width of the chip a cell draws before its text (Column.leadingChip), px: its words in `chipMeasure` (the verdict
 * chip's semibold 11 px) plus CHIP_BEFORE_TEXT; 0 when the column or the row has none.
 */
export function leadingChipWidth<Row>(column: Pick<Column<Row>, 'leadingChip'>, row: Row, ctx: ColumnContext, chipMeasure: Measure = estimateWidth): number {
  const words = column.leadingChip?.(row, ctx);
  return words ? Math.ceil(chipMeasure(words)) + CHIP_BEFORE_TEXT : 0;
}

/** Share of the spare width for columns declared without one. */
const FIXED_COLUMN_GROW = 0.25;

/** What the user chose for one table's columns (see table/column-prefs.ts). */
export interface ColumnChoices {
  hidden: readonly string[];
  /** Columns the user showed that are hidden by default (a column without data, Column.hasData); absent: none. */
  shown?: readonly string[];
  widths: Readonly<Record<string, number>>;
}

/**
 * The layout inputs of a table's columns (see column-layout.ts): minimum from the declaration (lower when the
 * loaded rows' text and the header need less), wanted from the header and the loaded rows' text, the user's
 * width when they resized it. Columns the user hid are left out, essential ones never.
 */
export function layoutInputs<C extends Pick<Column<never>, 'id' | 'width' | 'grow' | 'essential' | 'priority' | 'floor' | 'keepWhole' | 'middle' | 'identifier'>>(
  columns: readonly C[],
  choices: ColumnChoices,
  labelOf: (column: C) => string,
  wantedText?: (column: C) => number,
  measureHeader?: Measure,
): LayoutColumn[] {
  return columns
    .filter((c) => c.essential || !choices.hidden.includes(c.id))
    .map((c) => {
      const label = labelOf(c);
      const header = headerWidth(label, measureHeader);
      // A header label wraps onto a second line at its spaces («Пространство / имён»), never inside a word: the
      // column is never narrower than its longest word, and needs no more than that for the header.
      const headerWord = Math.max(...label.split(/\s+/).map((word) => headerWidth(word, measureHeader)));
      const full = wantedText?.(c);
      // One long value (an event's message) asks for at most MAX_WANTED_WIDTH until every column's content is
      // whole; what is left then goes to the columns still cut (`full`).
      const content = full === undefined ? undefined : Math.min(MAX_WANTED_WIDTH, full);
      // With rows loaded, a column whose text is narrower than its declared minimum (an empty Volume column of
      // Pending claims) gives that room up, down to its header's longest word, and wants no more than that and its text.
      const declared = Math.max(headerWord, content === undefined ? c.width : c.keepWhole ? Math.max(c.width, content) : Math.min(c.width, Math.max(content, headerWord)));
      // What shows the content whole with the header wrapped: the room the content of other columns competes for.
      const fit = Math.max(declared, headerWord, content ?? c.width);
      // The header on one line too.
      const whole = Math.max(fit, header);
      // A short value ("встроенный", "3 с назад") is worth nothing cut: its whole width is its minimum, so when
      // room is short a less important column is hidden rather than this one cut. A long header wraps instead.
      const min = content !== undefined && fit <= SHORT_WANTED ? fit : declared;
      const wanted = whole;
      const input: LayoutColumn = {
        id: c.id,
        min,
        wanted,
        grow: c.grow ?? FIXED_COLUMN_GROW,
        essential: c.essential === true,
        priority: c.priority ?? 0,
        fit,
      };
      if (full !== undefined && full > whole && !c.identifier) input.full = full;
      if (c.middle && !c.essential) input.readsCut = true;
      const floor = c.keepWhole ? min : c.floor !== undefined ? Math.max(c.floor, headerWord) : undefined;
      if (floor !== undefined) input.floor = floor;
      const fixed = choices.widths[c.id];
      if (fixed !== undefined) input.fixed = Math.max(MIN_RESIZED_WIDTH, Math.round(fixed));
      return input;
    });
}

/** Narrowest a user may drag a column to, px. */
export const MIN_RESIZED_WIDTH = 40;

/** The CSS grid template of laid-out columns: whole pixels, the same for the header and every row. */
export function gridTemplate(columns: readonly { width: number }[]): string {
  return columns.map((c) => `${c.width}px`).join(' ');
}
