/**
 * The objects related to one object, for the details panel: what it points at (flagged `missing` when the
 * reference dangles) and what points at it. Long lists (a class with thousands of claims) are capped.
 */
import { claimClassName } from '../../shared/diagnose/view';
import { KINDS, kindOfObjectKind, type Kind } from '../../shared/kube/kinds';
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
import type { RelatedObject } from '../../shared/model/detail';
import type { ObjectRef } from '../../shared/model/refs';
import type { ObjectStore } from './object-store';
import { attachmentVolume, csiNodeDrivers, nsKey, podClaimNames, statefulSetOf, volumeNodes } from './relations';

/** At most this many objects per relation. */
export const RELATED_CAP = 100;

export function refOf(kind: Kind, obj: KubeObject): ObjectRef {
  const ref: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
  if (KINDS[kind].namespaced && obj.metadata?.namespace) ref.namespace = obj.metadata.namespace;
  if (obj.metadata?.uid) ref.uid = obj.metadata.uid;
  return ref;
}

class RelatedList {
  readonly items: RelatedObject[] = [];
  private readonly seen = new Set<string>();
  constructor(private readonly store: ObjectStore) {}

  /** An existing object. */
  add(kind: Kind, obj: KubeObject, relation: string): void {
    const ref = refOf(kind, obj);
    const id = `${relation}|${kind}|${nsKey(ref.namespace, ref.name)}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.items.push({ ref, relation });
  }

  many(kind: Kind, objects: readonly KubeObject[], relation: string): void {
    for (const obj of objects.slice(0, RELATED_CAP)) this.add(kind, obj, relation);
  }

  /** A reference by name: the object if it exists, else `missing` (only when its kind could be read). */
  byName(kind: Kind, name: string, relation: string, namespace?: string): void {
    if (!name) return;
    const obj = this.store.get(kind, name, namespace);
    if (obj) return this.add(kind, obj, relation);
    if (this.store.kindState(kind) !== 'synced') return;
    const ref: ObjectRef = KINDS[kind].namespaced ? { kind, name, namespace: namespace ?? '' } : { kind, name };
    this.items.push({ ref, relation, missing: true });
  }
}

export function relatedObjects(store: ObjectStore, kind: Kind, obj: KubeObject): RelatedObject[] {
  const list = new RelatedList(store);
  const ns = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name ?? '';
  switch (kind) {
    case 'persistentvolumeclaims': {
      const claim = obj as PersistentVolumeClaim;
      if (claim.spec?.volumeName) list.byName('persistentvolumes', claim.spec.volumeName, 'bound volume');
      for (const pv of store.volumesClaiming(ns, name)) {
        if (pv.metadata?.name !== claim.spec?.volumeName) list.add('persistentvolumes', pv, pv.spec?.claimRef?.uid && pv.spec.claimRef.uid !== claim.metadata?.uid ? 'volume bound to an earlier claim of this name' : 'volume reserved for it');
      }
      const className = claimClassName(claim) ?? store.defaultClassName();
      if (className) list.byName('storageclasses', className, claimClassName(claim) === undefined ? 'default storage class' : 'storage class');
      list.many('pods', store.podsUsingClaim(ns, name), 'mounted by');
      list.many('volumesnapshots', store.snapshotsOfClaim(ns, name), 'snapshot');
      for (const owner of claim.metadata?.ownerReferences ?? []) {
        if (owner.kind === 'Pod' && owner.name) list.byName('pods', owner.name, 'owner (ephemeral volume)', ns);
      }
      const podOfSet = statefulSetPodOfClaim(store, claim);
      if (podOfSet) list.add('pods', podOfSet, 'StatefulSet pod it was made for');
      break;
    }
    case 'persistentvolumes': {
      const pv = obj as PersistentVolume;
      const ref = pv.spec?.claimRef;
      if (ref?.name) list.byName('persistentvolumeclaims', ref.name, pv.status?.phase === 'Bound' ? 'bound claim' : 'claim it is reserved for', ref.namespace ?? '');
      for (const claim of store.claimsNamingVolume(name)) {
        if (claim.metadata?.name !== ref?.name || claim.metadata?.namespace !== ref?.namespace) list.add('persistentvolumeclaims', claim, 'claim naming it (mismatch)');
      }
      if (pv.spec?.storageClassName) list.byName('storageclasses', pv.spec.storageClassName, 'storage class');
      for (const node of volumeNodes(pv)) list.byName('nodes', node, 'node affinity');
      for (const va of store.attachmentsOfVolume(name)) {
        list.add('volumeattachments', va, 'attachment');
        if (va.spec?.nodeName) list.byName('nodes', va.spec.nodeName, 'attached to node');
      }
      break;
    }
    case 'storageclasses': {
      const sc = obj as StorageClass;
      if (sc.provisioner) {
        const driver = store.get('csidrivers', sc.provisioner);
        if (driver) list.add('csidrivers', driver, 'CSI driver');
      }
      list.many('persistentvolumeclaims', store.claimsOfClass(name), 'claim of this class');
      list.many('persistentvolumes', store.volumesOfClass(name), 'volume of this class');
      break;
    }
    case 'pods': {
      const pod = obj as Pod;
      for (const claimName of podClaimNames(pod)) {
        list.byName('persistentvolumeclaims', claimName, 'uses claim', ns);
        const volumeName = store.get('persistentvolumeclaims', claimName, ns)?.spec?.volumeName;
        if (volumeName) list.byName('persistentvolumes', volumeName, `volume of claim ${claimName}`);
      }
      if (pod.spec?.nodeName) list.byName('nodes', pod.spec.nodeName, 'node');
      break;
    }
    case 'nodes': {
      const csiNode = store.get('csinodes', name);
      if (csiNode) list.add('csinodes', csiNode, 'CSI registrations');
      list.many('volumeattachments', store.attachmentsOnNode(name), 'attachment');
      list.many('persistentvolumes', store.volumesOnNode(name), 'volume pinned to it');
      list.many('pods', store.podsOnNode(name), 'pod on it');
      break;
    }
    case 'csinodes': {
      list.byName('nodes', name, 'node');
      for (const driver of csiNodeDrivers(obj as CSINode)) {
        const csiDriver = store.get('csidrivers', driver);
        if (csiDriver) list.add('csidrivers', csiDriver, 'registered driver');
      }
      break;
    }
    case 'csidrivers': {
      list.many('storageclasses', store.classesOfProvisioner(name), 'storage class using it');
      list.many('csinodes', store.csiNodesWithDriver(name), 'registered on node');
      break;
    }
    case 'volumeattachments': {
      const va = obj as VolumeAttachment;
      const pv = attachmentVolume(va);
      if (pv) list.byName('persistentvolumes', pv, 'volume');
      if (va.spec?.nodeName) list.byName('nodes', va.spec.nodeName, 'node');
      break;
    }
    case 'volumesnapshots': {
      const snap = obj as VolumeSnapshot;
      if (snap.spec?.source?.persistentVolumeClaimName) list.byName('persistentvolumeclaims', snap.spec.source.persistentVolumeClaimName, 'source claim', ns);
      const content = snap.status?.boundVolumeSnapshotContentName ?? snap.spec?.source?.volumeSnapshotContentName;
      if (content) list.byName('volumesnapshotcontents', content, 'snapshot content');
      if (snap.spec?.volumeSnapshotClassName) list.byName('volumesnapshotclasses', snap.spec.volumeSnapshotClassName, 'snapshot class');
      break;
    }
    case 'events': {
      const involved = (obj as KubeEvent).involvedObject;
      const involvedKind = involved?.kind ? kindOfObjectKind(involved.kind) : undefined;
      if (involvedKind && involved?.name) list.byName(involvedKind, involved.name, 'about', involved.namespace);
      break;
    }
    default:
      break;
  }
  return list.items;
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
