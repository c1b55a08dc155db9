/**
 * Claims ordered and filtered by what usage adds, through the contract (Core -> session -> real store): a claim
 * whose only finding is a usage one (nearly full) sorts by findings and passes the severity filter like any other
 * finding, and locateRow finds a row where a usage order (Use %, Used, Free, findings) puts it. The kubelet
 * answers come from an in-memory API (testing/usage-session.ts); the lab proves the real path
 * (kube/usage-source.int.test.ts).
 */
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersistentVolumeClaim } from '../../shared/kube/objects';
import type { ClaimRow, Page } from '../../shared/model/rows';
import { ClusterStore } from '../store/cluster-store';
import { Core } from './core';
import { context, fakeDeps } from './testing/fakes';
import { boundClaim, mountingPod, usageFakeSource } from './testing/usage-session';

const MI = 1024 ** 2;
let core: Core | undefined;

afterEach(async () => {
  await core?.close();
  core = undefined;
});

/**
 * shop/full is 97 % full (claim.nearly-full, a problem: its only finding); shop/queued is Pending on a missing
 * class (claim.pending, a warning from the store's rules); shop/roomy is 29 % full and fine.
 */
async function cluster() {
  const queued: PersistentVolumeClaim = { metadata: { namespace: 'shop', name: 'queued', uid: 'q', creationTimestamp: '2026-11-01T00:00:00Z' }, spec: { storageClassName: 'nope', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } };
  const { source, used } = usageFakeSource([boundClaim('shop', 'full'), queued, boundClaim('shop', 'roomy')], [mountingPod('shop', 'web-0', 'n1', ['full', 'roomy'])]);
  used.set('shop/full', 1000 * MI).set('shop/roomy', 300 * MI);
  const deps = fakeDeps({ contexts: [context('lab')] });
  deps.contextSource = () => source;
  deps.createStore = (info) => new ClusterStore(info.id);
  core = new Core({ deps, resourcesDir: resolve(__dirname, '../../../resources'), version: '0', transport: 'web', noticeIntervalMs: 10, log: () => undefined });
  await core.start();
  const c = core;
  const call = async <T,>(method: string, req: object): Promise<T> => {
    const answer = await c.call(method, { clusterId: 'ctx:lab', ...req });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.value as T;
  };
  await call('openCluster', {});
  const rows = (req: object) => call<Page<ClaimRow>>('listRows', { table: 'claims', offset: 0, limit: 50, ...req });
  // The first listRows starts polling; wait for the kubelet's answer to be joined.
  await vi.waitFor(async () => expect((await rows({})).rows.find((r) => r.name === 'full')?.badge?.code).toBe('claim.nearly-full'), { timeout: 10_000, interval: 50 });
  const names = async (req: object) => (await rows(req)).rows.map((r) => r.name);
  const locate = (sort: object | undefined, name: string, extra: object = {}) => call<{ index: number; total: number }>('locateRow', { table: 'claims', ...(sort ? { sort } : {}), ...extra, ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name } });
  return { rows, names, locate };
}

describe('usage findings in the Findings sort and the severity filter', () => {
  it('a claim whose only finding is "nearly full" sorts first as a problem and passes the filter by its severity', async () => {
    const { names, rows } = await cluster();
    expect(await names({ sort: { column: 'badge', direction: 'asc' } })).toEqual(['full', 'queued', 'roomy']);
    expect(await names({ minSeverity: 'problem' })).toEqual(['full']);
    expect(await names({ minSeverity: 'warning' })).toEqual(['full', 'queued']);
    expect(await names({ filters: { badge: 'problem' } })).toEqual(['full']);
    expect((await rows({ minSeverity: 'warning', limit: 1 })).total).toBe(2);
  });
});

describe('locateRow in a table sorted by usage', () => {
  it('finds the selected claim where Use %, Used, Free or findings put it', async () => {
    const { names, locate } = await cluster();
    expect(await names({ sort: { column: 'usePercent', direction: 'desc' } })).toEqual(['full', 'roomy', 'queued']);
    expect(await locate({ column: 'usePercent', direction: 'desc' }, 'roomy')).toEqual({ index: 1, total: 3 });
    expect(await locate({ column: 'used', direction: 'asc' }, 'full')).toEqual({ index: 1, total: 3 });
    expect(await locate({ column: 'free', direction: 'desc' }, 'full')).toEqual({ index: 1, total: 3 });
    expect(await locate({ column: 'badge', direction: 'asc' }, 'full')).toEqual({ index: 0, total: 3 });
    expect(await locate(undefined, 'full', { minSeverity: 'problem' })).toEqual({ index: 0, total: 1 });
    // Orders the store knows stay the store's.
    expect(await locate({ column: 'name', direction: 'desc' }, 'full')).toEqual({ index: 2, total: 3 });
  });
});
