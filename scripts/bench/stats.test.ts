import { describe, expect, it } from 'vitest';
import { formatKib, formatMillis, formatRatio, median } from './stats';

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
