import { describe, expect, it } from 'vitest';
import { heapPerObject, heapUsedAfterGc } from './heap';

describe('heapPerObject', () => {
  it('is zero for no objects', () => {
    expect(heapPerObject([])).toEqual({ count: 0, heapBytes: 0, jsonBytes: 0 });
  });

  it('measures what parsed copies hold: about their strings for objects of one long string', () => {
    const objects = Array.from({ length: 5000 }, (_, i) => ({ text: `${i}`.padEnd(1000, 'x') }));
    const measured = heapPerObject(objects);
    expect(measured.count).toBe(5000);
    expect(measured.jsonBytes).toBe(1011);
    // 1,000 one-byte characters plus the string's and the object's headers.
    expect(measured.heapBytes).toBeGreaterThan(1000);
    expect(measured.heapBytes).toBeLessThan(1300);
  });
});

describe('heapUsedAfterGc', () => {
  const strings = () => Array.from({ length: 20_000 }, (_, i) => `${i}`.padEnd(500, 'y'));

  it('counts what is still referenced', () => {
    const before = heapUsedAfterGc();
    const held = strings();
    const during = heapUsedAfterGc();
    expect(held).toHaveLength(20_000);
    expect(during).toBeGreaterThan(before + 5_000_000);
  });

  it('collects what is no longer referenced', () => {
    const before = heapUsedAfterGc();
    expect(strings()).toHaveLength(20_000);
    expect(heapUsedAfterGc()).toBeLessThan(before + 2_000_000);
  });
});
