import { describe, expect, it } from 'vitest';
import { END_MARK, existingRows, HEADER, renderRow, START_MARK, upsertResults, type SizeResult } from './results-table';

const base: SizeResult = {
  date: '2026-11-28',
  machine: '2 cores',
  loadAverage: 3.14,
  n: 2000,
  counts: { pvs: 2001, pvcs: 2000, pods: 4003 },
  seedMillis: 42_000,
  podsRunning: 4000,
  claimsBound: 2000,
  runs: 3,
  kseStartup: [700, 800, 900],
  kseWall: [3000, 2000, 2500],
  kseReported: [1200, 1000, 1100],
  kseRssKib: [200 * 1024, 220 * 1024, 210 * 1024],
  kubectlWall: [1000, 1500, 1250],
  kubectlRssKib: [100 * 1024, 100 * 1024, 100 * 1024],
  store: { syncMillis: 900, firstPageMillis: 400, filteredSortedColdMillis: 30, filteredSortedWarmMillis: 2, updateApplyMillis: 0.4, updateThenPageMillis: 12, watchDelayMillis: 15 },
};

describe('renderRow', () => {
  it('shows medians, both ratios and the worst RSS', () => {
    const row = renderRow(base);
    expect(row).toHaveLength(HEADER.length);
    expect(row[2]).toBe('2,000 (2,001 / 2,000 / 4,003)');
    expect(row[5]).toBe('2.50 s');
    expect(row[6]).toBe('1.10 s');
    expect(row[7]).toBe('800 ms');
    expect(row[8]).toBe('1.25 s');
    expect(row[9]).toBe('2.00×; 0.88×');
    expect(row[10]).toBe('210.0 MiB (220.0 MiB)');
    expect(row[14]).toBe('0.40 ms + 12 ms');
    expect(row[16]).toBe('3.1');
  });
});

describe('upsertResults', () => {
  const doc = `# Benchmarks\n\nProse before.\n\n${START_MARK}\n${END_MARK}\n\nProse after.\n`;

  it('writes the table between the markers, prose untouched', () => {
    const out = upsertResults(doc, [base]);
    expect(out.startsWith('# Benchmarks\n\nProse before.\n\n')).toBe(true);
    expect(out.endsWith('\n\nProse after.\n')).toBe(true);
    expect(existingRows(out)).toEqual([renderRow(base)]);
  });

  it('replaces the row of the same machine and N, keeps the others, sorted by N', () => {
    const first = upsertResults(doc, [{ ...base, n: 10000 }, base]);
    const second = upsertResults(first, [{ ...base, kseWall: [9000] }]);
    const rows = existingRows(second);
    expect(rows.map((r) => r[2]?.split(' ')[0])).toEqual(['2,000', '10,000']);
    expect(rows[0]?.[5]).toBe('9.00 s');
    const otherMachine = existingRows(upsertResults(second, [{ ...base, machine: '8 cores' }]));
    expect(otherMachine).toHaveLength(3);
  });

  it('appends the table when the markers are missing', () => {
    const out = upsertResults('# Benchmarks\n', [base]);
    expect(out).toContain(`# Benchmarks\n\n${START_MARK}\n| Date |`);
    expect(existingRows(out)).toHaveLength(1);
  });

  it('keeps pipes inside a cell', () => {
    const out = upsertResults(doc, [{ ...base, machine: 'a | b' }]);
    expect(existingRows(out)[0]?.[1]).toBe('a \\| b');
    expect(existingRows(upsertResults(out, [{ ...base, machine: 'a | b' }]))).toHaveLength(1);
  });
});
