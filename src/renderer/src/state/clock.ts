/**
 * One ticking "now" for the whole window, so freshness labels ("2s ago") move without refetching anything and
 * every label reads the same instant: the evidence of a finding, its Events tab and the Events table agree.
 * A single timer runs while anything listens.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { sourceTime, useSourceClock } from './source-clock';

const TICK_MS = 1000;
const listeners = new Set<() => void>();
let tick = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  if (!timer) {
    tick = Date.now();
    timer = setInterval(() => {
      tick = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The window's shared clock (epoch ms), ticking every second. */
export function useSharedNow(): number {
  return useSyncExternalStore(subscribe, () => tick);
}

/** The browser's clock (epoch ms), ticking every `intervalMs` (the replay position, which moves between ticks). */
export function useWallClock(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The source's time of the surrounding pane's cluster (see source-clock.ts) on the shared clock: every label of
 * the pane reads the same instant, and a paused replay's time stands still.
 */
export function useNow(): number {
  return sourceTime(useSourceClock(), useSharedNow());
}
