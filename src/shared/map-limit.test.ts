import { describe, expect, it } from 'vitest';
import { mapWithLimit } from './map-limit';

describe('mapWithLimit', () => {
  it('never has more than `limit` calls in flight, and keeps the order of the items', async () => {
    let inFlight = 0;
    let most = 0;
    const resolvers: (() => void)[] = [];
    const run = mapWithLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => resolvers.push(resolve));
      inFlight -= 1;
      return n * 10;
    });
    // Finish the calls one at a time, last started first: a free slot takes the next item at once.
    while (resolvers.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      resolvers.pop()?.();
    }
    expect(await run).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('a slow item does not hold up the others', async () => {
    const order: number[] = [];
    let releaseSlow: () => void = () => undefined;
    const run = mapWithLimit([0, 1, 2, 3], 2, async (n) => {
      if (n === 0) await new Promise<void>((resolve) => (releaseSlow = resolve));
      order.push(n);
      if (n === 3) releaseSlow();
      return n;
    });
    expect(await run).toEqual([0, 1, 2, 3]);
    expect(order).toEqual([1, 2, 3, 0]);
  });

  it('refuses a limit below one and handles no items', async () => {
    await expect(mapWithLimit([1], 0, async (n) => n)).rejects.toThrow(RangeError);
    expect(await mapWithLimit([], 4, async (n: number) => n)).toEqual([]);
  });
});
