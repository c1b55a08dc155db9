/**
 * A provisioner's details: what the details panel shows when a row of Provisioners (or a link to a provisioner)
 * is opened. A provisioner is not a Kubernetes object; it is the name StorageClasses give in `provisioner`, and
 * what shows whether it runs is spread over a Lease, a CSIDriver, the nodes' CSINodes, its pods and the events on
 * the claims of its classes. Built in main (src/main/store/provisioner-detail.ts) from the same assessment as the
 * Provisioners table (src/shared/diagnose/provisioners.ts).
 */
import type { Evidence, Localized } from './findings';
import type { FindingGroup } from './finding-groups';
import type { ProvisionerRef } from './refs';
import type { EventRow, ProvisionerType, ProvisionerVerdict } from './rows';

/**
 * Who runs the provisioner, as a code the UI words:
 * - controller-manager: an in-tree plugin (kubernetes.io/*) run by kube-controller-manager;
 * - migrated: an in-tree plugin whose provisioning moved to a CSI driver (`migratedTo`);
 * - removed: an in-tree plugin removed from Kubernetes;
 * - none: kubernetes.io/no-provisioner, static volumes only;
 * - csi: a CSI driver's controller (external-provisioner sidecar);
 * - external: another out-of-tree provisioner (a pod of its own, or something outside the cluster).
 */
export type ProvisionerRunner = 'controller-manager' | 'migrated' | 'removed' | 'none' | 'csi' | 'external';

/** The leader Lease, its fields verbatim. */
export interface ProvisionerLease {
  namespace: string;
  name: string;
  holder?: string;
  /** ISO time of spec.renewTime (or spec.acquireTime when never renewed). */
  renewTime?: string;
  /** Seconds since the renew time, when the store assessed it (the UI also counts on from renewTime). */
  renewAgeSeconds?: number;
  leaseDurationSeconds?: number;
  transitions?: number;
  acquireTime?: string;
  /** Renewed recently enough that its holder is taken to be running (see diagnose/leases.ts leaseIsFresh). */
  fresh: boolean;
}

/** The CSIDriver object and the nodes whose CSINode lists the driver. */
export interface ProvisionerCsi {
  /** False when CSIDriver objects are readable and none has this name. */
  driverExists: boolean;
  attachRequired?: boolean;
  podInfoOnMount?: boolean;
  storageCapacity?: boolean;
  fsGroupPolicy?: string;
  volumeLifecycleModes?: string[];
  /** Nodes whose CSINode lists the driver, by name. */
  registeredNodes: string[];
  /** Nodes that have a CSINode without this driver. */
  unregisteredNodes: string[];
  /** Each controller sidecar: its leader Lease and the work waiting for it (shared/diagnose/csi-sidecars.ts). */
  sidecars?: ProvisionerSidecar[];
  /** VolumeSnapshotClasses whose driver it is (it can take snapshots); absent when they cannot be read. */
  snapshotClasses?: string[];
  /** Its StorageClasses that allow expansion (allowVolumeExpansion: true). */
  expansionClasses: string[];
}

/**
 * A CSI driver's controller sidecar as its details show it: the leader Lease (`held`: renewed recently; `stale`;
 * `not-found`; `unreadable`), its name, namespace, holder and renew time when found, and how many objects wait for
 * its work (absent: judged elsewhere, the external-provisioner's claims, or not readable).
 */
export interface ProvisionerSidecar {
  sidecar: 'external-provisioner' | 'external-attacher' | 'external-resizer' | 'csi-snapshotter';
  lease: 'held' | 'stale' | 'not-found' | 'unreadable';
  leaseName?: string;
  leaseNamespace?: string;
  holder?: string;
  renewTime?: string;
  waiting?: number;
}

/** A pod that runs the provisioner (the lease holder, or a pod naming the provisioner). */
export interface ProvisionerPod {
  namespace: string;
  name: string;
  /** kubectl-like status: Running, Pending, CrashLoopBackOff, Terminating... */
  status: string;
  ready: boolean;
  restarts: number;
  nodeName?: string;
  /** This pod holds the leader Lease. */
  leader: boolean;
}

export interface ProvisionerClass {
  name: string;
  isDefault: boolean;
  bindingMode: string;
  reclaimPolicy: string;
}

/** A claim the provisioner was asked to provision and that has no volume yet. */
export interface ProvisionerClaim {
  namespace: string;
  name: string;
  className?: string;
  createdAt?: string;
}

export interface ProvisionerVolume {
  name: string;
  phase: string;
  capacity?: string;
  claim?: { namespace: string; name: string };
}

/** Provisioning events on the claims of its classes, summed per reason. */
export interface ProvisioningEventCount {
  reason: string;
  /** "Normal" or "Warning". */
  type: string;
  /** Sum of the events' counts. */
  count: number;
  /** Claims with such an event. */
  claims: number;
  lastSeen?: string;
  /** Message of the newest one, verbatim. */
  lastMessage?: string;
}

export interface ProvisionerDetail {
  ref: ProvisionerRef;
  name: string;
  type: ProvisionerType;
  runner: ProvisionerRunner;
  /** For runner "migrated": the CSI driver that provisions instead. */
  migratedTo?: string;
  verdict: ProvisionerVerdict;
  /** What the verdict means for the user, in words a student understands. */
  meaning: Localized;
  /** Why this verdict: the assessment's reasons (the same as the Provisioners table's). */
  reasons: Localized[];
  /** What was looked at: a short label, the value found and its source (field path or event), per row. */
  evidence: Evidence[];
  lease?: ProvisionerLease;
  /** Present for CSI drivers (and in-tree plugins migrated to one). */
  csi?: ProvisionerCsi;
  pods: ProvisionerPod[];
  /** False when pods cannot be read (then `pods` is empty for that reason). */
  podsVisible: boolean;
  classes: ProvisionerClass[];
  waitingClaims: ProvisionerClaim[];
  /** Total of waiting claims (the list is capped). */
  waitingTotal: number;
  volumes: ProvisionerVolume[];
  /** Total of volumes it made (the list is capped). */
  volumesTotal: number;
  eventCounts: ProvisioningEventCount[];
  /** The newest provisioning events, newest first. */
  events: EventRow[];
  /** Findings whose cause is this provisioner, grouped by code (the objects they are on are listed in each group). */
  findingGroups: FindingGroup[];
}
