/**
 * The relations of the rules' vocabulary (shared/diagnose/reach.ts), implemented over the store's indices: for a
 * changed object, which objects (and provisioners) to mark. Typed by the vocabulary, so a relation the rules may
 * declare cannot go unimplemented. Which relations run on a change is decided in change-reach.ts.
 */
import { waitsForResizer } from '../../shared/diagnose/csi-sidecars';
import { leaseNameCandidates } from '../../shared/diagnose/leases';
import { CSI_SIDECARS, sidecarLeaseName } from '../../shared/diagnose/sidecar-leases';
import type { Reach, ReachSource } from '../../shared/diagnose/reach';
import { claimClassName } from '../../shared/diagnose/view';
import { DESCRIPTOR_OF_RESOURCE, resourceOfKind, type Resource, type ObjectsByResource } from '../../shared/kube/resource-registry';
import type { KubeObject, PersistentVolumeClaim, Pod } from '../../shared/kube/objects';
import { NO_CLASS } from './indices';
import type { ObjectStore } from './object-store';
import { attachmentVolume, claimRefKey, csiNodeDrivers, nsKey, objectKey, podClaimKeys, statefulSetOf } from './object-keys';

/** Collects ids ("kind|key") and provisioner names to re-examine. */
export interface DirtySink {
  object(kind: Resource, key: string): void;
  provisioner(name: string): void;
}

/** What a relation is given: the changed object, or for `provisioners` the provisioner's name. */
type Changed<S extends ReachSource> = S extends Resource ? ObjectsByResource[S] : string;

/** Runs every relation of `reaches` from a changed object (markDependents, for the recursion of events). */
export type MarkAll = (store: ObjectStore, kind: Resource, obj: KubeObject, dirty: DirtySink) => void;

type Marker<S extends ReachSource> = (store: ObjectStore, changed: Changed<S>, dirty: DirtySink, again: MarkAll) => void;

const PROVISIONING_REASONS = new Set(['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning']);

const ns = (obj: KubeObject) => obj.metadata?.namespace ?? '';
const name = (obj: KubeObject) => obj.metadata?.name ?? '';
const notBound = (claim: PersistentVolumeClaim) => claim.status?.phase !== 'Bound';
const splitKey = (key: string): [string, string] => {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
};

function statefulSetsIn(store: ObjectStore, namespace: string, dirty: DirtySink): void {
  for (const set of store.list('statefulsets', namespace)) dirty.object('statefulsets', objectKey(set));
}

/** The snapshots taken of a claim: few per namespace, so a scan of the namespace's snapshots. */
function snapshotsOfClaim(store: ObjectStore, namespace: string, claimName: string, dirty: DirtySink): void {
  for (const snap of store.list('volumesnapshots', namespace)) if (snap.spec?.source?.persistentVolumeClaimName === claimName) dirty.object('volumesnapshots', objectKey(snap));
}

/** Claims not Bound of a namespace to be filled from this snapshot or claim (spec.dataSourceRef or spec.dataSource). */
function claimsFilledFrom(store: ObjectStore, namespace: string, kind: 'VolumeSnapshot' | 'PersistentVolumeClaim', source: string): PersistentVolumeClaim[] {
  return store.list('persistentvolumeclaims', namespace).filter((c) => {
    if (!notBound(c)) return false;
    const from = c.spec?.dataSourceRef ?? c.spec?.dataSource;
    return from?.kind === kind && from.name === source;
  });
}

function podAndClaims(pod: Pod, dirty: DirtySink): void {
  dirty.object('pods', objectKey(pod));
  for (const claimKey of podClaimKeys(pod)) dirty.object('persistentvolumeclaims', claimKey);
}

/** The pods still waiting for a node that use these claims, and their claims. */
function waitingPodsOf(store: ObjectStore, claims: readonly PersistentVolumeClaim[], dirty: DirtySink): void {
  for (const claim of claims) for (const pod of store.podsUsingClaim(ns(claim), name(claim))) if (!pod.spec?.nodeName) podAndClaims(pod, dirty);
}

function podsUsingClaimKey(store: ObjectStore, claimKey: string | undefined): readonly Pod[] {
  if (!claimKey) return [];
  const [namespace, claim] = splitKey(claimKey);
  return store.podsUsingClaim(namespace, claim);
}

/** A volume free for binding: the claims not Bound of its class (of no class: the claims naming none). */
function claimsForFreeVolume(store: ObjectStore, pv: ObjectsByResource['persistentvolumes']): PersistentVolumeClaim[] {
  if (pv.spec?.claimRef?.uid) return [];
  const className = pv.spec?.storageClassName ?? '';
  const claims = className ? store.claimsOfClass(className) : [...store.claimsOfClass(''), ...store.claimsOfClass(NO_CLASS)];
  return claims.filter(notBound);
}

function podCommandText(pod: Pod): string {
  const parts: string[] = [];
  for (const c of pod.spec?.containers ?? []) {
    parts.push(...(c.args ?? []), ...(c.command ?? []));
    for (const e of c.env ?? []) if (e.value) parts.push(e.value);
  }
  return parts.join('\n');
}

function provisionerOfClass(store: ObjectStore, className: string | undefined): string | undefined {
  return className ? store.get('storageclasses', className)?.provisioner : undefined;
}

function podsInNamespace(store: ObjectStore, obj: KubeObject, dirty: DirtySink): void {
  for (const pod of store.list('pods', ns(obj))) dirty.object('pods', objectKey(pod));
}

function classesWithSecretParameters(store: ObjectStore): ObjectsByResource['storageclasses'][] {
  return store.list('storageclasses').filter((sc) => sc.parameters && Object.keys(sc.parameters).some((key) => /secret-name$|SecretName$/.test(key)));
}

export const MARKERS: { readonly [S in ReachSource]: { readonly [R in Reach<S>]: Marker<S> } } = {
  persistentvolumeclaims: {
    'statefulsets-in-namespace': (store, claim, dirty) => statefulSetsIn(store, ns(claim), dirty),
    'volumes-of-claim': (store, claim, dirty) => {
      if (claim.spec?.volumeName) dirty.object('persistentvolumes', claim.spec.volumeName);
      for (const pv of store.volumesClaiming(ns(claim), name(claim))) dirty.object('persistentvolumes', name(pv));
    },
    'pods-using-claim': (store, claim, dirty) => {
      for (const pod of store.podsUsingClaim(ns(claim), name(claim))) dirty.object('pods', objectKey(pod));
    },
    'class-of-claim': (store, claim, dirty) => {
      const className = claimClassName(claim) ?? store.defaultClassName();
      if (className) dirty.object('storageclasses', className);
    },
    'attributes-classes-of-claim': (_store, claim, dirty) => {
      if (claim.spec?.volumeAttributesClassName) dirty.object('volumeattributesclasses', claim.spec.volumeAttributesClassName);
      if (claim.status?.currentVolumeAttributesClassName) dirty.object('volumeattributesclasses', claim.status.currentVolumeAttributesClassName);
    },
    'provisioner-of-pending-claim': (store, claim, dirty) => {
      if (!notBound(claim)) return;
      const provisioner = provisionerOfClass(store, claimClassName(claim) ?? store.defaultClassName());
      if (provisioner) dirty.provisioner(provisioner);
    },
    'provisioner-of-resizing-claim': (store, claim, dirty) => {
      if (!waitsForResizer(claim)) return;
      const provisioner = provisionerOfClass(store, claimClassName(claim) ?? store.defaultClassName());
      if (provisioner) dirty.provisioner(provisioner);
    },
    'claims-sharing-pods': (store, claim, dirty) => {
      for (const pod of store.podsUsingClaim(ns(claim), name(claim))) for (const key of podClaimKeys(pod)) dirty.object('persistentvolumeclaims', key);
    },
    'snapshots-of-claim': (store, claim, dirty) => snapshotsOfClaim(store, ns(claim), name(claim), dirty),
    // Called with the claim before and after: a "before" not Bound (it turns Bound) or being deleted (it goes) is when
    // a clone's verdict turns; only then are the namespace's claims scanned.
    'clones-of-claim': (store, claim, dirty) => {
      if (!notBound(claim) && !claim.metadata?.deletionTimestamp) return;
      for (const clone of claimsFilledFrom(store, ns(claim), 'PersistentVolumeClaim', name(claim))) dirty.object('persistentvolumeclaims', objectKey(clone));
    },
  },
  persistentvolumes: {
    'claims-of-volume': (store, pv, dirty) => {
      const claimKey = claimRefKey(pv);
      if (claimKey) dirty.object('persistentvolumeclaims', claimKey);
      for (const claim of store.claimsNamingVolume(name(pv))) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
    'pods-using-volume': (store, pv, dirty) => {
      for (const pod of podsUsingClaimKey(store, claimRefKey(pv))) dirty.object('pods', objectKey(pod));
    },
    'waiting-pods-of-volume-claim': (store, pv, dirty) => {
      for (const pod of podsUsingClaimKey(store, claimRefKey(pv))) if (!pod.spec?.nodeName) podAndClaims(pod, dirty);
    },
    'class-of-volume': (_store, pv, dirty) => {
      if (pv.spec?.storageClassName) dirty.object('storageclasses', pv.spec.storageClassName);
    },
    'pending-claims-for-free-volume': (store, pv, dirty) => {
      for (const claim of claimsForFreeVolume(store, pv)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
    'waiting-pods-for-free-volume': (store, pv, dirty) => waitingPodsOf(store, claimsForFreeVolume(store, pv), dirty),
    'snapshots-of-volume-claim': (store, pv, dirty) => {
      const claimKey = claimRefKey(pv);
      if (claimKey) snapshotsOfClaim(store, ...splitKey(claimKey), dirty);
    },
  },
  storageclasses: {
    'provisioner-of-class': (_store, sc, dirty) => {
      if (sc.provisioner) dirty.provisioner(sc.provisioner);
    },
    'claims-of-class': (store, sc, dirty) => {
      for (const claim of store.claimsOfClass(name(sc))) dirty.object('persistentvolumeclaims', objectKey(claim));
      for (const claim of store.claimsOfClass(NO_CLASS)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
    'volumes-of-class': (store, sc, dirty) => {
      for (const pv of store.volumesOfClass(name(sc))) dirty.object('persistentvolumes', name(pv));
    },
    'default-classes': (store, _sc, dirty) => {
      for (const other of store.defaultClasses()) dirty.object('storageclasses', name(other));
    },
    statefulsets: (store, _sc, dirty) => {
      for (const set of store.list('statefulsets')) dirty.object('statefulsets', objectKey(set));
    },
    'waiting-pods-of-class': (store, sc, dirty) => waitingPodsOf(store, store.claimsOfClass(name(sc)).filter(notBound), dirty),
  },
  pods: {
    'claims-of-pod': (_store, pod, dirty) => {
      for (const claimKey of podClaimKeys(pod)) dirty.object('persistentvolumeclaims', claimKey);
    },
    'pods-sharing-claims': (store, pod, dirty) => {
      for (const claimKey of podClaimKeys(pod)) for (const sibling of podsUsingClaimKey(store, claimKey)) dirty.object('pods', objectKey(sibling));
    },
    'node-of-pod': (_store, pod, dirty) => {
      if (pod.spec?.nodeName) dirty.object('nodes', pod.spec.nodeName);
    },
    // Provisioner health reads the pods that run a provisioner: those in a leader lease's namespace or naming it.
    'provisioners-run-by-pod': (store, pod, dirty) => {
      const text = podCommandText(pod);
      for (const provisioner of store.provisionerNames()) {
        if (text.includes(provisioner)) {
          dirty.provisioner(provisioner);
          continue;
        }
        for (const leaseName of leaseNameCandidates(provisioner)) if (store.get('leases', leaseName, ns(pod))) dirty.provisioner(provisioner);
      }
    },
    'statefulset-of-pod': (_store, pod, dirty) => {
      const owner = statefulSetOf(pod);
      if (owner) dirty.object('statefulsets', nsKey(ns(pod), owner.set));
    },
  },
  events: {
    'subject-of-event': (store, event, dirty, again) => {
      const involved = event.involvedObject;
      const kind = involved?.kind ? resourceOfKind(involved.kind) : undefined;
      if (!kind || !involved?.name) return;
      const key = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? nsKey(involved.namespace ?? '', involved.name) : involved.name;
      dirty.object(kind, key);
      // What an event explains can surface on the neighbours too (a pod's FailedScheduling explains its Pending claim).
      const target = store.table(kind).get(key);
      if (target && kind !== 'events') again(store, kind, target, dirty);
    },
    'provisioner-of-claim-event': (store, event, dirty) => {
      const involved = event.involvedObject;
      if (involved?.kind !== 'PersistentVolumeClaim' || !involved.name || !PROVISIONING_REASONS.has(event.reason ?? '')) return;
      const claim = store.table('persistentvolumeclaims').get(nsKey(involved.namespace ?? '', involved.name));
      const provisioner = claim ? provisionerOfClass(store, claimClassName(claim) ?? store.defaultClassName()) : undefined;
      if (provisioner) dirty.provisioner(provisioner);
    },
  },
  nodes: {
    'pods-on-node': (store, node, dirty) => {
      for (const pod of store.podsOnNode(name(node))) dirty.object('pods', objectKey(pod));
    },
    // Where a pod not yet placed may run reads every node's labels and taints (diagnose/pod-placement.ts).
    'waiting-pods': (store, _node, dirty) => {
      for (const pod of store.podsNotOnNode()) podAndClaims(pod, dirty);
    },
    'volumes-attached-to-node': (store, node, dirty) => {
      for (const va of store.attachmentsOnNode(name(node))) {
        const pv = attachmentVolume(va);
        if (pv) dirty.object('persistentvolumes', pv);
      }
    },
  },
  csinodes: {
    'provisioners-of-csinode': (_store, csiNode, dirty) => {
      for (const driver of csiNodeDrivers(csiNode)) dirty.provisioner(driver);
    },
    'node-of-csinode': (_store, csiNode, dirty) => dirty.object('nodes', name(csiNode)),
    'pods-on-csinode-node': (store, csiNode, dirty) => {
      for (const pod of store.podsOnNode(name(csiNode))) dirty.object('pods', objectKey(pod));
    },
  },
  csidrivers: {
    'provisioner-of-driver': (_store, driver, dirty) => dirty.provisioner(name(driver)),
    'pending-claims': (store, _driver, dirty) => {
      for (const claim of store.list('persistentvolumeclaims')) if (notBound(claim)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
    'waiting-pods': (store, _driver, dirty) => {
      for (const pod of store.podsNotOnNode()) podAndClaims(pod, dirty);
    },
  },
  leases: {
    'provisioners-of-lease': (store, lease, dirty) => {
      for (const provisioner of store.provisionerNames()) {
        const inTree = provisioner.startsWith('kubernetes.io/') && name(lease) === 'kube-controller-manager';
        const sidecar = CSI_SIDECARS.some((s) => sidecarLeaseName(s, provisioner) === name(lease));
        if (inTree || sidecar || leaseNameCandidates(provisioner).includes(name(lease))) dirty.provisioner(provisioner);
      }
    },
  },
  volumeattachments: {
    'volume-of-attachment': (_store, va, dirty) => {
      const pv = attachmentVolume(va);
      if (pv) dirty.object('persistentvolumes', pv);
    },
    'node-of-attachment': (_store, va, dirty) => {
      if (va.spec?.nodeName) dirty.object('nodes', va.spec.nodeName);
    },
    'provisioner-of-attachment': (_store, va, dirty) => {
      if (va.spec?.attacher) dirty.provisioner(va.spec.attacher);
    },
    'pods-using-attached-volume': (store, va, dirty) => {
      const pvName = attachmentVolume(va);
      const pv = pvName ? store.get('persistentvolumes', pvName) : undefined;
      for (const pod of pv ? podsUsingClaimKey(store, claimRefKey(pv)) : []) dirty.object('pods', objectKey(pod));
    },
  },
  configmaps: {
    'pods-in-namespace': (store, cm, dirty) => podsInNamespace(store, cm, dirty),
  },
  // Claims and classes are few; PVs are scanned only for CSI secret references.
  secrets: {
    'pods-in-namespace': (store, secret, dirty) => podsInNamespace(store, secret, dirty),
    'volumes-naming-secret': (store, secret, dirty) => {
      for (const pv of store.list('persistentvolumes')) {
        const csi = pv.spec?.csi;
        if (!csi) continue;
        const refs = [csi.nodeStageSecretRef, csi.nodePublishSecretRef, csi.controllerPublishSecretRef, csi.controllerExpandSecretRef, csi.nodeExpandSecretRef];
        if (refs.some((ref) => ref?.name === name(secret) && (ref.namespace ?? '') === ns(secret))) dirty.object('persistentvolumes', name(pv));
      }
    },
    'classes-with-secret-parameters': (store, _secret, dirty) => {
      for (const sc of classesWithSecretParameters(store)) dirty.object('storageclasses', name(sc));
    },
    'pending-claims-of-secret-classes': (store, _secret, dirty) => {
      for (const sc of classesWithSecretParameters(store)) for (const claim of store.claimsOfClass(name(sc))) if (notBound(claim)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
  },
  // A class's published free space changes the "not enough free storage" verdict of its unbound claims' pods.
  csistoragecapacities: {
    'waiting-pods-of-class': (store, capacity, dirty) => {
      if (capacity.storageClassName) waitingPodsOf(store, store.claimsOfClass(capacity.storageClassName).filter(notBound), dirty);
    },
  },
  volumesnapshots: {
    'claims-restored-from-snapshot': (store, snap, dirty) => {
      for (const claim of claimsFilledFrom(store, ns(snap), 'VolumeSnapshot', name(snap))) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
  },
  volumesnapshotcontents: {
    'provisioner-of-snapshot-content': (_store, content, dirty) => {
      if (content.spec?.driver) dirty.provisioner(content.spec.driver);
    },
    'snapshot-of-content': (store, content, dirty) => {
      const ref = content.spec?.volumeSnapshotRef;
      if (ref?.name) dirty.object('volumesnapshots', nsKey(ref.namespace ?? '', ref.name));
      for (const snap of store.list('volumesnapshots')) if (snap.status?.boundVolumeSnapshotContentName === name(content)) dirty.object('volumesnapshots', objectKey(snap));
    },
  },
  volumesnapshotclasses: {
    'snapshots-of-class': (store, snapClass, dirty) => {
      for (const snap of store.list('volumesnapshots')) if (snap.spec?.volumeSnapshotClassName === name(snapClass)) dirty.object('volumesnapshots', objectKey(snap));
    },
  },
  // A claim naming a class that appears, or goes, is re-examined (diagnose/claims-attributes-class.ts).
  volumeattributesclasses: {
    'claims-of-attributes-class': (store, vac, dirty) => {
      for (const claim of store.claimsOfAttributesClass(name(vac), 'wanted')) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
  },
  // A registration appearing or going decides whether a claim's dataSourceRef kind is served (diagnose/claims-populator.ts).
  volumepopulators: {
    'pending-claims': (store, _populator, dirty) => {
      for (const claim of store.list('persistentvolumeclaims')) if (notBound(claim)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
  },
  // A namespace's limits on claims decide whether its StatefulSets can create theirs (diagnose/statefulsets.ts).
  limitranges: { 'statefulsets-in-namespace': (store, range, dirty) => statefulSetsIn(store, ns(range), dirty) },
  resourcequotas: { 'statefulsets-in-namespace': (store, quota, dirty) => statefulSetsIn(store, ns(quota), dirty) },
  provisioners: {
    'classes-of-provisioner': (store, provisioner, dirty) => {
      for (const sc of store.classesOfProvisioner(provisioner)) dirty.object('storageclasses', name(sc));
    },
    'pending-claims-of-provisioner': (store, provisioner, dirty) => {
      for (const sc of store.classesOfProvisioner(provisioner)) for (const claim of store.claimsOfClass(name(sc))) if (notBound(claim)) dirty.object('persistentvolumeclaims', objectKey(claim));
    },
    // Released volumes wait for the provisioner that made them to delete them.
    'released-volumes-of-provisioner': (store, provisioner, dirty) => {
      for (const pv of store.list('persistentvolumes')) {
        if (pv.status?.phase === 'Released' && pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'] === provisioner) dirty.object('persistentvolumes', name(pv));
      }
    },
  },
};
