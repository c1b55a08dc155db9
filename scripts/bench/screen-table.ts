/**
 * The change-to-screen table of docs/benchmarks.md (screen-latency.ts): per machine and N, the time from a claim's
 * API write to its row showing the new value in Chromium, dropped updates, the page's long tasks and the frames of
 * a scroll meanwhile, kept between its own marker comments (upsertTable: a row of the same machine and N is
 * replaced).
 */
import { escapeCell, upsertTable, type TableMarks } from './results-table';
import type { LatencySummary, Percentiles } from './screen-analysis';
import { formatMillis, type FrameStats } from './stats';

export const SCREEN_MARKS: TableMarks = {
  start: '<!-- bench:screen:start (written by npm run bench:screen) -->',
  end: '<!-- bench:screen:end -->',
};

export const SCREEN_HEADER = [
  'Date',
  'Machine',
  'N (claims / pods)',
  'Writes (sent/s, answered/s; rows patched)',
  'Write to screen, from the API answer: p50 / p95 / max',
  'p50 / p50 at the smallest N',
  'Write to screen, from the request: p50 / p95 / max',
  'Dropped (superseded)',
  'Long tasks: count, total, max',
  'Scroll meanwhile: fps (frames over 33 ms)',
  'API write: p50 / p95',
  'Load avg',
];

export interface ScreenRow {
  date: string;
  machine: string;
  n: number;
  seconds: number;
  /** Writes the patcher started, and how many failed. */
  sent: number;
  failed: number;
  /** Writes per second sent (over the time from the first to the last). */
  rate: number;
  /** Writes per second the API server answered (answers over the time from the first write to the last answer). */
  answeredRate: number;
  targets: number;
  /** Writes whose rows were on screen (sent outside the scroll and not in flight when it began). */
  onScreen: LatencySummary;
  /** Every write, including those sent while their rows were scrolled away (dropped counts these too). */
  all: LatencySummary;
  longTasks: { count: number; totalMs: number; maxMs: number };
  scroll: FrameStats & { seconds: number };
  /** The API server's answer time (request started to answered), p50 and p95. */
  ackP50: number;
  ackP95: number;
  loadAverage: number;
}

const ms = (x: number) => (Number.isFinite(x) ? formatMillis(x) : '-');
const triple = (p: Percentiles) => `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}`;

/** The row's cells; `baseline` is the from-answer p50 of the smallest N of the same run (its own row shows 1.00). */
export function renderScreenRow(row: ScreenRow, baseline: number | undefined): string[] {
  const thousands = (x: number) => x.toLocaleString('en-US');
  const fps = row.scroll.seconds > 0 ? row.scroll.frames / row.scroll.seconds : 0;
  return [
    row.date,
    row.machine,
    `${thousands(row.n)} / ${thousands(2 * row.n)}`,
    `${thousands(row.sent)} in ${row.seconds} s (${row.rate.toFixed(1)}/s, ${row.answeredRate.toFixed(1)}/s; ${row.targets} rows)${row.failed > 0 ? `, ${row.failed} failed` : ''}`,
    triple(row.onScreen.fromAck),
    baseline !== undefined && baseline > 0 && Number.isFinite(row.onScreen.fromAck.p50) ? `${(row.onScreen.fromAck.p50 / baseline).toFixed(2)}` : '-',
    triple(row.onScreen.fromSent),
    `${thousands(row.all.dropped)} (${thousands(row.all.superseded)})`,
    `${row.longTasks.count}, ${ms(row.longTasks.totalMs)}, ${ms(row.longTasks.maxMs)}`,
    `${fps.toFixed(1)} (${(row.scroll.over33 * 100).toFixed(1)} %)`,
    `${ms(row.ackP50)} / ${ms(row.ackP95)}`,
    row.loadAverage.toFixed(1),
  ].map(escapeCell);
}

/** The document with these rows merged into the change-to-screen table; the ratio is to the run's smallest N. */
export function upsertScreen(doc: string, rows: readonly ScreenRow[]): string {
  const smallest = [...rows].sort((a, b) => a.n - b.n)[0];
  const baseline = smallest?.onScreen.fromAck.p50;
  return upsertTable(doc, SCREEN_MARKS, SCREEN_HEADER, rows.map((r) => renderScreenRow(r, baseline)));
}
