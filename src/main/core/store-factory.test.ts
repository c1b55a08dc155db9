import { describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../shared/model/status';
import type { ClusterView } from '../../shared/diagnose/view';
import type { ClusterSource } from '../kube/source';
import { createClusterStore, storeClock } from './store-factory';

const source = (extra: Partial<ClusterSource> = {}): ClusterSource => ({
  info: { id: 'x', name: 'x', source: 'snapshot', connection: 'closed' },
  start: async () => undefined,
  stop: async () => undefined,
  ...extra,
});
const info = (kind: ClusterInfo['source'], capturedAt?: string): ClusterInfo => ({ id: 'x', name: 'x', source: kind, connection: 'closed', ...(capturedAt ? { capturedAt } : {}) });

describe('storeClock', () => {
  it('judges a snapshot at its capture time and a recording from its capture time on', () => {
    let wall = 1_000_000;
    const snapshot = storeClock(info('snapshot', '2026-01-01T00:00:00Z'), source(), () => wall);
    const recording = storeClock(info('demo', '2026-01-01T00:00:00Z'), source(), () => wall);
    wall += 5000;
    expect(snapshot?.()).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(recording?.()).toBe(Date.parse('2026-01-01T00:00:00Z') + 5000);
  });

  it('follows a source clock, and the wall clock for live contexts', () => {
    expect(storeClock(info('recording', '2026-01-01T00:00:00Z'), source({ now: () => 42 }))?.()).toBe(42);
    expect(storeClock(info('context'), source())).toBeUndefined();
    expect(storeClock(info('snapshot'), source())).toBeUndefined();
  });

  it("tells the rules a snapshot's now is its capture, so their texts say \"before the capture\" (T8-9)", () => {
    const captured = createClusterStore(info('snapshot', '2026-01-01T00:00:00Z'), source()) as unknown as ClusterView;
    const live = createClusterStore(info('context'), source()) as unknown as ClusterView;
    const demo = createClusterStore(info('demo', '2026-01-01T00:00:00Z'), source()) as unknown as ClusterView;
    expect(captured.nowIsCapture?.()).toBe(true);
    expect(live.nowIsCapture?.()).toBe(false);
    // A recording replays: its now moves, and its times read "ago" as the UI's do.
    expect(demo.nowIsCapture?.()).toBe(false);
  });

  it('builds the real store, which answers the queries the core needs', () => {
    const store = createClusterStore(info('context'), source());
    store.replace('persistentvolumeclaims', [{ metadata: { name: 'data', namespace: 'a', uid: 'u1' }, spec: {}, status: { phase: 'Pending' } }]);
    expect(store.count('persistentvolumeclaims')).toBe(1);
    expect(store.list('persistentvolumeclaims')).toHaveLength(1);
    expect(store.listRows({ clusterId: 'x', table: 'claims', offset: 0, limit: 10 }).total).toBe(1);
    expect(typeof store.onChange).toBe('function');
    store.dispose?.();
  });
});
