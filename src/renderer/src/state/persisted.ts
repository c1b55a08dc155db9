/**
 * A UI preference remembered across restarts in localStorage (panel widths, the collapsed cluster list).
 * Web storage is per origin, so another program on another port of 127.0.0.1 cannot read it. Values that do
 * not pass `accept` (an old format, a hand-edited entry) fall back to the default.
 */
import { useCallback, useState } from 'react';

export function readPersisted<T>(key: string, fallback: T, accept: (value: unknown) => value is T): T {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : fallback;
  } catch {
    // Storage unavailable (privacy settings) or not JSON: the default still works.
    return fallback;
  }
}

export function writePersisted(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered across restarts, but applied for this session.
  }
}

export function usePersisted<T>(key: string, fallback: T, accept: (value: unknown) => value is T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => readPersisted(key, fallback, accept));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      writePersisted(key, next);
    },
    [key],
  );
  return [value, set];
}

export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
