/**
 * Which objects a `usage` notice names, so that the renderer refetches the details and claim rows of those
 * objects only, not every open panel on every poll (issue 14): a poll that moved one claim's bytes names that
 * claim, not the 300 claims beside it.
 *
 * What shows usage, and so what a change names:
 * - a claim's details and row (its usage cell, its usage findings): its volume key moved, or the node it is
 *   mounted on changed state (its "why unknown" moves: node X did not answer / not reported / checking);
 * - a pod's details (its emptyDirs, pod.emptydir-near-limit, pod.ephemeral-storage-near-limit): one of its
 *   emptyDir keys or its ephemeral-storage key moved;
 * - a node's details (its filesystem, node.usage-unknown): its own usage moved;
 * - any object whose usage findings changed without its volume moving (a trend that came with the history).
 */
import { MAX_NOTICE_OBJECTS } from '../../shared/contract';
import type { Finding } from '../../shared/model/findings';
import { refKey, type ObjectRef } from '../../shared/model/refs';
import { usageKeyRef } from '../../shared/usage/summary';
import { podClaimNames } from '../store/object-keys';
import type { Pod } from '../../shared/kube/objects';
// Loaded by the session when usage is first read (a dynamic import), like usage-findings.ts: `kse contexts` loads
// no store module (src/cli/bundle.int.test.ts).

/** What moved in one poll round or one replayed sample (UsageChange, or a replay's moved keys). */
export interface UsageMoves {
  /** Volume keys (claim:ns/name, emptyDir:ns/pod/volume) whose usage changed, appeared or vanished. */
  volumes: readonly string[];
  /** Nodes whose own usage (state, error, filesystem) changed. */
  nodeUsage?: readonly string[];
  /** Nodes whose state or error changed: the claims mounted there may say why they are unknown differently. */
  reachability?: readonly string[];
}

/** "kind|namespace/name": one key per object, as the notice batcher keys objects. */
export const objectKey = (ref: ObjectRef): string => `${ref.kind}|${refKey(ref)}`;

/**
 * The objects a usage change is about (claims, pods, nodes), each once. `podsOnNode` gives the pods scheduled to a
 * node (the store's index), whose claims are the ones a node's change of state reaches.
 */
export function usageChangeObjects(moves: UsageMoves, podsOnNode: (node: string) => readonly Pod[]): ObjectRef[] {
  const out = new Map<string, ObjectRef>();
  const add = (ref: ObjectRef | undefined) => {
    if (ref) out.set(objectKey(ref), ref);
  };
  for (const key of moves.volumes) add(usageKeyRef(key));
  for (const node of moves.nodeUsage ?? []) add({ kind: 'nodes', name: node });
  for (const node of moves.reachability ?? []) {
    for (const pod of podsOnNode(node)) {
      const namespace = pod.metadata?.namespace;
      if (!namespace) continue;
      for (const name of podClaimNames(pod)) add({ kind: 'persistentvolumeclaims', namespace, name });
    }
  }
  return [...out.values()];
}

/** Each object's usage findings, as one comparable text (everything a details panel shows of them). */
export function findingsByObject(findings: readonly Finding[]): Map<string, { ref: ObjectRef; text: string }> {
  const grouped = new Map<string, { ref: ObjectRef; list: Finding[] }>();
  for (const f of findings) {
    const key = objectKey(f.object);
    const entry = grouped.get(key);
    if (entry) entry.list.push(f);
    else grouped.set(key, { ref: f.object, list: [f] });
  }
  return new Map([...grouped].map(([key, { ref, list }]) => [key, { ref, text: JSON.stringify(list) }]));
}

/** Objects whose usage findings differ between two findingsByObject results (gained, lost or changed). */
export function movedFindingObjects(before: ReadonlyMap<string, { ref: ObjectRef; text: string }>, after: ReadonlyMap<string, { ref: ObjectRef; text: string }>): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const [key, now] of after) if (before.get(key)?.text !== now.text) out.push(now.ref);
  for (const [key, then] of before) if (!after.has(key)) out.push(then.ref);
  return out;
}

/** The `objects` of a usage notice: the list, or nothing (every object) when there are too many to name. */
export function noticeObjects(objects: readonly ObjectRef[]): { objects?: ObjectRef[] } {
  return objects.length <= MAX_NOTICE_OBJECTS ? { objects: [...objects] } : {};
}
