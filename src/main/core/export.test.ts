import { describe, expect, it } from 'vitest';
import { ClusterSession } from './cluster-session';
import { snapshotFileName, snapshotOf } from './export';
import { FakeSource, FakeStore, context } from './testing/fakes';

describe('snapshotOf', () => {
  it('keeps each kind with its state, objects only of synced kinds, redacted', async () => {
    const info = context('lab');
    const pod = { metadata: { name: 'p', namespace: 'a', uid: 'u' }, spec: { containers: [{ name: 'c', env: [{ name: 'PASSWORD', value: 'hunter2' }] }] } };
    const source = new FakeSource(info, { pods: [pod] });
    const cluster = new ClusterSession(info, source, new FakeStore(), () => undefined);
    await cluster.start();
    source.sink?.kindStatus({ kind: 'persistentvolumes', state: 'forbidden', count: 0, message: 'no permission to list persistentvolumes' });
    const snapshot = snapshotOf(cluster, '2026-02-03T04:05:06Z');
    expect(snapshot.format).toBe('kse-snapshot');
    expect(snapshot.context).toBe('lab');
    expect(snapshot.capturedAt).toBe('2026-02-03T04:05:06Z');
    expect(snapshot.kinds.pods?.state).toBe('synced');
    expect(JSON.stringify(snapshot.kinds.pods?.items)).not.toContain('hunter2');
    expect(snapshot.kinds.persistentvolumes).toEqual({ state: 'forbidden', items: [], message: 'no permission to list persistentvolumes' });
    expect(snapshot.kinds.nodes).toMatchObject({ state: 'error', items: [], message: 'nodes was still idle when the snapshot was taken.' });
  });

  it('names files safely', () => {
    expect(snapshotFileName('kind-lab/admin@x', '2026-02-03T04:05:06.123Z')).toBe('kse-kind-lab-admin-x-2026-02-03-04-05-06.json');
    expect(snapshotFileName('///', '2026-02-03T04:05:06Z')).toBe('kse-cluster-2026-02-03-04-05-06.json');
  });
});
