/**
 * Table rows: one flat, pre-computed view model per table, built in main (the store) so that filtering,
 * sorting and paging of 10,000 rows happen next to the data and only a page crosses the contract.
 */
import type { FindingFilter } from './finding-groups';
import type { FindingBadge, Localized, Severity } from './findings';
import type { ObjectRef, ProvisionerRef, TargetRef } from './refs';
import type { ClaimUsage } from './usage';
import { TABLE_IDS, type TableId } from '../table-ids';

/** Fields every row has; `ref` is the object the row stands for (a provisioner's row: the provisioner). */
export interface RowBase<R extends TargetRef = ObjectRef> {
  ref: R;
  /** ISO creation time. */
  createdAt?: string;
  /** The most severe finding on this object, if any. */
  badge?: FindingBadge;
}

export interface ClaimRow extends RowBase {
  namespace: string;
  name: string;
  /** Pending, Bound, Lost; "Terminating" when deletionTimestamp is set. */
  phase: string;
  volumeName?: string;
  /** The class asked for; undefined when the claim names none (the default applies). */
  className?: string;
  /** True when the class was chosen as the default (claim names none). */
  classIsDefault?: boolean;
  /** True when the claim asks for no class (storageClassName: ""): it binds only to a volume without a class. */
  classNone?: boolean;
  requested?: string;
  /** Actual capacity from status. */
  capacity?: string;
  /** Requested bytes, for sorting and sums. */
  requestedBytes?: number;
  capacityBytes?: number;
  accessModes: string[];
  volumeMode?: string;
  /** Pods that mount it ("namespace/name" is implied by the claim's namespace: names only). */
  pods: string[];
  /** Storage provisioner of the class, if any. */
  provisioner?: string;
  /** Resize in progress/failed, from conditions. */
  resizeStatus?: string;
  /**
   * How full its volume is (the kubelet's Summary API through the node proxy), or why that is unknown. Added by
   * the cluster session, not the store: absent only where a row never passed through one (store tests).
   */
  usage?: ClaimUsage;
}

export interface VolumeRow extends RowBase {
  name: string;
  /** Available, Bound, Released, Failed, Pending; "Terminating" when deleting. */
  phase: string;
  claim?: { namespace: string; name: string };
  className?: string;
  capacity?: string;
  capacityBytes?: number;
  accessModes: string[];
  reclaimPolicy?: string;
  volumeMode?: string;
  /** Volume source type: csi, hostPath, local, nfs, ... */
  sourceType: string;
  /** CSI driver or in-tree plugin name. */
  driver?: string;
  /** Node names or zone values from node affinity, summarised. */
  nodeAffinity?: string;
  message?: string;
}

export interface ClassRow extends RowBase {
  name: string;
  provisioner: string;
  reclaimPolicy: string;
  bindingMode: string;
  allowExpansion: boolean;
  isDefault: boolean;
  parameters: Record<string, string>;
  claims: number;
  volumes: number;
  /** Requested bytes of claims, provisioned bytes of volumes. */
  requestedBytes: number;
  provisionedBytes: number;
  provisionerVerdict?: ProvisionerVerdict;
}

/**
 * 'static': kubernetes.io/no-provisioner, a marker of classes whose volumes an administrator creates by hand:
 * nothing runs, nothing is expected to (not "alive", trial 4 N6).
 */
export type ProvisionerVerdict = 'alive' | 'degraded' | 'dead' | 'unknown' | 'static';
export type ProvisionerType = 'in-tree' | 'csi' | 'external' | 'none';

export interface ProvisionerRow extends RowBase<ProvisionerRef> {
  name: string;
  type: ProvisionerType;
  verdict: ProvisionerVerdict;
  /** Why this verdict, one line per reason, in every UI language. */
  reasons: Localized[];
  classes: string[];
  csiDriverRegistered?: boolean;
  /** Nodes whose CSINode lists this driver. */
  registeredNodes: string[];
  leaseHolder?: string;
  /** ISO renew time of the leader lease. */
  leaseRenewedAt?: string;
  leaseNamespace?: string;
  /** Provisioner pods found (by lease holder or well-known labels): ready/total. */
  podsReady?: number;
  podsTotal?: number;
  lastEventReason?: string;
  lastEventAt?: string;
}

export interface PodRow extends RowBase {
  namespace: string;
  name: string;
  phase: string;
  /** kubectl-like status: Running, Pending, Init:1/3, Init:CrashLoopBackOff, ... */
  status: string;
  nodeName?: string;
  /** Volume counts by type, e.g. {persistentVolumeClaim: 1, emptyDir: 2}. */
  volumeTypes: Record<string, number>;
  claims: string[];
  initDone: number;
  initTotal: number;
  restarts: number;
  ready: string;
}

export interface SnapshotRow extends RowBase {
  namespace: string;
  name: string;
  sourceClaim?: string;
  className?: string;
  contentName?: string;
  readyToUse?: boolean;
  restoreSize?: string;
  error?: string;
}

/**
 * A CSIStorageCapacity: what a CSI driver reports it can still provision for one class in one topology segment
 * (storage.k8s.io/v1; the external-provisioner's capacity controller writes them). Quantities as the object
 * gives them, canonical (`10Gi`).
 */
export interface CapacityRow extends RowBase {
  namespace: string;
  name: string;
  className?: string;
  /**
   * Which nodes reach the segment (spec nodeTopology): `none` when unset (upstream: no node can reach the storage),
   * `all` for an empty selector (every node), else the selector as kubectl prints it ("zone=a,rack in (1,2)").
   */
  topology: { scope: 'none' } | { scope: 'all' } | { scope: 'selector'; text: string };
  /** Free capacity; absent: the driver did not report it (unknown, not zero). */
  capacity?: string;
  /** Largest single volume; absent: not reported, the capacity is the limit (the scheduler compares with it). */
  maximumVolumeSize?: string;
}

/**
 * A VolumeAttributesClass (storage.k8s.io/v1): the driver that applies it, its parameters (opaque to Kubernetes)
 * and how many claims ask for it (spec.volumeAttributesClassName) or have it now (status.currentVolumeAttributesClassName).
 */
export interface AttributesClassRow extends RowBase {
  name: string;
  driverName: string;
  parameters: Record<string, string>;
  /** Claims whose spec.volumeAttributesClassName names it. */
  claims: number;
  /** Claims whose volume has it now (status.currentVolumeAttributesClassName). */
  current: number;
}

export interface NodeRow extends RowBase {
  name: string;
  ready: boolean;
  zone?: string;
  csiDrivers: string[];
  pods: number;
  attachedVolumes: number;
}

export interface EventRow {
  uid: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  /** ISO time last seen. */
  lastSeen?: string;
  firstSeen?: string;
  source?: string;
  object?: ObjectRef;
  /**
   * The involved object when the app does not model its kind (StatefulSet, ReplicaSet, Deployment...): shown as
   * kind/name, not a link. `kind` is the event's own involvedObject.kind ("StatefulSet").
   */
  unmodeled?: UnmodeledRef;
}

/** An object of a kind the app does not show: what an event names, as the event spells it. */
export interface UnmodeledRef {
  kind: string;
  namespace?: string;
  name: string;
}

/** Tables the UI can list and the row type of each. */
export interface TableRows {
  claims: ClaimRow;
  volumes: VolumeRow;
  classes: ClassRow;
  provisioners: ProvisionerRow;
  pods: PodRow;
  snapshots: SnapshotRow;
  nodes: NodeRow;
  capacities: CapacityRow;
  attributesclasses: AttributesClassRow;
  events: EventRow;
}
export { TABLE_IDS, type TableId };
/** TableRows has a row type for every table id, and no other. */
const tablesCovered: [TableId] extends [keyof TableRows] ? ([keyof TableRows] extends [TableId] ? true : never) : never = true;
void tablesCovered;

export interface ListRequest<T extends TableId = TableId> {
  clusterId: string;
  table: T;
  /** Only objects in one of these namespaces (namespaced tables); absent or empty: every namespace. */
  namespaces?: string[];
  /** Case-insensitive substring over the row's visible text and its "namespace/name". */
  search?: string;
  /** Exact filters by column id, e.g. {phase: 'Pending'}; "badge" filters by severity. */
  filters?: Record<string, string>;
  /** Only rows with at least this severity of finding. */
  minSeverity?: Severity;
  /** Only objects with a finding of this group (code, severity, subject): what an overview count links to. */
  finding?: FindingFilter;
  sort?: { column: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

export interface Page<Row> {
  /** Rows matching the filter, in total (not only this page). */
  total: number;
  offset: number;
  rows: Row[];
  /** Store revision the page was cut from; changes with every applied update. */
  revision: number;
}

/**
 * Column ids per table: what the UI sends as ListRequest.sort.column and as filter keys, and what the store
 * sorts and filters by ("badge" = finding severity, "age" = createdAt, "size" = requestedBytes). The renderer's
 * column definitions use exactly these ids (a unit test checks it).
 */
export const TABLE_COLUMN_IDS = {
  claims: ['name', 'namespace', 'phase', 'volume', 'class', 'size', 'usePercent', 'used', 'free', 'accessModes', 'pods', 'age', 'badge'],
  volumes: ['name', 'phase', 'claim', 'class', 'capacity', 'accessModes', 'reclaim', 'source', 'nodeAffinity', 'age', 'badge'],
  classes: ['name', 'provisioner', 'bindingMode', 'reclaim', 'expansion', 'default', 'claims', 'volumes', 'usage', 'badge'],
  provisioners: ['name', 'type', 'verdict', 'classes', 'registered', 'lease', 'pods', 'badge'],
  pods: ['name', 'namespace', 'status', 'ready', 'init', 'restarts', 'node', 'volumeTypes', 'claims', 'age', 'badge'],
  snapshots: ['name', 'namespace', 'sourceClaim', 'class', 'readyToUse', 'restoreSize', 'age', 'badge'],
  nodes: ['name', 'ready', 'zone', 'drivers', 'pods', 'attached', 'age'],
  capacities: ['name', 'namespace', 'class', 'topology', 'capacity', 'maximumVolumeSize', 'age'],
  attributesclasses: ['name', 'driver', 'parameters', 'claims', 'current', 'age'],
  events: ['type', 'reason', 'object', 'message', 'count', 'lastSeen'],
} as const satisfies { [T in TableId]: readonly string[] };

/**
 * Columns the store also sorts and filters by that no table shows (the phase filter of pods, the fields a CLI
 * or a link filters on). With TABLE_COLUMN_IDS, these are every column a ListRequest may name.
 */
export const TABLE_QUERY_COLUMN_IDS = {
  claims: [],
  volumes: ['className', 'reclaimPolicy', 'volumeMode', 'sourceType', 'driver'],
  classes: ['reclaimPolicy', 'allowExpansion', 'isDefault', 'requestedBytes', 'provisionedBytes', 'verdict', 'provisionerVerdict', 'age'],
  provisioners: ['lastEvent'],
  pods: ['phase', 'nodeName'],
  snapshots: ['contentName', 'error'],
  nodes: ['attachedVolumes'],
  capacities: [],
  attributesclasses: [],
  events: ['source', 'firstSeen'],
} as const satisfies { [T in TableId]: readonly string[] };

/** A column a ListRequest of table T may sort or filter by. The core validates it (core/validate.ts). */
export type ColumnId<T extends TableId> = (typeof TABLE_COLUMN_IDS)[T][number] | (typeof TABLE_QUERY_COLUMN_IDS)[T][number];

/** Every column id of a table, shown or not. */
export function columnIdsOf(table: TableId): readonly string[] {
  return [...TABLE_COLUMN_IDS[table], ...TABLE_QUERY_COLUMN_IDS[table]];
}
