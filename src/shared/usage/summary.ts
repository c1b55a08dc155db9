/**
 * Parsing the kubelet's Summary API response and mapping its volumes to claims and emptyDirs.
 *
 * Shape: k8s.io/kubelet/pkg/apis/stats/v1alpha1 (types.go) `Summary`: `node.fs` (FsStats) and `pods[]` with
 * `podRef {name, namespace, uid}` and `volume[]` (VolumeStats: FsStats inlined, `name`, `pvcRef {name, namespace}`).
 * The response comes from a cluster, so it is hostile input: every field is checked, numbers must be whole and
 * non-negative, strings are bounded, and what does not fit is left out rather than trusted.
 */
import type { Pod } from '../kube/objects';
import type { ObjectRef } from '../model/refs';
import type { NodeFsUsage, VolumeUsage } from '../model/usage';
import { quantityBytes } from '../quantity';

const MAX_NAME = 253;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const name = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME ? v : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);

/** FsStats fields that are whole non-negative numbers; others are left out. */
export function fsStats(v: unknown): NodeFsUsage & { time?: string } {
  if (!isObject(v)) return {};
  const out: NodeFsUsage & { time?: string } = {};
  for (const field of ['capacityBytes', 'usedBytes', 'availableBytes', 'inodes', 'inodesUsed', 'inodesFree'] as const) {
    const n = count(v[field]);
    if (n !== undefined) out[field] = n;
  }
  if (typeof v.time === 'string' && v.time.length <= 40 && !Number.isNaN(Date.parse(v.time))) out.time = v.time;
  return out;
}

/** A pod's volume as the kubelet measured it, before it is matched to the pod's spec. */
export interface RawVolumeStats {
  namespace: string;
  pod: string;
  podUid?: string;
  volume: string;
  pvcRef?: { name: string; namespace: string };
  fs: NodeFsUsage & { time?: string };
}

/** A pod's whole ephemeral storage as the kubelet measured it (pods[].ephemeral-storage). */
export interface RawPodEphemeral {
  namespace: string;
  pod: string;
  podUid?: string;
  fs: NodeFsUsage & { time?: string };
}

export interface ParsedSummary {
  fs?: NodeFsUsage;
  volumes: RawVolumeStats[];
  /** Pods with an ephemeral-storage measurement. */
  pods?: RawPodEphemeral[];
}

/** Reads one node's Summary; throws an Error with a user-facing message when it is not one. */
export function parseSummary(body: unknown): ParsedSummary {
  if (!isObject(body) || !isObject(body.node)) throw new Error('the answer is not a kubelet stats summary (no "node")');
  const volumes: RawVolumeStats[] = [];
  const ephemeral: RawPodEphemeral[] = [];
  const pods = Array.isArray(body.pods) ? body.pods : [];
  for (const p of pods) {
    if (!isObject(p) || !isObject(p.podRef)) continue;
    const podName = name(p.podRef.name);
    const namespace = name(p.podRef.namespace);
    if (!podName || !namespace) continue;
    const podUid = name(p.podRef.uid);
    const own = isObject(p['ephemeral-storage']) ? fsStats(p['ephemeral-storage']) : undefined;
    if (own?.usedBytes !== undefined) ephemeral.push({ namespace, pod: podName, fs: own, ...(podUid ? { podUid } : {}) });
    for (const v of Array.isArray(p.volume) ? p.volume : []) {
      if (!isObject(v)) continue;
      const volume = name(v.name);
      if (!volume) continue;
      const ref = isObject(v.pvcRef) ? { name: name(v.pvcRef.name), namespace: name(v.pvcRef.namespace) } : undefined;
      volumes.push({
        namespace, pod: podName, volume, fs: fsStats(v),
        ...(podUid ? { podUid } : {}),
        ...(ref?.name && ref.namespace ? { pvcRef: { name: ref.name, namespace: ref.namespace } } : {}),
      });
    }
  }
  const fs = isObject(body.node.fs) ? fsStats(body.node.fs) : undefined;
  if (fs) delete fs.time;
  return { ...(fs ? { fs } : {}), volumes, ...(ephemeral.length > 0 ? { pods: ephemeral } : {}) };
}

/** The key of a claim's usage. */
export const claimUsageKey = (namespace: string, claim: string): string => `claim:${namespace}/${claim}`;
/** The key of a pod's whole ephemeral storage. */
export const ephemeralUsageKey = (namespace: string, pod: string): string => `ephemeral:${namespace}/${pod}`;
/** The key of an emptyDir's usage. */
export const emptyDirUsageKey = (namespace: string, pod: string, volume: string): string => `emptyDir:${namespace}/${pod}/${volume}`;

/**
 * The object a usage key is about: a claim's key names the claim, an emptyDir's or a pod's ephemeral storage its
 * pod (whose details show them); undefined for anything else. Names and namespaces hold no "/" (DNS names), so the split is exact.
 */
export function usageKeyRef(key: string): ObjectRef | undefined {
  const colon = key.indexOf(':');
  if (colon < 0) return undefined;
  const kind = key.slice(0, colon);
  const parts = key.slice(colon + 1).split('/');
  if (kind === 'claim' && parts.length === 2 && parts[0] && parts[1]) return { kind: 'persistentvolumeclaims', namespace: parts[0], name: parts[1] };
  if (kind === 'emptyDir' && parts.length === 3 && parts[0] && parts[1] && parts[2]) return { kind: 'pods', namespace: parts[0], name: parts[1] };
  if (kind === 'ephemeral' && parts.length === 2 && parts[0] && parts[1]) return { kind: 'pods', namespace: parts[0], name: parts[1] };
  return undefined;
}

/**
 * The usage rows of one node: volumes with a pvcRef are claims (keyed by the claim: several pods on one node
 * share one row), volumes the pod's spec declares as emptyDir are emptyDirs (with their sizeLimit). Other
 * volumes (configMap, secret, projected) are left out. `podOf` finds a pod of the store by namespace and name.
 */
export function mapVolumes(node: string, raw: readonly RawVolumeStats[], podOf: (namespace: string, name: string) => Pod | undefined): VolumeUsage[] {
  const out = new Map<string, VolumeUsage>();
  for (const r of raw) {
    const base = { namespace: r.namespace, pod: r.pod, volume: r.volume, node, ...r.fs };
    if (r.pvcRef) {
      const key = claimUsageKey(r.pvcRef.namespace, r.pvcRef.name);
      if (!out.has(key)) out.set(key, { ...base, namespace: r.pvcRef.namespace, key, kind: 'claim', claim: r.pvcRef.name });
      continue;
    }
    const pod = podOf(r.namespace, r.pod);
    if (!pod || (r.podUid && pod.metadata?.uid && pod.metadata.uid !== r.podUid)) continue;
    const spec = pod.spec?.volumes?.find((v) => v.name === r.volume);
    if (!spec?.emptyDir) continue;
    const bytes = quantityBytes(spec.emptyDir.sizeLimit);
    const limit = bytes !== undefined && Number.isFinite(bytes) && bytes >= 0 ? Math.floor(bytes) : undefined;
    const key = emptyDirUsageKey(r.namespace, r.pod, r.volume);
    out.set(key, { ...base, key, kind: 'emptyDir', ...(limit !== undefined ? { sizeLimitBytes: limit } : {}) });
  }
  return [...out.values()];
}

/**
 * A pod's ephemeral-storage limit in bytes, as the kubelet's eviction manager totals it (resourcehelper.PodLimits,
 * read by podEphemeralStorageLimitEviction in pkg/kubelet/eviction/eviction_manager.go): its containers' limits
 * summed, or an init container's when larger (init containers run one at a time); undefined when no container
 * sets one (then the kubelet evicts for the node's pressure only).
 */
export function podEphemeralLimit(pod: Pod): number | undefined {
  const limitOf = (c: { resources?: { limits?: Record<string, string> } }) => {
    const bytes = quantityBytes(c.resources?.limits?.['ephemeral-storage']);
    return bytes !== undefined && Number.isFinite(bytes) && bytes >= 0 ? Math.floor(bytes) : undefined;
  };
  const own = (pod.spec?.containers ?? []).map(limitOf);
  const init = (pod.spec?.initContainers ?? []).map(limitOf);
  if ([...own, ...init].every((l) => l === undefined)) return undefined;
  const sum = own.reduce<number>((a, l) => a + (l ?? 0), 0);
  return Math.max(sum, ...init.map((l) => l ?? 0));
}

/**
 * The ephemeral-storage rows of one node: each pod measured whose containers set an ephemeral-storage limit, its
 * whole ephemeral usage against that limit (past it the kubelet evicts the pod). Pods without a limit are left
 * out: nothing to compare against.
 */
export function mapEphemeral(node: string, raw: readonly RawPodEphemeral[], podOf: (namespace: string, name: string) => Pod | undefined): VolumeUsage[] {
  const out: VolumeUsage[] = [];
  for (const r of raw) {
    const pod = podOf(r.namespace, r.pod);
    if (!pod || (r.podUid && pod.metadata?.uid && pod.metadata.uid !== r.podUid)) continue;
    const limit = podEphemeralLimit(pod);
    if (limit === undefined) continue;
    out.push({ namespace: r.namespace, pod: r.pod, volume: 'ephemeral-storage', node, ...r.fs, key: ephemeralUsageKey(r.namespace, r.pod), kind: 'ephemeral', sizeLimitBytes: limit });
  }
  return out;
}

/**
 * Use as a whole percent (0-100, rounded down), against an emptyDir's sizeLimit when it has one, else the
 * capacity; undefined when unknown. Integer arithmetic: sizes are never compared as floats.
 */
export function usePercent(v: Pick<VolumeUsage, 'usedBytes' | 'capacityBytes' | 'sizeLimitBytes'>): number | undefined {
  const total = v.sizeLimitBytes ?? v.capacityBytes;
  if (v.usedBytes === undefined || total === undefined || total === 0) return undefined;
  return Number((BigInt(v.usedBytes) * 100n) / BigInt(total));
}

/** Inodes used as a whole percent, or undefined when unknown. */
export function inodesPercent(v: Pick<VolumeUsage, 'inodes' | 'inodesUsed'>): number | undefined {
  if (v.inodesUsed === undefined || v.inodes === undefined || v.inodes === 0) return undefined;
  return Number((BigInt(v.inodesUsed) * 100n) / BigInt(v.inodes));
}
