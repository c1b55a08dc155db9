import { describe, expect, it } from 'vitest';
import { Backoff, sleep } from './backoff';

describe('Backoff', () => {
  it('doubles from the initial delay up to the cap when there is no jitter', () => {
    const backoff = new Backoff({ initialMs: 800, maxMs: 30_000, jitter: 0 });
    const delays = Array.from({ length: 8 }, () => backoff.next());
    expect(delays).toEqual([800, 1600, 3200, 6400, 12_800, 25_600, 30_000, 30_000]);
    expect(backoff.attempts).toBe(8);
  });

  it('spreads each delay by at most the jitter and never goes below the floor or above the cap', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      const backoff = new Backoff({ initialMs: 1000, maxMs: 10_000, jitter: 0.2, random: () => r });
      const delays = Array.from({ length: 10 }, () => backoff.next());
      expect(delays[0]).toBeGreaterThanOrEqual(800);
      expect(delays[0]).toBeLessThanOrEqual(1200);
      for (const delay of delays) {
        expect(delay).toBeGreaterThanOrEqual(800);
        expect(delay).toBeLessThanOrEqual(10_000);
      }
    }
  });

  it('differs between two clients with different random draws (no lockstep)', () => {
    const a = new Backoff({ random: () => 0.1 });
    const b = new Backoff({ random: () => 0.9 });
    a.next();
    b.next();
    expect(a.next()).not.toBe(b.next());
  });

  it('starts over after reset', () => {
    const backoff = new Backoff({ initialMs: 500, jitter: 0 });
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});

describe('sleep', () => {
  it('ends early and says so when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    controller.abort();
    expect(await pending).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('resolves true after the delay', async () => {
    expect(await sleep(5)).toBe(true);
  });
});
