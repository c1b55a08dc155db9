import { describe, expect, it } from 'vitest';
import { parseSnapshotFile } from '../../shared/snapshot-format';
import type { ClaimRow } from '../../shared/model/rows';
import { SnapshotSource } from '../kube/snapshot-source';
import { ClusterStore } from '../store/cluster-store';
import { ClusterSession } from './cluster-session';
import { snapshotOf } from './export';

const MI = 1024 ** 2;
const file = (usage: unknown) =>
  JSON.stringify({
    format: 'kse-snapshot',
    version: 1,
    capturedAt: '2026-11-28T00:00:05Z',
    context: 'prod',
    kinds: {
      persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'data', namespace: 'app', uid: 'c1' }, spec: { resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Bound', capacity: { storage: '1Gi' } } }] },
      pods: { state: 'synced', items: [{ metadata: { name: 'web-0', namespace: 'app', uid: 'p1' }, spec: { nodeName: 'n1', containers: [{ name: 'c' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } }] },
    },
    usage,
  });
const usage = {
  access: 'allowed',
  intervalMs: 30_000,
  nodes: [{ node: 'n1', state: 'ok', fs: { capacityBytes: 100 * 1024 * MI, usedBytes: 8 * 1024 * MI } }],
  volumes: [{ key: 'claim:app/data', kind: 'claim', namespace: 'app', pod: 'web-0', volume: 'data', claim: 'data', node: 'n1', capacityBytes: 1024 * MI, usedBytes: 900 * MI, availableBytes: 124 * MI }],
};

async function open(text: string) {
  const source = new SnapshotSource(parseSnapshotFile(text, 's.json'), 'file:s', 's.json');
  const session = new ClusterSession(source.info, source, new ClusterStore('file:s'), () => undefined);
  await session.start();
  return session;
}
const claims = async (s: ClusterSession) => (await s.listRows({ clusterId: 'file:s', table: 'claims', offset: 0, limit: 10 })).rows as ClaimRow[];

describe('a snapshot shows the usage seen at capture time', () => {
  it('in the claims table, the claim details (as of the capture) and the usage findings', async () => {
    const session = await open(file(usage));
    expect(session.usageReport().recordedAt).toBe('2026-11-28T00:00:05Z');
    expect((await claims(session))[0]?.usage).toMatchObject({ state: 'known', usePercent: 87, usedBytes: 900 * MI });
    const detail = await session.getObject({ kind: 'persistentvolumeclaims', namespace: 'app', name: 'data' });
    expect(detail?.usage).toMatchObject({ key: 'claim:app/data', recordedAt: '2026-11-28T00:00:05Z', claim: { state: 'known', usePercent: 87 } });
    expect((await session.listFindings({ offset: 0, limit: 100 })).rows.map((f) => f.code)).toContain('claim.nearly-full');
    // Exported again, the file carries the same usage.
    expect(snapshotOf(session).usage?.volumes[0]).toMatchObject({ key: 'claim:app/data', usedBytes: 900 * MI });
    await session.stop();
  });
  it('a pod\'s details carry its ephemeral storage against its limits, beside its emptyDirs', async () => {
    const ephemeral = { key: 'ephemeral:app/web-0', kind: 'ephemeral', namespace: 'app', pod: 'web-0', volume: 'ephemeral-storage', node: 'n1', usedBytes: 180 * MI, sizeLimitBytes: 200 * MI };
    const session = await open(file({ ...usage, volumes: [...usage.volumes, ephemeral] }));
    const detail = await session.getObject({ kind: 'pods', namespace: 'app', name: 'web-0' });
    expect(detail?.ephemeralUsage).toEqual(ephemeral);
    expect(detail?.emptyDirUsage).toBeUndefined();
    await session.stop();
  });
  it('malformed usage: the claims say it was not recorded, with why; the objects open', async () => {
    const session = await open(file({ ...usage, volumes: 'lots' }));
    const [row] = await claims(session);
    expect(row?.name).toBe('data');
    expect(row?.usage).toEqual({ state: 'unknown', reason: 'unsupported', message: 'The volume usage in this file was left out: "volumes" is not a list. The objects are shown without it.' });
    expect((await session.listFindings({ offset: 0, limit: 100 })).rows.map((f) => f.code)).not.toContain('claim.nearly-full');
    await session.stop();
  });
});
