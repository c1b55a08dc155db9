/**
 * The cluster source's clock. A recording or snapshot carries its own "now" (ClusterStatus.sourceNow); ages and
 * "2m ago" labels are computed against it, so the demo reads as it did when it was captured instead of "400d".
 * The offset is taken once per status fetch and then ticks with the browser's clock, except while a replay is
 * paused or has ended: then the recording's time stands still, and so do the ages it shows.
 */
import { createContext, useContext } from 'react';
import type { ReplayState } from '../../../shared/model/status';

/** Milliseconds to add to Date.now() to get the source's time; 0 when unknown or unparsable. */
export function sourceClockOffset(sourceNow: string | undefined, fetchedAt: number): number {
  if (!sourceNow || !Number.isFinite(fetchedAt) || fetchedAt <= 0) return 0;
  const source = Date.parse(sourceNow);
  return Number.isNaN(source) ? 0 : source - fetchedAt;
}

/** A pane's source clock: the offset from the browser's clock, or a time it stands still at (epoch ms). */
export interface SourceClock {
  offset: number;
  frozenAt?: number;
}

/** The clock of a status fetched at `fetchedAt`: frozen at the source's time while its replay does not play. */
export function sourceClock(status: { sourceNow?: string; replay?: Pick<ReplayState, 'playing'> } | undefined, fetchedAt: number): SourceClock {
  const offset = sourceClockOffset(status?.sourceNow, fetchedAt);
  if (status?.replay && !status.replay.playing && offset !== 0) return { offset, frozenAt: fetchedAt + offset };
  return { offset };
}

/** The source's time when the browser's clock reads `wall` (epoch ms). */
export function sourceTime(clock: SourceClock, wall: number): number {
  return clock.frozenAt ?? wall + clock.offset;
}

/** The clock of the cluster shown in this pane (outside any pane: the wall clock). */
export const SourceClockContext = createContext<SourceClock>({ offset: 0 });

export function useSourceClock(): SourceClock {
  return useContext(SourceClockContext);
}
