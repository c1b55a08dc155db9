import { describe, expect, it } from 'vitest';
import { parseQuantity, storageBytes } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['1Gi', 2 ** 30],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['500M', 5e8],
    ['100Mi', 100 * 2 ** 20],
    ['1e3', 1000],
    ['2E', 2e18],
    ['1k', 1000],
    ['100m', 0.1],
    ['42', 42],
  ])('%s is %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value);
  });

  it.each(['', 'Gi', '1GB', '1 Gi', 'ten'])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it('compares sizes across units as the PV controller does', () => {
    expect(storageBytes({ storage: '1G' })! < storageBytes({ storage: '1Gi' })!).toBe(true);
    expect(storageBytes(undefined)).toBeUndefined();
  });
});
