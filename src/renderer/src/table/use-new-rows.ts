/**
 * Rows that arrive while the user reads a table (trial 5 of issue 8, defect 14: while the demo played,
 * lab-dynamic/reports appeared at row 2 between 0:05 and 0:23 with nothing saying so). A row is new when its key
 * was not among the rows on screen a moment before, in the same table, filters, sort and scroll range: scrolling,
 * a new filter or the first load never mark anything. New rows are marked for NEW_ROW_MS (a highlight that fades,
 * styles/table.css .grid-row.is-new) and announced politely to screen readers.
 */
import { useEffect, useRef, useState } from 'react';

/** How long a new row stays marked, ms. */
export const NEW_ROW_MS = 6000;

/** The rows on screen at one moment. */
export interface RowsSeen {
  /** Table, filters and sort: marks compare within one scope only. */
  scope: string;
  /** Index of the first row on screen: a scroll moves it, and then nothing is new. */
  first: number;
  /** Keys of the rows on screen, in order from `first`. */
  keys: readonly string[];
  /** Every row on screen has arrived (no "Loading…" placeholders): a page that arrives late is not new rows. */
  complete: boolean;
  /** Every row of the table was on screen: then an unknown key anywhere is a new row. */
  whole: boolean;
}

/**
 * Keys in `next` that were not in `previous`, when both saw the same scope from the same first row, completely; in
 * a table not seen whole, only at positions that were on screen before (a taller window shows more rows, not new
 * ones). Otherwise none.
 */
export function arrivals(previous: RowsSeen | undefined, next: RowsSeen): string[] {
  if (!previous || previous.scope !== next.scope || previous.first !== next.first || !previous.complete || !next.complete) return [];
  const before = new Set(previous.keys);
  const limit = previous.whole ? Number.POSITIVE_INFINITY : previous.first + previous.keys.length - 1;
  return next.keys.filter((key, i) => next.first + i <= limit && !before.has(key));
}

/** The keys marked new now, and the latest arrivals (for the announcement), as rows come and go. */
export function useNewRows(seen: RowsSeen): { marked: ReadonlySet<string>; latest: readonly string[] } {
  const previous = useRef<RowsSeen | undefined>(undefined);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [latest, setLatest] = useState<readonly string[]>([]);
  // Each arrival's mark ends on its own timer, whatever arrives after it; all end with the table.
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);
  const signature = `${seen.scope}\n${seen.first}\n${seen.complete}\n${seen.whole}\n${seen.keys.join('\n')}`;
  useEffect(() => {
    const fresh = arrivals(previous.current, seen);
    previous.current = seen;
    if (fresh.length === 0) return;
    setMarked((old) => new Set([...old, ...fresh]));
    setLatest(fresh);
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setMarked((old) => new Set([...old].filter((key) => !fresh.includes(key))));
    }, NEW_ROW_MS);
    timers.current.add(timer);
    // The signature says everything `seen` holds.
  }, [signature]); // eslint-disable-line react-hooks/exhaustive-deps
  return { marked, latest };
}
