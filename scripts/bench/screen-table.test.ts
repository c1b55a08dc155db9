import { describe, expect, it } from 'vitest';
import { existingRows } from './results-table';
import { renderScreenRow, SCREEN_HEADER, SCREEN_MARKS, upsertScreen, type ScreenRow } from './screen-table';

const summary = (p50: number) => ({
  writes: 5000,
  fromSent: { p50: p50 + 20, p95: 300, max: 900 },
  fromAck: { p50, p95: 250, max: 800 },
  dropped: 0,
  superseded: 12,
});

const base: ScreenRow = {
  date: '2026-12-02',
  machine: '2 cores, 24 GiB',
  n: 1000,
  seconds: 60,
  sent: 6000,
  failed: 0,
  rate: 99.96,
  answeredRate: 61.23,
  targets: 29,
  onScreen: summary(100),
  all: summary(110),
  longTasks: { count: 3, totalMs: 210, maxMs: 90 },
  scroll: { frames: 590, median: 16.7, p95: 18, max: 50, over33: 0.012, seconds: 10 },
  ackP50: 12,
  ackP95: 40,
  loadAverage: 6.25,
};

describe('the change-to-screen table', () => {
  it('renders a row: rates, percentiles from the answer and the request, ratio, drops, long tasks, fps', () => {
    expect(renderScreenRow(base, 100)).toEqual([
      '2026-12-02',
      '2 cores, 24 GiB',
      '1,000 / 2,000',
      '6,000 in 60 s (100.0/s, 61.2/s; 29 rows)',
      '100 ms / 250 ms / 800 ms',
      '1.00',
      '120 ms / 300 ms / 900 ms',
      '0 (12)',
      '3, 210 ms, 90 ms',
      '59.0 (1.2 %)',
      '12 ms / 40 ms',
      '6.3',
    ]);
    expect(renderScreenRow(base, 100)).toHaveLength(SCREEN_HEADER.length);
  });
  it('shows failed writes, and a dash where nothing was shown', () => {
    const none = { ...summary(NaN), fromAck: { p50: NaN, p95: NaN, max: NaN } };
    const cells = renderScreenRow({ ...base, failed: 4, onScreen: none }, 100);
    expect(cells[3]).toBe('6,000 in 60 s (100.0/s, 61.2/s; 29 rows), 4 failed');
    expect(cells[4]).toBe('- / - / -');
    expect(cells[5]).toBe('-');
  });
  it('the ratio is to the smallest N of the run, and rows of the same machine and N are replaced', () => {
    const doc = upsertScreen('# Benchmarks\n', [{ ...base, n: 10000, onScreen: summary(130) }, base]);
    const rows = existingRows(doc, SCREEN_MARKS);
    expect(rows.map((r) => [r[2], r[5]])).toEqual([['1,000 / 2,000', '1.00'], ['10,000 / 20,000', '1.30']]);
    const again = upsertScreen(doc, [{ ...base, date: '2026-12-03' }]);
    expect(existingRows(again, SCREEN_MARKS).map((r) => [r[0], r[2]])).toEqual([['2026-12-03', '1,000 / 2,000'], ['2026-12-02', '10,000 / 20,000']]);
  });
});
