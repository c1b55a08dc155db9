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
 * A history point's time in ms since the epoch: its `timeMs` when the usage source set it, else its ISO `time`
 * parsed (NaN when unparsable). No cache keyed by point: an earlier WeakMap of parsed times held 2.4 million entries
 * at 10,000 claims x 240 points, and V8's garbage collector then took 35-53 s per pass over the histories.
 */
export function pointTime(p: UsagePoint): number {
  return p.timeMs ?? Date.parse(p.time);
}

/**
 * The least-squares trend of a history (oldest first; points with an unparsable time are skipped), or undefined
 * when there are fewer than TREND_MIN_POINTS points or they span less than TREND_MIN_SPAN_MS.
 */
export function usageTrend(history: readonly UsagePoint[]): UsageTrend | undefined {
  if (history.length < TREND_MIN_POINTS) return undefined;
  // One pass to parse times (the history is oldest first; an out-of-order one is sorted), no per-point objects:
  // the findings run this for every claim on every poll.
  const ts = new Float64Array(history.length);
  const ys = new Float64Array(history.length);
  let n = 0;
  let sorted = true;
  // The capacity of the latest point that reported one.
  let capacityBytes: number | undefined;
  let capacityAt = -Infinity;
  for (const p of history) {
    const t = pointTime(p);
    if (!Number.isFinite(t) || !Number.isFinite(p.usedBytes)) continue;
    if (p.capacityBytes !== undefined && t >= capacityAt) {
      capacityBytes = p.capacityBytes;
      capacityAt = t;
    }
    if (n > 0 && t < ts[n - 1]!) sorted = false;
    ts[n] = t;
    ys[n] = p.usedBytes;
    n += 1;
  }
  if (n < TREND_MIN_POINTS) return undefined;
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ts[a]! - ts[b]!);
    const t2 = order.map((i) => ts[i]!);
    const y2 = order.map((i) => ys[i]!);
    ts.set(t2);
    ys.set(y2);
  }
  const t0 = ts[0]!;
  const y0 = ys[0]!;
  const spanMs = ts[n - 1]! - t0;
  if (spanMs < TREND_MIN_SPAN_MS) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += (ts[i]! - t0) / 1000;
    sy += ys[i]! - y0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (ts[i]! - t0) / 1000 - mx;
    sxy += dx * (ys[i]! - y0 - my);
    sxx += dx * dx;
  }
  const bytesPerSecond = sxx === 0 ? 0 : sxy / sxx;
  const lastUsedBytes = ys[n - 1]!;
  const trend: UsageTrend = { bytesPerSecond, points: n, spanMs, lastAt: ts[n - 1]!, lastUsedBytes };
  if (capacityBytes !== undefined) {
    trend.capacityBytes = capacityBytes;
    if (bytesPerSecond > 0) trend.secondsToFull = Math.max(0, (capacityBytes - lastUsedBytes) / bytesPerSecond);
  }
  return trend;
}

/** Whole days until full, rounded up (at least 1), for "full in about N days"; undefined when not rising. */
export function daysToFull(trend: UsageTrend | undefined): number | undefined {
  if (trend?.secondsToFull === undefined) return undefined;
  return Math.max(1, Math.ceil(trend.secondsToFull / 86_400));
}
