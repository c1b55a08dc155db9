/**
 * A recording's volume usage over its timeline (the built-in demo): the kubelet measurements a replay shows as
 * it plays, so that Use %, the chart and the trend findings work on a recording as on a live cluster.
 *
 * Shape: the recording's `usage` report names each measured volume once (node, pod, capacity); `usageTimeline`
 * gives, per sample, the used bytes of each volume measured then (`at` ms after the recording's start; negative
 * for the history seen before it). A volume absent from a sample was not measured then (not yet mounted).
 * A file comes from elsewhere: the timeline is checked and dropped whole, with why, when unusable.
 */
import type { UsagePoint, UsageReport, VolumeUsage } from '../model/usage';
import { pointTime } from './trend';

/** One measurement round: used bytes per volume key, `at` ms after the recording's start. */
export interface UsageTimelineSample {
  at: number;
  used: Record<string, number>;
}

/** Most samples a recording may carry (2 h at 30 s is 240). */
const MAX_SAMPLES = 5000;
const MAX_KEYS = 20_000;
/**
 * Furthest a sample may lie from the recording's start, ms (a year either way): any offset past that is not a
 * recording's, and one far enough (1e64) makes no date at all (`toISOString` throws RangeError: the fuzz found it).
 */
const MAX_OFFSET_MS = 366 * 24 * 3600_000;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The timeline, checked and sorted by time, or why it is unusable. */
export function readUsageTimeline(value: unknown): { timeline: UsageTimelineSample[] } | { problem: string } | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return { problem: 'usageTimeline is not a list' };
  if (value.length > MAX_SAMPLES) return { problem: `usageTimeline has ${value.length} samples, more than ${MAX_SAMPLES}` };
  const out: UsageTimelineSample[] = [];
  for (const [i, sample] of value.entries()) {
    if (!isObject(sample) || typeof sample.at !== 'number' || !Number.isFinite(sample.at)) return { problem: `usageTimeline[${i}].at is not a time offset in ms` };
    if (Math.abs(sample.at) > MAX_OFFSET_MS) return { problem: `usageTimeline[${i}].at is ${sample.at} ms from the start, more than a year` };
    if (!isObject(sample.used)) return { problem: `usageTimeline[${i}].used is not an object` };
    const entries = Object.entries(sample.used);
    if (entries.length > MAX_KEYS) return { problem: `usageTimeline[${i}].used has more than ${MAX_KEYS} volumes` };
    const used: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const [key, bytes] of entries) {
      if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return { problem: `usageTimeline[${i}].used["${key.slice(0, 80)}"] is not a whole number of bytes` };
      used[key] = bytes;
    }
    out.push({ at: sample.at, used });
  }
  return { timeline: out.sort((a, b) => a.at - b.at) };
}

/** ISO time of ms since the epoch, or undefined past the dates JavaScript can represent (±8.64e15 ms). */
function isoAt(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Index of the last sample at or before `positionMs`; -1 when none is. */
export function sampleIndexAt(timeline: readonly UsageTimelineSample[], positionMs: number): number {
  let found = -1;
  for (let i = 0; i < timeline.length && timeline[i]!.at <= positionMs; i++) found = i;
  return found;
}

/**
 * The usage report as of sample `index`: the volumes measured in it, with their used and available bytes and
 * measurement time (capacity, node and pod from `base`). Nothing before the first sample: no volumes.
 */
export function reportAtSample(base: UsageReport, timeline: readonly UsageTimelineSample[], index: number, startMs: number): UsageReport {
  const sample = timeline[index];
  const time = sample ? isoAt(startMs + sample.at) : undefined;
  if (!sample || time === undefined) return { ...base, volumes: [] };
  const volumes: VolumeUsage[] = [];
  for (const v of base.volumes) {
    const used = sample.used[v.key];
    if (used === undefined) continue;
    volumes.push({ ...v, usedBytes: used, ...(v.capacityBytes !== undefined ? { availableBytes: Math.max(0, v.capacityBytes - used) } : {}), time });
  }
  return { ...base, volumes, nodes: base.nodes.map((n) => ({ ...n, polledAt: time })) };
}

/** A volume's history up to sample `index`, oldest first (its capacity from `base`). */
export function historyToSample(base: UsageReport, timeline: readonly UsageTimelineSample[], index: number, startMs: number, key: string): UsagePoint[] {
  const capacity = base.volumes.find((v) => v.key === key)?.capacityBytes;
  const out: UsagePoint[] = [];
  for (let i = 0; i <= index && i < timeline.length; i++) {
    const used = timeline[i]!.used[key];
    const timeMs = startMs + timeline[i]!.at;
    const time = isoAt(timeMs);
    if (used !== undefined && time !== undefined) out.push({ time, timeMs, usedBytes: used, ...(capacity !== undefined ? { capacityBytes: capacity } : {}) });
  }
  return out;
}

/**
 * A volume's history cut at `untilMs` (epoch ms): no point measured after it (trial 9 defect 2). The UI cuts a
 * replay's history at the replay's clock, so that a history fetched before a restart (or cached from a later
 * position) never shows samples the replay has not reached; points without a time are kept out.
 */
export function historyUntil(points: readonly UsagePoint[], untilMs: number): UsagePoint[] {
  return points.filter((p) => {
    const at = pointTime(p);
    return Number.isFinite(at) && at <= untilMs;
  });
}
