/**
 * The read-only, indexed view of one cluster that the diagnosis rules work on.
 * The store implements it with indices kept up to date incrementally; tests implement it over fixtures
 * (see fixture-view.ts). Rules must only use this interface, never scan more than they need.
 */
import type { Resource } from '../kube/resource-registry';
import type { ObjectsByResource } from '../kube/by-resource';
import type {
  CSINode,
  KubeEvent,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
} from '../kube/objects';
import type { KindSyncState } from '../model/status';

export interface ClusterView {
  /** Milliseconds since the epoch "now" (recordings and tests set it). */
  now(): number;
  /**
   * Whether now() is a snapshot's capture time rather than the present: a time before it reads "before the
   * capture", not "ago" (time-words.ts). Absent: the present.
   */
  nowIsCapture?(): boolean;
  /** Whether a kind could be read: rules say "unknown" rather than "missing" when it is forbidden. */
  kindState(kind: Resource): KindSyncState;
  /**
   * Whether a kind could be read in one namespace: for a user who may list it only in some namespaces, 'forbidden'
   * in the others (a Secret in a namespace the user cannot read is "cannot check", never "missing").
   */
  kindStateIn(kind: Resource, namespace: string): KindSyncState;
  /** All objects of a kind, optionally in one namespace. */
  list<K extends Resource>(kind: K, namespace?: string): readonly ObjectsByResource[K][];
  /** One object by name (and namespace for namespaced kinds). */
  get<K extends Resource>(kind: K, name: string, namespace?: string): ObjectsByResource[K] | undefined;

  /** StorageClasses annotated as default (storageclass.kubernetes.io/is-default-class=true). */
  defaultClasses(): readonly StorageClass[];
  /** Claims whose effective class is this one. */
  claimsOfClass(className: string): readonly PersistentVolumeClaim[];
  /** PVs with this spec.storageClassName. */
  volumesOfClass(className: string): readonly PersistentVolume[];
  /** PVs whose spec.claimRef points at this claim (namespace/name), bound or pre-bound. */
  volumesClaiming(namespace: string, claimName: string): readonly PersistentVolume[];
  /** Pods that use this claim, directly or through a generic ephemeral volume. */
  podsUsingClaim(namespace: string, claimName: string): readonly Pod[];
  /** Pods scheduled to a node. */
  podsOnNode(nodeName: string): readonly Pod[];
  /** Events whose involvedObject is this object (by kind, namespace, name), newest first. */
  eventsFor(objectKind: string, name: string, namespace?: string): readonly KubeEvent[];
  /** CSINode objects that list this driver. */
  csiNodesWithDriver(driver: string): readonly CSINode[];
  /** VolumeAttachments of a PV. */
  attachmentsOfVolume(pvName: string): readonly VolumeAttachment[];
  /** Leases with this name, in any namespace the user can read. */
  leasesNamed(name: string): readonly Lease[];
  /**
   * Candidates for the pods that run a provisioner (provisioner-pods.ts): pods whose containers name it, and the
   * csi-provisioner sidecars of `leaseNamespace`. A superset: callers confirm each with `podRunsProvisioner`.
   */
  podsRunningProvisioner(name: string, leaseNamespace: string | undefined): readonly Pod[];
}

/** Name of a claim's effective class: spec.storageClassName, or undefined when unset (default applies). */
export function claimClassName(claim: PersistentVolumeClaim): string | undefined {
  const explicit = claim.spec?.storageClassName;
  if (explicit !== undefined && explicit !== null) return explicit;
  return claim.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
}
