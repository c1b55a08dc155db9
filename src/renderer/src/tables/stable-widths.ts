/**
 * The content widths a table's layout uses, held still while the user sorts and scrolls.
 *
 * The grid only has the rows around the viewport, so measuring them on every render made the columns follow
 * whatever was on screen: widths jumped on each sort and scroll, and a column (with its sort button) appeared or
 * vanished. Instead the layout measures the rows on screen only at a layout moment: the table is first shown
 * with rows, or its room, the user's column choices, the language or the font change. Sorting, scrolling and
 * ticking ages never move a column. When the set of rows changes (objects added or removed: a live cluster, a
 * replay), the columns may only grow to fit what is new: laid out on the first Running pod, a table would
 * otherwise cut every name that came later, and a findings chip that appeared later.
 */

/** What a table remembers between renders. */
export interface StableWidthsState {
  /** The table (cluster and table id): a new one starts over. */
  table: string;
  /** The layout moment the applied widths belong to. */
  moment: string;
  /** Widths the layout uses (column id -> widest content, px); empty until rows were seen. */
  applied: ReadonlyMap<string, number>;
  /** Which rows the widths were taken from (e.g. the row count): another set lets columns grow. */
  rows?: string;
}

/**
 * The next state after a render that measured `observed` (column id -> widest content of the loaded rows, px;
 * empty while no rows are loaded). The rows on screen are taken at a layout moment and kept until the next one.
 * @param table identity of the table; @param moment what may re-lay the columns out (room, choices, language);
 * @param rows identity of the set of rows (not their order nor the scroll position): when it changes, a column
 * whose content is now wider grows, none shrinks.
 */
export function nextStableWidths(
  prev: StableWidthsState | undefined,
  table: string,
  moment: string,
  observed: ReadonlyMap<string, number> | (() => ReadonlyMap<string, number>),
  rows?: string,
): StableWidthsState {
  const base: StableWidthsState = prev && prev.table === table ? prev : { table, moment, applied: new Map() };
  const due = base.moment !== moment || base.applied.size === 0;
  const grown = !due && rows !== undefined && base.rows !== rows;
  if (!due && !grown) return base;
  // Measured only now (a function is called only at a layout moment: measuring every row on each tick is work).
  const seen = typeof observed === 'function' ? observed() : observed;
  const withRows = (s: StableWidthsState): StableWidthsState => (rows === undefined ? s : { ...s, rows });
  if (grown) {
    // Rows still loading: wait for them (the row set is taken as seen once they are there).
    if (seen.size === 0) return base;
    return withRows(growStableWidths(base, seen));
  }
  // Rows still loading at a layout moment: keep the widths there are until rows are there to measure.
  return withRows({ table, moment, applied: seen.size > 0 ? new Map(seen) : base.applied });
}

/**
 * The state with every column of `seen` (column id -> widest content, px) at least that wide; the same object when
 * none grew (so renders stay cheap). For columns that are never cut (findings) and a changed set of rows.
 */
export function growStableWidths(state: StableWidthsState, seen: ReadonlyMap<string, number>): StableWidthsState {
  // Before the first layout moment there is nothing to grow (and an entry would look like a layout taken).
  if (state.applied.size === 0) return state;
  let applied: Map<string, number> | undefined;
  for (const [id, width] of seen) {
    if (width > (state.applied.get(id) ?? 0)) {
      applied ??= new Map(state.applied);
      applied.set(id, width);
    }
  }
  return applied ? { ...state, applied } : state;
}
