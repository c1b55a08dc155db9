/**
 * Volume usage for the built-in demo recording, generated (not measured): the demo shows Use %, the usage chart
 * and the usage findings as a live cluster would. The lab's kubelet stats are driven by annotations too
 * (e2e/cluster/kubelet-stats.ts), so there is no "real" usage to record; this writes a plausible history instead.
 *
 * For every claim that is Bound and mounted by a running pod at a sample time (the recording's own objects,
 * replayed to that time), one measurement: samples every 5 min over the 2 h before the recording starts (the
 * history a watching app would have kept), then every 25 s while it plays (each sample is a usage notice that
 * refreshes the open views: every 5 s kept a slow machine refreshing so often that the init pod's running step
 * went unseen in the engineer journey). Profiles, chosen by claim:
 * - lab-dynamic/data fills fast (50 % two hours ago, about 87 % at the end): claim.predicted-full and
 *   claim.nearly-full show;
 * - lab-static/reports holds about 2 % of its 2Gi all along: claim.over-provisioned shows;
 * - the others sit between 20 and 60 %, moving a little.
 *
 * Usage: npx tsx scripts/demo-usage.ts [resources/demo/demo.json]   (rewrites the file in place; record-demo.ts
 * calls addDemoUsage on each new recording)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { KubeObject, PersistentVolumeClaim, Pod } from '../src/shared/kube/objects';
import type { UsageReport, VolumeUsage } from '../src/shared/model/usage';
import { quantityBytes } from '../src/shared/quantity';
import type { Recording } from '../src/shared/snapshot-format';
import type { UsageTimelineSample } from '../src/shared/usage/usage-timeline';

const HISTORY_MS = 2 * 3600_000;
const HISTORY_STEP_MS = 5 * 60_000;
const REPLAY_STEP_MS = 25_000;

/** Used fraction of a claim at `t` ms from the recording's start (negative: before it). */
function usedFraction(key: string, t: number, endMs: number): number {
  const along = (t + HISTORY_MS) / (HISTORY_MS + endMs); // 0 two hours before the start, 1 at the end
  if (key === 'claim:lab-dynamic/data') return 0.5 + 0.37 * along;
  if (key === 'claim:lab-static/reports') return 0.018 + 0.002 * Math.sin(t / 600_000);
  let hash = 0;
  for (const c of key) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const base = 0.2 + (hash % 40) / 100;
  return base + 0.01 * Math.sin(t / 900_000 + (hash % 7));
}

type State = Map<string, KubeObject>;
const keyOf = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

/** The claims and pods of the recording as of `t` (its snapshot, then its events up to `t`). */
function stateAt(recording: Recording, t: number): { claims: State; pods: State } {
  const claims: State = new Map((recording.kinds.persistentvolumeclaims?.items ?? []).map((o) => [keyOf(o), o]));
  const pods: State = new Map((recording.kinds.pods?.items ?? []).map((o) => [keyOf(o), o]));
  for (const e of recording.events) {
    if (e.at > t) break;
    const map = e.kind === 'persistentvolumeclaims' ? claims : e.kind === 'pods' ? pods : undefined;
    if (!map) continue;
    if (e.type === 'DELETED') map.delete(keyOf(e.object));
    else map.set(keyOf(e.object), e.object);
  }
  return { claims, pods };
}

/** Bound claims mounted by a running pod with a node, each with that pod: what a kubelet would measure. */
function measured(claims: State, pods: State): { claim: PersistentVolumeClaim; pod: Pod; volume: string }[] {
  const out: { claim: PersistentVolumeClaim; pod: Pod; volume: string }[] = [];
  for (const claim of claims.values() as Iterable<PersistentVolumeClaim>) {
    if (claim.status?.phase !== 'Bound') continue;
    for (const pod of pods.values() as Iterable<Pod>) {
      if (pod.metadata?.namespace !== claim.metadata?.namespace || pod.status?.phase !== 'Running' || !pod.spec?.nodeName) continue;
      const volume = pod.spec.volumes?.find((v) => v.persistentVolumeClaim?.claimName === claim.metadata?.name);
      if (volume?.name) {
        out.push({ claim, pod, volume: volume.name });
        break;
      }
    }
  }
  return out;
}

/** The recording with `usage` (the volumes, as first measured) and `usageTimeline` set. */
export function addDemoUsage(recording: Recording): Recording {
  const endMs = recording.events.reduce((last, e) => Math.max(last, e.at), 0);
  const times: number[] = [];
  for (let t = -HISTORY_MS; t < 0; t += HISTORY_STEP_MS) times.push(t);
  for (let t = 0; t <= endMs; t += REPLAY_STEP_MS) times.push(t);
  if (times[times.length - 1] !== endMs) times.push(endMs);
  const volumes = new Map<string, VolumeUsage>();
  const timeline: UsageTimelineSample[] = [];
  for (const t of times) {
    const { claims, pods } = stateAt(recording, Math.max(0, t));
    const used: Record<string, number> = {};
    for (const { claim, pod, volume } of measured(claims, pods)) {
      const namespace = claim.metadata?.namespace ?? '';
      const name = claim.metadata?.name ?? '';
      const key = `claim:${namespace}/${name}`;
      const capacity = quantityBytes(claim.status?.capacity?.['storage']);
      if (capacity === undefined) continue;
      if (!volumes.has(key)) {
        const inodes = 65_536;
        volumes.set(key, { key, kind: 'claim', namespace, pod: pod.metadata?.name ?? '', volume, claim: name, node: pod.spec?.nodeName ?? '', capacityBytes: capacity, inodes, inodesUsed: 1200, inodesFree: inodes - 1200 });
      }
      used[key] = Math.round(capacity * Math.min(0.99, usedFraction(key, t, endMs)));
    }
    timeline.push({ at: t, used });
  }
  const nodes = [...new Set([...volumes.values()].map((v) => v.node))].sort().map((node) => ({ node, state: 'ok' as const }));
  const usage: UsageReport = { access: 'allowed', intervalMs: REPLAY_STEP_MS, nodes, volumes: [...volumes.values()] };
  return { ...recording, usage, usageTimeline: timeline };
}

async function main(): Promise<void> {
  const file = resolve(process.argv[2] ?? 'resources/demo/demo.json');
  const recording = JSON.parse(await readFile(file, 'utf8')) as Recording;
  const text = `${JSON.stringify(addDemoUsage(recording))}\n`;
  await writeFile(file, text);
  process.stderr.write(`[demo-usage] wrote ${file} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.dirname, 'demo-usage.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(`[demo-usage] ${String(error)}\n`);
    process.exit(1);
  });
}
