import { describe, expect, it } from 'vitest';
import { mergeKindStatus } from './kind-status';
import type { ReflectorState } from './reflector';

const synced = (count: number, at: string): ReflectorState => ({ state: 'synced', count, lastEventAt: at, syncedAt: at, syncMillis: count });

describe('mergeKindStatus', () => {
  it('is idle with no reflectors', () => {
    expect(mergeKindStatus('pods', new Map())).toEqual({ kind: 'pods', state: 'idle', count: 0 });
  });

  it('passes a single cluster-wide reflector through', () => {
    const status = mergeKindStatus('pods', new Map([['', synced(12, '2026-01-01T00:00:01.000Z')]]));
    expect(status).toEqual({
      kind: 'pods',
      state: 'synced',
      count: 12,
      lastEventAt: '2026-01-01T00:00:01.000Z',
      syncedAt: '2026-01-01T00:00:01.000Z',
      syncMillis: 12,
    });
  });

  it('sums namespaces, lists them, and keeps the latest event and the slowest sync', () => {
    const status = mergeKindStatus(
      'persistentvolumeclaims',
      new Map([
        ['b', synced(2, '2026-01-01T00:00:05.000Z')],
        ['a', synced(3, '2026-01-01T00:00:02.000Z')],
      ]),
    );
    expect(status).toMatchObject({ state: 'synced', count: 5, namespaces: ['a', 'b'], lastEventAt: '2026-01-01T00:00:05.000Z', syncMillis: 3 });
  });

  it('shows an error in one namespace with its message and the earliest retry, not "synced"', () => {
    const status = mergeKindStatus(
      'pods',
      new Map<string, ReflectorState>([
        ['a', synced(1, '2026-01-01T00:00:00.000Z')],
        ['b', { state: 'error', count: 0, message: 'boom', nextRetryAt: '2026-01-01T00:01:00.000Z' }],
      ]),
    );
    expect(status).toMatchObject({ state: 'error', message: 'boom', nextRetryAt: '2026-01-01T00:01:00.000Z' });
    expect(status.syncedAt).toBeUndefined();
  });

  it('is syncing while any namespace still lists', () => {
    const status = mergeKindStatus('pods', new Map<string, ReflectorState>([['a', synced(1, '2026-01-01T00:00:00.000Z')], ['b', { state: 'syncing', count: 0 }]]));
    expect(status.state).toBe('syncing');
  });
});
