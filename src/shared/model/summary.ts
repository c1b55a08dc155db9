/**
 * The Summary tab of the details panel as plain data: the basics of one object, field by field, built in the core
 * (src/main/store/summary) so the renderer never parses raw objects. Values are verbatim from the cluster (sizes
 * as written, "1Gi"; times as ISO strings); the renderer only chooses words for field names, hints and notes,
 * and formats times and yes/no in the UI language.
 */
import type { ObjectRef } from './refs';
import type { ProvisionerType, ProvisionerVerdict } from './rows';

/** Every field the Summary can show; the renderer has a label (and where it helps, a hint) for each. */
export const SUMMARY_FIELD_IDS = [
  // What most kinds share (metadata).
  'namespace',
  'age',
  'deleting',
  'labels',
  'annotations',
  'owners',
  'finalizers',
  'conditions',
  // Claims and volumes.
  'phase',
  'requested',
  'capacity',
  'accessModes',
  'volumeMode',
  'storageClass',
  'volumeName',
  'selector',
  'dataSource',
  // VolumeAttributesClass of a claim (issue 12 part 5): asked for, applied, and a change under way.
  'attributesClass',
  'currentAttributesClass',
  'modifyStatus',
  'modifyTarget',
  'usedBy',
  'reclaimPolicy',
  'claimRef',
  'volumeSource',
  'nodeAffinity',
  'mountOptions',
  'statusMessage',
  // Classes and provisioners.
  'provisioner',
  'isDefault',
  'bindingMode',
  'allowExpansion',
  'parameters',
  'allowedTopologies',
  'verdict',
  'provisionerType',
  'classes',
  'registeredNodes',
  'leaseHolder',
  'leaseRenewed',
  'provisionerPods',
  // Pods.
  'node',
  'qosClass',
  'claims',
  'podVolumes',
  'runAsUser',
  'fsGroup',
  'startTime',
  // Nodes.
  'ready',
  'zone',
  'kubeletVersion',
  'csiDrivers',
  'volumesAttached',
  'ephemeralStorage',
  // CSI drivers, CSI nodes, attachments.
  'attachRequired',
  'podInfoOnMount',
  'fsGroupPolicy',
  'lifecycleModes',
  'storageCapacity',
  'driverRegistrations',
  'attacher',
  'attachedVolume',
  'attached',
  'attachError',
  // Claims and pods: where their CSI volume stands in the attach step.
  'attachment',
  // Claims: an expansion under way or done, its sizes and who acts next.
  'expansion',
  // Snapshots.
  'sourceClaim',
  'snapshotClass',
  'snapshotContent',
  'volumeSnapshot',
  'readyToUse',
  'restoreSize',
  'driver',
  'deletionPolicy',
  'snapshotHandle',
  'snapshotError',
  // Events and leases.
  'eventType',
  'reason',
  'message',
  'involvedObject',
  'count',
  'firstSeen',
  'lastSeen',
  'reportedBy',
  'holderIdentity',
  'renewTime',
  'leaseDuration',
  // StatefulSets, ResourceQuotas, LimitRanges (issue 12 part 4).
  'replicas',
  'claimTemplates',
  'ordinalPods',
  'ordinalClaims',
  'retentionPolicy',
  'quotaHard',
  'quotaUsed',
  'limitItems',
] as const;

export type SummaryFieldId = (typeof SUMMARY_FIELD_IDS)[number];

/**
 * Why a value is what it is, when the object does not say it outright; the renderer words it.
 * - `not-set`: the field is unset and the value shown is the Kubernetes default.
 * - `default-class`: the claim names no class, so the cluster's default class applies.
 * - `no-default-class`: the claim names no class and the cluster has no default one.
 * - `static-only`: storageClassName is "" (only pre-created volumes with no class can bind).
 * - `legacy-annotation`: taken from the beta annotation that predates the field.
 */
/** `static-class`: a class name no StorageClass object carries, on a volume made by hand or a claim bound to one (valid: binding matches by name). */
export type SummaryNote = 'not-set' | 'default-class' | 'no-default-class' | 'static-only' | 'legacy-annotation' | 'static-class';

/** A condition of an object, verbatim. */
export interface ConditionView {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/** An owner reference, linked when the owner is a kind the app shows. */
export interface OwnerView {
  kind: string;
  name: string;
  controller: boolean;
  ref?: ObjectRef;
}

/** A link to another object; `view` names the view that lists it when its kind alone does not say (provisioners). */
export interface RefValue {
  ref: ObjectRef;
  missing?: boolean;
  view?: 'provisioners';
}

/** One field's value. Strings are verbatim from the cluster and never translated. */
export type SummaryValue =
  | { type: 'text'; text: string }
  /** Monospace text (paths, selectors, handles). */
  | { type: 'code'; text: string }
  | { type: 'list'; items: string[] }
  /** Labels, annotations, parameters: key/value pairs in the object's order. */
  | { type: 'map'; entries: [string, string][] }
  /** An ISO time; the renderer shows how long ago, and the exact time on hover. */
  | { type: 'time'; at: string }
  | { type: 'bool'; value: boolean }
  | { type: 'refs'; refs: RefValue[] }
  | { type: 'owners'; owners: OwnerView[] }
  | { type: 'conditions'; conditions: ConditionView[] }
  | { type: 'verdict'; verdict: ProvisionerVerdict }
  | { type: 'provisionerType'; provisionerType: ProvisionerType }
  /** Claims and pods: their CSI volumes' attach state (shared/diagnose/attachment-facts.ts), worded by the renderer. */
  | { type: 'attachment'; attachments: AttachmentView[] }
  /** A claim's expansion (shared/diagnose/expansion-facts.ts): sizes, state and who acts next, worded by the renderer. */
  | { type: 'expansion'; expansion: ExpansionView }
  /** A workload's wanted replicas (spec.replicas, 1 when unset) and how many are ready (status.readyReplicas). */
  | { type: 'replicas'; wanted: number; ready: number };

export interface SummaryField {
  id: SummaryFieldId;
  /** Where the value comes from in the object, e.g. "spec.accessModes" (absent for derived values). */
  path?: string;
  value: SummaryValue;
  note?: SummaryNote;
}

/**
 * A CSI volume's attach step, for one node or for every VolumeAttachment of the volume:
 * - `attached`: status.attached is true (attached to `node` by driver `driver`);
 * - `attaching`: created `since`, not attached yet, no error; `stuck`: the same past ATTACH_SLOW_MS;
 * - `failed`: status.attachError (`error`, verbatim); `detaching`: being deleted `since`, `error` = status.detachError;
 * - `not-required`: the CSIDriver says attachRequired: false, so no VolumeAttachment is made;
 * - `not-created`: a pod on `node` uses it, and the attach/detach controller has made no VolumeAttachment yet;
 * - `not-in-use`: no VolumeAttachment, and no pod on a node uses the volume.
 */
export interface AttachmentView {
  state: 'attached' | 'attaching' | 'stuck' | 'failed' | 'detaching' | 'not-required' | 'not-created' | 'not-in-use';
  volume: ObjectRef;
  attachment?: ObjectRef;
  node?: string;
  driver?: string;
  since?: string;
  error?: string;
}

/** A size: the quantity as Kubernetes prints it (canonical, "2Gi") and its bytes, which the renderer words through Intl. */
export interface SizeValue {
  quantity: string;
  bytes?: number;
}

/**
 * Where a claim's expansion stands (KEP-1790 status.allocatedResourceStatuses['storage'], else the resize conditions):
 * - `waiting`: the request is above the capacity and no resizer has taken it yet;
 * - `controller-in-progress` / `controller-error`: the external-resizer expands the volume (ControllerResizeInProgress;
 *   with a ControllerResizeError condition it failed and retries);
 * - `controller-infeasible`: the driver said the size cannot be reached (ControllerResizeInfeasible);
 * - `node-pending` / `node-in-progress` / `node-error`: the volume grew, the kubelet grows the file system
 *   (NodeResizePending, NodeResizeInProgress; NodeResizeError when it failed and retries);
 * - `node-infeasible`: the kubelet said the file system cannot grow (NodeResizeInfeasible);
 * - `done`: the claim has been expanded (status.allocatedResources is set) and nothing waits.
 */
export type ExpansionState =
  | 'waiting'
  | 'controller-in-progress'
  | 'controller-error'
  | 'controller-infeasible'
  | 'node-pending'
  | 'node-in-progress'
  | 'node-error'
  | 'node-infeasible'
  | 'done';

/**
 * Who does the next step of an expansion:
 * - `external-resizer`: the driver's external-resizer, with its leader Lease (`held`, `stale`, `not-found`,
 *   `unreadable`), the Lease and its holder when found;
 * - `kubelet`: the kubelet of each node in `nodes` where a pod mounts the claim; none: a pod using the claim must start;
 * - `user`: the size is infeasible; the user lowers the request back, above `minimum` (the capacity) (KEP-1790,
 *   RecoverVolumeExpansionFailure, GA in Kubernetes 1.34);
 * - `no-resizer`: the volume is not CSI, and no external-resizer serves it;
 * - `none`: nothing waits.
 */
export type ExpansionActor =
  | { kind: 'external-resizer'; driver: string; lease: 'held' | 'stale' | 'not-found' | 'unreadable'; leaseRef?: ObjectRef; holder?: string; renewedAt?: string }
  | { kind: 'kubelet'; nodes: string[]; pods: ObjectRef[] }
  | { kind: 'user'; minimum?: SizeValue }
  | { kind: 'no-resizer' }
  | { kind: 'none' };

/** A claim's expansion block: its four sizes, the state, the verbatim resize status and conditions, who acts next. */
export interface ExpansionView {
  state: ExpansionState;
  /** spec.resources.requests.storage */
  requested?: SizeValue;
  /** status.capacity.storage */
  capacity?: SizeValue;
  /** status.allocatedResources.storage */
  allocated?: SizeValue;
  /** The bound PersistentVolume's spec.capacity.storage */
  volume?: SizeValue;
  /** status.allocatedResourceStatuses.storage, verbatim. */
  resizeStatus?: string;
  /** The resize conditions (Resizing, FileSystemResizePending, ControllerResizeError, NodeResizeError), verbatim. */
  conditions: ConditionView[];
  next: ExpansionActor;
}
