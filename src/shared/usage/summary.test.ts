import { describe, expect, test } from 'vitest';
import type { Pod } from '../kube/objects';
import { claimUsageKey, emptyDirUsageKey, ephemeralUsageKey, inodesPercent, mapEphemeral, mapVolumes, parseSummary, podEphemeralLimit, usageKeyRef, usePercent } from './summary';

// Captured from the lab's stand-in through the node proxy (e2e/cluster/kubelet-stats.ts), trimmed.
const SUMMARY = {
  node: { nodeName: 'lab-node-b1', startTime: '2026-12-01T00:50:31Z', fs: { time: '2026-12-01T00:50:41Z', availableBytes: 98687778816, capacityBytes: 107374182400, usedBytes: 8686403584, inodesFree: 6421056, inodes: 6553600, inodesUsed: 132544 } },
  pods: [
    {
      podRef: { name: 'log-writer', namespace: 'lab-usage', uid: 'u1' },
      startTime: '2026-12-01T00:50:40Z',
      containers: [],
      volume: [
        { time: '2026-12-01T00:50:41Z', availableBytes: 130023424, capacityBytes: 1073741824, usedBytes: 943718400, inodesFree: 65535, inodes: 65536, inodesUsed: 1, name: 'logs', pvcRef: { name: 'logs', namespace: 'lab-usage' } },
        { time: '2026-12-01T00:50:41Z', availableBytes: 98687778816, capacityBytes: 107374182400, usedBytes: 96468992, inodesFree: 6421056, inodes: 6553600, inodesUsed: 1, name: 'cache' },
        { time: '2026-12-01T00:50:41Z', usedBytes: 4096, name: 'kube-api-access' },
      ],
    },
  ],
};
const pod: Pod = {
  metadata: { name: 'log-writer', namespace: 'lab-usage', uid: 'u1' },
  spec: { volumes: [{ name: 'logs', persistentVolumeClaim: { claimName: 'logs' } }, { name: 'cache', emptyDir: { sizeLimit: '100Mi' } }, { name: 'kube-api-access', projected: {} } as never] },
};
const podOf = (ns: string, name: string) => (ns === 'lab-usage' && name === 'log-writer' ? pod : undefined);

describe('kubelet summary', () => {
  test('claims by pvcRef, emptyDirs by pod and volume name with their sizeLimit; other volumes left out', () => {
    const parsed = parseSummary(SUMMARY);
    expect(parsed.fs).toEqual({ availableBytes: 98687778816, capacityBytes: 107374182400, usedBytes: 8686403584, inodesFree: 6421056, inodes: 6553600, inodesUsed: 132544 });
    const rows = mapVolumes('lab-node-b1', parsed.volumes, podOf);
    expect(rows.map((r) => r.key)).toEqual(['claim:lab-usage/logs', 'emptyDir:lab-usage/log-writer/cache']);
    expect(rows[0]).toMatchObject({ kind: 'claim', claim: 'logs', node: 'lab-node-b1', usedBytes: 943718400, capacityBytes: 1073741824, time: '2026-12-01T00:50:41Z' });
    expect(rows[1]).toMatchObject({ kind: 'emptyDir', sizeLimitBytes: 104857600, usedBytes: 96468992 });
    expect(usePercent(rows[0]!)).toBe(87);
    expect(usePercent(rows[1]!)).toBe(92); // against the sizeLimit, not the node's filesystem
    expect(inodesPercent(rows[0]!)).toBe(0);
  });

  test('an emptyDir of a pod re-created under the same name (another uid) is not matched', () => {
    const rows = mapVolumes('n', parseSummary(SUMMARY).volumes, () => ({ ...pod, metadata: { ...pod.metadata, uid: 'other' } }));
    expect(rows.map((r) => r.kind)).toEqual(['claim']);
  });

  test('hostile input: wrong types, negatives, fractions and huge names are left out, never trusted', () => {
    const parsed = parseSummary({
      node: { fs: { capacityBytes: -1, usedBytes: 1.5, availableBytes: '9' } },
      pods: [null, 'x', { podRef: { name: 'a'.repeat(300), namespace: 'n' } }, { podRef: { name: 'p', namespace: 'n' }, volume: [{ name: 'v', pvcRef: { name: 'c', namespace: 'n' }, usedBytes: 1e300, capacityBytes: 10, time: 'not a time' }] }],
    });
    expect(parsed.fs).toEqual({});
    expect(parsed.volumes).toEqual([{ namespace: 'n', pod: 'p', volume: 'v', pvcRef: { name: 'c', namespace: 'n' }, fs: { capacityBytes: 10 } }]);
    expect(usePercent({ capacityBytes: 10 })).toBeUndefined();
    expect(() => parseSummary('<html>')).toThrow(/not a kubelet stats summary/);
  });
});

describe('the object a usage key is about', () => {
  test('a claim key names the claim, an emptyDir key its pod; anything else nothing', () => {
    expect(usageKeyRef(claimUsageKey('shop', 'data'))).toEqual({ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' });
    expect(usageKeyRef(emptyDirUsageKey('shop', 'web-0', 'cache'))).toEqual({ kind: 'pods', namespace: 'shop', name: 'web-0' });
    expect(usageKeyRef(ephemeralUsageKey('shop', 'web-0'))).toEqual({ kind: 'pods', namespace: 'shop', name: 'web-0' });
    for (const key of ['claim:shop', 'claim:shop/a/b', 'emptyDir:shop/web-0', 'node:x', 'nonsense', 'claim:/data']) expect(usageKeyRef(key)).toBeUndefined();
  });
});

describe("a pod's ephemeral storage", () => {
  const MI = 1024 ** 2;
  const limited = (limits: (string | undefined)[], init: (string | undefined)[] = []): Pod => ({
    metadata: { namespace: 'ci', name: 'build-0', uid: 'u1' },
    spec: {
      containers: limits.map((l, i) => ({ name: `c${i}`, ...(l ? { resources: { limits: { 'ephemeral-storage': l } } } : {}) })),
      initContainers: init.map((l, i) => ({ name: `i${i}`, ...(l ? { resources: { limits: { 'ephemeral-storage': l } } } : {}) })),
    },
  });

  test("its limit is its containers' limits summed, or an init container's when larger; none when no container sets one", () => {
    expect(podEphemeralLimit(limited(['100Mi', '50Mi', undefined]))).toBe(150 * MI);
    expect(podEphemeralLimit(limited(['100Mi'], ['1Gi']))).toBe(1024 * MI);
    expect(podEphemeralLimit(limited([undefined]))).toBeUndefined();
  });

  test('is read from pods[].ephemeral-storage and kept only for pods with a limit, of the same uid', () => {
    const body = {
      node: { nodeName: 'n1', fs: {} },
      pods: [
        { podRef: { name: 'build-0', namespace: 'ci', uid: 'u1' }, volume: [], 'ephemeral-storage': { usedBytes: 190 * MI, capacityBytes: 100 * 1024 * MI, availableBytes: 90 * 1024 * MI, time: '2026-12-01T00:00:00Z' } },
        { podRef: { name: 'free', namespace: 'ci', uid: 'u2' }, volume: [], 'ephemeral-storage': { usedBytes: 5 } },
        { podRef: { name: 'build-0', namespace: 'ci', uid: 'old' }, volume: [], 'ephemeral-storage': { usedBytes: 7 } },
        { podRef: { name: 'bad', namespace: 'ci' }, volume: [], 'ephemeral-storage': { usedBytes: -1 } },
      ],
    };
    const parsed = parseSummary(body);
    expect(parsed.pods?.map((p) => p.pod)).toEqual(['build-0', 'free', 'build-0']);
    const pods: Record<string, Pod> = { 'ci/build-0': limited(['200Mi']), 'ci/free': { ...limited([undefined]), metadata: { namespace: 'ci', name: 'free', uid: 'u2' } } };
    expect(mapEphemeral('n1', parsed.pods ?? [], (ns, name) => pods[`${ns}/${name}`])).toEqual([
      { key: 'ephemeral:ci/build-0', kind: 'ephemeral', namespace: 'ci', pod: 'build-0', volume: 'ephemeral-storage', node: 'n1', usedBytes: 190 * MI, capacityBytes: 100 * 1024 * MI, availableBytes: 90 * 1024 * MI, time: '2026-12-01T00:00:00Z', sizeLimitBytes: 200 * MI },
    ]);
  });
});
