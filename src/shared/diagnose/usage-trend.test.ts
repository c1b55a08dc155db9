import { describe, expect, test } from 'vitest';
import type { UsagePoint, UsageReport, VolumeUsage } from '../model/usage';
import { plainText } from '../verbatim';
import { diagnoseUsage } from './usage';
import { OVER_PROVISIONED_MIN_MS } from './usage-trend';

const MI = 1024 ** 2;
const GI = 1024 * MI;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const claim: VolumeUsage = { key: 'claim:shop/logs', kind: 'claim', namespace: 'shop', pod: 'web-0', volume: 'logs', claim: 'logs', node: 'n1', capacityBytes: GI, usedBytes: 500 * MI, availableBytes: 524 * MI };
const report: UsageReport = { access: 'allowed', intervalMs: 30_000, nodes: [{ node: 'n1', state: 'ok' }], volumes: [claim] };
/** One point a minute, `perMinute` bytes more each time. */
const line = (start: number, perMinute: number, minutes: number, capacity = GI): UsagePoint[] =>
  Array.from({ length: minutes + 1 }, (_, i) => ({ time: new Date(T0 + i * 60_000).toISOString(), usedBytes: start + i * perMinute, capacityBytes: capacity }));
const run = (history: UsagePoint[], extra: { overProvisionedMinMs?: number } = {}) => diagnoseUsage(report, { history: () => history, intervalMs: 60_000, ...extra });
const codes = (history: UsagePoint[], extra = {}) => run(history, extra).map((f) => `${f.code}:${f.severity}`);

describe('trend findings', () => {
  test('predicted full within 24 h: a warning with rate, time left and the history it rests on', () => {
    // 500 MiB, +1 MiB a minute for 30 min: 494 MiB left at 60 MiB/h, about 9 h.
    const history = line(470 * MI, MI, 30);
    const [f] = run(history);
    expect(f).toMatchObject({ code: 'claim.predicted-full', severity: 'warning', object: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'logs' }, lesson: 'volume-usage' });
    expect(plainText(f!.cause.en)).toBe('Claim logs grew by about 60Mi an hour over the last 30 min: at that rate it is full in about 9 h (500Mi of 1Gi now).');
    expect(plainText(f!.cause.ru)).toBe('Заявка logs росла примерно на 60 МиБ в час за последние 30 мин: при таком темпе она заполнится примерно через 9 ч (сейчас 500 МиБ из 1 ГиБ).');
    // Observed sizes are the kubelet's byte counts, with the size in each language; derived figures are words.
    expect(f!.evidence.map((e) => [e.label.en, e.value])).toEqual([['Rate', ''], ['Full in', ''], ['Used', String(500 * MI)], ['Capacity', String(1024 * MI)], ['History seen', '']]);
    expect(f!.evidence.map((e) => e.note?.ru.split(/[:;]/)[0])).toEqual(['около 60 МиБ в час', 'около 9 ч', '500 МиБ', '1 ГиБ', '31 измерение за 30 мин, раз в 60 с, хранятся в памяти приложения с начала наблюдения (более старое неизвестно)']);
    // Trial 9 of issue 8: the Russian facts read «Темп 188Mi/h», «~1 h», «28 × 121 min».
    for (const e of f!.evidence) expect(`${e.value} ${e.note?.ru ?? ''}`, e.label.en).not.toMatch(/\bmin\b|\bh\b|Mi\b|Gi\b/);
    expect(f!.evidence[0]!.source).toBe('/api/v1/nodes/n1/proxy/stats/summary pods[].volume[pvcRef.name=logs].usedBytes');
    expect(f!.evidence[4]!.note?.en).toContain("kept in this app's memory since it started watching");
    expect(f!.fix[1]!.command).toBe("kubectl patch pvc logs -n shop --type merge -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"2Gi\"}}}}'");
  });

  test('no prediction when it would take longer than a day, when flat or falling, or with too little history', () => {
    expect(codes(line(500 * MI, 10 * 1024, 30))).toEqual([]); // 10 KiB a minute: weeks
    expect(codes(line(500 * MI, 0, 30))).toEqual([]);
    expect(codes(line(800 * MI, -MI, 30))).toEqual([]);
    expect(codes(line(500 * MI, 10 * MI, 1))).toEqual([]); // two points
  });

  test('over-provisioned (info) only after an hour of history at most 10 % used, and the text says it is what was seen', () => {
    const low = line(50 * MI, 0, 61); // 4 % for 61 min
    const [f] = run(low);
    expect(f).toMatchObject({ code: 'claim.over-provisioned', severity: 'info' });
    expect(plainText(f!.cause.en)).toBe('Claim logs used at most 4 % of its 1Gi (50Mi) over the 61 min of measurements the app has of it. How full it was before them is unknown: a live cluster\'s history is kept in memory only, while the app runs, and a recording\'s is what it recorded.');
    expect(plainText(f!.cause.ru)).toContain('хранится только в памяти');
    expect(f!.evidence[0]).toMatchObject({ value: String(50 * MI), note: { en: '50Mi; 4 %; info below 10 % at every measurement', ru: '50 МиБ; 4 %; сведение, если каждое измерение ниже 10 %' } });
    expect(codes(line(50 * MI, 0, 59))).toEqual([]); // under an hour
    expect(codes(line(50 * MI, 0, 5), { overProvisionedMinMs: 5 * 60_000 })).toEqual(['claim.over-provisioned:info']);
    // One measurement at 10 % is enough to say nothing.
    const spike = line(50 * MI, 0, 61);
    spike[30] = { ...spike[30]!, usedBytes: 103 * MI };
    expect(codes(spike)).toEqual([]);
    expect(OVER_PROVISIONED_MIN_MS).toBe(3_600_000);
  });

  test('none without history, none for emptyDirs, none without permission', () => {
    expect(diagnoseUsage(report).map((f) => f.code)).toEqual([]);
    const cache: VolumeUsage = { ...claim, key: 'emptyDir:shop/web-0/cache', kind: 'emptyDir', claim: undefined };
    expect(diagnoseUsage({ ...report, volumes: [cache] }, { history: () => line(0, MI, 30) })).toEqual([]);
    expect(diagnoseUsage({ ...report, access: 'forbidden' }, { history: () => line(470 * MI, MI, 30) })).toEqual([]);
  });
});
