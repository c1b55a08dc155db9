import { QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyNotice } from './notices';
import { createQueryClient, keys } from './queries';

describe('change notices faster than a fetch', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A claims page on screen whose fetch takes `fetchMs` and answers the version of the cluster it started at. */
  function claimsOnScreen(fetchMs: number) {
    const client = createQueryClient();
    const cluster = { version: 0 };
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey: keys.rowsPage({ clusterId: 'a', table: 'claims' }, 0),
      queryFn: () => {
        fetches += 1;
        const at = cluster.version;
        return new Promise<number>((resolve) => setTimeout(() => resolve(at), fetchMs));
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    return { client, cluster, shown: () => observer.getCurrentResult().data, fetches: () => fetches, unsubscribe };
  }

  const change = (client: ReturnType<typeof createQueryClient>, revision: number) =>
    applyNotice(client, { type: 'changed', clusterId: 'a', kinds: ['persistentvolumeclaims'], tables: ['claims'], revision });

  it('keep the screen moving while they last, and end on the last change', async () => {
    const screen = claimsOnScreen(30);
    await vi.advanceTimersByTimeAsync(40);
    expect(screen.shown()).toBe(0);
    // A notice every 5 ms for 200 ms, each fetch 30 ms: cancelling the fetch in flight on each notice (TanStack's
    // default) never let one land, and the screen showed version 0 throughout.
    const seen = new Set<number | undefined>();
    for (let v = 1; v <= 40; v++) {
      screen.cluster.version = v;
      change(screen.client, v);
      await vi.advanceTimersByTimeAsync(5);
      seen.add(screen.shown());
    }
    expect([...seen].filter((v) => v !== undefined && v > 0).length, 'versions shown during the stream').toBeGreaterThan(2);
    // One fetch after another, not one per notice.
    expect(screen.fetches()).toBeLessThan(20);
    await vi.advanceTimersByTimeAsync(200);
    expect(screen.shown(), 'the last change is on screen').toBe(40);
    screen.unsubscribe();
  });

  it('refetch at once when no fetch is in flight', async () => {
    const screen = claimsOnScreen(10);
    await vi.advanceTimersByTimeAsync(20);
    screen.cluster.version = 1;
    change(screen.client, 1);
    await vi.advanceTimersByTimeAsync(15);
    expect(screen.shown()).toBe(1);
    expect(screen.fetches()).toBe(2);
    screen.unsubscribe();
  });

  it('forget a query removed while a refetch was owed to it (a closed cluster): no extra fetch for a later one', async () => {
    const first = claimsOnScreen(30);
    await vi.advanceTimersByTimeAsync(40);
    first.cluster.version = 1;
    change(first.client, 1);
    change(first.client, 2);
    first.unsubscribe();
    first.client.removeQueries({ queryKey: keys.rowsPage({ clusterId: 'a', table: 'claims' }, 0) });
    await vi.advanceTimersByTimeAsync(100);
    // The same key again, in the same client: one fetch, the owed one was dropped with the query.
    let fetches = 0;
    const observer = new QueryObserver(first.client, {
      queryKey: keys.rowsPage({ clusterId: 'a', table: 'claims' }, 0),
      queryFn: () => {
        fetches += 1;
        return new Promise<number>((resolve) => setTimeout(() => resolve(9), 30));
      },
    });
    const stop = observer.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(200);
    expect(observer.getCurrentResult().data).toBe(9);
    expect(fetches).toBe(1);
    stop();
  });
});
