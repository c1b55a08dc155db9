/**
 * A claim's usage cell: the kubelet's measurement from the usage report, or why there is none. Pure: the
 * claim, the report and where its pods run in; never 0 as if known.
 */
import type { ClaimUsage, UsageReport } from '../model/usage';
import { claimUsageKey, inodesPercent, usePercent } from './summary';

/** What of a claim row decides its usage. */
export interface ClaimUsageInput {
  namespace: string;
  name: string;
  /** Pending, Bound, Lost, Terminating. */
  phase: string;
  /** Pods that mount it (names in the claim's namespace). */
  pods: readonly string[];
}

/**
 * The usage of one claim. `nodeOfPod` gives the node a pod of the claim's namespace runs on (spec.nodeName), if
 * any. `report` is the cluster's report, or a lookup of it by volume key (for many claims at once).
 */
export function claimUsageOf(claim: ClaimUsageInput, report: UsageReport, nodeOfPod: (namespace: string, pod: string) => string | undefined, index?: ReadonlyMap<string, UsageReport['volumes'][number]>): ClaimUsage {
  switch (report.access) {
    case 'forbidden':
      return { state: 'unknown', reason: 'forbidden', ...(report.message ? { message: report.message } : {}) };
    case 'checking':
      return { state: 'unknown', reason: 'checking' };
    case 'unsupported':
      // A file without usage, or whose usage part was left out (the message says why).
      return { state: 'unknown', reason: 'unsupported', ...(report.message ? { message: report.message } : {}) };
    case 'error':
      return { state: 'unknown', reason: 'error', ...(report.message ? { message: report.message } : {}) };
    case 'allowed':
      break;
  }
  const key = claimUsageKey(claim.namespace, claim.name);
  const v = index ? index.get(key) : report.volumes.find((x) => x.key === key);
  if (v) {
    if (v.usedBytes === undefined) return { state: 'unknown', reason: 'not-reported', node: v.node };
    const use = usePercent(v);
    const inodes = inodesPercent(v);
    return {
      state: 'known',
      usedBytes: v.usedBytes,
      ...(v.capacityBytes !== undefined ? { capacityBytes: v.capacityBytes } : {}),
      ...(v.availableBytes !== undefined ? { availableBytes: v.availableBytes } : {}),
      ...(use !== undefined ? { usePercent: use } : {}),
      ...(inodes !== undefined ? { inodesPercent: inodes } : {}),
      node: v.node,
      ...(v.time ? { time: v.time } : {}),
    };
  }
  if (claim.phase !== 'Bound') return { state: 'unknown', reason: 'not-bound' };
  const nodes = [...new Set(claim.pods.map((p) => nodeOfPod(claim.namespace, p)).filter((n): n is string => n !== undefined))].sort();
  if (nodes.length === 0) return { state: 'unknown', reason: 'not-mounted' };
  const states = new Map(report.nodes.map((n) => [n.node, n]));
  const failed = nodes.map((n) => states.get(n)).find((n) => n?.state === 'error');
  if (failed) return { state: 'unknown', reason: 'node-error', node: failed.node, ...(failed.error ? { message: failed.error } : {}) };
  const waiting = nodes.find((n) => states.get(n)?.state !== 'ok');
  if (waiting) return { state: 'unknown', reason: 'checking', node: waiting };
  return { state: 'unknown', reason: 'not-reported', node: nodes[0] };
}

/** The value a usage column sorts by: numbers when known, undefined (last) when not. */
export function claimUsageSortValue(usage: ClaimUsage | undefined, column: 'used' | 'free' | 'usePercent'): number | undefined {
  if (usage?.state !== 'known') return undefined;
  if (column === 'used') return usage.usedBytes;
  if (column === 'free') return usage.availableBytes;
  return usage.usePercent;
}
