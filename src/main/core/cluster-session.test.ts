import { describe, expect, it } from 'vitest';
import type { Notice, StoreChange } from '../../shared/contract';
import { Core } from './core';
import { ClusterSession } from './cluster-session';
import type { ContextList } from './ports';
import { FakeSource, FakeStore, context, fakeDeps } from './testing/fakes';

/** A store that announces its own (batched) changes, as the real ClusterStore does. */
class AnnouncingStore extends FakeStore {
  listener: ((change: StoreChange) => void) | undefined;
  disposed = false;
  onChange(listener: (change: StoreChange) => void): () => void {
    this.listener = listener;
    return () => (this.listener = undefined);
  }
  dispose(): void {
    this.disposed = true;
  }
}

describe('ClusterSession', () => {
  it('relays the store’s own change notices instead of one per update, and disposes the store on stop', async () => {
    const info = context('lab');
    const store = new AnnouncingStore();
    const source = new FakeSource(info, { pods: [{ metadata: { name: 'p', uid: 'p' } }] });
    const notices: Notice[] = [];
    const cluster = new ClusterSession(info, source, store, (n) => notices.push(n));
    await cluster.start();
    expect(notices.filter((n) => n.type === 'changed')).toEqual([]);
    store.listener?.({ kinds: ['storageclasses'], tables: ['classes'], revision: 9 });
    expect(notices).toContainEqual({ type: 'changed', clusterId: 'ctx:lab', kinds: ['storageclasses'], tables: ['classes'], revision: 9 });
    await cluster.stop();
    expect(store.disposed).toBe(true);
    expect(store.listener).toBeUndefined();
    expect(source.stopped).toBe(true);
  });

  it('keeps the source running when the store rejects an update, and says so', async () => {
    const info = context('lab');
    const store = new FakeStore();
    store.add = () => {
      throw new Error('bad object');
    };
    const logs: string[] = [];
    const source = new FakeSource(info);
    const cluster = new ClusterSession(info, source, store, () => undefined, (m) => logs.push(m));
    await cluster.start();
    expect(() => source.sink?.add('pods', { metadata: { name: 'x' } })).not.toThrow();
    expect(logs).toEqual(['Store of lab rejected an update of pods: bad object']);
  });
});

describe('kubeconfig changes', () => {
  it('re-lists contexts and closes open contexts that vanished', async () => {
    const deps = fakeDeps({ contexts: [context('a'), context('b')] });
    let contexts: ContextList = { clusters: [context('a'), context('b')], files: ['/k'], anyFileExists: true };
    let changed: (() => void) | undefined;
    deps.listContexts = () => contexts;
    deps.watchKubeconfig = (_files, onChange) => {
      changed = onChange;
      return () => undefined;
    };
    const core = new Core({ deps, resourcesDir: '/nonexistent', version: '0', transport: 'web', noticeIntervalMs: 5 });
    await core.start();
    const notices: Notice[] = [];
    core.onNotice((n) => notices.push(n));
    await core.call('openCluster', { clusterId: 'ctx:b' });
    contexts = { ...contexts, clusters: [context('a')] };
    changed?.();
    await new Promise((r) => setTimeout(r, 30));
    const list = await core.call('listClusters', {});
    expect(list.ok && (list.value as { id: string }[]).filter((c) => c.id.startsWith('ctx:')).map((c) => c.id)).toEqual(['ctx:a']);
    expect(deps.sources[0]?.stopped).toBe(true);
    expect(notices).toContainEqual({ type: 'clusters' });
    await core.close();
  });
});
