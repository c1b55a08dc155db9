/** Small numeric helpers for benchmark summaries. */

/** The median (mean of the middle two for an even count). Throws on no samples: a missing number must not read as 0. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds for people: "850 ms", "3.4 s", "2 min 05 s". */
export function formatMillis(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}

/** Kibibytes as MiB, one decimal. */
export function formatKib(kib: number): string {
  return `${(kib / 1024).toFixed(1)} MiB`;
}

/** "1.84×" (a over b). */
export function formatRatio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/**
 * The q-quantile by nearest rank (0 < q <= 1): the smallest sample with at least q of the samples at or below it,
 * so p95 of 100 samples is the 95th smallest and the max is q = 1. Throws on no samples, like median.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(q > 0 && q <= 1)) throw new Error(`percentile: q must be in (0, 1], got ${q}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

/** Frame times (requestAnimationFrame deltas, ms) summarised: count, median, p95, max, share over two 60 Hz frames. */
export interface FrameStats {
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** Share (0-1) of frames longer than 33.4 ms: at least one frame of a 60 Hz display missed. */
  over33: number;
}

export function frameStats(deltas: readonly number[]): FrameStats {
  if (deltas.length === 0) return { frames: 0, median: 0, p95: 0, max: 0, over33: 0 };
  return {
    frames: deltas.length,
    median: percentile(deltas, 0.5),
    p95: percentile(deltas, 0.95),
    max: Math.max(...deltas),
    over33: deltas.filter((d) => d > 33.4).length / deltas.length,
  };
}
