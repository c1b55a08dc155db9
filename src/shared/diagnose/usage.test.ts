import { describe, expect, test } from 'vitest';
import type { UsageReport, VolumeUsage } from '../model/usage';
import { plainText } from '../verbatim';
import { diagnoseUsage } from './usage';

const MI = 1024 ** 2;
const claim: VolumeUsage = { key: 'claim:shop/logs', kind: 'claim', namespace: 'shop', pod: 'web-0', volume: 'logs', claim: 'logs', node: 'n1', capacityBytes: 1024 * MI, usedBytes: 900 * MI, availableBytes: 124 * MI, inodes: 1000, inodesUsed: 10, time: '2026-12-01T00:00:00Z' };
const cache: VolumeUsage = { key: 'emptyDir:shop/web-0/cache', kind: 'emptyDir', namespace: 'shop', pod: 'web-0', volume: 'cache', node: 'n1', capacityBytes: 100 * 1024 * MI, usedBytes: 50 * MI, availableBytes: 90 * 1024 * MI, sizeLimitBytes: 100 * MI };
const report = (volumes: VolumeUsage[], extra: Partial<UsageReport> = {}): UsageReport => ({ access: 'allowed', intervalMs: 30_000, nodes: [{ node: 'n1', state: 'ok' }], volumes, ...extra });
const codes = (r: UsageReport) => diagnoseUsage(r).map((f) => `${f.code}:${f.severity}`);

describe('usage findings', () => {
  test('nearly full: warning from 85 %, problem from 95 %, nothing below', () => {
    expect(codes(report([{ ...claim, usedBytes: 880 * MI }]))).toEqual(['claim.nearly-full:warning']);
    expect(codes(report([{ ...claim, usedBytes: 973 * MI }]))).toEqual(['claim.nearly-full:problem']);
    expect(codes(report([{ ...claim, usedBytes: 860 * MI }]))).toEqual([]); // 83 %
    expect(codes(report([{ ...claim, usedBytes: undefined }]))).toEqual([]); // unknown is not "empty" and not "full"
    const f = diagnoseUsage(report([claim]))[0]!;
    expect(f.object).toEqual({ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'logs' });
    expect(plainText(f.cause.en)).toBe('Claim logs is 87 % full (900Mi of 1Gi): when it is full, writes fail with "No space left on device".');
    expect(plainText(f.cause.ru)).toContain('Заявка logs заполнена на 87 %');
    expect(f.evidence[0]!.source).toBe('/api/v1/nodes/n1/proxy/stats/summary pods[].volume[pvcRef.name=logs]');
    expect(f.fix[0]!.command).toBe("kubectl patch pvc logs -n shop --type merge -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}'");
    expect(f.lesson).toBe('volume-usage');
  });

  test('inodes, and an emptyDir against its sizeLimit (never against the node filesystem)', () => {
    expect(codes(report([{ ...claim, usedBytes: 0, inodesUsed: 990 }]))).toEqual(['claim.inodes-nearly-exhausted:problem']);
    expect(codes(report([{ ...cache, usedBytes: 92 * MI }]))).toEqual(['pod.emptydir-near-limit:warning']);
    expect(codes(report([{ ...cache, usedBytes: 96 * MI, sizeLimitBytes: undefined }]))).toEqual([]);
    const f = diagnoseUsage(report([{ ...cache, usedBytes: 99 * MI }]))[0]!;
    expect(f).toMatchObject({ code: 'pod.emptydir-near-limit', severity: 'problem', object: { kind: 'pods', namespace: 'shop', name: 'web-0' } });
    expect(f.evidence[1]).toMatchObject({ value: String(100 * MI), note: { en: '100Mi', ru: '100 МиБ' }, source: 'spec.volumes[name=cache].emptyDir.sizeLimit' });
  });

  test("a pod's ephemeral storage against its containers' limits: warning from 85 %, problem from 95 %, with the kubelet's eviction words", () => {
    const pod: VolumeUsage = { key: 'ephemeral:shop/build-0', kind: 'ephemeral', namespace: 'shop', pod: 'build-0', volume: 'ephemeral-storage', node: 'n1', capacityBytes: 100 * 1024 * MI, usedBytes: 100 * MI, availableBytes: 90 * 1024 * MI, sizeLimitBytes: 200 * MI };
    expect(codes(report([pod]))).toEqual([]); // 50 %
    expect(codes(report([{ ...pod, usedBytes: 172 * MI }]))).toEqual(['pod.ephemeral-storage-near-limit:warning']);
    const f = diagnoseUsage(report([{ ...pod, usedBytes: 195 * MI }]))[0]!;
    expect(f).toMatchObject({ code: 'pod.ephemeral-storage-near-limit', severity: 'problem', object: { kind: 'pods', namespace: 'shop', name: 'build-0' }, lesson: 'volume-usage' });
    expect(plainText(f.cause.en)).toBe("Pod build-0 uses 195Mi of ephemeral storage, 97 % of its containers' ephemeral-storage limit 200Mi: its containers' writable layers and logs and its emptyDirs on disk all count. Past the limit the kubelet evicts the pod (\"Pod ephemeral local storage usage exceeds the total limit of containers 200Mi.\").");
    expect(plainText(f.cause.ru)).toContain('Под build-0 занимает 195 МиБ эфемерного хранилища, 97 %');
    expect(f.evidence.map((e) => e.source)).toEqual(['/api/v1/nodes/n1/proxy/stats/summary pods[podRef.name=build-0].ephemeral-storage.usedBytes', 'spec.containers[].resources.limits.ephemeral-storage', 'spec.nodeName']);
    expect(f.fix[0]!.command).toBe("kubectl -n shop get pod build-0 -o 'jsonpath={.spec.containers[*].resources.limits}'");
  });

  test('usage unknown names the node; no permission is no finding at all', () => {
    const r = report([], { nodes: [{ node: 'n1', state: 'ok' }, { node: "n2'; rm -rf /", state: 'error', error: 'answered 502' }] });
    const [f] = diagnoseUsage(r);
    expect(f).toMatchObject({ code: 'node.usage-unknown', object: { kind: 'nodes', name: "n2'; rm -rf /" } });
    expect(plainText(f!.cause.en)).toContain("Volume usage on node n2'; rm -rf / is unknown");
    expect(f!.fix[0]!.command).toBe("kubectl get node 'n2'\\''; rm -rf /' -o wide");
    expect(diagnoseUsage(report([{ ...claim, usedBytes: 1000 * MI }], { access: 'forbidden' }))).toEqual([]);
  });
});
