/** A ticking "now" so freshness labels ("2s ago") move without refetching anything. */
import { useEffect, useState } from 'react';
import { useSourceClockOffset } from './source-clock';

/** The source's time of the surrounding pane's cluster (see source-clock.ts), ticking every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const offset = useSourceClockOffset();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now + offset;
}
