import { describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/contract';
import { NoticeBatcher, type Scheduler } from './notices';

function manualScheduler() {
  const pending: (() => void)[] = [];
  const scheduler: Scheduler = {
    setTimeout: (fn) => pending.push(fn),
    clearTimeout: () => undefined,
  };
  return { scheduler, fire: () => pending.splice(0).forEach((fn) => fn()), pending };
}

describe('NoticeBatcher', () => {
  it('coalesces a burst into one notice per cluster and type, with the union of kinds and the last revision', () => {
    const { scheduler, fire, pending } = manualScheduler();
    const batcher = new NoticeBatcher(250, scheduler);
    const seen: Notice[] = [];
    batcher.subscribe((n) => seen.push(n));
    batcher.push({ type: 'changed', clusterId: 'a', kinds: ['pods'], revision: 1 });
    batcher.push({ type: 'changed', clusterId: 'a', kinds: ['persistentvolumeclaims'], revision: 2 });
    batcher.push({ type: 'changed', clusterId: 'b', kinds: ['pods'], revision: 7 });
    batcher.push({ type: 'status', clusterId: 'a' });
    batcher.push({ type: 'status', clusterId: 'a' });
    batcher.push({ type: 'clusters' });
    expect(pending).toHaveLength(1);
    expect(seen).toEqual([]);
    fire();
    expect(seen).toEqual([
      { type: 'clusters' },
      { type: 'status', clusterId: 'a' },
      { type: 'changed', clusterId: 'a', kinds: ['persistentvolumeclaims', 'pods'], revision: 2 },
      { type: 'changed', clusterId: 'b', kinds: ['pods'], revision: 7 },
    ]);
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
});
