/**
 * What each object points at, as plain keys: the store indexes these, the rows and the graph follow them.
 * Pure functions of one object, so an update can diff an object's old keys against its new ones.
 */
import type { Resource } from '../../shared/kube/resource-registry';
import type {
  CSINode,
  KubeEvent,
  KubeObject,
  NodeSelectorTerm,
  PersistentVolume,
  Pod,
  Volume,
  VolumeAttachment,
} from '../../shared/kube/objects';
import { refKey } from '../../shared/model/refs';

/** The store's key of an object within its kind: "namespace/name" or "name". */
export function objectKey(obj: KubeObject): string {
  return refKey({ namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '' });
}

export function nsKey(namespace: string | undefined, name: string): string {
  return refKey({ namespace, name });
}

/**
 * The claim a pod volume uses: the named claim, or for a generic ephemeral volume the claim the ephemeral
 * controller creates, named `<pod>-<volume>` (k8s.io/component-helpers/storage/ephemeral.VolumeClaimName).
 */
export function claimNameOfVolume(pod: Pod, volume: Volume): string | undefined {
  if (volume.persistentVolumeClaim?.claimName) return volume.persistentVolumeClaim.claimName;
  if (volume.ephemeral) return `${pod.metadata?.name ?? ''}-${volume.name ?? ''}`;
  return undefined;
}

/** Claim names a pod uses, in volume order, without duplicates. */
export function podClaimNames(pod: Pod): string[] {
  const names = new Set<string>();
  for (const volume of pod.spec?.volumes ?? []) {
    const name = claimNameOfVolume(pod, volume);
    if (name) names.add(name);
  }
  return [...names];
}

/** "ns/claim" keys of the claims a pod uses. */
export function podClaimKeys(pod: Pod): string[] {
  const ns = pod.metadata?.namespace;
  return podClaimNames(pod).map((name) => nsKey(ns, name));
}

/** Source fields of a pod volume that are not its name: the first one set is its type. */
export function volumeType(volume: Volume): string {
  for (const [field, value] of Object.entries(volume)) {
    if (field !== 'name' && value !== undefined && value !== null) return field;
  }
  return 'unknown';
}

/** "ns/name" of the claim a PV's claimRef names (bound or pre-bound), if any. */
export function claimRefKey(pv: PersistentVolume): string | undefined {
  const ref = pv.spec?.claimRef;
  if (!ref?.name) return undefined;
  return nsKey(ref.namespace ?? '', ref.name);
}

/** Source type of a PV: csi, hostPath, local, nfs, ... (the first known source field set in its spec). */
const PV_NON_SOURCE = new Set([
  'capacity',
  'accessModes',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'volumeMode',
  'claimRef',
  'nodeAffinity',
  'mountOptions',
  'volumeAttributesClassName',
]);
export function volumeSourceType(pv: PersistentVolume): string {
  for (const [field, value] of Object.entries(pv.spec ?? {})) {
    if (!PV_NON_SOURCE.has(field) && value !== undefined && value !== null) return field;
  }
  return 'unknown';
}

/** CSI driver or in-tree plugin of a PV. */
export function volumeDriver(pv: PersistentVolume): string | undefined {
  if (pv.spec?.csi?.driver) return pv.spec.csi.driver;
  const type = volumeSourceType(pv);
  return type === 'unknown' ? undefined : `kubernetes.io/${type.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

const HOSTNAME_KEYS = new Set(['kubernetes.io/hostname']);
const ZONE_KEYS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

function inValues(terms: NodeSelectorTerm[] | undefined, keys: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const term of terms ?? []) {
    for (const expr of term.matchExpressions ?? []) {
      if (expr.key && keys.has(expr.key) && expr.operator === 'In') for (const v of expr.values ?? []) out.add(v);
    }
  }
  return [...out];
}

/** Node names a PV is pinned to (local volumes, hostPath provisioners): kubernetes.io/hostname In [...]. */
export function volumeNodes(pv: PersistentVolume): string[] {
  return inValues(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms, HOSTNAME_KEYS);
}

/** Zones a PV is pinned to. */
export function volumeZones(pv: PersistentVolume): string[] {
  return inValues(pv.spec?.nodeAffinity?.required?.nodeSelectorTerms, ZONE_KEYS);
}

/** A short summary of a PV's node affinity: "node-1", "zone eu-1a", or the expressions as text. */
export function nodeAffinitySummary(pv: PersistentVolume): string | undefined {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const nodes = volumeNodes(pv);
  if (nodes.length > 0) return nodes.join(', ');
  const zones = volumeZones(pv);
  if (zones.length > 0) return `zone ${zones.join(', ')}`;
  return terms
    .flatMap((t) => (t.matchExpressions ?? []).map((e) => `${e.key ?? ''} ${e.operator ?? ''} ${(e.values ?? []).join(',')}`.trim()))
    .join('; ');
}

/** Keys of an event's involved object: "Kind/ns/name" (the UID is indexed separately). */
export function involvedKey(objectKind: string, namespace: string | undefined, name: string): string {
  return `${objectKind}/${namespace ?? ''}/${name}`;
}

export function eventInvolvedKey(event: KubeEvent): string | undefined {
  const o = event.involvedObject;
  if (!o?.name || !o.kind) return undefined;
  return involvedKey(o.kind, o.namespace, o.name);
}

/** Owner keys of an object: "Kind/ns/name" of each owner reference. */
export function ownerKeys(obj: KubeObject): string[] {
  const ns = obj.metadata?.namespace;
  return (obj.metadata?.ownerReferences ?? []).filter((o) => o.kind && o.name).map((o) => involvedKey(o.kind ?? '', ns, o.name ?? ''));
}

/** The StatefulSet and ordinal of a pod it owns ("web-2" of StatefulSet "web" -> {set: 'web', ordinal: 2}). */
export function statefulSetOf(pod: Pod): { set: string; ordinal: number } | undefined {
  const owner = pod.metadata?.ownerReferences?.find((o) => o.kind === 'StatefulSet' && o.controller !== false);
  const name = pod.metadata?.name ?? '';
  if (!owner?.name || !name.startsWith(`${owner.name}-`)) return undefined;
  const ordinal = Number(name.slice(owner.name.length + 1));
  return Number.isInteger(ordinal) && ordinal >= 0 ? { set: owner.name, ordinal } : undefined;
}

export function csiNodeDrivers(csiNode: CSINode): string[] {
  return (csiNode.spec?.drivers ?? []).map((d) => d.name ?? '').filter((n) => n !== '');
}

export function attachmentVolume(va: VolumeAttachment): string | undefined {
  return va.spec?.source?.persistentVolumeName;
}

export const DEFAULT_CLASS_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
] as const;

export function isDefaultClass(obj: KubeObject): boolean {
  const annotations = obj.metadata?.annotations ?? {};
  return DEFAULT_CLASS_ANNOTATIONS.some((a) => annotations[a] === 'true');
}

/** A compact "kind|key" identity of an object within a cluster, for dirty sets and caches. */
export function idOf(kind: Resource, key: string): string {
  return `${kind}|${key}`;
}

export function splitId(id: string): { kind: Resource; key: string } {
  const bar = id.indexOf('|');
  return { kind: id.slice(0, bar) as Resource, key: id.slice(bar + 1) };
}
