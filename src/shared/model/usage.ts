/**
 * Volume usage: how full each volume is, read from the kubelet's Summary API (`/stats/summary`, through the API
 * server's node proxy), mapped to claims and to pods' emptyDirs. Plain data across the contract. Bytes and inode
 * counts are whole numbers; a field is absent when the kubelet did not report it (never 0 as if known).
 */

/**
 * Which volume a usage row is about. 'ephemeral' is a pod's whole ephemeral storage (the Summary's
 * pods[].ephemeral-storage: its containers' writable layers and logs and its emptyDirs on disk), reported for pods
 * whose containers set an ephemeral-storage limit, against that limit (`sizeLimitBytes`); its `volume` is
 * "ephemeral-storage".
 */
export type UsageVolumeKind = 'claim' | 'emptyDir' | 'ephemeral';

/** One volume's usage as its node's kubelet last reported it. */
export interface VolumeUsage {
  /** Stable key: `claim:<namespace>/<claim>`, `emptyDir:<namespace>/<pod>/<volume>` or `ephemeral:<namespace>/<pod>`. */
  key: string;
  kind: UsageVolumeKind;
  namespace: string;
  /** The pod whose mount the kubelet measured (for a claim used by several pods: one of them). */
  pod: string;
  /** The volume's name in that pod's spec. */
  volume: string;
  /** Claim name (kind 'claim'), from the kubelet's pvcRef. */
  claim?: string;
  node: string;
  capacityBytes?: number;
  usedBytes?: number;
  availableBytes?: number;
  inodes?: number;
  inodesUsed?: number;
  inodesFree?: number;
  /**
   * emptyDir: its spec.volumes[].emptyDir.sizeLimit in bytes, when set; ephemeral: the pod's ephemeral-storage
   * limit (its containers' limits summed, or an init container's when larger), in bytes.
   */
  sizeLimitBytes?: number;
  /** When the kubelet measured it (ISO 8601), from the summary's `time`. */
  time?: string;
}

/** A node filesystem's usage (the summary's node.fs). */
export interface NodeFsUsage {
  capacityBytes?: number;
  usedBytes?: number;
  availableBytes?: number;
  inodes?: number;
  inodesUsed?: number;
  inodesFree?: number;
}

/** One node's last poll: ok (with its filesystem) or error (usage unknown there, with why). */
export interface NodeUsage {
  node: string;
  state: 'pending' | 'ok' | 'error';
  /** Why its usage is unknown (state 'error'): the API server's or the network's message, in English. */
  error?: string;
  /** When the last answer (or failure) came, ISO 8601. */
  polledAt?: string;
  fs?: NodeFsUsage;
}

/**
 * Whether usage can be read at all:
 * - checking: the permission check has not answered yet;
 * - allowed: `get nodes/proxy` is allowed; per-node states say the rest;
 * - forbidden: it is not (SelfSubjectAccessReview or a 403): "no permission to read usage";
 * - unsupported: the source is a file (a snapshot or recording carries no usage);
 * - error: the permission check itself failed (message says why).
 */
export type UsageAccess = 'checking' | 'allowed' | 'forbidden' | 'unsupported' | 'error';

/** Everything the UI needs to show usage of one cluster. */
export interface UsageReport {
  access: UsageAccess;
  /** Why, for access 'forbidden' or 'error'. */
  message?: string;
  /** Milliseconds between polls of each node. */
  intervalMs: number;
  nodes: NodeUsage[];
  volumes: VolumeUsage[];
  /** A snapshot or recording: the usage as of its capture time (ISO 8601), not now. */
  recordedAt?: string;
}

/** One point of a volume's kept history. */
export interface UsagePoint {
  /** ISO 8601. */
  time: string;
  /**
   * The same instant in ms since the epoch, set by the usage source that measured it: trends and pruning read
   * this rather than parse `time` (10,000 claims x 240 kept points would be 2.4 million parses a poll).
   */
  timeMs?: number;
  usedBytes: number;
  capacityBytes?: number;
}

/**
 * Why a claim's usage is not known, so that the UI never shows 0 or a blank as if it were:
 * - forbidden: no `get nodes/proxy` permission ("no permission to read usage");
 * - checking: the permission check or the node's first poll has not answered yet;
 * - unsupported: the source is a file without recorded usage;
 * - error: the permission check failed (`message`);
 * - node-error: the node the claim is mounted on did not answer (`node`, `message`);
 * - not-bound: a claim that is not Bound has no volume to measure;
 * - not-mounted: no running pod mounts it (the kubelet measures mounted volumes only);
 * - not-reported: its node answered, but without this volume (`node`).
 */
export type UsageUnknownReason = 'forbidden' | 'checking' | 'unsupported' | 'error' | 'node-error' | 'not-bound' | 'not-mounted' | 'not-reported';

/** A claim's usage as a table row carries it: measured, or unknown with why. */
export type ClaimUsage =
  | {
      state: 'known';
      usedBytes: number;
      capacityBytes?: number;
      availableBytes?: number;
      /** Whole percent of capacity used, rounded down (usePercent). */
      usePercent?: number;
      /** Whole percent of inodes used, rounded down. */
      inodesPercent?: number;
      node: string;
      /** When the kubelet measured it, ISO 8601. */
      time?: string;
    }
  | { state: 'unknown'; reason: UsageUnknownReason; node?: string; message?: string };
