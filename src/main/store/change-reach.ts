/**
 * Which other objects' rows and findings an object's state feeds, so a change re-examines exactly those. The rules
 * declare what reaches their verdicts (shared/diagnose/reach.ts, collected in RULE_REACH); the rows declare here
 * what their cells show of other objects (ROW_REACH); reach-markers.ts implements each relation over the indices.
 * Called with the object before and after a change, so both old and new neighbours are covered.
 */
import { REACH, type Reach, type ReachSource } from '../../shared/diagnose/reach';
import { RULE_REACH } from '../../shared/diagnose/rules';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeNode, KubeObject } from '../../shared/kube/objects';
import type { ObjectStore } from './object-store';
import { idOf, objectKey } from './object-keys';
import { MARKERS, type DirtySink } from './reach-markers';

export type { DirtySink } from './reach-markers';

/**
 * What the table rows show of other objects (store/rows/*.ts), in the rules' vocabulary: a class's row counts its
 * claims and volumes and marks the default; a claim's row names its pods and its class's provisioner; a node's
 * row counts its pods and attached volumes and lists its CSINode's drivers.
 */
export const ROW_REACH: { readonly [S in ReachSource]?: readonly Reach<S>[] } = {
  persistentvolumeclaims: ['class-of-claim', 'attributes-classes-of-claim'],
  persistentvolumes: ['class-of-volume'],
  // `volumes-of-class`: no row or rule reads a volume's class now; kept as it was (change-reach.test.ts).
  storageclasses: ['claims-of-class', 'default-classes', 'volumes-of-class'],
  pods: ['claims-of-pod', 'node-of-pod'],
  csinodes: ['node-of-csinode'],
  volumeattachments: ['node-of-attachment'],
};

/** Per changed resource, every relation that runs: the rules' and the rows', each once. */
const REACHES: { readonly [S in ReachSource]?: readonly Reach<S>[] } = Object.fromEntries(
  (Object.keys(REACH) as ReachSource[]).map((source) => [source, [...new Set<string>([...(RULE_REACH[source] ?? []), ...(ROW_REACH[source] ?? [])])]]),
);

/**
 * Marks what a change (object before and after) affects. Node status heartbeats that change nothing the rows
 * or rules read (labels, taints, schedulability, readiness) only refresh the node's own row.
 */
export function markChange(store: ObjectStore, kind: Resource, before: KubeObject | undefined, after: KubeObject | undefined, dirty: DirtySink): void {
  if (kind === 'nodes' && before && after && !nodeChanged(before as KubeNode, after as KubeNode)) {
    dirty.object('nodes', objectKey(after));
    return;
  }
  if (before) markDependents(store, kind, before, dirty);
  if (after) markDependents(store, kind, after, dirty);
}

function nodeFacts(node: KubeNode): string {
  const conditions = (node.status?.conditions ?? []).map((c) => `${c.type}=${c.status}`).sort();
  return JSON.stringify([node.metadata?.labels ?? {}, node.spec ?? {}, conditions, node.metadata?.deletionTimestamp ?? '']);
}

function nodeChanged(before: KubeNode, after: KubeNode): boolean {
  return nodeFacts(before) !== nodeFacts(after);
}

/** Marks the object and everything the rules and rows declared its kind's changes reach. */
export function markDependents(store: ObjectStore, kind: Resource, obj: KubeObject, dirty: DirtySink): void {
  dirty.object(kind, objectKey(obj));
  const reaches = (REACHES as Partial<Record<Resource, readonly string[]>>)[kind];
  if (!reaches) return;
  const markers = MARKERS[kind as ReachSource] as Record<string, (store: ObjectStore, changed: KubeObject, dirty: DirtySink, again: typeof markDependents) => void>;
  for (const reach of reaches) markers[reach]?.(store, obj, dirty, markDependents);
}

/**
 * Marks what a provisioner's changed verdict reaches: what the rules that read provisioner health declared
 * (`provisioners` in their reads).
 */
export function markProvisionerDependents(store: ObjectStore, provisioner: string, dirty: DirtySink): void {
  for (const reach of RULE_REACH.provisioners ?? []) MARKERS.provisioners[reach](store, provisioner, dirty, markDependents);
}

/** A Set-backed DirtySink. */
export class DirtySet implements DirtySink {
  readonly objects = new Set<string>();
  readonly provisioners = new Set<string>();
  object(kind: Resource, key: string): void {
    if (key) this.objects.add(idOf(kind, key));
  }
  provisioner(name: string): void {
    if (name) this.provisioners.add(name);
  }
  clear(): void {
    this.objects.clear();
    this.provisioners.clear();
  }
}
