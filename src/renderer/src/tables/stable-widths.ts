/**
 * The content widths a table's layout uses, held still while the user sorts and scrolls.
 *
 * The grid only has the rows around the viewport, so measuring them on every render made the columns follow
 * whatever was on screen: widths jumped on each sort and scroll, and a column (with its sort button) appeared or
 * vanished. Instead the layout measures the rows on screen only at a layout moment: the table is first shown
 * with rows, or its room, the user's column choices, the language or the font change. Sorting, scrolling, new rows and ticking ages never move a column.
 */

/** What a table remembers between renders. */
export interface StableWidthsState {
  /** The table (cluster and table id): a new one starts over. */
  table: string;
  /** The layout moment the applied widths belong to. */
  moment: string;
  /** Widths the layout uses (column id -> widest content, px); empty until rows were seen. */
  applied: ReadonlyMap<string, number>;
}

/**
 * The next state after a render that measured `observed` (column id -> widest content of the loaded rows, px;
 * empty while no rows are loaded). The rows on screen are taken at a layout moment and kept until the next one.
 * @param table identity of the table; @param moment what may re-lay the columns out (room, choices, language).
 */
export function nextStableWidths(
  prev: StableWidthsState | undefined,
  table: string,
  moment: string,
  observed: ReadonlyMap<string, number> | (() => ReadonlyMap<string, number>),
): StableWidthsState {
  const base: StableWidthsState = prev && prev.table === table ? prev : { table, moment, applied: new Map() };
  const due = base.moment !== moment || base.applied.size === 0;
  if (!due) return base;
  // Measured only now (a function is called only at a layout moment: measuring every row on each tick is work).
  const seen = typeof observed === 'function' ? observed() : observed;
  // Rows still loading at a layout moment: keep the widths there are until rows are there to measure.
  return { table, moment, applied: seen.size > 0 ? new Map(seen) : base.applied };
}
