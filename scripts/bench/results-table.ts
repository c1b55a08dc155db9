/**
 * The results table of docs/benchmarks.md: one row per (machine, N), rendered from measured numbers and kept
 * between two marker comments, so a new run replaces its own row and leaves the others (other sizes, other
 * machines) and the prose around the table alone.
 */
import { formatKib, formatMillis, formatRatio, median } from './stats';

export interface SizeResult {
  date: string;
  machine: string;
  /** 1-minute load average while measuring: this machine is shared, so numbers are comparable only at like load. */
  loadAverage: number;
  n: number;
  counts: { pvs: number; pvcs: number; pods: number };
  /** Seeding time of this size (from empty, summed over the increments that built it). */
  seedMillis: number;
  /** Pods Running when measuring, of all bench pods. */
  podsRunning: number;
  claimsBound: number;
  runs: number;
  /** `kse contexts` wall times: process start and module loading, the sync's fixed cost. */
  kseStartup: number[];
  kseWall: number[];
  kseReported: number[];
  kseRssKib: number[];
  kubectlWall: number[];
  kubectlRssKib: number[];
  /** The raw paged list (raw-list.ts), identity encoding, in-process wall times: the server's floor. */
  rawList: number[];
  /** The same with gzip, as kse asks for a LIST (logged and in the notes, not a column). */
  rawListGzip: number[];
  store: {
    syncMillis: number;
    firstPageMillis: number;
    filteredSortedColdMillis: number;
    filteredSortedWarmMillis: number;
    updateApplyMillis: number;
    updateThenPageMillis: number;
    watchDelayMillis: number;
    /** What the store holds per object: heap growth from empty to synced over the objects it holds, bytes. */
    heapBytesPerObject: number;
  };
}

export const START_MARK = '<!-- bench:results:start (written by npm run bench) -->';
export const END_MARK = '<!-- bench:results:end -->';

export const HEADER = [
  'Date',
  'Machine',
  'N (PVs / PVCs / pods)',
  'Seeding',
  'Pods Running / claims Bound',
  'kse sync, whole command',
  'kse sync, reported',
  'kse start-up (kse contexts)',
  'kubectl get -o json',
  'Ratio kse / kubectl (whole; reported)',
  'raw paged list',
  'Ratio kse / raw (reported)',
  'kse peak RSS (max)',
  'kubectl peak RSS',
  'Store: heap per object',
  'Store: first page (diagnose all)',
  'Store: filtered + sorted claims page (cold; warm)',
  'Store: one update + that page',
  'Watch delay (patch to store)',
  'Load avg',
];

/** The columns issue 13 item 5 added (the raw floor, bytes per object). */
const ADDED_FOR_RAW = new Set(['raw paged list', 'Ratio kse / raw (reported)', 'Store: heap per object']);

/** The header before issue 13 item 5: its rows are kept, the new cells empty. */
export const HEADER_BEFORE_RAW = HEADER.filter((column) => !ADDED_FOR_RAW.has(column));

export const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRow(r: SizeResult): string[] {
  const kseWall = median(r.kseWall);
  const kseReported = median(r.kseReported);
  const kubectl = median(r.kubectlWall);
  const raw = median(r.rawList);
  const thousands = (x: number) => x.toLocaleString('en-US');
  return [
    r.date,
    r.machine,
    `${thousands(r.n)} (${thousands(r.counts.pvs)} / ${thousands(r.counts.pvcs)} / ${thousands(r.counts.pods)})`,
    formatMillis(r.seedMillis),
    `${thousands(r.podsRunning)} / ${thousands(r.claimsBound)}`,
    formatMillis(kseWall),
    formatMillis(kseReported),
    formatMillis(median(r.kseStartup)),
    formatMillis(kubectl),
    `${formatRatio(kseWall, kubectl)}; ${formatRatio(kseReported, kubectl)}`,
    formatMillis(raw),
    formatRatio(kseReported, raw),
    `${formatKib(median(r.kseRssKib))} (${formatKib(Math.max(...r.kseRssKib))})`,
    formatKib(median(r.kubectlRssKib)),
    `${thousands(Math.round(r.store.heapBytesPerObject))} B`,
    formatMillis(r.store.firstPageMillis),
    `${formatMillis(r.store.filteredSortedColdMillis)}; ${formatMillis(r.store.filteredSortedWarmMillis)}`,
    `${formatMillis(r.store.updateApplyMillis)} + ${formatMillis(r.store.updateThenPageMillis)}`,
    formatMillis(r.store.watchDelayMillis),
    r.loadAverage.toFixed(1),
  ].map(escapeCell);
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** Splits a table line into cells (escaped pipes stay inside their cell). */
function cellsOf(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());
}

/** The two comments a results table sits between. */
export interface TableMarks {
  start: string;
  end: string;
}

const RESULT_MARKS: TableMarks = { start: START_MARK, end: END_MARK };

/** Rows already in the document between the markers, header and separator excluded. */
export function existingRows(doc: string, marks: TableMarks = RESULT_MARKS): string[][] {
  const start = doc.indexOf(marks.start);
  const end = doc.indexOf(marks.end);
  if (start < 0 || end < start) return [];
  return doc
    .slice(start + marks.start.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .slice(2)
    .map(cellsOf);
}

/**
 * The document with `fresh` rows merged into the table between `marks`: a row with the same machine (column 2)
 * and N (the first word of column 3) is replaced, others kept; rows sorted by machine, then N. Without markers
 * the table is appended at the end.
 */
export function upsertTable(doc: string, marks: TableMarks, header: readonly string[], fresh: readonly string[][], olderHeaders: readonly (readonly string[])[] = []): string {
  const key = (cells: readonly string[]) => `${cells[1]}\u0000${(cells[2] ?? '').split(' ')[0]}`;
  const replaced = new Set(fresh.map(key));
  const kept = existingRows(doc, marks)
    .map((cells) => (cells.length === header.length ? cells : migrateRow(cells, olderHeaders, header)))
    .filter((cells): cells is string[] => cells !== undefined && !replaced.has(key(cells)));
  const nOf = (cells: readonly string[]) => Number((cells[2] ?? '').split(' ')[0]?.replace(/,/g, ''));
  const rows = [...kept, ...fresh].sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? '') || nOf(a) - nOf(b));
  const table = [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  const block = `${marks.start}\n${table}\n${marks.end}`;
  const start = doc.indexOf(marks.start);
  const end = doc.indexOf(marks.end);
  if (start < 0 || end < start) return `${doc.replace(/\n*$/, '\n\n')}${block}\n`;
  return `${doc.slice(0, start)}${block}${doc.slice(end + marks.end.length)}`;
}

/**
 * A row written under an older header, its cells moved under `header` by column name (columns the old header
 * lacked are empty); undefined when no older header has its number of cells.
 */
export function migrateRow(cells: readonly string[], olderHeaders: readonly (readonly string[])[], header: readonly string[]): string[] | undefined {
  const older = olderHeaders.find((h) => h.length === cells.length);
  if (!older) return undefined;
  return header.map((name) => {
    const at = older.indexOf(name);
    return at < 0 ? '' : (cells[at] ?? '');
  });
}

/** The document with `results` merged into its sync and store table (see upsertTable). */
export function upsertResults(doc: string, results: readonly SizeResult[]): string {
  return upsertTable(doc, RESULT_MARKS, HEADER, results.map(renderRow), [HEADER_BEFORE_RAW]);
}
