/**
 * Volume usage in a snapshot or recording: the usage report the app had when the file was captured (the
 * kubelets' measurements, not the history). A file comes from elsewhere, so the part is checked field by field
 * like a kubelet's answer (shared/usage/summary.ts): whole non-negative numbers, bounded names, known kinds. A part
 * that is not usable is dropped whole, with a message saying why; the rest of the snapshot opens as usual.
 */
import type { NodeUsage, UsageReport, VolumeUsage } from '../model/usage';
import { claimUsageKey, emptyDirUsageKey, ephemeralUsageKey, fsStats } from './summary';

/** Most volumes and nodes a snapshot's usage may hold (well past 10,000 claims and 5,000 nodes). */
const MAX_VOLUMES = 200_000;
const MAX_NODES = 20_000;
const MAX_NAME = 253;
const MAX_MESSAGE = 2000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const name = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME ? v : undefined);
const time = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v)) ? v : undefined);

/** The usage as captured, or why it was left out (English; the file's own words are never trusted as markup). */
export type SnapshotUsage = { usage: UsageReport } | { problem: string };

class Unusable extends Error {}

function volumeOf(v: unknown, where: string): VolumeUsage {
  if (!isObject(v)) throw new Unusable(`${where} is not an object`);
  const kind = v.kind;
  if (kind !== 'claim' && kind !== 'emptyDir' && kind !== 'ephemeral') throw new Unusable(`${where}.kind is not "claim", "emptyDir" or "ephemeral"`);
  const namespace = name(v.namespace);
  const pod = name(v.pod);
  const volume = name(v.volume);
  const node = name(v.node);
  if (!namespace || !pod || !volume || !node) throw new Unusable(`${where} lacks a namespace, pod, volume or node name (or one is longer than ${MAX_NAME} characters)`);
  const claim = kind === 'claim' ? name(v.claim) : undefined;
  if (kind === 'claim' && !claim) throw new Unusable(`${where} is a claim without a claim name`);
  // Keys are rebuilt, never taken from the file: they address history and findings.
  const key = kind === 'claim' ? claimUsageKey(namespace, claim ?? '') : kind === 'ephemeral' ? ephemeralUsageKey(namespace, pod) : emptyDirUsageKey(namespace, pod, volume);
  const fs = fsStats(v);
  const limit = fsStats({ capacityBytes: v.sizeLimitBytes }).capacityBytes;
  const measuredAt = time(v.time);
  return { key, kind, namespace, pod, volume, node, ...(claim ? { claim } : {}), ...fsFields(fs), ...(limit !== undefined ? { sizeLimitBytes: limit } : {}), ...(measuredAt ? { time: measuredAt } : {}) };
}

function fsFields(fs: ReturnType<typeof fsStats>) {
  const { time: _time, ...rest } = fs;
  return rest;
}

function nodeOf(n: unknown, where: string): NodeUsage {
  if (!isObject(n)) throw new Unusable(`${where} is not an object`);
  const node = name(n.node);
  if (!node) throw new Unusable(`${where}.node is not a node name`);
  const state = n.state;
  if (state !== 'pending' && state !== 'ok' && state !== 'error') throw new Unusable(`${where}.state is not "pending", "ok" or "error"`);
  const polledAt = time(n.polledAt);
  const error = typeof n.error === 'string' ? n.error.slice(0, MAX_MESSAGE) : undefined;
  return { node, state, ...(error !== undefined ? { error } : {}), ...(polledAt ? { polledAt } : {}), ...(isObject(n.fs) ? { fs: fsFields(fsStats(n.fs)) } : {}) };
}

/**
 * Reads a snapshot's `usage` part. Absent: undefined. Usable: the report, with access 'allowed' (or
 * 'forbidden' / 'error' as captured). Otherwise `problem` says what was wrong; the caller ignores the part.
 */
export function readSnapshotUsage(value: unknown): SnapshotUsage | undefined {
  if (value === undefined) return undefined;
  try {
    if (!isObject(value)) throw new Unusable('it is not an object');
    const access = value.access;
    if (access !== 'allowed' && access !== 'forbidden' && access !== 'error') throw new Unusable('"access" is not "allowed", "forbidden" or "error"');
    if (!Array.isArray(value.volumes)) throw new Unusable('"volumes" is not a list');
    if (!Array.isArray(value.nodes)) throw new Unusable('"nodes" is not a list');
    if (value.volumes.length > MAX_VOLUMES) throw new Unusable(`it lists more than ${MAX_VOLUMES} volumes`);
    if (value.nodes.length > MAX_NODES) throw new Unusable(`it lists more than ${MAX_NODES} nodes`);
    const volumes = value.volumes.map((v, i) => volumeOf(v, `volumes[${i}]`));
    const nodes = value.nodes.map((n, i) => nodeOf(n, `nodes[${i}]`));
    const intervalMs = fsStats({ capacityBytes: value.intervalMs }).capacityBytes ?? 0;
    const message = typeof value.message === 'string' ? value.message.slice(0, MAX_MESSAGE) : undefined;
    return { usage: { access, intervalMs, nodes, volumes, ...(message !== undefined ? { message } : {}) } };
  } catch (error) {
    if (error instanceof Unusable) return { problem: `The volume usage in this file was left out: ${error.message}. The objects are shown without it.` };
    throw error;
  }
}
