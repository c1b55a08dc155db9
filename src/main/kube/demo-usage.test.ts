/**
 * The built-in demo carries volume usage over its timeline (trial 4 N2, issue 14): a student sees Use %, the chart
 * and the usage findings in the demo, not "usage not recorded" in every row. Reads the shipped recording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseUsage } from '../../shared/diagnose/usage';
import { parseSnapshotFile, type Recording } from '../../shared/snapshot-format';
import { historyToSample, readUsageTimeline, reportAtSample, sampleIndexAt } from '../../shared/usage/usage-timeline';
import { RecordingSource } from './recording-source';

const text = readFileSync(join(__dirname, '..', '..', '..', 'resources', 'demo', 'demo.json'), 'utf8');
const demo = parseSnapshotFile(text, 'demo.json') as Recording;
const start = Date.parse(demo.capturedAt);
const end = demo.events.reduce((last, e) => Math.max(last, e.at), 0);

describe('the demo recording has usage over its timeline', () => {
  it('measures its bound, mounted claims with two hours of history before the start', () => {
    expect(demo.usage?.access).toBe('allowed');
    const timeline = demo.usageTimeline!;
    expect(timeline[0]!.at).toBeLessThanOrEqual(-3600_000);
    const atEnd = reportAtSample(demo.usage!, timeline, sampleIndexAt(timeline, end), start);
    expect(atEnd.volumes.map((v) => v.key)).toEqual(expect.arrayContaining(['claim:lab-dynamic/data', 'claim:lab-static/reports', 'claim:student/notebooks']));
    // Pending claims have no volume: never measured.
    expect(atEnd.volumes.some((v) => v.namespace === 'lab-stuck')).toBe(false);
    for (const v of atEnd.volumes) expect(v.usedBytes! + v.availableBytes!, v.key).toBe(v.capacityBytes);
  });

  it('shows a claim filling up fast (predicted full, nearly full) and an over-provisioned one', () => {
    const timeline = demo.usageTimeline!;
    const index = sampleIndexAt(timeline, end);
    const report = reportAtSample(demo.usage!, timeline, index, start);
    const findings = diagnoseUsage(report, { history: (key) => historyToSample(demo.usage!, timeline, index, start, key) });
    const codes = findings.map((f) => `${f.code} ${f.object.namespace}/${f.object.name}`);
    expect(codes).toContain('claim.predicted-full lab-dynamic/data');
    expect(codes).toContain('claim.nearly-full lab-dynamic/data');
    expect(codes).toContain('claim.over-provisioned lab-static/reports');
    expect(codes.filter((c) => !c.includes('lab-dynamic/data') && !c.includes('lab-static/reports'))).toEqual([]);
  });

  it('the replay shows the usage as of its position, live (no "as of capture")', async () => {
    const source = new RecordingSource(demo, 'demo', 'demo.json', { startAt: 'start' });
    const sink = { add() {}, update() {}, delete() {}, replace() {}, connection() {}, kindStatus() {}, replay() {} };
    let changes = 0;
    let moved: string[] = [];
    source.onRecordedUsage((volumes) => {
      changes++;
      moved = volumes;
    });
    await source.start(sink);
    const recorded = source.recordedUsage();
    expect(recorded && 'usage' in recorded && recorded.replayed).toBe(true);
    const known = recorded && 'usage' in recorded ? recorded.usage.volumes.map((v) => v.key) : [];
    expect(known).toContain('claim:lab-dynamic/data');
    // Before the wait-for-first-consumer claim is bound and mounted, it is not measured.
    expect(known).not.toContain('claim:lab-wffc/waiting');
    expect(source.recordedUsageHistory('claim:lab-dynamic/data').length).toBeGreaterThan(20);
    expect(changes).toBe(1);
    // The first sample replayed moved every volume it measured: the usage notice names them (and only them).
    expect([...moved].sort()).toEqual([...known].sort());
    await source.stop();
  });

  it('opens at its final state, and no history point is ever after the replay\'s clock (trial 9 defect 2)', async () => {
    const source = new RecordingSource(demo, 'demo', 'demo.json');
    const sink = { add() {}, update() {}, delete() {}, replace() {}, connection() {}, kindStatus() {}, replay() {} };
    await source.start(sink);
    expect(source.replayState()).toMatchObject({ positionMs: end, ended: true, playing: false });
    const keys = demo.usage!.volumes.map((v) => v.key);
    const latest = () => Math.max(...keys.flatMap((key) => source.recordedUsageHistory(key).map((p) => p.timeMs!)));
    // At the end: the last sample is replayed, and none lies after the recording's clock.
    expect(latest()).toBe(start + demo.usageTimeline!.filter((s) => s.at <= end).at(-1)!.at);
    expect(latest()).toBeLessThanOrEqual(source.now());
    // Restarted: back to the start, the history is cut there too.
    source.controlReplay('restart');
    source.controlReplay('pause');
    expect(latest()).toBeLessThanOrEqual(source.now());
    expect(latest()).toBeLessThanOrEqual(start);
    await source.stop();
  });

  it('drops an unusable timeline with why', () => {
    expect(readUsageTimeline([{ at: 0, used: { 'claim:a/b': -1 } }])).toEqual({ problem: expect.stringContaining('not a whole number of bytes') });
    expect(readUsageTimeline('x')).toEqual({ problem: 'usageTimeline is not a list' });
    // The fuzz's counterexample: an offset so far that no date exists there (toISOString threw, listFindings failed).
    expect(readUsageTimeline([{ at: -1.2191261836007321e64, used: {} }])).toEqual({ problem: expect.stringContaining('more than a year') });
    const far = { access: 'allowed' as const, intervalMs: 1, nodes: [], volumes: [{ key: 'claim:a/b', kind: 'claim' as const, namespace: 'a', pod: 'p', volume: 'v', claim: 'b', node: 'n' }] };
    expect(reportAtSample(far, [{ at: 0, used: { 'claim:a/b': 1 } }], 0, 8.64e15 + 1).volumes).toEqual([]);
    expect(historyToSample(far, [{ at: 0, used: { 'claim:a/b': 1 } }], 0, 8.64e15 + 1, 'claim:a/b')).toEqual([]);
    expect(readUsageTimeline([{ at: 5, used: {} }, { at: -5, used: {} }])).toEqual({ timeline: [{ at: -5, used: {} }, { at: 5, used: {} }] });
  });
});
