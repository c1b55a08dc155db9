/**
 * The cluster source's clock. A recording or snapshot carries its own "now" (ClusterStatus.sourceNow); ages and
 * "2m ago" labels are computed against it, so the demo reads as it did when it was captured instead of "400d".
 * The offset is taken once per status fetch and then ticks with the browser's clock, except while a replay is
 * paused or has ended: then the recording's time stands still, and so do the ages it shows.
 */
import { createContext, useContext } from 'react';
import type { ReplayState, SourceType } from '../../../shared/model/status';
import type { MessageKey } from '../i18n/i18n';

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
  /** A snapshot: its time is the capture's (see CAPTURE_WORDING). */
  captured?: boolean;
}

/**
 * The clock of a status fetched at `fetchedAt`: frozen at the source's time while its replay does not play, and
 * always for a snapshot (`captured`: ages and "ago" count back from its capture, which does not move while it is
 * read, and are worded "before capture", see CAPTURE_WORDING).
 */
export function sourceClock(
  status: { sourceNow?: string; replay?: Pick<ReplayState, 'playing'>; source?: SourceType } | undefined,
  fetchedAt: number,
): SourceClock {
  const offset = sourceClockOffset(status?.sourceNow, fetchedAt);
  if (status?.source === 'snapshot' && offset !== 0) return { offset, frozenAt: fetchedAt + offset, captured: true };
  if (status?.replay && !status.replay.playing && offset !== 0) return { offset, frozenAt: fetchedAt + offset };
  return { offset };
}

/**
 * How a snapshot's pane words freshness: «4 мин до снимка» / "4m before capture" rather than «назад», which read as
 * "before now" to a user opening a customer's snapshot days later (trial 7). Used with SwappedMessages.
 */
export const CAPTURE_WORDING = { 'time.ago': 'time.beforeCapture', 'time.now': 'time.atCapture' } as const satisfies Partial<Record<MessageKey, MessageKey>>;

/** The source's time when the browser's clock reads `wall` (epoch ms). */
export function sourceTime(clock: SourceClock, wall: number): number {
  return clock.frozenAt ?? wall + clock.offset;
}

/** The clock of the cluster shown in this pane (outside any pane: the wall clock). */
export const SourceClockContext = createContext<SourceClock>({ offset: 0 });

export function useSourceClock(): SourceClock {
  return useContext(SourceClockContext);
}
