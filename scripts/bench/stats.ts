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
