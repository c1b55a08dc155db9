/** One object with its neighbours: what the details panel, the graph and the overview render. */
import type { ClaimUsage, NodeUsage, UsageAccess, VolumeUsage } from './usage';
import type { Resource } from '../kube/resource-registry';
import type { FindingGroup } from './finding-groups';
import type { Finding } from './findings';
import type { ObjectRef, TargetRef } from './refs';
import type { EventRow, ProvisionerRow, ProvisionerVerdict } from './rows';
import type { SummaryField } from './summary';

/**
 * How an object relates to the one shown, as a code the renderer words in the UI language (en/ru). Grouped by
 * the step of the storage chain it belongs to (RELATION_STEP).
 */
export const RELATION_CODES = [
  // Pods
  'mounted-by',
  'ephemeral-owner',
  'statefulset-pod',
  'pod-on-node',
  'leader-pod',
  'ordinal-pod',
  // Claims
  'uses-claim',
  'bound-claim',
  'reserved-for-claim',
  'claim-naming-it',
  'class-claim',
  'source-claim',
  'ordinal-claim',
  'retained-claim',
  // Volumes
  'bound-volume',
  'reserved-volume',
  'earlier-claim-volume',
  'claim-volume',
  'class-volume',
  'pinned-volume',
  'attached-volume',
  // Classes
  'storage-class',
  'default-storage-class',
  'class-using-it',
  'template-class',
  // Provisioners and CSI drivers
  'provisioner',
  'csi-driver',
  'registered-driver',
  // Nodes
  'node',
  'pod-node',
  'affinity-node',
  'attached-node',
  'registered-on-node',
  'csi-registrations',
  // Volumes that almost fit a Pending claim
  'near-miss-volume',
  // The rest
  'attachment',
  'snapshot',
  'snapshot-content',
  'snapshot-class',
  'about',
] as const;

export type RelationCode = (typeof RELATION_CODES)[number];

/** Steps of the storage chain, in the order the Related tab shows them. */
export const CHAIN_STEPS = ['pods', 'claims', 'volumes', 'classes', 'provisioners', 'nodes', 'near-misses', 'other'] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

export const RELATION_STEP: Record<RelationCode, ChainStep> = {
  'mounted-by': 'pods',
  'ephemeral-owner': 'pods',
  'statefulset-pod': 'pods',
  'pod-on-node': 'pods',
  'leader-pod': 'pods',
  'ordinal-pod': 'pods',
  'uses-claim': 'claims',
  'bound-claim': 'claims',
  'reserved-for-claim': 'claims',
  'claim-naming-it': 'claims',
  'class-claim': 'claims',
  'source-claim': 'claims',
  'ordinal-claim': 'claims',
  'retained-claim': 'claims',
  'bound-volume': 'volumes',
  'reserved-volume': 'volumes',
  'earlier-claim-volume': 'volumes',
  'claim-volume': 'volumes',
  'class-volume': 'volumes',
  'pinned-volume': 'volumes',
  'attached-volume': 'volumes',
  'storage-class': 'classes',
  'default-storage-class': 'classes',
  'class-using-it': 'classes',
  'template-class': 'classes',
  provisioner: 'provisioners',
  'csi-driver': 'provisioners',
  'registered-driver': 'provisioners',
  node: 'nodes',
  'pod-node': 'nodes',
  'affinity-node': 'nodes',
  'attached-node': 'nodes',
  'registered-on-node': 'nodes',
  'csi-registrations': 'nodes',
  'near-miss-volume': 'near-misses',
  attachment: 'other',
  snapshot: 'other',
  'snapshot-content': 'other',
  'snapshot-class': 'other',
  about: 'other',
};

/** How an object relates to the one shown. */
export interface RelatedObject {
  ref: ObjectRef;
  relation: RelationCode;
  /** Present when the reference points to nothing (e.g. a claim naming a missing class). */
  missing?: boolean;
  /**
   * The object in between, verbatim, when the relation goes through one: the claim of a pod's volume
   * (`claim-volume`), the pod whose node it is (`pod-node`), the class whose provisioner it is.
   */
  via?: string;
  /** Near misses: the fields in which the volume does not fit the claim (size, accessModes, class...). */
  differences?: string[];
  /** The view that lists it when its kind alone does not say: a provisioner is named by a StorageClass-kind ref. */
  view?: 'provisioners';
}

/**
 * One fact about a volume's source. Facts with words (readOnly, memory...) are said by the UI in its language;
 * `value` is the cluster's own text (a name, a path, a quantity), shown as it is.
 * - ref: what the volume points at, by name (claim, config map, secret, host path, image, nfs server:path);
 * - claim, class, size, sizeLimit, driver, hostPathType, sources: a value with a word before it;
 * - readOnly, optional, memory, nodeDisk, podFields: words only.
 */
export type VolumeSourceFact =
  | { fact: 'ref' | 'claim' | 'class' | 'size' | 'sizeLimit' | 'driver' | 'hostPathType' | 'sources'; value: string }
  | { fact: 'readOnly' | 'optional' | 'memory' | 'nodeDisk' | 'podFields' };

/** A volume of a pod and who mounts it. */
export interface PodVolumeView {
  name: string;
  /** emptyDir, hostPath, persistentVolumeClaim, configMap, secret, projected, csi, ephemeral, ... */
  type: string;
  /** What the source is, in order: "data-0, read-only", "in memory (tmpfs), size limit 64Mi", "/var/log (Directory)". */
  source: VolumeSourceFact[];
  /** The object the volume points at (claim, config map...), when it is one we track. */
  target?: ObjectRef;
  /** True when the volume points at an object that does not exist. */
  missing?: boolean;
  mounts: {
    container: string;
    init: boolean;
    mountPath: string;
    readOnly: boolean;
    subPath?: string;
  }[];
}

export type InitState = 'waiting' | 'running' | 'done' | 'failed';

/** One init container in order. */
export interface InitStepView {
  name: string;
  index: number;
  state: InitState;
  /** Native sidecar (restartPolicy: Always): keeps running after it starts. */
  sidecar: boolean;
  image?: string;
  startedAt?: string;
  finishedAt?: string;
  restarts: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** Effective user id, from the container or the pod security context. */
  runAsUser?: number;
  mounts: string[];
}

export interface ObjectDetail {
  ref: ObjectRef;
  kind: Resource;
  /** The object as stored (managedFields stripped, secrets redacted in offline sources). */
  object: unknown;
  /** The same object as YAML, keys in the order `kubectl get -o yaml` prints them (see main/store/yaml.ts). */
  yaml: string;
  /** The basics first: the Summary tab, field by field, verbatim values. */
  summary: SummaryField[];
  findings: Finding[];
  events: EventRow[];
  /** The storage chain around the object, in chain order (pods, claims, volumes, classes, provisioners, nodes, near misses). */
  related: RelatedObject[];
  /** Events about this object and the objects of its chain (not nodes), newest first: the chain's story. */
  relatedEvents: EventRow[];
  /** Pods only. */
  volumes?: PodVolumeView[];
  /** Pods only. */
  initSteps?: InitStepView[];
  /** Provisioners only (kind is the class's provisioner, looked up by name). */
  provisioner?: ProvisionerRow;
  /**
   * Claims only: how full its volume is (inodes too) or why that is unknown, and the key of its usage history
   * (getUsageHistory); `recordedAt` for a snapshot's usage, as of its capture time. Added by the cluster session.
   */
  usage?: { claim: ClaimUsage; key: string; recordedAt?: string };
  /** Pods only: their emptyDirs' usage as the kubelet last measured it (against sizeLimit when set). */
  emptyDirUsage?: VolumeUsage[];
  /**
   * Pods only: the pod's whole ephemeral storage (writable layers, logs, emptyDirs on disk) against its
   * ephemeral-storage limit, when a container sets one and the kubelet measured it (VolumeUsage kind 'ephemeral').
   */
  ephemeralUsage?: VolumeUsage;
  /** Nodes only: the node filesystem's usage (state 'ok' with fs), or why it is unknown. */
  nodeUsage?: NodeUsage;
  /**
   * The object does not exist, though others refer to it (a claim naming a class nobody created): `related`
   * lists what refers to it, `summary` is empty and `yaml` is "".
   */
  missing?: true;
}

export type EdgeState = 'bound' | 'waiting' | 'mismatch' | 'missing';
/** `statefulset`: an owner drawn above the pods and claims it creates (issue 12). */
export type GraphNodeKind = 'statefulset' | 'pod' | 'claim' | 'volume' | 'class' | 'provisioner' | 'node' | 'snapshot';

export interface GraphNode {
  id: string;
  type: GraphNodeKind;
  label: string;
  /** Secondary line, the cluster's values as they are: phase, size... */
  sublabel?: string;
  /** Zones a volume is limited to (its node affinity), worded by the UI. */
  zones?: string[];
  /** The object, or for provisioner nodes the provisioner. */
  ref?: TargetRef;
  /** Provisioner name, for provisioner nodes. */
  provisioner?: string;
  verdict?: ProvisionerVerdict;
  /** Highest severity of the node's findings. */
  severity?: Finding['severity'];
  /** The object does not exist (a dangling reference). */
  missing?: boolean;
  /**
   * Set on a node that stands for several objects whose chains are identical (same type, state, secondary line
   * and links): `count` objects, `members` by name. `label` is then the first and last member's names.
   * The UI can ask for it drawn object by object with GraphRequest.expand (its `id`).
   */
  group?: GraphGroup;
}

/** The objects a grouped graph node stands for (GraphNode.group). */
export interface GraphGroup {
  count: number;
  /** Every member, sorted by name. */
  members: ObjectRef[];
}

/** What an edge of the graph means, as a code the UI words in its language. */
/** `creates`: a StatefulSet to the pod and the claims of each ordinal. */
export type GraphRelation = 'creates' | 'runs-on' | 'uses' | 'bound-to' | 'reserved' | 'earlier-claim' | 'class' | 'pinned-to' | 'provisioned-by' | 'near-miss';

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  state: EdgeState;
  relation?: GraphRelation;
  /** The finding that explains a broken edge. */
  findingId?: string;
  findingCode?: string;
  /**
   * For a `near-miss` edge (a Pending claim to a volume that almost fits it): the volume's fields that differ from
   * what the claim asks, as API field paths ("spec.capacity.storage"), from the claim's near-miss evidence.
   */
  differs?: string[];
}

export interface StorageGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The node the graph was asked about. */
  rootId?: string;
  /** Set when the graph was cut to stay readable. */
  truncated?: boolean;
}

/**
 * What to draw: the chain around one object, a namespace, a provisioner's classes, or (`problems`) the chains of
 * every claim and volume with a problem or warning, optionally only in `namespaces`. Identical chains are drawn
 * as one grouped node each (GraphNode.group) except the groups named in `expand` (their node ids).
 */
export type GraphRequest = (
  | { clusterId: string; root: ObjectRef }
  | { clusterId: string; namespace: string }
  | { clusterId: string; provisioner: string }
  | { clusterId: string; problems: true; namespaces?: string[] }
) & { expand?: string[] };

/** The fullest volumes shown on the overview, at most this many. */
export const OVERVIEW_FULLEST_LIMIT = 5;

/** One of the fullest claims (measured by its node's kubelet). */
export interface FullVolume {
  namespace: string;
  claim: string;
  /** Whole percent used, rounded down. */
  usePercent: number;
  usedBytes: number;
  capacityBytes?: number;
  node: string;
}

/**
 * Usage on the overview: whether it can be read (see UsageAccess; `message` says why not) and the fullest claims,
 * fullest first. `recordedAt`: a file's usage, as of its capture time.
 */
export interface OverviewUsage {
  access: UsageAccess;
  message?: string;
  recordedAt?: string;
  fullest: FullVolume[];
}

/** Overview of one cluster: problems first, then counts. */
export interface Overview {
  clusterId: string;
  findings: { problem: number; warning: number; expectedWait: number; info: number };
  /** Every finding grouped by cause (code, severity, subject), most severe first, then largest first. */
  findingGroups: FindingGroup[];
  claimsByPhase: Record<string, number>;
  volumesByPhase: Record<string, number>;
  perClass: {
    className: string;
    provisioner: string;
    requestedBytes: number;
    provisionedBytes: number;
    claims: number;
    volumes: number;
    /**
     * Bytes used on the class's claims whose usage the kubelet reported (`measuredClaims` of `claims`); absent
     * while usage is not read (no permission, a file without usage): never 0 as if known.
     */
    usedBytes?: number;
    measuredClaims?: number;
  }[];
  /** Volume usage at a glance; absent when the source has none (a file captured without usage). */
  usage?: OverviewUsage;
  provisioners: ProvisionerRow[];
  counts: Partial<Record<Resource, number>>;
  namespaces: string[];
  revision: number;
}
