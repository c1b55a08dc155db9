import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_OBJECTS, type Notice } from '../../shared/contract';
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
});
