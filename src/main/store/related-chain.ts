/**
 * The storage chain around one object, for the details panel's Related tab: pods, claims, volumes, classes,
 * provisioners, nodes, and for a claim waiting for a pre-created volume the volumes that almost fit it (the
 * diagnosis's own comparison, static-binding.ts). Each relation is a code (RelationCode) the renderer words in
 * the UI language. References that dangle are flagged `missing`; long lists (a class with thousands of claims)
 * are capped. The result comes in chain order (CHAIN_STEPS).
 */
import { createContext } from '../../shared/diagnose/context';
import { NO_PROVISIONER } from '../../shared/diagnose/provisioners';
import { analyseStatic } from '../../shared/diagnose/static-binding';
import { claimClassName } from '../../shared/diagnose/view';
import { DESCRIPTOR_OF_RESOURCE, resourceOfKind, type Resource } from '../../shared/kube/resource-registry';
import type {
  CSINode,
  KubeEvent,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
  VolumeSnapshot,
} from '../../shared/kube/objects';
import type { StatefulSet } from '../../shared/kube/objects-owners';
import { claimName, claimTemplates, ordinalOfClaim, podName, wantedOrdinals } from '../../shared/diagnose/statefulset-ordinals';
import { CHAIN_STEPS, RELATION_STEP, type RelatedObject, type RelationCode } from '../../shared/model/detail';
import type { ObjectRef } from '../../shared/model/refs';
import type { FindingsCache } from './findings-cache';
import type { ObjectStore } from './object-store';
import { attachmentVolume, csiNodeDrivers, nsKey, podClaimNames, statefulSetOf, volumeNodes } from './object-keys';

/** At most this many objects per relation. */
export const RELATED_CAP = 100;

export function refOf(kind: Resource, obj: KubeObject): ObjectRef {
  const ref: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
  if (DESCRIPTOR_OF_RESOURCE[kind].namespaced && obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
  return ref;
}

type Extra = Pick<RelatedObject, 'via' | 'differences' | 'view'>;

export class RelatedList {
  readonly items: RelatedObject[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly store: ObjectStore,
    private readonly findings?: FindingsCache,
  ) {}

  private push(item: RelatedObject): void {
    const id = `${item.relation}|${item.ref.kind}|${nsKey(item.ref.namespace, item.ref.name)}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.items.push(item);
  }

  /** An existing object. */
  add(kind: Resource, obj: KubeObject, relation: RelationCode, extra: Extra = {}): void {
    this.push({ ref: refOf(kind, obj), relation, ...extra });
  }

  many(kind: Resource, objects: readonly KubeObject[], relation: RelationCode): void {
    for (const obj of objects.slice(0, RELATED_CAP)) this.add(kind, obj, relation);
  }

  /** A reference by name: the object if it exists, else `missing` (only when its kind could be read). */
  byName(kind: Resource, name: string, relation: RelationCode, namespace?: string, extra: Extra = {}): void {
    if (!name) return;
    const obj = this.store.get(kind, name, namespace);
    if (obj) return this.add(kind, obj, relation, extra);
    if (this.store.kindState(kind) !== 'synced') return;
    const ref: ObjectRef = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? { kind, name, namespace: namespace ?? '' } : { kind, name };
    this.push({ ref, relation, missing: true, ...extra });
  }

  /**
   * The provisioner of a class, linked to the Provisioners view (a provisioner is named by a StorageClass-kind
   * ref, as ProvisionerRow.ref does), and its CSIDriver object when one is registered.
   */
  provisionerOf(sc: StorageClass): void {
    const name = sc.provisioner;
    if (!name) return;
    const via = sc.metadata?.name ?? '';
    this.provisioner(name, via);
    const driver = this.store.get('csidrivers', name);
    if (driver) this.add('csidrivers', driver, 'csi-driver', { via });
  }

  /** A provisioner by name, when the diagnosis has assessed it (so its row and details exist). */
  provisioner(name: string, via?: string): void {
    if (!this.findings?.provisioner(name)) return;
    this.push({ ref: { kind: 'storageclasses', name }, relation: 'provisioner', view: 'provisioners', ...(via ? { via } : {}) });
  }

  /** Items in chain order (pods, claims, volumes, classes, provisioners, nodes, near misses, the rest); stable within a step. */
  ordered(): RelatedObject[] {
    const rank = (r: RelatedObject) => CHAIN_STEPS.indexOf(RELATION_STEP[r.relation]);
    return this.items.map((item, i) => ({ item, i })).sort((a, b) => rank(a.item) - rank(b.item) || a.i - b.i).map((x) => x.item);
  }
}

export function relatedObjects(store: ObjectStore, kind: Resource, obj: KubeObject, findings?: FindingsCache): RelatedObject[] {
  const list = new RelatedList(store, findings);
  const ns = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name ?? '';
  switch (kind) {
    case 'persistentvolumeclaims':
      claimChain(list, store, obj as PersistentVolumeClaim);
      break;
    case 'persistentvolumes':
      volumeChain(list, store, obj as PersistentVolume);
      break;
    case 'storageclasses': {
      list.provisionerOf(obj as StorageClass);
      list.many('persistentvolumeclaims', store.claimsOfClass(name), 'class-claim');
      list.many('persistentvolumes', store.volumesOfClass(name), 'class-volume');
      break;
    }
    case 'pods':
      podChain(list, store, obj as Pod);
      break;
    case 'statefulsets':
      statefulSetChain(list, store, obj as StatefulSet);
      break;
    case 'nodes': {
      const csiNode = store.get('csinodes', name);
      if (csiNode) list.add('csinodes', csiNode, 'csi-registrations');
      list.many('volumeattachments', store.attachmentsOnNode(name), 'attachment');
      list.many('persistentvolumes', store.volumesOnNode(name), 'pinned-volume');
      list.many('pods', store.podsOnNode(name), 'pod-on-node');
      break;
    }
    case 'csinodes': {
      list.byName('nodes', name, 'node');
      for (const driver of csiNodeDrivers(obj as CSINode)) {
        const csiDriver = store.get('csidrivers', driver);
        if (csiDriver) list.add('csidrivers', csiDriver, 'registered-driver');
      }
      break;
    }
    case 'csidrivers': {
      list.provisioner(name);
      list.many('storageclasses', store.classesOfProvisioner(name), 'class-using-it');
      list.many('csinodes', store.csiNodesWithDriver(name), 'registered-on-node');
      break;
    }
    case 'volumeattachments': {
      const va = obj as VolumeAttachment;
      const pv = attachmentVolume(va);
      if (pv) list.byName('persistentvolumes', pv, 'attached-volume');
      if (va.spec?.nodeName) list.byName('nodes', va.spec.nodeName, 'node');
      break;
    }
    case 'volumesnapshots': {
      const snap = obj as VolumeSnapshot;
      if (snap.spec?.source?.persistentVolumeClaimName) list.byName('persistentvolumeclaims', snap.spec.source.persistentVolumeClaimName, 'source-claim', ns);
      const content = snap.status?.boundVolumeSnapshotContentName ?? snap.spec?.source?.volumeSnapshotContentName;
      if (content) list.byName('volumesnapshotcontents', content, 'snapshot-content');
      if (snap.spec?.volumeSnapshotClassName) list.byName('volumesnapshotclasses', snap.spec.volumeSnapshotClassName, 'snapshot-class');
      break;
    }
    case 'events': {
      const involved = (obj as KubeEvent).involvedObject;
      const involvedKind = involved?.kind ? resourceOfKind(involved.kind) : undefined;
      if (involvedKind && involved?.name) list.byName(involvedKind, involved.name, 'about', involved.namespace);
      break;
    }
    default:
      break;
  }
  return list.ordered();
}

/** A claim: the pods that mount it, its volume, class and provisioner, the nodes involved, and its near misses. */
function claimChain(list: RelatedList, store: ObjectStore, claim: PersistentVolumeClaim): void {
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const pods = store.podsUsingClaim(ns, name);
  list.many('pods', pods, 'mounted-by');
  for (const owner of claim.metadata?.ownerReferences ?? []) {
    if (owner.kind === 'Pod' && owner.name) list.byName('pods', owner.name, 'ephemeral-owner', ns);
  }
  const podOfSet = statefulSetPodOfClaim(store, claim);
  if (podOfSet) list.add('pods', podOfSet, 'statefulset-pod');

  const volumeName = claim.spec?.volumeName;
  if (volumeName) list.byName('persistentvolumes', volumeName, 'bound-volume');
  for (const pv of store.volumesClaiming(ns, name)) {
    if (pv.metadata?.name === volumeName) continue;
    const earlier = pv.spec?.claimRef?.uid && pv.spec.claimRef.uid !== claim.metadata?.uid;
    list.add('persistentvolumes', pv, earlier ? 'earlier-claim-volume' : 'reserved-volume');
  }

  const explicit = claimClassName(claim);
  const className = explicit ?? (volumeName ? undefined : store.defaultClassName());
  const sc = className ? store.get('storageclasses', className) : undefined;
  if (className) list.byName('storageclasses', className, explicit === undefined ? 'default-storage-class' : 'storage-class');
  if (sc) list.provisionerOf(sc);

  for (const pod of pods.slice(0, RELATED_CAP)) {
    if (pod.spec?.nodeName) list.byName('nodes', pod.spec.nodeName, 'pod-node', undefined, { via: pod.metadata?.name ?? '' });
  }
  const pv = volumeName ? store.get('persistentvolumes', volumeName) : undefined;
  if (pv) for (const node of volumeNodes(pv)) list.byName('nodes', node, 'affinity-node', undefined, { via: volumeName });

  if (!volumeName && claim.status?.phase !== 'Bound' && !provisions(sc)) nearMisses(list, store, claim, className ?? '');
  list.many('volumesnapshots', store.snapshotsOfClaim(ns, name), 'snapshot');
}

/** Whether a class makes volumes itself (a claim of such a class does not wait for a pre-created one). */
function provisions(sc: StorageClass | undefined): boolean {
  return Boolean(sc?.provisioner) && sc?.provisioner !== NO_PROVISIONER;
}

/**
 * Volumes that almost fit a claim waiting for a pre-created volume (no class, class "", a class that provisions
 * nothing, or one that does not exist): the same comparison the diagnosis makes (static-binding.ts analyseStatic),
 * with what differs.
 */
function nearMisses(list: RelatedList, store: ObjectStore, claim: PersistentVolumeClaim, className: string): void {
  if (store.kindState('persistentvolumes') !== 'synced') return;
  for (const miss of analyseStatic(createContext(store), claim, className).nearMisses) {
    list.add('persistentvolumes', miss.volume, 'near-miss-volume', { differences: miss.differences.map((d) => d.field) });
  }
}

/** A volume: the pods using its claim, the claim, class and provisioner (or CSI driver), nodes, attachments. */
function volumeChain(list: RelatedList, store: ObjectStore, pv: PersistentVolume): void {
  const name = pv.metadata?.name ?? '';
  const ref = pv.spec?.claimRef;
  const bound = ref?.name ? store.get('persistentvolumeclaims', ref.name, ref.namespace ?? '') : undefined;
  if (bound && ref?.name && pv.status?.phase === 'Bound') list.many('pods', store.podsUsingClaim(ref.namespace ?? '', ref.name), 'mounted-by');
  if (ref?.name) list.byName('persistentvolumeclaims', ref.name, pv.status?.phase === 'Bound' ? 'bound-claim' : 'reserved-for-claim', ref.namespace ?? '');
  for (const claim of store.claimsNamingVolume(name)) {
    if (claim.metadata?.name !== ref?.name || claim.metadata?.namespace !== ref?.namespace) list.add('persistentvolumeclaims', claim, 'claim-naming-it');
  }
  const className = pv.spec?.storageClassName;
  if (className) {
    list.byName('storageclasses', className, 'storage-class');
    const sc = store.get('storageclasses', className);
    if (sc) list.provisionerOf(sc);
  }
  const driver = pv.spec?.csi?.driver ? store.get('csidrivers', pv.spec.csi.driver) : undefined;
  if (driver) list.add('csidrivers', driver, 'csi-driver');
  for (const node of volumeNodes(pv)) list.byName('nodes', node, 'affinity-node');
  for (const va of store.attachmentsOfVolume(name)) {
    list.add('volumeattachments', va, 'attachment');
    if (va.spec?.nodeName) list.byName('nodes', va.spec.nodeName, 'attached-node');
  }
}

/** A pod: its claims, their volumes, classes and provisioners, and its node. */
function podChain(list: RelatedList, store: ObjectStore, pod: Pod): void {
  const ns = pod.metadata?.namespace ?? '';
  for (const claimName of podClaimNames(pod)) {
    list.byName('persistentvolumeclaims', claimName, 'uses-claim', ns);
    const claim = store.get('persistentvolumeclaims', claimName, ns);
    if (!claim) continue;
    const volumeName = claim.spec?.volumeName;
    if (volumeName) list.byName('persistentvolumes', volumeName, 'claim-volume', undefined, { via: claimName });
    const className = claimClassName(claim) ?? (volumeName ? undefined : store.defaultClassName());
    if (!className) continue;
    list.byName('storageclasses', className, 'storage-class', undefined, { via: claimName });
    const sc = store.get('storageclasses', className);
    if (sc) list.provisionerOf(sc);
  }
  if (pod.spec?.nodeName) list.byName('nodes', pod.spec.nodeName, 'node');
}

/**
 * The StatefulSet pod a claim was made for: volumeClaimTemplates name claims `<template>-<set>-<ordinal>`,
 * the pod is `<set>-<ordinal>`. Tried on each dash of the claim name; kept only when the pod's owner agrees.
 */
export function statefulSetPodOfClaim(store: ObjectStore, claim: PersistentVolumeClaim): Pod | undefined {
  const name = claim.metadata?.name ?? '';
  const ns = claim.metadata?.namespace ?? '';
  for (let i = name.indexOf('-'); i >= 0; i = name.indexOf('-', i + 1)) {
    const podName = name.slice(i + 1);
    const pod = store.get('pods', podName, ns);
    const set = pod ? statefulSetOf(pod) : undefined;
    if (pod && set && `${set.set}-${set.ordinal}` === podName) return pod;
  }
  return undefined;
}

/**
 * A StatefulSet's pod and claims of each ordinal (`via` says which ordinal; missing ones flagged: a claim admission
 * refused never exists), the classes its templates name, and claims of ordinals it no longer runs.
 */
function statefulSetChain(list: RelatedList, store: ObjectStore, set: StatefulSet): void {
  const ns = set.metadata?.namespace ?? '';
  const templates = claimTemplates(set);
  const ordinals = wantedOrdinals(set).slice(0, RELATED_CAP);
  for (const n of ordinals) list.byName('pods', podName(set, n), 'ordinal-pod', ns, { via: String(n) });
  for (const n of ordinals) for (const t of templates) list.byName('persistentvolumeclaims', claimName(t, set, n), 'ordinal-claim', ns, { via: String(n) });
  const wanted = new Set(wantedOrdinals(set));
  for (const claim of store.list('persistentvolumeclaims', ns)) {
    const ordinal = templates.map((t) => ordinalOfClaim(t, set, claim.metadata?.name ?? '')).find((n) => n !== undefined);
    if (ordinal !== undefined && !wanted.has(ordinal)) list.add('persistentvolumeclaims', claim, 'retained-claim', { via: String(ordinal) });
  }
  for (const t of templates) if (t.spec?.storageClassName) list.byName('storageclasses', t.spec.storageClassName, 'template-class', undefined, { via: t.metadata?.name ?? '' });
}
