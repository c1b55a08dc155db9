import { describe, expect, it } from 'vitest';
import type { UsageReport, VolumeUsage } from '../model/usage';
import { claimUsageOf, claimUsageSortValue } from './claim-usage';

const claim = { namespace: 'shop', name: 'data', phase: 'Bound', pods: ['web-0'] };
const volume: VolumeUsage = {
  key: 'claim:shop/data', kind: 'claim', namespace: 'shop', pod: 'web-0', volume: 'data', claim: 'data', node: 'node-1',
  capacityBytes: 1024 ** 3, usedBytes: 900 * 1024 ** 2, availableBytes: 124 * 1024 ** 2, inodes: 1000, inodesUsed: 420, time: '2026-12-01T04:00:00Z',
};
const report = (over: Partial<UsageReport> = {}): UsageReport => ({
  access: 'allowed', intervalMs: 30_000, nodes: [{ node: 'node-1', state: 'ok' }, { node: 'node-2', state: 'error', error: 'connection refused' }], volumes: [volume], ...over,
});
const onNode = (node: string | undefined) => () => node;

describe('claimUsageOf', () => {
  it('measured: bytes, whole percents rounded down, the node', () => {
    const u = claimUsageOf(claim, report(), onNode('node-1'));
    expect(u).toEqual({ state: 'known', usedBytes: volume.usedBytes, capacityBytes: volume.capacityBytes, availableBytes: volume.availableBytes, usePercent: 87, inodesPercent: 42, node: 'node-1', time: volume.time });
    expect(claimUsageSortValue(u, 'used')).toBe(volume.usedBytes);
    expect(claimUsageSortValue(u, 'free')).toBe(volume.availableBytes);
    expect(claimUsageSortValue(u, 'usePercent')).toBe(87);
  });
  it('without permission says so, whatever the volumes', () => {
    expect(claimUsageOf(claim, report({ access: 'forbidden', message: 'nodes "node-1" is forbidden' }), onNode('node-1'))).toEqual({ state: 'unknown', reason: 'forbidden', message: 'nodes "node-1" is forbidden' });
    expect(claimUsageOf(claim, report({ access: 'checking' }), onNode('node-1'))).toMatchObject({ state: 'unknown', reason: 'checking' });
    expect(claimUsageOf(claim, report({ access: 'unsupported' }), onNode('node-1'))).toMatchObject({ state: 'unknown', reason: 'unsupported' });
  });
  it('names the node that did not answer', () => {
    expect(claimUsageOf(claim, report({ volumes: [] }), onNode('node-2'))).toEqual({ state: 'unknown', reason: 'node-error', node: 'node-2', message: 'connection refused' });
  });
  it('says why a claim has no measurement: not bound, not mounted, not polled yet, not reported', () => {
    const empty = report({ volumes: [] });
    expect(claimUsageOf({ ...claim, phase: 'Pending' }, empty, onNode('node-1'))).toMatchObject({ reason: 'not-bound' });
    expect(claimUsageOf({ ...claim, pods: [] }, empty, onNode('node-1'))).toMatchObject({ reason: 'not-mounted' });
    expect(claimUsageOf(claim, empty, onNode(undefined))).toMatchObject({ reason: 'not-mounted' });
    expect(claimUsageOf(claim, empty, onNode('node-3'))).toMatchObject({ reason: 'checking', node: 'node-3' });
    expect(claimUsageOf(claim, empty, onNode('node-1'))).toMatchObject({ reason: 'not-reported', node: 'node-1' });
    expect(claimUsageOf(claim, report({ volumes: [{ ...volume, usedBytes: undefined }] }), onNode('node-1'))).toMatchObject({ reason: 'not-reported' });
  });
  it('unknown usage never sorts as a number', () => {
    expect(claimUsageSortValue({ state: 'unknown', reason: 'forbidden' }, 'used')).toBeUndefined();
    expect(claimUsageSortValue(undefined, 'usePercent')).toBeUndefined();
  });
});
