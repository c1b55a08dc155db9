import { describe, expect, it } from 'vitest';
import { parseSnapshotFile } from '../snapshot-format';
import type { UsageReport } from '../model/usage';
import { readSnapshotUsage } from './snapshot-usage';

const MI = 1024 ** 2;
const usage: UsageReport = {
  access: 'allowed',
  intervalMs: 30_000,
  nodes: [{ node: 'n1', state: 'ok', polledAt: '2026-11-28T00:00:00Z', fs: { capacityBytes: 100 * 1024 * MI, usedBytes: 8 * 1024 * MI } }, { node: 'n2', state: 'error', error: 'answered 502' }],
  volumes: [
    { key: 'claim:app/data', kind: 'claim', namespace: 'app', pod: 'web-0', volume: 'data', claim: 'data', node: 'n1', capacityBytes: 1024 * MI, usedBytes: 900 * MI, availableBytes: 124 * MI, time: '2026-11-28T00:00:00Z' },
    { key: 'emptyDir:app/web-0/cache', kind: 'emptyDir', namespace: 'app', pod: 'web-0', volume: 'cache', node: 'n1', usedBytes: 92 * MI, sizeLimitBytes: 100 * MI },
  ],
};
const snapshot = (u: unknown) =>
  JSON.stringify({ format: 'kse-snapshot', version: 1, capturedAt: '2026-11-28T00:00:05Z', context: 'prod', kinds: { persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'data', namespace: 'app' } }] } }, usage: u });

describe('usage in a snapshot', () => {
  it('is kept as captured', () => {
    const parsed = parseSnapshotFile(snapshot(usage), 's.json');
    expect(parsed.usage).toEqual(usage);
    expect(parsed.usageProblem).toBeUndefined();
  });
  it('a file without usage opens without it, and says nothing', () => {
    const parsed = parseSnapshotFile(snapshot(undefined), 's.json');
    expect(parsed.usage).toBeUndefined();
    expect(parsed.usageProblem).toBeUndefined();
  });
  it('malformed usage is left out with a clear message; the snapshot still opens with its objects', () => {
    const cases: [unknown, RegExp][] = [
      ['full', /it is not an object/],
      [{ ...usage, access: 'granted' }, /"access" is not/],
      [{ ...usage, volumes: {} }, /"volumes" is not a list/],
      [{ ...usage, volumes: [{ ...usage.volumes[0], kind: 'hostPath' }] }, /volumes\[0\]\.kind is not "claim", "emptyDir" or "ephemeral"/],
      [{ ...usage, volumes: [{ ...usage.volumes[0], namespace: 'x'.repeat(10_000) }] }, /volumes\[0\] lacks a namespace, pod, volume or node name/],
      [{ ...usage, volumes: [{ ...usage.volumes[0], claim: undefined }] }, /volumes\[0\] is a claim without a claim name/],
      [{ ...usage, nodes: [{ node: 'n1', state: '<img src=x onerror=alert(1)>' }] }, /nodes\[0\]\.state is not "pending", "ok" or "error"/],
    ];
    for (const [u, message] of cases) {
      const parsed = parseSnapshotFile(snapshot(u), 's.json');
      expect(parsed.usage).toBeUndefined();
      expect(parsed.usageProblem).toMatch(/^The volume usage in this file was left out: /);
      expect(parsed.usageProblem).toMatch(message);
      expect(parsed.usageProblem).toMatch(/The objects are shown without it\.$/);
      expect(parsed.kinds.persistentvolumeclaims?.items).toHaveLength(1);
    }
  });
  it('hostile numbers are dropped (unknown, never 0), keys are rebuilt from the names, long messages cut', () => {
    const read = readSnapshotUsage({
      ...usage,
      message: 'm'.repeat(100_000),
      volumes: [{ ...usage.volumes[0], key: 'claim:other/secret', usedBytes: -5, capacityBytes: 1.5, availableBytes: '9', inodes: Number.MAX_SAFE_INTEGER + 2 }],
    });
    expect(read && 'usage' in read).toBe(true);
    const report = (read as { usage: UsageReport }).usage;
    expect(report.message).toHaveLength(2000);
    const [v] = report.volumes;
    expect(v).toMatchObject({ key: 'claim:app/data', claim: 'data' });
    expect(v!.usedBytes).toBeUndefined();
    expect(v!.capacityBytes).toBeUndefined();
    expect(v!.availableBytes).toBeUndefined();
    expect(v!.inodes).toBeUndefined();
  });
});
