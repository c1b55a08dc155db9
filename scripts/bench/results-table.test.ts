import { describe, expect, it } from 'vitest';
import { END_MARK, existingRows, HEADER, HEADER_BEFORE_RAW, migrateRow, renderRow, START_MARK, upsertResults, type SizeResult } from './results-table';

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
  rawList: [500, 400, 450],
  rawListGzip: [900, 800, 850],
  store: { syncMillis: 900, firstPageMillis: 400, filteredSortedColdMillis: 30, filteredSortedWarmMillis: 2, updateApplyMillis: 0.4, updateThenPageMillis: 12, watchDelayMillis: 15, heapBytesPerObject: 2345.6 },
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
    expect(row[10]).toBe('450 ms');
    expect(row[11]).toBe('2.44×');
    expect(row[12]).toBe('210.0 MiB (220.0 MiB)');
    expect(row[14]).toBe('2,346 B');
    expect(row[17]).toBe('0.40 ms + 12 ms');
    expect(row[19]).toBe('3.1');
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

  it('keeps rows written before the raw floor, their new cells empty', () => {
    const old = ['2026-11-30', '2 cores', '10,000 (1 / 2 / 3)', 's', 'p', 'w', 'r', 'c', 'k', 'ratio', 'rss', 'krss', 'fp', 'fs', 'up', 'wd', '5.9'];
    expect(old).toHaveLength(HEADER_BEFORE_RAW.length);
    const oldDoc = `${START_MARK}\n| ${HEADER_BEFORE_RAW.join(' | ')} |\n| ${HEADER_BEFORE_RAW.map(() => '---').join(' | ')} |\n| ${old.join(' | ')} |\n${END_MARK}\n`;
    const rows = existingRows(upsertResults(oldDoc, [base]));
    expect(rows).toHaveLength(2);
    const migrated = rows[1];
    expect(migrated).toHaveLength(HEADER.length);
    expect(migrated?.slice(8, 13)).toEqual(['k', 'ratio', '', '', 'rss']);
    expect(migrated?.[14]).toBe('');
    expect(migrated?.[19]).toBe('5.9');
  });

  it('drops a row that fits no known header', () => {
    expect(migrateRow(['a', 'b'], [HEADER_BEFORE_RAW], HEADER)).toBeUndefined();
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
