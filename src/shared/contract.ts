/**
 * The one API between the core (main process or web host) and the UI.
 *
 * Every method is declared once here with its request and response. Both transports (Electron IPC and the
 * web host's HTTP) and the renderer's client are typed from this table, so nothing is typed twice by hand.
 * Only plain JSON crosses it, and never a credential.
 */
import type { ExerciseCard } from './exercises/api';
import type { ExerciseResult } from './exercises/model';
import type { Resource } from './kube/resource-registry';
import type { ObjectDetail, GraphRequest, Overview, StorageGraph } from './model/detail';
import type { Fleet } from './model/fleet';
import type { Finding, Lang, Severity } from './model/findings';
import type { ProvisionerDetail } from './model/provisioner';
import type { ObjectRef, TargetRef } from './model/refs';
import type { ListRequest, Page, TableId, TableRows } from './model/rows';
import type { ClusterInfo, ClusterStatus, KubeconfigProblem, ReplayAction } from './model/status';
import type { UsagePoint, UsageReport } from './model/usage';
import type { ReportFile, ReportFormat } from './report/report-model';
import type { UsageSettings } from './usage/thresholds';

/** A lesson in one language: ordered sections with stable anchors. */
export interface LessonSection {
  /** Stable anchor, e.g. "emptydir". */
  id: string;
  title: string;
  /** Markdown body (no raw HTML is rendered). */
  markdown: string;
  /** Kinds whose live objects the viewer may show beside this section as examples. */
  examples?: Resource[];
  /**
   * Per example kind, the table search its examples must match, so they are about the section's subject (the
   * pods of an emptyDir section use an emptyDir, not just any pods): `<!-- examples: pods[emptyDir] -->`.
   */
  exampleSearch?: Partial<Record<Resource, string>>;
}

export interface LessonBook {
  lang: Lang;
  sections: LessonSection[];
}

/**
 * Where one object's row is in a table as the user sees it (the same filters and sort as listRows), so the
 * table can scroll to the object a link opened, and a link can tell whether the filters would hide it.
 */
export type LocateRequest = Omit<ListRequest, 'offset' | 'limit'> & { ref: TargetRef };

/** What listFindings asks of one cluster: a page of findings, by namespace and least severity. */
export interface FindingsRequest {
  namespace?: string;
  minSeverity?: Severity;
  offset: number;
  limit: number;
}

/** What getReport asks for: a cluster, or one namespace or object of it, as a file in one format and language. */
export interface ReportRequest {
  clusterId: string;
  namespace?: string;
  object?: ObjectRef;
  format: ReportFormat;
  lang: Lang;
}

/** Method name -> request and response. */
export interface ContractMethods {
  /** Every cluster the app knows: kubeconfig contexts, opened snapshots, recordings, the demo. */
  listClusters: { req: Record<string, never>; res: ClusterInfo[] };
  /** Kubeconfig files that could not be used at all; their contexts are missing from listClusters. */
  kubeconfigProblems: { req: Record<string, never>; res: KubeconfigProblem[] };
  /** Start watching a cluster (idempotent). */
  openCluster: { req: { clusterId: string }; res: ClusterInfo };
  /** Stop watching a cluster and drop its store. */
  closeCluster: { req: { clusterId: string }; res: { ok: true } };
  /** Open a snapshot or recording file the user picked or dropped; its content travels, not a path. */
  openSnapshot: { req: { fileName: string; content: string }; res: ClusterInfo };
  /** Per-kind sync state of one open cluster. */
  clusterStatus: { req: { clusterId: string }; res: ClusterStatus };
  /** Pause, resume, restart or (un)loop a recording's replay (the demo, a `kse record` file). */
  controlReplay: { req: { clusterId: string; action: ReplayAction }; res: ClusterStatus };
  /** A namespace the user adds by hand when they cannot list namespaces (RBAC-limited users). */
  addNamespace: { req: { clusterId: string; namespace: string }; res: ClusterStatus };
  /** One page of one table. */
  listRows: { req: ListRequest; res: Page<TableRows[TableId]> };
  /** The row index of one object in a filtered, sorted table: -1 when the filters hide it or it has no row. */
  locateRow: { req: LocateRequest; res: { index: number; total: number } };
  /** One object with findings, events, related objects and YAML. */
  getObject: { req: { clusterId: string; ref: ObjectRef }; res: ObjectDetail | null };
  /** A provisioner some StorageClass names: verdict and why, Lease, CSIDriver, pods, classes, claims, events; null when no class names it. */
  getProvisioner: { req: { clusterId: string; name: string }; res: ProvisionerDetail | null };
  /** The binding graph around an object, a namespace, or a provisioner. */
  getGraph: { req: GraphRequest; res: StorageGraph };
  /** Problems first, counts, capacity per class, provisioner verdicts. */
  getOverview: { req: { clusterId: string }; res: Overview };
  /** Findings of a cluster, most severe first. */
  listFindings: { req: { clusterId: string } & FindingsRequest; res: Page<Finding> };
  /**
   * How full each volume is (kubelet stats through the node proxy), optionally of one namespace. The first call
   * starts the cluster's usage polling; a file source answers access 'unsupported'.
   */
  getUsage: { req: { clusterId: string; namespace?: string }; res: UsageReport };
  /** The kept history of one volume (a VolumeUsage key), oldest first. */
  getUsageHistory: { req: { clusterId: string; key: string }; res: UsagePoint[] };
  /** The user's usage settings: poll interval and nearly-full thresholds, for every cluster; remembered. */
  getUsageSettings: { req: Record<string, never>; res: UsageSettings };
  /**
   * Changes some of them (the rest kept) and applies them to every open cluster at once; answers the settings now.
   * Fails with bad-request when they would not fit together (warning not below problem, out of bounds).
   */
  setUsageSettings: { req: Partial<UsageSettings>; res: UsageSettings };
  /**
   * A report file to hand on (Markdown, or one self-contained HTML page): findings with cause, evidence, fix
   * commands and lessons, made from the cluster's redacted snapshot, so it holds nothing a snapshot would not.
   */
  getReport: { req: ReportRequest; res: ReportFile };
  /** The cluster's snapshot file, the same file as `kse snapshot` writes (redacted), with a file name for it. */
  exportSnapshot: { req: { clusterId: string }; res: { fileName: string; content: string } };
  /**
   * Every kubeconfig context with the state of its storage, worst first (issue 18). Only watched contexts are
   * contacted; the others are listed as not watched.
   */
  getFleet: { req: Record<string, never>; res: Fleet };
  /** Which contexts the fleet watches (cluster ids of contexts) and how many sync at once; remembered. */
  setFleetChoices: { req: { watched?: string[]; concurrency?: number }; res: Fleet };
  /** A lesson book in one language. */
  getLessons: { req: { lang: Lang }; res: LessonBook };
  /** Every exercise in one language, in course order: goal, steps, hints, solution and the commands to copy. */
  listExercises: { req: { lang: Lang }; res: ExerciseCard[] };
  /**
   * Every step of one exercise checked now against an open cluster's objects: passed or failed, with an
   * explanation in every language and the objects it is about. `exercise` is the id or the number. Fails with
   * not-found for an unknown exercise.
   */
  checkExercise: { req: { clusterId: string; exercise: string }; res: ExerciseResult };
  /** The app's build and transport, for the about box and support. */
  about: { req: Record<string, never>; res: { version: string; transport: 'ipc' | 'web'; platform: string } };
}

export type MethodName = keyof ContractMethods;
export type RequestOf<M extends MethodName> = ContractMethods[M]['req'];
export type ResponseOf<M extends MethodName> = ContractMethods[M]['res'];

/** The typed listRows, so callers get the row type of the table they asked for. */
export type ListRows = <T extends TableId>(req: ListRequest<T>) => Promise<Page<TableRows[T]>>;

/**
 * What changed in one cluster's store since the last notice, precisely enough for the UI to refetch only the
 * queries it affects (see docs/architecture.md, "Notices").
 */
export interface StoreChange {
  /** Resources whose objects (or sync state) changed. */
  kinds: Resource[];
  /**
   * Tables whose rows may have changed: the tables of the changed objects and of their neighbours (a claim's
   * change reaches its pods' and its class's rows). A table not listed kept every row as it was.
   */
  tables: TableId[];
  /**
   * The objects that changed (added, updated or deleted). Absent when there were too many to list
   * (more than MAX_NOTICE_OBJECTS) or the change was not about single objects (a sync ending, time passing):
   * then treat every object of `kinds` as changed.
   */
  objects?: ObjectRef[];
  /** The store's revision after the change. */
  revision: number;
}

/** Past this many changed objects, a notice says only which kinds and tables changed. */
export const MAX_NOTICE_OBJECTS = 100;

/** Pushed to the UI, batched a few times a second. */
export type Notice =
  /** Objects changed in this cluster; refetch what shows them (rows of `tables`, details of `objects`...). */
  | ({ type: 'changed'; clusterId: string } & StoreChange)
  /**
   * A usage poll changed something: the nodes whose state or volumes changed and the volume keys (absent when
   * more than MAX_NOTICE_OBJECTS); `access` when the permission to read usage changed. Refetch getUsage.
   * `objects`: the claims, pods and nodes whose usage as their details and rows show it changed (usage cell,
   * emptyDirs, filesystem, usage findings); refetch only their details and the claim rows that show them. Absent
   * (or with `access`): every object's, as for too many to name.
   */
  | { type: 'usage'; clusterId: string; nodes: string[]; volumes?: string[]; access: boolean; objects?: ObjectRef[] }
  /** Sync state or connection changed. */
  | { type: 'status'; clusterId: string }
  /** The cluster list changed (kubeconfig edited, snapshot opened). */
  | { type: 'clusters' }
  /** The user chose something in the app's menu that the UI carries out (desktop app only). */
  | { type: 'command'; command: UiCommand };

/** The UI's theme choice; "system" follows the OS. */
export type ThemeChoice = 'light' | 'dark' | 'system';

/** A menu action for the UI. The desktop app opens picked snapshot files itself and then sends show-cluster. */
export type UiCommand =
  /** Show this cluster (e.g. a snapshot the user just opened from the menu). */
  | { name: 'show-cluster'; clusterId: string }
  | { name: 'set-language'; lang: Lang }
  | { name: 'set-theme'; theme: ThemeChoice };

/** What the renderer sees: one async function per method, plus notices. Same for IPC and web. */
export type RendererApi = { [M in Exclude<MethodName, 'listRows'>]: (req: RequestOf<M>) => Promise<ResponseOf<M>> } & {
  listRows: ListRows;
  /** Subscribe to notices; returns the unsubscribe function. */
  onNotice(listener: (notice: Notice) => void): () => void;
};

/** The IPC channel of a method: one named channel per method, never a generic one. */
export function channelOf(method: MethodName): string {
  return `kse:${method}`;
}
export const NOTICE_CHANNEL = 'kse:notice';

/**
 * Every method once, in the order transports register them. A record keyed by MethodName, so a method added to
 * ContractMethods and not here (or listed here and not there) does not compile.
 */
const METHODS: { readonly [M in MethodName]: true } = {
  listClusters: true,
  kubeconfigProblems: true,
  openCluster: true,
  closeCluster: true,
  openSnapshot: true,
  clusterStatus: true,
  controlReplay: true,
  addNamespace: true,
  listRows: true,
  locateRow: true,
  getObject: true,
  getProvisioner: true,
  getGraph: true,
  getOverview: true,
  listFindings: true,
  getUsage: true,
  getUsageHistory: true,
  getUsageSettings: true,
  setUsageSettings: true,
  getReport: true,
  exportSnapshot: true,
  getFleet: true,
  setFleetChoices: true,
  getLessons: true,
  listExercises: true,
  checkExercise: true,
  about: true,
};
export const METHOD_NAMES = Object.keys(METHODS) as readonly MethodName[];

/**
 * An error that crossed the contract: a message for the user (what happened, what to do) and a code. `message` is
 * English (the CLI and logs read it); `ru`, where the core has one, is the same in Russian, for the Russian UI.
 */
export interface ContractError {
  code: 'bad-request' | 'not-found' | 'unavailable' | 'internal' | 'unauthorized';
  message: string;
  ru?: string;
}
