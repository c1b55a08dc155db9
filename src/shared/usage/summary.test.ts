import { describe, expect, test } from 'vitest';
import type { Pod } from '../kube/objects';
import { claimUsageKey, emptyDirUsageKey, inodesPercent, mapVolumes, parseSummary, usageKeyRef, usePercent } from './summary';

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
    for (const key of ['claim:shop', 'claim:shop/a/b', 'emptyDir:shop/web-0', 'node:x', 'nonsense', 'claim:/data']) expect(usageKeyRef(key)).toBeUndefined();
  });
});
