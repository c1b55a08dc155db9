import { describe, expect, it } from 'vitest';
import { COLD_START_HEADER, COLD_START_MARKS, renderColdStartRow, upsertColdStart, type ColdStartRow } from './cold-start-table';
import { claimsOnScreen } from './k9s';
import { upsertResults } from './results-table';

const base: ColdStartRow = {
  date: '2026-11-30',
  machine: '2 cores, 24 GiB',
  n: 2000,
  loadAverage: 4.2,
  result: {
    kse: [
      { urlMillis: 300, claimsMillis: 1500 },
      { urlMillis: 250, claimsMillis: 1200 },
      { urlMillis: 350, claimsMillis: 1800 },
    ],
    k9s: { version: 'v0.50.16', millis: [700, 600, 650] },
  },
};

describe('the cold start table', () => {
  it('shows medians with their spread, and kse over k9s', () => {
    const row = renderColdStartRow(base);
    expect(row).toHaveLength(COLD_START_HEADER.length);
    expect(row.slice(2)).toEqual(['2,000', '3', '300 ms', '1.50 s (1.20 s-1.80 s)', '650 ms (600 ms-700 ms), v0.50.16', '2.31×', '4.2']);
  });

  it('says why k9s is missing instead of leaving a blank', () => {
    const row = renderColdStartRow({ ...base, result: { ...base.result, k9s: { skipped: 'k9s v0.50.16 could not be built: go could not be run | sh' } } });
    expect(row[6]).toBe('skipped: k9s v0.50.16 could not be built: go could not be run \\| sh');
    expect(row[7]).toBe('-');
  });

  it('lives between its own markers, beside the sync table, and replaces only its own machine and N', () => {
    const doc = upsertColdStart('# Benchmarks\n', [base, { ...base, n: 10_000 }]);
    expect(doc).toContain(COLD_START_MARKS.start);
    const again = upsertColdStart(doc, [{ ...base, date: '2026-12-01' }]);
    expect(again.match(/2026-12-01/g)).toHaveLength(1);
    expect(again).toContain('| 10,000 |');
    expect(again).not.toMatch(/2026-11-30 \| 2 cores, 24 GiB \| 2,000 /);
    // The other table's markers are not this table's: writing one leaves the other alone.
    expect(upsertResults(again, [])).toContain(COLD_START_MARKS.end);
  });
});

describe('reading k9s from its screen', () => {
  it('finds the claims count in the table title', () => {
    expect(claimsOnScreen(' ┌──── persistentvolumeclaims(all)[2,143] ────┐')).toBe(2143);
    expect(claimsOnScreen(' ┌──── PersistentVolumeClaims(all)[10,000] ────┐')).toBe(10000);
    expect(claimsOnScreen(' persistentvolumeclaims(all)[0] ')).toBe(0);
    expect(claimsOnScreen('Pods(all)[12]')).toBeUndefined();
  });
});
