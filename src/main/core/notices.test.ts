import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_OBJECTS, type Notice } from '../../shared/contract';
import { NoticeBatcher, type Scheduler } from './notices';

function manualScheduler() {
  const pending: (() => void)[] = [];
  const scheduler: Scheduler = {
    setTimeout: (fn) => pending.push(fn),
    clearTimeout: () => undefined,
    now: () => 0,
  };
  return { scheduler, fire: () => pending.splice(0).forEach((fn) => fn()), pending };
}

/** A scheduler on a fake clock: timers fire when `advance` passes their time. */
function clockScheduler() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 0;
  const waits: number[] = [];
  const scheduler: Scheduler = {
    setTimeout: (fn, ms) => {
      waits.push(ms);
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    now: () => now,
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.fn();
    }
    now = until;
  };
  return { scheduler, advance, waits };
}

describe('NoticeBatcher', () => {
  it('coalesces a burst into one notice per cluster and type, with the union of kinds, tables and objects and the last revision', () => {
    const { scheduler, fire, pending } = manualScheduler();
    const batcher = new NoticeBatcher(250, scheduler);
    const seen: Notice[] = [];
    batcher.subscribe((n) => seen.push(n));
    const pod = { kind: 'pods' as const, namespace: 'x', name: 'p' };
    const claim = { kind: 'persistentvolumeclaims' as const, namespace: 'x', name: 'c' };
    batcher.push({ type: 'changed', clusterId: 'a', kinds: ['pods'], tables: ['pods'], objects: [pod], revision: 1 });
    batcher.push({ type: 'changed', clusterId: 'a', kinds: ['persistentvolumeclaims'], tables: ['claims', 'pods'], objects: [claim, pod], revision: 2 });
    batcher.push({ type: 'changed', clusterId: 'b', kinds: ['pods'], tables: ['pods'], objects: [pod], revision: 6 });
    batcher.push({ type: 'changed', clusterId: 'b', kinds: ['storageclasses'], tables: ['classes'], revision: 7 });
    batcher.push({ type: 'status', clusterId: 'a' });
    batcher.push({ type: 'status', clusterId: 'a' });
    batcher.push({ type: 'clusters' });
    expect(pending).toHaveLength(1);
    expect(seen).toEqual([]);
    fire();
    expect(seen).toEqual([
      { type: 'clusters' },
      { type: 'status', clusterId: 'a' },
      { type: 'changed', clusterId: 'a', kinds: ['persistentvolumeclaims', 'pods'], tables: ['claims', 'pods'], objects: [pod, claim], revision: 2 },
      // A change that names no objects (time passing, a sync ending) makes the notice name none.
      { type: 'changed', clusterId: 'b', kinds: ['pods', 'storageclasses'], tables: ['classes', 'pods'], revision: 7 },
    ]);
  });

  it('stops naming objects past MAX_NOTICE_OBJECTS, keeping kinds and tables', () => {
    const { scheduler, fire } = manualScheduler();
    const batcher = new NoticeBatcher(250, scheduler);
    const seen: Notice[] = [];
    batcher.subscribe((n) => seen.push(n));
    for (let i = 0; i <= MAX_NOTICE_OBJECTS; i += 1) {
      batcher.push({ type: 'changed', clusterId: 'a', kinds: ['pods'], tables: ['pods'], objects: [{ kind: 'pods', namespace: 'x', name: `p${i}` }], revision: i });
    }
    fire();
    expect(seen).toEqual([{ type: 'changed', clusterId: 'a', kinds: ['pods'], tables: ['pods'], revision: MAX_NOTICE_OBJECTS }]);
  });

  it('passes menu commands through one by one, and survives a failing listener', () => {
    const { scheduler, fire } = manualScheduler();
    const batcher = new NoticeBatcher(250, scheduler);
    const seen: Notice[] = [];
    batcher.subscribe(() => {
      throw new Error('socket closed');
    });
    const unsubscribe = batcher.subscribe((n) => seen.push(n));
    batcher.push({ type: 'command', command: { name: 'set-theme', theme: 'dark' } });
    batcher.push({ type: 'command', command: { name: 'set-theme', theme: 'light' } });
    fire();
    expect(seen).toHaveLength(2);
    unsubscribe();
    batcher.push({ type: 'clusters' });
    fire();
    expect(seen).toHaveLength(2);
  });

  it('tells a change after a quiet interval at once, and one per interval during a stream (a leading-edge throttle)', () => {
    const { scheduler, advance, waits } = clockScheduler();
    const batcher = new NoticeBatcher(100, scheduler);
    const seenAt: number[] = [];
    batcher.subscribe(() => seenAt.push(scheduler.now()));
    const change = (revision: number) => batcher.push({ type: 'changed', clusterId: 'a', kinds: ['pods'], tables: ['pods'], revision });
    // Quiet, then one change: out on the next turn, not an interval later (a trailing-only timer waited 100 ms).
    advance(1_000);
    change(1);
    expect(waits).toEqual([0]);
    advance(0);
    expect(seenAt).toEqual([1_000]);
    // A stream of a change every 10 ms for 300 ms: one flush per 100 ms, each change waiting at most 100 ms.
    for (let i = 0; i < 30; i += 1) {
      advance(10);
      change(2 + i);
    }
    advance(200);
    expect(seenAt).toEqual([1_000, 1_100, 1_200, 1_300, 1_400]);
  });
});
