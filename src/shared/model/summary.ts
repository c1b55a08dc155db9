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
