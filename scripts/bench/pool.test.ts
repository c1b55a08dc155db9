import { describe, expect, it } from 'vitest';
import { runBounded } from './pool';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runBounded', () => {
  it('runs every index once and never more than the limit at a time', async () => {
    const seen: number[] = [];
    let running = 0;
    let peak = 0;
    await runBounded(3, 40, 4, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      seen.push(i);
      running--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 37 }, (_, k) => k + 3));
    expect(peak).toBe(4);
  });

  it('an empty range does nothing', async () => {
    let calls = 0;
    await runBounded(5, 5, 4, async () => void calls++);
    expect(calls).toBe(0);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    const run = runBounded(0, 100, 2, async (i) => {
      started.push(i);
      await tick();
      if (i === 3) throw new Error('boom at 3');
    });
    await expect(run).rejects.toThrow('boom at 3');
    expect(Math.max(...started)).toBeLessThan(8);
  });
});
