import { describe, expect, it } from 'vitest';
import { parseSnapshotFile } from '../../shared/snapshot-format';
import { SnapshotSource } from '../kube/snapshot-source';
import { ClusterStore } from '../store/cluster-store';
import { ClusterSession } from './cluster-session';

const MI = 1024 ** 2;
const claim = (name: string, className: string | undefined, request: string) => ({
  metadata: { name, namespace: 'app', uid: `c-${name}` },
  spec: { resources: { requests: { storage: request } }, ...(className ? { storageClassName: className } : {}), volumeName: `pv-${name}` },
  status: { phase: 'Bound', capacity: { storage: request } },
});
const file = (usage: unknown) =>
  JSON.stringify({
    format: 'kse-snapshot',
    version: 1,
    capturedAt: '2026-11-28T00:00:05Z',
    context: 'prod',
    kinds: {
      storageclasses: {
        state: 'synced',
        items: [
          { metadata: { name: 'fast', uid: 's1', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'example.com/fast' },
          { metadata: { name: 'slow', uid: 's2' }, provisioner: 'example.com/slow' },
        ],
      },
      // "full" names no class: it counts for the default class, "fast", as the classes table counts it.
      persistentvolumeclaims: { state: 'synced', items: [claim('full', undefined, '1Gi'), claim('half', 'fast', '1Gi'), claim('warm', 'slow', '1Gi'), claim('idle', 'slow', '1Gi')] },
    },
    usage,
  });
const used = (name: string, mi: number) => ({ key: `claim:app/${name}`, kind: 'claim', namespace: 'app', pod: `p-${name}`, volume: 'data', claim: name, node: 'n1', capacityBytes: 1024 * MI, usedBytes: mi * MI, availableBytes: (1024 - mi) * MI });
const allowed = {
  access: 'allowed',
  intervalMs: 30_000,
  nodes: [{ node: 'n1', state: 'ok' }],
  // full 97 % (a problem), warm 87 % (a warning), half 50 %; idle mounted nowhere (not measured).
  volumes: [used('full', 1000), used('half', 512), used('warm', 900)],
};

async function open(usage: unknown) {
  const source = new SnapshotSource(parseSnapshotFile(file(usage), 's.json'), 'file:s', 's.json');
  const store = new ClusterStore('file:s');
  const session = new ClusterSession(source.info, source, store, () => undefined);
  await session.start();
  await store.settle();
  return { session, store };
}

describe('the overview with volume usage (issue 14 item 3)', () => {
  it('counts the usage findings as the fleet view counts them, and groups them with the rest', async () => {
    const { session, store } = await open(allowed);
    const overview = await session.getOverview();
    // What the fleet adds to the store's counts (core/fleet.ts): the same findings, so the two numbers agree.
    const usage = (await session.usageFindingsIfRead()) ?? [];
    expect(usage.map((f) => `${f.code} ${f.severity} ${f.object.name}`).sort()).toEqual(['claim.nearly-full problem full', 'claim.nearly-full warning warm']);
    const stored = store.getOverview().findings;
    expect(overview.findings.problem).toBe(stored.problem + 1);
    expect(overview.findings.warning).toBe(stored.warning + 1);
    expect(overview.findingGroups.filter((g) => g.code === 'claim.nearly-full').map((g) => [g.severity, g.count])).toEqual([
      ['problem', 1],
      ['warning', 1],
    ]);
    await session.stop();
  });

  it('lists the fullest claims, fullest first, and the bytes used per class beside requested and provisioned', async () => {
    const { session } = await open(allowed);
    const overview = await session.getOverview();
    expect(overview.usage?.access).toBe('allowed');
    expect(overview.usage?.recordedAt).toBe('2026-11-28T00:00:05Z');
    expect(overview.usage?.fullest.map((v) => [v.claim, v.usePercent, v.usedBytes])).toEqual([
      ['full', 97, 1000 * MI],
      ['warm', 87, 900 * MI],
      ['half', 50, 512 * MI],
    ]);
    const perClass = Object.fromEntries(overview.perClass.map((c) => [c.className, [c.requestedBytes, c.usedBytes, c.measuredClaims, c.claims]]));
    expect(perClass).toEqual({ fast: [2048 * MI, 1512 * MI, 2, 2], slow: [2048 * MI, 900 * MI, 1, 2] });
    await session.stop();
  });

  it('without permission says so, and never shows 0 bytes used as if known', async () => {
    const { session } = await open({ access: 'forbidden', message: 'No permission to read usage', intervalMs: 30_000, nodes: [], volumes: [] });
    const overview = await session.getOverview();
    expect(overview.usage).toEqual({ access: 'forbidden', message: 'No permission to read usage', recordedAt: '2026-11-28T00:00:05Z', fullest: [] });
    expect(overview.perClass.every((c) => c.usedBytes === undefined && c.measuredClaims === undefined)).toBe(true);
    await session.stop();
  });

  it('a file without usage: no usage part, counts as the store has them', async () => {
    const { session, store } = await open(undefined);
    const overview = await session.getOverview();
    expect(overview.usage).toBeUndefined();
    expect(overview.findings).toEqual(store.getOverview().findings);
    await session.stop();
  });
});
