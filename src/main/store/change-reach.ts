/**
 * Which other objects' rows and findings an object's state feeds, so a change re-examines exactly those:
 * claim <-> volume <-> class, pods <-> claims, events -> the object they are about, provisioner inputs
 * (leases, CSIDriver, CSINode, its pods) -> the provisioner -> its classes.
 * Called with the object before and after a change, so both old and new neighbours are covered.
 */
import { KINDS, kindOfObjectKind, type Kind } from '../../shared/kube/kinds';
import type {
  CSINode,
  CSIStorageCapacity,
  KubeEvent,
  KubeNode,
  KubeObject,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
  VolumeSnapshot,
  VolumeSnapshotContent,
} from '../../shared/kube/objects';
import { claimClassName } from '../../shared/diagnose/view';
import { leaseNameCandidates } from '../../shared/diagnose/leases';
import { NO_CLASS } from './indices';
import type { ObjectStore } from './object-store';
import { attachmentVolume, claimRefKey, csiNodeDrivers, idOf, nsKey, objectKey, podClaimKeys } from './object-keys';

/** Collects ids ("kind|key") and provisioner names to re-examine. */
export interface DirtySink {
  object(kind: Kind, key: string): void;
  provisioner(name: string): void;
}

const PROVISIONING_REASONS = new Set(['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning']);

/**
 * Marks what a change (object before and after) affects. Node status heartbeats that change nothing the rows
 * or rules read (labels, taints, schedulability, readiness) only refresh the node's own row.
 */
export function markChange(store: ObjectStore, kind: Kind, before: KubeObject | undefined, after: KubeObject | undefined, dirty: DirtySink): void {
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

export function markDependents(store: ObjectStore, kind: Kind, obj: KubeObject, dirty: DirtySink): void {
  const key = objectKey(obj);
  dirty.object(kind, key);
  switch (kind) {
    case 'persistentvolumeclaims':
      return claimDependents(store, obj as PersistentVolumeClaim, dirty);
    case 'persistentvolumes':
      return volumeDependents(store, obj as PersistentVolume, dirty);
    case 'storageclasses':
      return classDependents(store, obj as StorageClass, dirty);
    case 'pods':
      return podDependents(store, obj as Pod, dirty);
    case 'events':
      return eventDependents(store, obj as KubeEvent, dirty);
    case 'nodes':
      return nodeDependents(store, obj.metadata?.name ?? '', dirty);
    case 'csinodes': {
      for (const driver of csiNodeDrivers(obj as CSINode)) dirty.provisioner(driver);
      dirty.object('nodes', obj.metadata?.name ?? '');
      for (const pod of store.podsOnNode(obj.metadata?.name ?? '')) dirty.object('pods', objectKey(pod));
      return;
    }
    case 'csidrivers':
      return dirty.provisioner(obj.metadata?.name ?? '');
    case 'leases':
      return leaseDependents(store, obj as Lease, dirty);
    case 'volumeattachments': {
      const va = obj as VolumeAttachment;
      const pv = attachmentVolume(va);
      if (pv) dirty.object('persistentvolumes', pv);
      if (va.spec?.nodeName) dirty.object('nodes', va.spec.nodeName);
      return;
    }
    case 'configmaps':
    case 'secrets':
      return referencedObjectDependents(store, kind, obj, dirty);
    case 'csistoragecapacities':
      return capacityDependents(store, obj as CSIStorageCapacity, dirty);
    // A namespace's limits on claims decide whether its StatefulSets can create theirs (diagnose/statefulsets.ts).
    case 'limitranges':
    case 'resourcequotas':
      return statefulSetsIn(store, obj.metadata?.namespace ?? '', dirty);
    case 'volumesnapshots': {
      const ns = obj.metadata?.namespace ?? '';
      const claim = (obj as VolumeSnapshot).spec?.source?.persistentVolumeClaimName;
      if (claim) dirty.object('persistentvolumeclaims', nsKey(ns, claim));
      // Claims restored from it wait for it (diagnose/claims-restore.ts).
      for (const restored of claimsFilledFrom(store, ns, 'VolumeSnapshot', obj.metadata?.name ?? '')) dirty.object('persistentvolumeclaims', objectKey(restored));
      return;
    }
    // A snapshot's verdict reads its content and its class (diagnose/snapshots.ts).
    case 'volumesnapshotcontents': {
      const ref = (obj as VolumeSnapshotContent).spec?.volumeSnapshotRef;
      if (ref?.name) dirty.object('volumesnapshots', nsKey(ref.namespace, ref.name));
      for (const snap of store.list('volumesnapshots')) if (snap.status?.boundVolumeSnapshotContentName === obj.metadata?.name) dirty.object('volumesnapshots', objectKey(snap));
      return;
    }
    case 'volumesnapshotclasses':
      for (const snap of store.list('volumesnapshots')) if (snap.spec?.volumeSnapshotClassName === obj.metadata?.name) dirty.object('volumesnapshots', objectKey(snap));
      return;
    default:
      return;
  }
}

function claimDependents(store: ObjectStore, claim: PersistentVolumeClaim, dirty: DirtySink): void {
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  // Snapshots of the claim read it and its volume; clones of it wait for it to be bound (diagnose/snapshots.ts,
  // claims-restore.ts).
  snapshotsOfClaim(store, ns, name, dirty);
  // A clone's verdict turns when its source becomes Bound (this change's "before" is Pending) or goes away (its
  // "before" carries the deletion timestamp): only then are the namespace's claims scanned for clones.
  if (claim.status?.phase !== 'Bound' || claim.metadata?.deletionTimestamp) {
    for (const clone of claimsFilledFrom(store, ns, 'PersistentVolumeClaim', name)) dirty.object('persistentvolumeclaims', objectKey(clone));
  }
  // A StatefulSet's claim appearing (created at last) or staying after a scale-down changes its verdict.
  statefulSetsIn(store, ns, dirty);
  if (claim.spec?.volumeName) dirty.object('persistentvolumes', claim.spec.volumeName);
  for (const pv of store.volumesClaiming(ns, name)) dirty.object('persistentvolumes', pv.metadata?.name ?? '');
  // Pods of the claim show its state; their siblings share the ReadWriteOnce multi-node check.
  for (const pod of store.podsUsingClaim(ns, name)) dirty.object('pods', objectKey(pod));
  const className = claimClassName(claim) ?? store.defaultClassName();
  if (className) {
    dirty.object('storageclasses', className);
    if (claim.status?.phase !== 'Bound') {
      const provisioner = store.get('storageclasses', className)?.provisioner;
      if (provisioner) dirty.provisioner(provisioner);
    }
  }
}

function volumeDependents(store: ObjectStore, pv: PersistentVolume, dirty: DirtySink): void {
  const claimKey = claimRefKey(pv);
  if (claimKey) {
    dirty.object('persistentvolumeclaims', claimKey);
    // A snapshot of its claim checks the volume's CSI driver (diagnose/snapshots.ts).
    snapshotsOfClaim(store, claimKey.slice(0, claimKey.indexOf('/')), claimKey.slice(claimKey.indexOf('/') + 1), dirty);
    // A pod waiting for a node reads its bound volume's node affinity (diagnose/pod-placement.ts).
    const slash = claimKey.indexOf('/');
    for (const pod of store.podsUsingClaim(claimKey.slice(0, slash), claimKey.slice(slash + 1))) if (!pod.spec?.nodeName) podAndClaims(pod, dirty);
  }
  const name = pv.metadata?.name ?? '';
  for (const claim of store.claimsNamingVolume(name)) dirty.object('persistentvolumeclaims', objectKey(claim));
  const className = pv.spec?.storageClassName ?? '';
  if (className) dirty.object('storageclasses', className);
  // A volume free for binding changes the static-binding analysis of the class's pending claims (a volume
  // without a class also concerns claims that name no class).
  if (!pv.spec?.claimRef?.uid) {
    const claims = className ? store.claimsOfClass(className) : [...store.claimsOfClass(''), ...store.claimsOfClass(NO_CLASS)];
    const pending = claims.filter((claim) => claim.status?.phase !== 'Bound');
    for (const claim of pending) dirty.object('persistentvolumeclaims', objectKey(claim));
    // ... and the verdict on their pods, which names the volumes that fit (diagnose/pod-placement.ts).
    waitingPodsOf(store, pending, dirty);
  }
}

function classDependents(store: ObjectStore, sc: StorageClass, dirty: DirtySink): void {
  const name = sc.metadata?.name ?? '';
  if (sc.provisioner) dirty.provisioner(sc.provisioner);
  for (const claim of store.claimsOfClass(name)) dirty.object('persistentvolumeclaims', objectKey(claim));
  for (const pv of store.volumesOfClass(name)) dirty.object('persistentvolumes', pv.metadata?.name ?? '');
  // Claims without a class follow the default class; every default class sees the others (several defaults).
  for (const claim of store.claimsOfClass(NO_CLASS)) dirty.object('persistentvolumeclaims', objectKey(claim));
  for (const other of store.defaultClasses()) dirty.object('storageclasses', other.metadata?.name ?? '');
  // Claim templates name classes (a missing one, or the default one a quota counts per class).
  for (const set of store.list('statefulsets')) dirty.object('statefulsets', objectKey(set));
}

/** The snapshots taken of a claim: few per namespace, so a scan of the namespace's snapshots. */
function snapshotsOfClaim(store: ObjectStore, namespace: string, claimName: string, dirty: DirtySink): void {
  for (const snap of store.list('volumesnapshots', namespace)) if (snap.spec?.source?.persistentVolumeClaimName === claimName) dirty.object('volumesnapshots', objectKey(snap));
}

/** Claims of a namespace to be filled from this snapshot or claim (spec.dataSourceRef or spec.dataSource). */
function claimsFilledFrom(store: ObjectStore, namespace: string, kind: 'VolumeSnapshot' | 'PersistentVolumeClaim', name: string): PersistentVolumeClaim[] {
  return store.list('persistentvolumeclaims', namespace).filter((c) => {
    if (c.status?.phase === 'Bound') return false;
    const src = c.spec?.dataSourceRef ?? c.spec?.dataSource;
    return src?.kind === kind && src.name === name;
  });
}

/** The StatefulSets of a namespace: few per namespace, so a claim or limit change re-examines them all. */
function statefulSetsIn(store: ObjectStore, namespace: string, dirty: DirtySink): void {
  for (const set of store.list('statefulsets', namespace)) dirty.object('statefulsets', objectKey(set));
}

function podDependents(store: ObjectStore, pod: Pod, dirty: DirtySink): void {
  for (const claimKey of podClaimKeys(pod)) {
    dirty.object('persistentvolumeclaims', claimKey);
    const slash = claimKey.indexOf('/');
    for (const sibling of store.podsUsingClaim(claimKey.slice(0, slash), claimKey.slice(slash + 1))) {
      dirty.object('pods', objectKey(sibling));
    }
  }
  if (pod.spec?.nodeName) dirty.object('nodes', pod.spec.nodeName);
  // Provisioner health reads the pods that run a provisioner: those in a leader lease's namespace or naming it.
  const ns = pod.metadata?.namespace ?? '';
  const text = podCommandText(pod);
  for (const provisioner of store.provisionerNames()) {
    if (text.includes(provisioner)) {
      dirty.provisioner(provisioner);
      continue;
    }
    for (const leaseName of leaseNameCandidates(provisioner)) {
      if (store.get('leases', leaseName, ns)) dirty.provisioner(provisioner);
    }
  }
}

function podCommandText(pod: Pod): string {
  const parts: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    parts.push(...(c.args ?? []), ...(c.command ?? []));
    for (const e of c.env ?? []) if (e.value) parts.push(e.value);
  }
  return parts.join('\n');
}

/**
 * A ConfigMap or Secret appearing or going away changes the verdict of what names it (pods-references.ts,
 * csi-secrets.ts): the pods of its namespace, and for a Secret the CSI volumes naming it, the classes (their
 * parameters may name it) and the claims still waiting to be provisioned. Claims and classes are few; PVs are
 * scanned only for CSI secret references.
 */
function referencedObjectDependents(store: ObjectStore, kind: 'configmaps' | 'secrets', obj: KubeObject, dirty: DirtySink): void {
  const ns = obj.metadata?.namespace ?? '';
  const name = obj.metadata?.name ?? '';
  for (const pod of store.list('pods', ns)) dirty.object('pods', objectKey(pod));
  if (kind === 'configmaps') return;
  for (const pv of store.list('persistentvolumes')) {
    const csi = pv.spec?.csi;
    if (!csi) continue;
    const refs = [csi.nodeStageSecretRef, csi.nodePublishSecretRef, csi.controllerPublishSecretRef, csi.controllerExpandSecretRef, csi.nodeExpandSecretRef];
    if (refs.some((ref) => ref?.name === name && (ref.namespace ?? '') === ns)) dirty.object('persistentvolumes', pv.metadata?.name ?? '');
  }
  for (const sc of store.list('storageclasses')) {
    if (!sc.parameters || !Object.keys(sc.parameters).some((key) => /secret-name$|SecretName$/.test(key))) continue;
    dirty.object('storageclasses', sc.metadata?.name ?? '');
    for (const claim of store.claimsOfClass(sc.metadata?.name ?? '')) {
      if (claim.status?.phase !== 'Bound') dirty.object('persistentvolumeclaims', objectKey(claim));
    }
  }
}

function eventDependents(store: ObjectStore, event: KubeEvent, dirty: DirtySink): void {
  const involved = event.involvedObject;
  const kind = involved?.kind ? kindOfObjectKind(involved.kind) : undefined;
  if (!kind || !involved?.name) return;
  const key = KINDS[kind].namespaced ? nsKey(involved.namespace ?? '', involved.name) : involved.name;
  dirty.object(kind, key);
  // What an event explains can surface on the neighbours too (a pod's FailedScheduling explains its Pending claim).
  const target = store.table(kind).get(key);
  if (target && kind !== 'events') markDependents(store, kind, target, dirty);
  if (kind === 'persistentvolumeclaims' && PROVISIONING_REASONS.has(event.reason ?? '')) {
    const claim = store.table('persistentvolumeclaims').get(key);
    const className = claim ? claimClassName(claim) ?? store.defaultClassName() : undefined;
    const provisioner = className ? store.get('storageclasses', className)?.provisioner : undefined;
    if (provisioner) dirty.provisioner(provisioner);
  }
}

function nodeDependents(store: ObjectStore, nodeName: string, dirty: DirtySink): void {
  for (const pod of store.podsOnNode(nodeName)) dirty.object('pods', objectKey(pod));
  for (const pv of store.volumesOnNode(nodeName)) dirty.object('persistentvolumes', pv.metadata?.name ?? '');
  // Where a pod not yet placed may run, and so its volume verdict, reads every node's labels and taints
  // (diagnose/pod-placement.ts); its claims repeat the verdict. Heartbeats never get here (markChange).
  for (const pod of store.podsNotOnNode()) podAndClaims(pod, dirty);
}

function podAndClaims(pod: Pod, dirty: DirtySink): void {
  dirty.object('pods', objectKey(pod));
  for (const claimKey of podClaimKeys(pod)) dirty.object('persistentvolumeclaims', claimKey);
}

/** The pods still waiting for a node that use these claims, and the claims (their verdict reads the claims' volumes). */
function waitingPodsOf(store: ObjectStore, claims: readonly PersistentVolumeClaim[], dirty: DirtySink): void {
  for (const claim of claims) {
    for (const pod of store.podsUsingClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '')) {
      if (!pod.spec?.nodeName) podAndClaims(pod, dirty);
    }
  }
}

/** A class's published free space changes the "not enough free storage" verdict of its unbound claims' pods. */
function capacityDependents(store: ObjectStore, capacity: CSIStorageCapacity, dirty: DirtySink): void {
  const className = capacity.storageClassName;
  if (!className) return;
  waitingPodsOf(store, store.claimsOfClass(className).filter((c) => c.status?.phase !== 'Bound'), dirty);
}

function leaseDependents(store: ObjectStore, lease: Lease, dirty: DirtySink): void {
  const name = lease.metadata?.name ?? '';
  for (const provisioner of store.provisionerNames()) {
    const inTree = provisioner.startsWith('kubernetes.io/') && name === 'kube-controller-manager';
    if (inTree || leaseNameCandidates(provisioner).includes(name)) dirty.provisioner(provisioner);
  }
}

/** A Set-backed DirtySink. */
export class DirtySet implements DirtySink {
  readonly objects = new Set<string>();
  readonly provisioners = new Set<string>();
  object(kind: Kind, key: string): void {
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
