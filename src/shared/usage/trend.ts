/**
 * How fast a volume fills: an ordinary least-squares line through its kept history (usedBytes over time), and
 * when that line reaches the capacity. Pure; the history comes from the usage source (the last 2 h by default, in
 * memory), so a trend says what was seen in that window, nothing older.
 *
 * Units: times are ISO 8601 strings in, milliseconds since the epoch out; the rate is bytes per second; the
 * time to full is seconds. Sizes are whole bytes; the fit itself is done in floating point over times relative to
 * the first point (seconds) and bytes relative to the first value, which keeps the sums well inside 2^53.
 */
import type { UsagePoint } from '../model/usage';

/** Fewer points than this, or a shorter span, and no trend is claimed (noise, or one poll's jump). */
export const TREND_MIN_POINTS = 3;
export const TREND_MIN_SPAN_MS = 60_000;

export interface UsageTrend {
  /** Slope of the fitted line, bytes per second (negative when the volume empties). */
  bytesPerSecond: number;
  /** Points fitted. */
  points: number;
  /** Time covered by them, ms. */
  spanMs: number;
  /** The last point's time, ms since the epoch, and its used bytes. */
  lastAt: number;
  lastUsedBytes: number;
  /** Capacity at the last point that reported one, bytes. */
  capacityBytes?: number;
  /**
   * Seconds from the last point until full at the fitted rate, counted from the last measured value: present
   * only when the trend rises and the capacity is known (0 when already full).
   */
  secondsToFull?: number;
}

/**
 * The least-squares trend of a history (oldest first; points with an unparsable time are skipped), or undefined
 * when there are fewer than TREND_MIN_POINTS points or they span less than TREND_MIN_SPAN_MS.
 */
export function usageTrend(history: readonly UsagePoint[]): UsageTrend | undefined {
  const pts = history
    .map((p) => ({ t: Date.parse(p.time), y: p.usedBytes, c: p.capacityBytes }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.y))
    .sort((a, b) => a.t - b.t);
  if (pts.length < TREND_MIN_POINTS) return undefined;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const spanMs = last.t - first.t;
  if (spanMs < TREND_MIN_SPAN_MS) return undefined;
  const n = pts.length;
  let sx = 0;
  let sy = 0;
  for (const p of pts) {
    sx += (p.t - first.t) / 1000;
    sy += p.y - first.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    const dx = (p.t - first.t) / 1000 - mx;
    sxy += dx * (p.y - first.y - my);
    sxx += dx * dx;
  }
  const bytesPerSecond = sxx === 0 ? 0 : sxy / sxx;
  const capacityBytes = [...pts].reverse().find((p) => p.c !== undefined)?.c;
  const trend: UsageTrend = { bytesPerSecond, points: n, spanMs, lastAt: last.t, lastUsedBytes: last.y };
  if (capacityBytes !== undefined) {
    trend.capacityBytes = capacityBytes;
    if (bytesPerSecond > 0) trend.secondsToFull = Math.max(0, (capacityBytes - last.y) / bytesPerSecond);
  }
  return trend;
}

/** Whole days until full, rounded up (at least 1), for "full in about N days"; undefined when not rising. */
export function daysToFull(trend: UsageTrend | undefined): number | undefined {
  if (trend?.secondsToFull === undefined) return undefined;
  return Math.max(1, Math.ceil(trend.secondsToFull / 86_400));
}
