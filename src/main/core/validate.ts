/**
 * Argument validation of every contract method. The renderer is trusted code, but the web host takes JSON from
 * a browser and IPC from a renderer that may be compromised: the core accepts only well-formed requests and
 * says exactly what is wrong with the others.
 */
import type { MethodName, RequestOf } from '../../shared/contract';
import { ALL_RESOURCES } from '../../shared/kube/resource-registry';
import type { GraphRequest } from '../../shared/model/detail';
import { LANGS, SEVERITY_ORDER } from '../../shared/model/findings';
import { provisionerRef, type ObjectRef, type TargetRef } from '../../shared/model/refs';
import type { FindingFilter } from '../../shared/model/finding-groups';
import { columnIdsOf, TABLE_IDS, type ListRequest } from '../../shared/model/rows';
import { MAX_FLEET_CONCURRENCY, MAX_FLEET_WATCHED } from '../../shared/model/fleet';
import { REPLAY_ACTIONS } from '../../shared/model/status';
import { REPORT_FORMATS } from '../../shared/report/report-model';
import { USAGE_INTERVAL_BOUNDS_MS, USAGE_PERCENT_BOUNDS } from '../../shared/usage/thresholds';
import { integer, oneOf, optionalOneOf, optionalString, record, string, stringList, stringMap } from './check';
import { badRequest } from './errors';
import { OBJECT_KEY_MAX_CHARS, SNAPSHOT_MAX_BYTES } from '../../shared/limits';

/** Largest page a caller may ask for: a screenful is ~50 rows; 1,000 keeps any single answer small. */
export const MAX_PAGE = 1000;

/** A namespace to watch on a live cluster (addNamespace): the API server's rule, a DNS label. */
const NAMESPACE = { max: 63, pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, patternText: 'a DNS label (lowercase letters, digits and "-")' };
/**
 * Names and namespaces of objects the core already holds (refs, filters): whatever a snapshot holds, so not the
 * API server's rules (253 characters, DNS labels); only the limit the snapshot loader enforces.
 */
const OBJECT_KEY = { max: OBJECT_KEY_MAX_CHARS };
const CLUSTER_ID = { max: 512 };
/** An exercise's number or id (resources/exercises/NN-id): digits, lowercase letters and "-". */
const EXERCISE = { max: 63, pattern: /^[a-z0-9][-a-z0-9]*$/, patternText: 'an exercise number or id (lowercase letters, digits and "-")' };
/** Most namespaces one list request may name (a namespace filter picked by hand). */
const MAX_NAMESPACES = 500;

type Validators = { [M in MethodName]: (req: unknown) => RequestOf<M> };

const none = (method: string) => (req: unknown): Record<string, never> => {
  record(req ?? {}, `${method} request`, []);
  return {};
};

const byCluster = (method: string) => (req: unknown): { clusterId: string } => {
  const r = record(req, `${method} request`, ['clusterId']);
  return { clusterId: string(r.clusterId, `${method}: clusterId`, CLUSTER_ID) };
};

/** An object ref, or a provisioner ref ({kind: 'provisioners', name}): what a locateRow may point at. */
export function validateTargetRef(value: unknown, where: string): TargetRef {
  const r = record(value, where, ['kind', 'name', 'namespace', 'uid']);
  if (r.kind === 'provisioners' && r.namespace === undefined && r.uid === undefined) return provisionerRef(string(r.name, `${where}.name`, { max: 253 }));
  return validateRef(value, where);
}

export function validateRef(value: unknown, where: string): ObjectRef {
  const r = record(value, where, ['kind', 'name', 'namespace', 'uid']);
  const ref: ObjectRef = { kind: oneOf(r.kind, `${where}.kind`, ALL_RESOURCES), name: string(r.name, `${where}.name`, OBJECT_KEY) };
  const namespace = optionalString(r.namespace, `${where}.namespace`, { ...OBJECT_KEY, min: 0 });
  if (namespace) ref.namespace = namespace;
  // A uid a snapshot lacks is made from kind, namespace and name (snapshot-format.ts): up to about twice the key.
  const uid = optionalString(r.uid, `${where}.uid`, { max: 3 * OBJECT_KEY_MAX_CHARS });
  if (uid !== undefined) ref.uid = uid;
  return ref;
}

/**
 * A locateRow request: a listRows request without paging (checked by the same rules, so its messages name the
 * listRows fields), plus the object to find.
 */
function validateLocateRequest(req: unknown): RequestOf<'locateRow'> {
  const r = record(req, 'locateRow request', ['clusterId', 'table', 'namespace', 'search', 'filters', 'minSeverity', 'sort', 'ref']);
  const { ref, ...list } = r;
  const { offset: _offset, limit: _limit, ...query } = validateListRequest({ ...list, offset: 0, limit: 1 });
  return { ...query, ref: validateTargetRef(ref, 'locateRow: ref') };
}

function validateListRequest(req: unknown): ListRequest {
  const where = 'listRows request';
  const r = record(req, where, ['clusterId', 'table', 'namespaces', 'search', 'filters', 'minSeverity', 'finding', 'sort', 'offset', 'limit']);
  const out: ListRequest = {
    clusterId: string(r.clusterId, 'listRows: clusterId', CLUSTER_ID),
    table: oneOf(r.table, 'listRows: table', TABLE_IDS),
    offset: integer(r.offset, 'listRows: offset', 0, Number.MAX_SAFE_INTEGER),
    limit: integer(r.limit, 'listRows: limit', 1, MAX_PAGE),
  };
  // Namespaces as stored: a snapshot may carry names that are not DNS labels, and they must stay listable.
  if (r.namespaces !== undefined) out.namespaces = stringList(r.namespaces, 'listRows: namespaces', MAX_NAMESPACES, OBJECT_KEY);
  const search = optionalString(r.search, 'listRows: search', { min: 0, max: 200 });
  if (search !== undefined) out.search = search;
  if (r.filters !== undefined) {
    out.filters = stringMap(r.filters, 'listRows: filters', 20);
    for (const column of Object.keys(out.filters)) {
      if (!columnIdsOf(out.table).includes(column)) {
        throw badRequest(`This table has no column "${column}" to filter by. Filter by one of: ${columnIdsOf(out.table).join(', ')}.`);
      }
    }
  }
  const minSeverity = optionalOneOf(r.minSeverity, 'listRows: minSeverity', SEVERITY_ORDER);
  if (minSeverity !== undefined) out.minSeverity = minSeverity;
  if (r.finding !== undefined) out.finding = validateFindingFilter(r.finding, 'listRows: finding');
  if (r.sort !== undefined) {
    const sort = record(r.sort, 'listRows: sort', ['column', 'direction']);
    out.sort = {
      column: string(sort.column, 'listRows: sort.column', { max: 100 }),
      direction: oneOf(sort.direction, 'listRows: sort.direction', ['asc', 'desc'] as const),
    };
    if (!columnIdsOf(out.table).includes(out.sort.column)) {
      throw badRequest(`This table cannot be sorted by "${out.sort.column}". Sort by one of: ${columnIdsOf(out.table).join(', ')}.`);
    }
  }
  return out;
}

function validateFindingFilter(value: unknown, where: string): FindingFilter {
  const r = record(value, where, ['code', 'severity', 'subject']);
  const out: FindingFilter = { code: string(r.code, `${where}.code`, { max: 100 }) };
  const severity = optionalOneOf(r.severity, `${where}.severity`, SEVERITY_ORDER);
  if (severity !== undefined) out.severity = severity;
  if (r.subject !== undefined) {
    const subject = record(r.subject, `${where}.subject`, ['type', 'name']);
    out.subject = { type: oneOf(subject.type, `${where}.subject.type`, ['provisioner', 'class'] as const), name: string(subject.name, `${where}.subject.name`, { max: 253 }) };
  }
  return out;
}

function validateGraphRequest(req: unknown): GraphRequest {
  const r = record(req, 'getGraph request', ['clusterId', 'root', 'namespace', 'provisioner', 'problems', 'namespaces', 'expand']);
  const clusterId = string(r.clusterId, 'getGraph: clusterId', CLUSTER_ID);
  const given = (['root', 'namespace', 'provisioner', 'problems'] as const).filter((key) => r[key] !== undefined);
  if (given.length !== 1) {
    throw badRequest(`getGraph needs exactly one of root, namespace, provisioner or problems, got ${given.length === 0 ? 'none' : given.join(' and ')}.`);
  }
  if (r.namespaces !== undefined && r.problems === undefined) throw badRequest('getGraph: namespaces goes only with problems.');
  // Group ids are the core's own ("group:claim:…"); a user expands a few at a time.
  const expand = r.expand === undefined ? {} : { expand: stringList(r.expand, 'getGraph: expand', 100, { max: 200 }) };
  if (r.root !== undefined) return { clusterId, root: validateRef(r.root, 'getGraph: root'), ...expand };
  if (r.namespace !== undefined) return { clusterId, namespace: string(r.namespace, 'getGraph: namespace', OBJECT_KEY), ...expand };
  if (r.problems !== undefined) {
    if (r.problems !== true) throw badRequest('getGraph: problems must be true.');
    const namespaces = r.namespaces === undefined ? {} : { namespaces: stringList(r.namespaces, 'getGraph: namespaces', MAX_NAMESPACES, NAMESPACE) };
    return { clusterId, problems: true, ...namespaces, ...expand };
  }
  return { clusterId, provisioner: string(r.provisioner, 'getGraph: provisioner', { max: 253 }), ...expand };
}

const VALIDATORS: Validators = {
  listClusters: none('listClusters'),
  kubeconfigProblems: none('kubeconfigProblems'),
  about: none('about'),
  openCluster: byCluster('openCluster'),
  closeCluster: byCluster('closeCluster'),
  clusterStatus: byCluster('clusterStatus'),
  getOverview: byCluster('getOverview'),
  openSnapshot(req) {
    const r = record(req, 'openSnapshot request', ['fileName', 'content']);
    return {
      fileName: string(r.fileName, 'openSnapshot: fileName', { max: 255 }),
      // An empty file is the loader's to explain ("x.json is empty"), naming the file.
      content: string(r.content, 'openSnapshot: content', { min: 0, max: SNAPSHOT_MAX_BYTES }),
    };
  },
  controlReplay(req) {
    const r = record(req, 'controlReplay request', ['clusterId', 'action']);
    return { clusterId: string(r.clusterId, 'controlReplay: clusterId', CLUSTER_ID), action: oneOf(r.action, 'controlReplay: action', REPLAY_ACTIONS) };
  },
  addNamespace(req) {
    const r = record(req, 'addNamespace request', ['clusterId', 'namespace']);
    return {
      clusterId: string(r.clusterId, 'addNamespace: clusterId', CLUSTER_ID),
      namespace: string(r.namespace, 'addNamespace: namespace', NAMESPACE),
    };
  },
  listRows: validateListRequest,
  locateRow: validateLocateRequest,
  getObject(req) {
    const r = record(req, 'getObject request', ['clusterId', 'ref']);
    return { clusterId: string(r.clusterId, 'getObject: clusterId', CLUSTER_ID), ref: validateRef(r.ref, 'getObject: ref') };
  },
  getProvisioner(req) {
    const r = record(req, 'getProvisioner request', ['clusterId', 'name']);
    return { clusterId: string(r.clusterId, 'getProvisioner: clusterId', CLUSTER_ID), name: string(r.name, 'getProvisioner: name', { max: 253 }) };
  },
  getGraph: validateGraphRequest,
  listFindings(req) {
    const r = record(req, 'listFindings request', ['clusterId', 'namespace', 'minSeverity', 'offset', 'limit']);
    const out: RequestOf<'listFindings'> = {
      clusterId: string(r.clusterId, 'listFindings: clusterId', CLUSTER_ID),
      offset: integer(r.offset, 'listFindings: offset', 0, Number.MAX_SAFE_INTEGER),
      limit: integer(r.limit, 'listFindings: limit', 1, MAX_PAGE),
    };
    const namespace = optionalString(r.namespace, 'listFindings: namespace', OBJECT_KEY);
    if (namespace !== undefined) out.namespace = namespace;
    const minSeverity = optionalOneOf(r.minSeverity, 'listFindings: minSeverity', SEVERITY_ORDER);
    if (minSeverity !== undefined) out.minSeverity = minSeverity;
    return out;
  },
  getUsage(req) {
    const r = record(req, 'getUsage request', ['clusterId', 'namespace']);
    const namespace = optionalString(r.namespace, 'getUsage: namespace', OBJECT_KEY);
    return { clusterId: string(r.clusterId, 'getUsage: clusterId', CLUSTER_ID), ...(namespace !== undefined ? { namespace } : {}) };
  },
  getUsageHistory(req) {
    const r = record(req, 'getUsageHistory request', ['clusterId', 'key']);
    return { clusterId: string(r.clusterId, 'getUsageHistory: clusterId', CLUSTER_ID), key: string(r.key, 'getUsageHistory: key', { max: 3 * OBJECT_KEY_MAX_CHARS + 20 }) };
  },
  getReport(req) {
    const r = record(req, 'getReport request', ['clusterId', 'namespace', 'object', 'format', 'lang']);
    const out: RequestOf<'getReport'> = {
      clusterId: string(r.clusterId, 'getReport: clusterId', CLUSTER_ID),
      format: oneOf(r.format, 'getReport: format', REPORT_FORMATS),
      lang: oneOf(r.lang, 'getReport: lang', LANGS),
    };
    const namespace = optionalString(r.namespace, 'getReport: namespace', OBJECT_KEY);
    if (namespace !== undefined) out.namespace = namespace;
    if (r.object !== undefined) out.object = validateRef(r.object, 'getReport: object');
    if (out.namespace !== undefined && out.object !== undefined) throw badRequest('getReport: give a namespace or an object, not both.');
    return out;
  },
  exportSnapshot: byCluster('exportSnapshot'),
  getFleet: none('getFleet'),
  getUsageSettings: none('getUsageSettings'),
  setUsageSettings(req) {
    // Each value in its bounds here; whether they fit together (warning below problem) once merged, in the core.
    const r = record(req, 'setUsageSettings request', ['intervalMs', 'warningPercent', 'problemPercent']);
    const out: RequestOf<'setUsageSettings'> = {};
    if (r.intervalMs !== undefined) out.intervalMs = integer(r.intervalMs, 'setUsageSettings: intervalMs', USAGE_INTERVAL_BOUNDS_MS.min, USAGE_INTERVAL_BOUNDS_MS.max);
    if (r.warningPercent !== undefined) out.warningPercent = integer(r.warningPercent, 'setUsageSettings: warningPercent', USAGE_PERCENT_BOUNDS.min, USAGE_PERCENT_BOUNDS.max - 1);
    if (r.problemPercent !== undefined) out.problemPercent = integer(r.problemPercent, 'setUsageSettings: problemPercent', USAGE_PERCENT_BOUNDS.min + 1, USAGE_PERCENT_BOUNDS.max);
    return out;
  },
  setFleetChoices(req) {
    const r = record(req, 'setFleetChoices request', ['watched', 'concurrency']);
    const out: RequestOf<'setFleetChoices'> = {};
    if (r.watched !== undefined) out.watched = stringList(r.watched, 'setFleetChoices: watched', MAX_FLEET_WATCHED, CLUSTER_ID);
    if (r.concurrency !== undefined) out.concurrency = integer(r.concurrency, 'setFleetChoices: concurrency', 1, MAX_FLEET_CONCURRENCY);
    return out;
  },
  listExercises(req) {
    const r = record(req, 'listExercises request', ['lang']);
    return { lang: oneOf(r.lang, 'listExercises: lang', LANGS) };
  },
  checkExercise(req) {
    const r = record(req, 'checkExercise request', ['clusterId', 'exercise']);
    return {
      clusterId: string(r.clusterId, 'checkExercise: clusterId', CLUSTER_ID),
      // A number ("5") or an id ("static-binding"): ExerciseService says which exist when it matches none.
      exercise: string(r.exercise, 'checkExercise: exercise', EXERCISE),
    };
  },
  getLessons(req) {
    const r = record(req, 'getLessons request', ['lang']);
    return { lang: oneOf(r.lang, 'getLessons: lang', LANGS) };
  },
};

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(VALIDATORS, value);
}

/** The request, checked and copied with only known fields; throws a bad-request KseCallError otherwise. */
export function validateRequest<M extends MethodName>(method: M, req: unknown): RequestOf<M> {
  const validator = VALIDATORS[method] as (req: unknown) => RequestOf<M>;
  return validator(req);
}
