import { describe, expect, it } from 'vitest';
import { diagnoseUsage } from '../../shared/diagnose/usage';
import type { UsagePoint, UsageReport, VolumeUsage } from '../../shared/model/usage';
import { usageFindings } from './usage-findings';
import { turnsDuring as turnsOf } from './testing/event-loop-turns';

const MI = 1024 ** 2;
const GI = 1024 * MI;
const T0 = Date.parse('2026-12-01T00:00:00Z');

/** 300 claims filling at 1 MiB a minute (predicted full), one nearly full, and a node that could not be read. */
function report(): UsageReport {
  const volumes: VolumeUsage[] = Array.from({ length: 300 }, (_, i) => ({
    key: `claim:shop/data-${i}`, kind: 'claim', namespace: 'shop', pod: `web-${i}`, volume: 'data', claim: `data-${i}`, node: 'n1',
    capacityBytes: GI, usedBytes: (i === 0 ? 1000 : 700) * MI, availableBytes: (i === 0 ? 24 : 324) * MI,
  }));
  return { access: 'allowed', intervalMs: 60_000, nodes: [{ node: 'n1', state: 'ok' }, { node: 'n2', state: 'error', error: 'timeout' }], volumes };
}
const history = (): UsagePoint[] =>
  Array.from({ length: 121 }, (_, i) => ({ time: new Date(T0 + i * 60_000).toISOString(), usedBytes: 580 * MI + i * MI, capacityBytes: GI }));
const trend = { history, intervalMs: 60_000 };

describe('usageFindings (sliced)', () => {
  it('gives the findings of diagnoseUsage, in its order', async () => {
    const expected = diagnoseUsage(report(), trend);
    expect(expected.length).toBeGreaterThan(300);
    expect(await usageFindings(report(), trend, 0)).toEqual(expected);
    expect(await usageFindings(report(), trend)).toEqual(expected);
    expect(await usageFindings({ ...report(), access: 'forbidden' }, trend, 0)).toEqual([]);
  });

  it('lets the event loop turn between slices (and not within one when the slice is long enough for all)', async () => {
    const turnsDuring = (sliceMs: number) => turnsOf(usageFindings(report(), trend, sliceMs));
    expect(await turnsDuring(0)).toBeGreaterThanOrEqual(299);
    expect(await turnsDuring(Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(1);
  });
});
