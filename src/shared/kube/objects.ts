/**
 * Plain-JSON shapes of the Kubernetes objects, as the API server sends them.
 *
 * Why not client-node's models: its classes declare timestamps as Date and are filled by a costly
 * ObjectSerializer, while the reflector keeps the raw JSON (strings) for speed. These types declare only
 * the fields the app reads; everything is optional because the server (or a hostile snapshot) may omit it.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  generateName?: string;
}

export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean;
}

/** Any object from the API: the common envelope. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
}

export interface NodeSelectorTerm {
  matchExpressions?: { key?: string; operator?: string; values?: string[] }[];
  matchFields?: { key?: string; operator?: string; values?: string[] }[];
}

export interface StorageClass extends KubeObject {
  provisioner?: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowVolumeExpansion?: boolean;
  allowedTopologies?: { matchLabelExpressions?: { key?: string; values?: string[] }[] }[];
  mountOptions?: string[];
}

export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}

export interface PersistentVolume extends KubeObject {
  spec?: {
    capacity?: Record<string, string>;
    accessModes?: string[];
    persistentVolumeReclaimPolicy?: string;
    storageClassName?: string;
    volumeMode?: string;
    claimRef?: ObjectReference;
    nodeAffinity?: { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } };
    mountOptions?: string[];
    csi?: {
      driver?: string;
      volumeHandle?: string;
      fsType?: string;
      readOnly?: boolean;
      /** Secrets the kubelet or a CSI sidecar reads for this volume (their names only: never their data). */
      nodeStageSecretRef?: SecretReference;
      nodePublishSecretRef?: SecretReference;
      controllerPublishSecretRef?: SecretReference;
      controllerExpandSecretRef?: SecretReference;
      nodeExpandSecretRef?: SecretReference;
    };
    hostPath?: { path?: string; type?: string };
    local?: { path?: string; fsType?: string };
    nfs?: { server?: string; path?: string; readOnly?: boolean };
    [source: string]: unknown;
  };
  status?: { phase?: string; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

export interface PersistentVolumeClaim extends KubeObject {
  spec?: {
    accessModes?: string[];
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    storageClassName?: string | null;
    volumeName?: string;
    volumeMode?: string;
    selector?: LabelSelector;
    dataSource?: { apiGroup?: string; kind?: string; name?: string };
    dataSourceRef?: { apiGroup?: string; kind?: string; name?: string; namespace?: string };
    volumeAttributesClassName?: string;
  };
  status?: {
    phase?: string;
    accessModes?: string[];
    capacity?: Record<string, string>;
    conditions?: Condition[];
    allocatedResources?: Record<string, string>;
    allocatedResourceStatuses?: Record<string, string>;
    /** The VolumeAttributesClass the volume has now; unset until a class was first applied. */
    currentVolumeAttributesClassName?: string;
    /**
     * Set while a change of spec.volumeAttributesClassName is under way, by external-resizer's modify controller:
     * status Pending (the class does not exist), InProgress or Infeasible (the driver refused with InvalidArgument).
     * Upstream: k8s.io/api core/v1 types.go ModifyVolumeStatus.
     */
    modifyVolumeStatus?: { targetVolumeAttributesClassName?: string; status?: string };
  };
}

/**
 * A VolumeAttributesClass (storage.k8s.io/v1, GA in Kubernetes 1.34): mutable parameters a CSI driver applies to
 * a volume at creation and on a change of the claim's class (ControllerModifyVolume). Immutable once created.
 */
export interface VolumeAttributesClass extends KubeObject {
  driverName?: string;
  parameters?: Record<string, string>;
}

/**
 * A VolumePopulator (populator.storage.k8s.io/v1beta1, kubernetes-csi/volume-data-source-validator
 * client/apis/volumepopulator/v1beta1/types.go): registers the kind of data source a volume populator serves.
 * Cluster-scoped; `sourceKind.group` is '' for the core group.
 */
export interface VolumePopulator extends KubeObject {
  sourceKind?: { group?: string; kind?: string };
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastProbeTime?: string;
}

/** A reference to a Secret by name and namespace (core/v1 SecretReference), as PersistentVolumes carry them. */
export interface SecretReference {
  name?: string;
  namespace?: string;
}

/** One source of a projected volume: exactly one of these is set (serviceAccountToken and the rest are not read). */
export interface ProjectedSource {
  configMap?: { name?: string; optional?: boolean };
  secret?: { name?: string; optional?: boolean };
  [source: string]: unknown;
}

/** One entry of `pod.spec.volumes`; the source is whichever other field is set. */
export interface Volume {
  name?: string;
  persistentVolumeClaim?: { claimName?: string; readOnly?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path?: string; type?: string };
  configMap?: { name?: string; optional?: boolean; items?: unknown[] };
  secret?: { secretName?: string; optional?: boolean; items?: unknown[] };
  projected?: { sources?: ProjectedSource[] };
  csi?: { driver?: string; readOnly?: boolean; volumeAttributes?: Record<string, string>; nodePublishSecretRef?: { name?: string } };
  ephemeral?: { volumeClaimTemplate?: { metadata?: ObjectMeta; spec?: PersistentVolumeClaim['spec'] } };
  downwardAPI?: unknown;
  nfs?: { server?: string; path?: string; readOnly?: boolean };
  image?: { reference?: string };
  [source: string]: unknown;
}

export interface VolumeMount {
  name?: string;
  mountPath?: string;
  readOnly?: boolean;
  subPath?: string;
  subPathExpr?: string;
}

export interface SecurityContext {
  runAsUser?: number;
  runAsGroup?: number;
  runAsNonRoot?: boolean;
  fsGroup?: number;
  privileged?: boolean;
}

export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  volumeMounts?: VolumeMount[];
  volumeDevices?: { name?: string; devicePath?: string }[];
  securityContext?: SecurityContext;
  restartPolicy?: string;
  env?: { name?: string; value?: string; valueFrom?: unknown }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; reason?: string; message?: string; startedAt?: string; finishedAt?: string };
}

export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  image?: string;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    volumes?: Volume[];
    initContainers?: Container[];
    containers?: Container[];
    securityContext?: SecurityContext;
    schedulerName?: string;
    nodeSelector?: Record<string, string>;
    /** Only the required node affinity is read (scheduling.ts); preferred terms never exclude a node. */
    affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] } } };
    tolerations?: Toleration[];
    serviceAccountName?: string;
    restartPolicy?: string;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
    startTime?: string;
    hostIP?: string;
    podIP?: string;
    /** Guaranteed, Burstable or BestEffort, set by the API server from the containers' requests and limits. */
    qosClass?: string;
  };
}

export interface KubeEvent extends KubeObject {
  involvedObject?: ObjectReference;
  reason?: string;
  message?: string;
  type?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  source?: { component?: string; host?: string };
  reportingComponent?: string;
  series?: { count?: number; lastObservedTime?: string };
}

/** A node taint (core/v1 Taint). */
export interface Taint {
  key?: string;
  value?: string;
  /** NoSchedule, PreferNoSchedule or NoExecute. */
  effect?: string;
}

/** A pod toleration (core/v1 Toleration); an empty key with operator Exists tolerates every taint. */
export interface Toleration {
  key?: string;
  /** Equal (the default) or Exists. */
  operator?: string;
  value?: string;
  /** Empty: every effect. */
  effect?: string;
}

export interface KubeNode extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[] };
  status?: {
    conditions?: Condition[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: { kubeletVersion?: string };
    volumesAttached?: { name?: string; devicePath?: string }[];
    volumesInUse?: string[];
  };
}

export interface CSIDriver extends KubeObject {
  spec?: {
    attachRequired?: boolean;
    podInfoOnMount?: boolean;
    volumeLifecycleModes?: string[];
    storageCapacity?: boolean;
    fsGroupPolicy?: string;
    requiresRepublish?: boolean;
    seLinuxMount?: boolean;
  };
}

export interface CSINode extends KubeObject {
  spec?: {
    drivers?: { name?: string; nodeID?: string; topologyKeys?: string[] | null; allocatable?: { count?: number } }[];
  };
}

/**
 * How much storage a CSI driver reports for one class in one topology segment (storage.k8s.io/v1, GA in 1.24).
 * Written by the external-provisioner when its driver's CSIDriver has storageCapacity: true; the scheduler
 * reads it for WaitForFirstConsumer claims (pkg/scheduler/framework/plugins/volumebinding).
 */
export interface CSIStorageCapacity extends KubeObject {
  storageClassName?: string;
  /** Quantity the driver can still provision in this segment; absent means unknown. */
  capacity?: string;
  /** The largest single volume it can provision there; absent means the same as capacity. */
  maximumVolumeSize?: string;
  /** The nodes of the segment; absent means no node can reach it. */
  nodeTopology?: LabelSelector;
}

export interface VolumeAttachment extends KubeObject {
  spec?: { attacher?: string; nodeName?: string; source?: { persistentVolumeName?: string } };
  status?: { attached?: boolean; attachError?: { message?: string; time?: string }; detachError?: { message?: string } };
}

export interface Lease extends KubeObject {
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

export interface VolumeSnapshot extends KubeObject {
  spec?: {
    source?: { persistentVolumeClaimName?: string; volumeSnapshotContentName?: string };
    volumeSnapshotClassName?: string;
  };
  status?: {
    boundVolumeSnapshotContentName?: string;
    readyToUse?: boolean;
    restoreSize?: string;
    creationTime?: string;
    error?: { message?: string; time?: string };
  };
}

export interface VolumeSnapshotContent extends KubeObject {
  spec?: {
    driver?: string;
    deletionPolicy?: string;
    volumeSnapshotRef?: ObjectReference;
    volumeSnapshotClassName?: string;
    source?: { volumeHandle?: string; snapshotHandle?: string };
  };
  status?: { readyToUse?: boolean; restoreSize?: number; error?: { message?: string } };
}

export interface VolumeSnapshotClass extends KubeObject {
  driver?: string;
  deletionPolicy?: string;
  parameters?: Record<string, string>;
}

/**
 * A ConfigMap as the app sees it: metadata only. It is listed and watched as PartialObjectMetadata, so its data
 * never reaches the app (see resources/config-maps.ts).
 */
export type ConfigMap = KubeObject;

/**
 * A Secret as the app sees it: metadata only. It is listed and watched as PartialObjectMetadata, so no secret
 * value ever reaches the app, a snapshot or a recording (see resources/secrets.ts).
 */
export type Secret = KubeObject;
