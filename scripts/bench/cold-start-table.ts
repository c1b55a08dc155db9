/**
 * The cold start table of docs/benchmarks.md: per machine and N, the time from starting the process to the full
 * claims list on screen, kse web in Chromium beside k9s in tmux, kept between its own marker comments.
 */
import type { ColdStartResult } from './cold-start';
import { escapeCell, upsertTable, type TableMarks } from './results-table';
import { formatMillis, formatRatio, median } from './stats';

export const COLD_START_MARKS: TableMarks = {
  start: '<!-- bench:cold-start:start (written by npm run bench) -->',
  end: '<!-- bench:cold-start:end -->',
};

export const COLD_START_HEADER = [
  'Date',
  'Machine',
  'N (claims)',
  'Runs',
  'kse web: URL printed',
  'kse web: full Claims table in Chromium (min-max)',
  'k9s: full claims list (min-max)',
  'Ratio kse / k9s',
  'Load avg',
];

export interface ColdStartRow {
  date: string;
  machine: string;
  n: number;
  loadAverage: number;
  result: ColdStartResult;
}

const spread = (samples: readonly number[]) => `${formatMillis(median(samples))} (${formatMillis(Math.min(...samples))}-${formatMillis(Math.max(...samples))})`;

export function renderColdStartRow(row: ColdStartRow): string[] {
  const kse = row.result.kse.map((run) => run.claimsMillis);
  const { k9s } = row.result;
  const k9sCell = 'skipped' in k9s ? `skipped: ${k9s.skipped}` : `${spread(k9s.millis)}, ${k9s.version}`;
  const ratio = 'skipped' in k9s || k9s.millis.length === 0 ? '-' : formatRatio(median(kse), median(k9s.millis));
  return [
    row.date,
    row.machine,
    row.n.toLocaleString('en-US'),
    String(kse.length),
    formatMillis(median(row.result.kse.map((run) => run.urlMillis))),
    spread(kse),
    k9sCell,
    ratio,
    row.loadAverage.toFixed(1),
  ].map(escapeCell);
}

export function upsertColdStart(doc: string, rows: readonly ColdStartRow[]): string {
  return upsertTable(doc, COLD_START_MARKS, COLD_START_HEADER, rows.map(renderColdStartRow));
}
