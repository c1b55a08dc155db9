/** A ticking "now" so freshness labels ("2s ago") move without refetching anything. */
import { useEffect, useState } from 'react';
import { useSourceClockOffset } from './source-clock';

/** The browser's clock (epoch ms), ticking every `intervalMs`. */
export function useWallClock(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The source's time of the surrounding pane's cluster (see source-clock.ts), ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  return useWallClock(intervalMs) + useSourceClockOffset();
}
