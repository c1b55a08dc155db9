import { describe, expect, it } from 'vitest';
import { formatKib, formatMillis, formatRatio, frameStats, median, percentile } from './stats';

describe('median', () => {
  it('takes the middle of an odd count whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
  it('refuses no samples', () => {
    expect(() => median([])).toThrow(/no samples/);
  });
});

describe('formatting', () => {
  it('milliseconds by magnitude', () => {
    expect(formatMillis(0.123)).toBe('0.12 ms');
    expect(formatMillis(4.56)).toBe('4.6 ms');
    expect(formatMillis(850.4)).toBe('850 ms');
    expect(formatMillis(3421)).toBe('3.42 s');
    expect(formatMillis(12_340)).toBe('12.3 s');
    expect(formatMillis(125_000)).toBe('2 min 05 s');
  });
  it('memory and ratios', () => {
    expect(formatKib(204_800)).toBe('200.0 MiB');
    expect(formatRatio(3, 2)).toBe('1.50×');
  });
});

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, k) => 100 - k);
  it('p50, p95 and the max of 1..100 in any order', () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile(hundred, 1)).toBe(100);
  });
  it('one sample is every percentile; none and a bad q are refused', () => {
    expect(percentile([7], 0.95)).toBe(7);
    expect(() => percentile([], 0.5)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/q must be/);
  });
});

describe('frameStats', () => {
  it('summarises rAF deltas and the share over two 60 Hz frames', () => {
    expect(frameStats([16.7, 16.7, 16.6, 50])).toEqual({ frames: 4, median: 16.7, p95: 50, max: 50, over33: 0.25 });
    expect(frameStats([])).toEqual({ frames: 0, median: 0, p95: 0, max: 0, over33: 0 });
  });
});
