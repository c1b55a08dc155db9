/** One object with its neighbours: what the details panel, the graph and the overview render. */
import type { Kind } from '../kube/kinds';
import type { FindingGroup } from './finding-groups';
import type { Finding } from './findings';
import type { ObjectRef } from './refs';
import type { EventRow, ProvisionerRow, ProvisionerVerdict } from './rows';

/** How an object relates to the one shown. */
export interface RelatedObject {
  ref: ObjectRef;
  /** e.g. "bound volume", "storage class", "mounted by", "node", "owner". */
  relation: string;
  /** Present when the reference points to nothing (e.g. a claim naming a missing class). */
  missing?: boolean;
}

/** A volume of a pod and who mounts it. */
export interface PodVolumeView {
  name: string;
  /** emptyDir, hostPath, persistentVolumeClaim, configMap, secret, projected, csi, ephemeral, ... */
  type: string;
  /** Short description of the source: claim name, host path, medium and size limit, config map name... */
  detail: string;
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
  kind: Kind;
  /** The object as stored (managedFields stripped, secrets redacted in offline sources). */
  object: unknown;
  /** The same object as YAML, for the read-only viewer. */
  yaml: string;
  findings: Finding[];
  events: EventRow[];
  related: RelatedObject[];
  /** Pods only. */
  volumes?: PodVolumeView[];
  /** Pods only. */
  initSteps?: InitStepView[];
  /** Provisioners only (kind is the class's provisioner, looked up by name). */
  provisioner?: ProvisionerRow;
}

export type EdgeState = 'bound' | 'waiting' | 'mismatch' | 'missing';
export type GraphNodeKind = 'pod' | 'claim' | 'volume' | 'class' | 'provisioner' | 'node' | 'snapshot';

export interface GraphNode {
  id: string;
  type: GraphNodeKind;
  label: string;
  /** Secondary line: phase, verdict, size... */
  sublabel?: string;
  ref?: ObjectRef;
  /** Provisioner name, for provisioner nodes. */
  provisioner?: string;
  verdict?: ProvisionerVerdict;
  /** Highest severity of the node's findings. */
  severity?: Finding['severity'];
  /** The object does not exist (a dangling reference). */
  missing?: boolean;
}

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  state: EdgeState;
  label?: string;
  /** The finding that explains a broken edge. */
  findingId?: string;
  findingCode?: string;
}

export interface StorageGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The node the graph was asked about. */
  rootId?: string;
  /** Set when the graph was cut to stay readable. */
  truncated?: boolean;
}

export type GraphRequest =
  | { clusterId: string; root: ObjectRef }
  | { clusterId: string; namespace: string }
  | { clusterId: string; provisioner: string };

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
  }[];
  provisioners: ProvisionerRow[];
  counts: Partial<Record<Kind, number>>;
  namespaces: string[];
  revision: number;
}
