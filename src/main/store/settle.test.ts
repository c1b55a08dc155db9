/**
 * ClusterStore.settle: the diagnosis the core runs before each query, in slices that yield to the event loop
 * (issue 13: the main process never stalls). The findings must be exactly those of the whole, blocking flush.
 */
import { describe, expect, it } from 'vitest';
import type { PersistentVolume } from '../../shared/kube/objects';
import { deliverSnapshot } from '../kube/snapshot-source';
import { ClusterStore } from './cluster-store';
import { turnsDuring } from '../core/testing/event-loop-turns';
import { LARGE, LARGE_CAPTURED_AT, largeSnapshot } from './testing/large-cluster';

const now = () => Date.parse(LARGE_CAPTURED_AT);

function loaded(options: { settleSliceMs?: number } = {}): ClusterStore {
  const store = new ClusterStore('large', { now, provisionerRefreshMs: 60_000, ...options });
  deliverSnapshot(largeSnapshot(), store);
  return store;
}

/** Every finding's identity, in the order listFindings gives them. */
function findingIds(store: ClusterStore): string[] {
  return store.listFindings({ offset: 0, limit: 100_000 }).rows.map((f) => `${f.object.kind}/${f.object.namespace ?? ''}/${f.object.name}:${f.code}:${f.severity}`);
}

describe('ClusterStore.settle', () => {
  it('diagnoses the large cluster in slices that let the event loop run, with the same findings as one blocking flush', async () => {
    const sliced = loaded({ settleSliceMs: 0 });
    const turns = await turnsDuring(sliced.settle());
    // 3,013 claims, their volumes and 900 pods at 16 objects a slice: well over a hundred slices.
    expect(turns).toBeGreaterThan(100);
    const whole = loaded();
    const expected = findingIds(whole);
    expect(expected.length).toBeGreaterThan(LARGE.deadProvisionerClaims);
    expect(findingIds(sliced)).toEqual(expected);
  });

  it('builds the rows of tables in use in slices too, the same rows a blocking query builds', async () => {
    // As in the app: the window asks for claims as soon as the cluster opens, before the lists arrive.
    const sliced = new ClusterStore('large', { now, provisionerRefreshMs: 60_000, settleSliceMs: 0 });
    sliced.listRows({ table: 'claims', offset: 0, limit: 50 });
    deliverSnapshot(largeSnapshot(), sliced);
    await sliced.settle();
    const page = (s: ClusterStore) => s.listRows({ table: 'claims', offset: 0, limit: 50, sort: { column: 'name', direction: 'asc' } }).rows.map((r) => `${r.namespace}/${r.name}:${r.badge?.severity ?? ''}:${r.badge?.count ?? 0}`);
    expect(page(sliced)).toEqual(page(loaded()));
  });

  it('a change that lands between slices is diagnosed against the new state, not the session it interrupted', async () => {
    const sliced = loaded({ settleSliceMs: 0 });
    const reference = loaded();
    // A bound claim's volume disappears while the first slices run: its claim turns Lost-like (volume missing).
    const victim = sliced.list('persistentvolumes').find((pv) => (pv as PersistentVolume).status?.phase === 'Bound') as PersistentVolume;
    expect(victim).toBeDefined();
    const settling = sliced.settle();
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliced.delete('persistentvolumes', victim);
    reference.delete('persistentvolumes', victim);
    await settling;
    await sliced.settle();
    expect(findingIds(sliced)).toEqual(findingIds(reference));
    const claim = victim.spec?.claimRef;
    expect(findingIds(sliced).some((id) => id.startsWith(`persistentvolumeclaims/${claim?.namespace}/${claim?.name}:`))).toBe(true);
  });

  it('concurrent queries share one settle run', async () => {
    const store = loaded({ settleSliceMs: 0 });
    const first = store.settle();
    expect(store.settle()).toBe(first);
    await first;
  });
});
