/**
 * The pure half of the change-to-screen benchmark (screen-latency.ts): the value each write puts in a claim's Size
 * cell, the clock offset between the page and this process, and the matching of writes to what the page saw.
 *
 * Times are milliseconds since the Unix epoch with fractions: this process's `performance.timeOrigin +
 * performance.now()`, the page's the same expression in the page. The two clocks are aligned by an offset measured
 * with round trips (chooseClockOffset), not trusted to agree.
 */
import { canonicalQuantity, quantityBytes } from '../../src/shared/quantity';
import { claimSize } from './manifests';
import { percentile } from './stats';

/**
 * The `status.capacity.storage` the m-th write (m >= 1) gives bench claim `index`: its request plus m MiB, as the
 * table shows it (canonicalQuantity, what the store's row builder applies: src/main/store/rows/claims.ts). Above
 * the request, so no "resize pending" finding appears (src/shared/diagnose/claims-other.ts) and the row stays
 * where it is; unique per claim for m < 1024 (a whole GiB would read "6Gi", still unique but less legible).
 */
export function capacityFor(index: number, m: number): string {
  const requestedMi = (quantityBytes(claimSize(index)) ?? 0) / 2 ** 20;
  return canonicalQuantity(`${requestedMi + m}Mi`) ?? `${requestedMi + m}Mi`;
}

/** The capacity half of a Size cell, "5Gi / 5121Mi" -> "5121Mi" (src/renderer/src/tables/column.ts sizePair). */
export function capacityOfCell(text: string): string | undefined {
  const at = text.lastIndexOf(' / ');
  return at < 0 ? undefined : text.slice(at + 3).trim();
}

/** One round trip to the page: this process's time before and after, the page's time read in between. */
export interface ClockSample {
  sentAt: number;
  pageAt: number;
  receivedAt: number;
}

/**
 * page time - our time, from the sample with the shortest round trip (its midpoint is the least uncertain: the
 * page's reading lies within the round trip, so the error is at most half of it). Throws on no samples.
 */
export function chooseClockOffset(samples: readonly ClockSample[]): { offset: number; rtt: number } {
  if (samples.length === 0) throw new Error('no clock samples');
  const best = samples.reduce((a, b) => (b.receivedAt - b.sentAt < a.receivedAt - a.sentAt ? b : a));
  return { offset: best.pageAt - (best.sentAt + best.receivedAt) / 2, rtt: best.receivedAt - best.sentAt };
}

/** One write of the patcher: claim `key` ("namespace/name") gets capacity `capacity`, its m-th value. */
export interface WriteRecord {
  key: string;
  m: number;
  capacity: string;
  /** When the request was started (our clock). */
  sentAt: number;
  /** When the API server answered (our clock); absent if it failed. */
  ackAt?: number;
  /** metadata.resourceVersion of the API server's answer: the order in which it applied the writes to one claim. */
  resourceVersion?: string;
  error?: string;
}

/** The page saw claim `key`'s Size cell read `text` at `at` (page clock). */
export interface Observation {
  at: number;
  key: string;
  text: string;
}

export interface WriteOutcome {
  write: WriteRecord;
  /** When a value at least this new was first in the row (our clock); undefined: never (dropped). */
  shownAt?: number;
  /** The row showed this very value (false: a newer one replaced it before it was drawn, or it never came). */
  exact: boolean;
}

/**
 * The order in which the API server applied the writes to one claim: by the resourceVersion of its answers,
 * which on this lab's API server is etcd's revision of the write, a decimal number (a client must not order
 * resourceVersions in general: API conventions call them opaque; the benchmark knows its server). Writes in
 * flight together can be applied out of the order they were sent in. Without resourceVersions, in sending order.
 */
export function serverOrder(writes: readonly WriteRecord[]): WriteRecord[] {
  const rank = (w: WriteRecord) => (w.resourceVersion !== undefined && /^\d+$/.test(w.resourceVersion) ? BigInt(w.resourceVersion) : undefined);
  return [...writes].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== undefined && rb !== undefined && ra !== rb) return ra < rb ? -1 : 1;
    return a.m - b.m;
  });
}

/**
 * Matches every successful write to the first time its row showed that value or one the API server applied after
 * it (serverOrder). A write replaced before the UI drew it (the UI draws batches) is shown through the newer value,
 * not lost; a write the server applied before an older one that was sent earlier is replaced on the server itself.
 * Values the page saw that no write made (the seeded "5Gi / 5Gi"), or saw before the write that makes them was sent
 * (left by an earlier size's run in the same lab), are ignored.
 */
export function matchWrites(writes: readonly WriteRecord[], observations: readonly Observation[], offset: number): WriteOutcome[] {
  // Each write's place in the server's order of its claim's writes.
  const place = new Map<WriteRecord, number>();
  const byKey = new Map<string, WriteRecord[]>();
  for (const w of writes) if (w.error === undefined) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);
  for (const list of byKey.values()) serverOrder(list).forEach((w, k) => place.set(w, k));
  const writeOf = new Map<string, Map<string, WriteRecord>>();
  for (const w of place.keys()) writeOf.set(w.key, (writeOf.get(w.key) ?? new Map()).set(w.capacity, w));
  const seen = new Map<string, { place: number; at: number }[]>();
  for (const o of observations) {
    const capacity = capacityOfCell(o.text);
    const w = capacity === undefined ? undefined : writeOf.get(o.key)?.get(capacity);
    const at = o.at - offset;
    // The same text before the write was sent is not this write's: an earlier run in the same lab left it.
    if (w === undefined || at < w.sentAt) continue;
    let list = seen.get(o.key);
    if (!list) seen.set(o.key, (list = []));
    list.push({ place: place.get(w) ?? 0, at });
  }
  return writes
    .filter((w) => w.error === undefined)
    .map((write) => {
      const mine = place.get(write) ?? 0;
      let shownAt: number | undefined;
      let exact = false;
      for (const s of seen.get(write.key) ?? []) {
        if (s.place < mine) continue;
        if (s.place === mine) exact = true;
        if (shownAt === undefined || s.at < shownAt) shownAt = s.at;
      }
      return shownAt === undefined ? { write, exact } : { write, shownAt, exact };
    });
}

/** Per claim, the write the API server applied last: what its row must show in the end. */
export function finalWrites(writes: readonly WriteRecord[]): WriteRecord[] {
  const byKey = new Map<string, WriteRecord[]>();
  for (const w of writes) if (w.error === undefined) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w]);
  return [...byKey.values()].map((list) => serverOrder(list)[list.length - 1] as WriteRecord);
}

/** Outcomes whose rows may have been off screen: sent during the scroll, or sent before it and not yet shown. */
export function duringScroll(outcome: WriteOutcome, scroll: { start: number; end: number } | undefined): boolean {
  if (!scroll) return false;
  const { sentAt } = outcome.write;
  if (sentAt >= scroll.start && sentAt <= scroll.end) return true;
  return sentAt < scroll.start && (outcome.shownAt === undefined || outcome.shownAt > scroll.start);
}

export interface LatencySummary {
  /** Writes counted (shown or dropped). */
  writes: number;
  /** Write to screen, ms, from the request's start (the API server's time included). */
  fromSent: Percentiles;
  /** Write to screen, ms, from the API server's answer (what follows the write: watch, store, page, DOM). */
  fromAck: Percentiles;
  /** Writes whose value, or a newer one for that claim, never showed. */
  dropped: number;
  /** Writes shown only through a newer value (replaced within one drawn batch). */
  superseded: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) return { p50: NaN, p95: NaN, max: NaN };
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples) };
}

/** p50, p95 and max of write-to-screen latency (ms) over the shown writes; dropped and superseded counted. */
export function summarizeLatency(outcomes: readonly WriteOutcome[]): LatencySummary {
  const shown = outcomes.flatMap((o) => (o.shownAt === undefined ? [] : [{ shownAt: o.shownAt, write: o.write }]));
  return {
    writes: outcomes.length,
    fromSent: percentiles(shown.map((o) => o.shownAt - o.write.sentAt)),
    fromAck: percentiles(shown.flatMap((o) => (o.write.ackAt === undefined ? [] : [o.shownAt - o.write.ackAt]))),
    dropped: outcomes.filter((o) => o.shownAt === undefined).length,
    superseded: outcomes.filter((o) => o.shownAt !== undefined && !o.exact).length,
  };
}

/** Long tasks (PerformanceObserver 'longtask': main-thread tasks over 50 ms), as [start, duration] pairs in ms. */
export function summarizeLongTasks(tasks: readonly (readonly [number, number])[]): { count: number; totalMs: number; maxMs: number } {
  return { count: tasks.length, totalMs: tasks.reduce((sum, [, d]) => sum + d, 0), maxMs: tasks.reduce((most, [, d]) => Math.max(most, d), 0) };
}
