import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { UsagePoint } from '../model/usage';
import { daysToFull, pointTime, TREND_MIN_SPAN_MS, usageTrend } from './trend';

const GI = 1024 ** 3;
const T0 = Date.parse('2026-12-01T00:00:00Z');
const at = (seconds: number, used: number, capacity: number | null = GI): UsagePoint => ({ time: new Date(T0 + seconds * 1000).toISOString(), usedBytes: used, ...(capacity !== null ? { capacityBytes: capacity } : {}) });

describe('pointTime', () => {
  it("reads a point's timeMs when set (the usage source sets it), else parses its ISO time", () => {
    expect(pointTime({ time: 'not a time', timeMs: 5, usedBytes: 0 })).toBe(5);
    expect(pointTime(at(60, 0))).toBe(T0 + 60_000);
    expect(pointTime({ time: 'not a time', usedBytes: 0 })).toBeNaN();
  });

  it('a history with timeMs gives the same trend as the same history parsed', () => {
    const parsed = [at(0, 0), at(60, GI / 8), at(120, GI / 4)];
    expect(usageTrend(parsed.map((p) => ({ ...p, timeMs: Date.parse(p.time) })))).toEqual(usageTrend(parsed));
  });
});

describe('usageTrend (least squares over the kept history)', () => {
  it('a steady rise: its rate in bytes per second and the seconds left until full', () => {
    // 1 MiB a minute from 512 MiB, every 30 s for 10 minutes.
    const history = Array.from({ length: 21 }, (_, i) => at(i * 30, 512 * 1024 ** 2 + i * 512 * 1024));
    const trend = usageTrend(history)!;
    expect(trend.bytesPerSecond).toBeCloseTo(1024 ** 2 / 60, 6);
    expect(trend.points).toBe(21);
    expect(trend.spanMs).toBe(600_000);
    // (1024 - 522) MiB left at 1 MiB a minute.
    expect(trend.secondsToFull).toBeCloseTo(502 * 60, 3);
    expect(daysToFull(trend)).toBe(1);
  });
  it('fits through noise: the slope of an up-and-down series is the least-squares one', () => {
    const ys = [10, 30, 20, 40, 30];
    const trend = usageTrend(ys.map((y, i) => at(i * 60, y * 1024 ** 2)))!;
    // x = 0..4 minutes, slope 5 MiB/min by hand: sum((x-2)(y-26)) / sum((x-2)^2) = 50 / 10.
    expect(trend.bytesPerSecond).toBeCloseTo((5 * 1024 ** 2) / 60, 6);
  });
  it('days to full count whole days, rounded up', () => {
    const slow = [at(0, 0), at(3600, 1024 ** 2), at(7200, 2 * 1024 ** 2)]; // 1 MiB an hour, 1022 MiB left
    expect(daysToFull(usageTrend(slow))).toBe(Math.ceil((1022 * 3600) / 86_400));
  });
  it('claims no trend from too little: fewer than 3 points, or less than a minute of them', () => {
    expect(usageTrend([at(0, 1), at(600, 2)])).toBeUndefined();
    expect(usageTrend([at(0, 1), at(10, 2), at(TREND_MIN_SPAN_MS / 1000 - 1, 3)])).toBeUndefined();
    expect(usageTrend([at(0, 1), { time: 'not a time', usedBytes: 2 }, at(600, 3)])).toBeUndefined();
  });
  it('flat or falling usage: no time to full; unknown capacity: none either', () => {
    expect(usageTrend([at(0, 5), at(60, 5), at(120, 5)])).toMatchObject({ bytesPerSecond: 0 });
    expect(usageTrend([at(0, 5), at(60, 5), at(120, 5)])?.secondsToFull).toBeUndefined();
    expect(usageTrend([at(0, 9), at(60, 6), at(120, 3)])?.secondsToFull).toBeUndefined();
    expect(usageTrend([at(0, 1, null), at(60, 2, null), at(120, 3, null)])?.secondsToFull).toBeUndefined();
    expect(daysToFull(undefined)).toBeUndefined();
  });
  it('an out-of-order history gives the same trend as the sorted one', () => {
    const history = [at(0, 100), at(60, 160), at(120, 230), at(180, 290)];
    expect(usageTrend([...history].reverse())).toEqual(usageTrend(history));
  });
  it('already full: 0 seconds left', () => {
    expect(usageTrend([at(0, GI - 2), at(60, GI - 1), at(120, GI)])?.secondsToFull).toBe(0);
  });
  it('any exact line of whole bytes is found again, however large the volume', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 3, max: 200 }), (start, perStep, n) => {
        const history = Array.from({ length: n }, (_, i) => at(i * 30, start + i * perStep, 2 ** 50));
        const trend = usageTrend(history)!;
        expect(trend.bytesPerSecond / (perStep / 30)).toBeCloseTo(1, 6);
        expect(trend.secondsToFull! * trend.bytesPerSecond).toBeCloseTo(2 ** 50 - (start + (n - 1) * perStep), -3);
      }),
    );
  });
});
