/**
 * The cluster source's clock. A recording or snapshot carries its own "now" (ClusterStatus.sourceNow); ages and
 * "2m ago" labels are computed against it, so the demo reads as it did when it was captured instead of "400d".
 * The offset is taken once per status fetch and then ticks with the browser's clock.
 */
import { createContext, useContext } from 'react';

/** Milliseconds to add to Date.now() to get the source's time; 0 when unknown or unparsable. */
export function sourceClockOffset(sourceNow: string | undefined, fetchedAt: number): number {
  if (!sourceNow || !Number.isFinite(fetchedAt) || fetchedAt <= 0) return 0;
  const source = Date.parse(sourceNow);
  return Number.isNaN(source) ? 0 : source - fetchedAt;
}

/** The offset of the cluster shown in this pane (0 outside any pane: the wall clock). */
export const SourceClockContext = createContext(0);

export function useSourceClockOffset(): number {
  return useContext(SourceClockContext);
}
