/**
 * The user's column choices per table (hidden columns, widths they dragged), remembered in localStorage under
 * "kse.columns.<table>". One in-memory copy per table, shared by every pane that shows it, so hiding a column in
 * one pane hides it in the other too. Unreadable or hand-edited storage falls back to the defaults.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { TableId } from '../../../shared/model/rows';
import type { ColumnChoices } from '../tables/column';

export const NO_CHOICES: ColumnChoices = { hidden: [], widths: {} };

const PREFIX = 'kse.columns.';
/** Widths outside this range are ignored as corrupt. */
const MAX_WIDTH = 2000;

const cache = new Map<TableId, ColumnChoices>();
const listeners = new Set<() => void>();

/** Parses stored choices; anything malformed is dropped, field by field. */
export function parseChoices(text: string | null): ColumnChoices {
  if (!text) return NO_CHOICES;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NO_CHOICES;
  }
  if (typeof value !== 'object' || value === null) return NO_CHOICES;
  const record = value as { hidden?: unknown; widths?: unknown };
  const hidden = Array.isArray(record.hidden) ? record.hidden.filter((id): id is string => typeof id === 'string').slice(0, 50) : [];
  const widths: Record<string, number> = {};
  if (typeof record.widths === 'object' && record.widths !== null) {
    for (const [id, width] of Object.entries(record.widths as Record<string, unknown>)) {
      if (typeof width === 'number' && Number.isFinite(width) && width > 0 && width <= MAX_WIDTH) widths[id] = Math.round(width);
    }
  }
  const shown = Array.isArray((record as { shown?: unknown }).shown) ? ((record as { shown: unknown[] }).shown.filter((id): id is string => typeof id === 'string').slice(0, 50)) : [];
  return shown.length > 0 ? { hidden, shown, widths } : { hidden, widths };
}

function read(table: TableId): ColumnChoices {
  let choices = cache.get(table);
  if (!choices) {
    try {
      choices = parseChoices(localStorage.getItem(PREFIX + table));
    } catch {
      // Storage can be unavailable (privacy settings): choices then last for this session only.
      choices = NO_CHOICES;
    }
    cache.set(table, choices);
  }
  return choices;
}

function write(table: TableId, choices: ColumnChoices): void {
  cache.set(table, choices);
  try {
    if (choices.hidden.length === 0 && (choices.shown ?? []).length === 0 && Object.keys(choices.widths).length === 0) localStorage.removeItem(PREFIX + table);
    else localStorage.setItem(PREFIX + table, JSON.stringify(choices));
  } catch {
    // Not remembered across restarts, but applied now.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface ColumnPrefs {
  choices: ColumnChoices;
  setHidden(id: string, hidden: boolean): void;
  /** A width in px, or undefined to let the layout choose again. */
  setWidth(id: string, width: number | undefined): void;
  reset(): void;
}

/** One table's column choices, and setters that remember them. */
export function useColumnPrefs(table: TableId): ColumnPrefs {
  const choices = useSyncExternalStore(subscribe, () => read(table), () => NO_CHOICES);
  const setHidden = useCallback(
    (id: string, hidden: boolean) => {
      const current = read(table);
      const rest = current.hidden.filter((h) => h !== id);
      // Showing remembers the choice too: a column hidden by default (no data) stays shown once the user asked.
      const shown = (current.shown ?? []).filter((s) => s !== id);
      const { shown: _old, ...others } = current;
      const nextShown = hidden ? shown : [...shown, id];
      write(table, { ...others, hidden: hidden ? [...rest, id] : rest, ...(nextShown.length > 0 ? { shown: nextShown } : {}) });
    },
    [table],
  );
  const setWidth = useCallback(
    (id: string, width: number | undefined) => {
      const current = read(table);
      const { [id]: _old, ...widths } = current.widths;
      write(table, { ...current, widths: width === undefined ? widths : { ...widths, [id]: Math.round(width) } });
    },
    [table],
  );
  const reset = useCallback(() => write(table, NO_CHOICES), [table]);
  return { choices, setHidden, setWidth, reset };
}

/** Forgets the in-memory copies (tests, after clearing localStorage). */
export function forgetColumnPrefs(): void {
  cache.clear();
}
