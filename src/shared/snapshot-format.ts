/**
 * The snapshot and recording file formats, and their defensive validation.
 *
 * A snapshot is what a support engineer receives from a customer (`kse snapshot`): the storage objects of one
 * cluster at one moment, per kind with the state it had (a kind the customer could not read says so). A
 * recording is a snapshot plus timed watch events, replayed live (the demo cluster, lesson scenarios).
 *
 * Files come from elsewhere: everything is checked, limits are enforced, and strings are only ever data.
 */
import { isResource, DESCRIPTOR_OF_RESOURCE, type Resource } from './kube/resource-registry';
import type { KubeObject } from './kube/objects';
import { conformObject } from './kube/conform';
import { OBJECT_KEY_MAX_CHARS, SNAPSHOT_MAX_BYTES } from './limits';
import type { UsageReport } from './model/usage';
import { readSnapshotUsage } from './usage/snapshot-usage';
import { readUsageTimeline, type UsageTimelineSample } from './usage/usage-timeline';

export const SNAPSHOT_FORMAT = 'kse-snapshot';
export const RECORDING_FORMAT = 'kse-recording';
export const SNAPSHOT_VERSION = 1;

/** How one kind stood when the snapshot was taken. */
export type SnapshotKindState = 'synced' | 'forbidden' | 'absent' | 'error';

export interface SnapshotKind {
  state: SnapshotKindState;
  /** The objects (empty unless synced). */
  items: KubeObject[];
  /** Why the kind was forbidden, absent or failing, as the source said it. */
  message?: string;
}

/** A kse snapshot file (version 1). */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** ISO time of capture. */
  capturedAt: string;
  /** Context (or cluster) name it was taken from. */
  context: string;
  serverVersion?: string;
  kinds: Partial<Record<Resource, SnapshotKind>>;
  /** For namespace-limited users: the namespaces that were readable. */
  limitedToNamespaces?: string[];
  /** What the export removed (informational: the file's own account). Older files have a short text. */
  redaction?: SnapshotRedaction | string;
  /** Volume usage the app had read when the snapshot was taken (no history); absent when it had none. */
  usage?: UsageReport;
  /** Why a file's usage part was left out (set by validation, never written). */
  usageProblem?: string;
}

/** How a snapshot was redacted: the policy and how many values it removed per "kind: field path". */
export interface SnapshotRedaction {
  /** "allow-list": only the fields the app reads were kept, free text and commands scrubbed. */
  policy: string;
  removed: Record<string, number>;
}

export type RecordedEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One watch event of a recording, `at` milliseconds after the recording's start. */
export interface RecordedEvent {
  at: number;
  kind: Resource;
  type: RecordedEventType;
  object: KubeObject;
}

/** A recording: the initial state as a snapshot, then timed events. */
export interface Recording extends Omit<Snapshot, 'format'> {
  format: typeof RECORDING_FORMAT;
  events: RecordedEvent[];
  /** Volume usage over the timeline (shared/usage/usage-timeline.ts), with `usage` naming the volumes. */
  usageTimeline?: UsageTimelineSample[];
}

export interface SnapshotLimits {
  /** Largest accepted file, in characters (a file of N bytes has at most N characters). */
  maxChars: number;
  /** Most objects (items plus events) accepted. */
  maxObjects: number;
  /** Deepest nesting of arrays and objects accepted (a Kubernetes object nests about 10 levels). */
  maxDepth: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { maxChars: SNAPSHOT_MAX_BYTES, maxObjects: 500_000, maxDepth: 100 };

/**
 * A file that is not a usable snapshot; the message says what is wrong and what to do, in English (`message`, for
 * the CLI and logs) and in Russian (`ru`, for the Russian UI: trial 10 of issue 8 met «Не удалось открыть файл
 * x.json: x.json cannot be opened: …» there). Field names and values from the file stay as they are in both.
 */
export class SnapshotFormatError extends Error {
  constructor(
    message: string,
    readonly ru: string,
  ) {
    super(message);
    this.name = 'SnapshotFormatError';
  }
}

/** Parses and validates a snapshot or recording file's text. */
export function parseSnapshotFile(text: string, fileName: string, limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS): Snapshot | Recording {
  if (text.length > limits.maxChars) {
    throw new SnapshotFormatError(
      `${fileName} is ${Math.round(text.length / 1e6)} MB, more than the ${Math.round(limits.maxChars / 1e6)} MB a snapshot may have. Export fewer namespaces or kinds.`,
      `${fileName} весит ${Math.round(text.length / 1e6)} МБ, больше ${Math.round(limits.maxChars / 1e6)} МБ, допустимых для снимка. Выгрузите меньше пространств имён или типов.`,
    );
  }
  if (text.trim() === '' || text === '\ufeff') throw new SnapshotFormatError(`${fileName} is empty. Export a snapshot with "kse snapshot".`, `${fileName} пуст. Выгрузите снимок командой «kse snapshot».`);
  let value: unknown;
  try {
    // A UTF-8 byte-order mark (editors on Windows add one) is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new SnapshotFormatError(
      `${fileName} is not a kse snapshot: it is not JSON (${(error as Error).message}). Export one with "kse snapshot".`,
      `${fileName} — не снимок kse: это не JSON (${(error as Error).message}). Выгрузите снимок командой «kse snapshot».`,
    );
  }
  // Before anything walks it recursively (cloning, YAML, the store): 4,000 levels overflow the stack.
  const depth = nestingDepth(value, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new SnapshotFormatError(
      `${fileName} is not a valid kse snapshot: it is nested more than ${limits.maxDepth} levels deep, which no Kubernetes object is. Export it again with "kse snapshot".`,
      `${fileName} — неисправный снимок kse: вложенность глубже ${limits.maxDepth} уровней, такой не бывает ни у одного объекта Kubernetes. Выгрузите снимок заново командой «kse snapshot».`,
    );
  }
  return validateSnapshot(value, fileName, limits);
}

/** Validates parsed JSON as a snapshot or recording; returns a clean copy holding only known fields. */
export function validateSnapshot(value: unknown, fileName: string, limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS): Snapshot | Recording {
  const fail = (what: string, whatRu: string): never => {
    throw new SnapshotFormatError(`${fileName} is not a valid kse snapshot: ${what}.`, `${fileName} — неисправный снимок kse: ${whatRu}.`);
  };
  if (!isRecord(value)) return fail('the top level is not an object', 'верхний уровень — не объект');
  const format = value.format;
  if (format !== SNAPSHOT_FORMAT && format !== RECORDING_FORMAT) {
    return fail(
      `"format" is ${describe(format)}, expected "${SNAPSHOT_FORMAT}" or "${RECORDING_FORMAT}". Export one with "kse snapshot"`,
      `поле «format» — ${describeRu(format)}, а должно быть «${SNAPSHOT_FORMAT}» или «${RECORDING_FORMAT}». Выгрузите снимок командой «kse snapshot»`,
    );
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version)) return fail('"version" is missing', 'нет поля «version»');
  if (value.version > SNAPSHOT_VERSION) {
    throw new SnapshotFormatError(
      `${fileName} was written by a newer kse (format version ${value.version}); this one reads version ${SNAPSHOT_VERSION}. Update kse.`,
      `${fileName} записан более новой версией kse (версия формата ${value.version}); эта читает версию ${SNAPSHOT_VERSION}. Обновите kse.`,
    );
  }
  if (value.version < 1) return fail(`"version" ${value.version} is not a known version`, `версия «${value.version}» неизвестна`);
  const capturedAt = value.capturedAt;
  if (typeof capturedAt !== 'string' || Number.isNaN(Date.parse(capturedAt))) return fail('"capturedAt" is not a date', 'поле «capturedAt» — не дата');
  if (typeof value.context !== 'string') return fail('"context" is missing', 'нет поля «context»');
  if (!isRecord(value.kinds)) return fail('"kinds" is not an object', 'поле «kinds» — не объект');

  let objects = 0;
  const count = (): void => {
    if (++objects > limits.maxObjects) fail(`it holds more than ${limits.maxObjects} objects`, `в нём больше ${limits.maxObjects} объектов`);
  };
  const kinds: Partial<Record<Resource, SnapshotKind>> = {};
  for (const [name, entry] of Object.entries(value.kinds)) {
    if (!isResource(name)) continue; // a newer kse may export more kinds: ignore those we do not know
    if (!isRecord(entry)) return fail(`kinds.${name} is not an object`, `kinds.${name} — не объект`);
    const state = entry.state;
    if (state !== 'synced' && state !== 'forbidden' && state !== 'absent' && state !== 'error') {
      return fail(`kinds.${name}.state is ${describe(state)}`, `kinds.${name}.state — ${describeRu(state)}`);
    }
    if (!Array.isArray(entry.items)) return fail(`kinds.${name}.items is not a list`, `kinds.${name}.items — не список`);
    const items = entry.items.map((item: unknown, index) => {
      count();
      return checkObject(item, name, `kinds.${name}.items[${index}]`, fail);
    });
    kinds[name] = { state, items, ...(typeof entry.message === 'string' ? { message: entry.message } : {}) };
  }

  const base = {
    version: SNAPSHOT_VERSION,
    capturedAt,
    context: value.context,
    kinds,
    ...(typeof value.serverVersion === 'string' ? { serverVersion: value.serverVersion } : {}),
    ...(Array.isArray(value.limitedToNamespaces) ? { limitedToNamespaces: value.limitedToNamespaces.filter((n): n is string => typeof n === 'string') } : {}),
    ...redactionOf(value.redaction),
    ...usageOf(value.usage),
  } as const;
  if (format === SNAPSHOT_FORMAT) return { format, ...base };

  if (!Array.isArray(value.events)) return fail('"events" of a recording is not a list', 'поле «events» записи — не список');
  const events = value.events.map((event: unknown, index): RecordedEvent => {
    count();
    const where = `events[${index}]`;
    if (!isRecord(event)) return fail(`${where} is not an object`, `${where} — не объект`);
    if (typeof event.at !== 'number' || !Number.isFinite(event.at) || event.at < 0) return fail(`${where}.at is not a time offset in ms`, `${where}.at — не смещение времени в мс`);
    if (!isResource(event.kind)) return fail(`${where}.kind is ${describe(event.kind)}`, `${where}.kind — ${describeRu(event.kind)}`);
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return fail(`${where}.type is ${describe(event.type)}`, `${where}.type — ${describeRu(event.type)}`);
    return { at: event.at, kind: event.kind, type: event.type, object: checkObject(event.object, event.kind, `${where}.object`, fail) };
  });
  events.sort((a, b) => a.at - b.at);
  // A timeline that cannot be used is dropped, with why; the recording still plays.
  const timeline = base.usage ? readUsageTimeline(value.usageTimeline) : undefined;
  const usageTimeline = timeline && 'timeline' in timeline ? { usageTimeline: timeline.timeline } : {};
  const timelineProblem = timeline && 'problem' in timeline ? { usageProblem: timeline.problem } : {};
  return { format, ...base, events, ...usageTimeline, ...timelineProblem };
}

/** The usage part, checked: kept when usable, otherwise dropped with the reason (the snapshot still opens). */
function usageOf(value: unknown): { usage?: UsageReport; usageProblem?: string } {
  const read = readSnapshotUsage(value);
  if (!read) return {};
  return 'usage' in read ? { usage: read.usage } : { usageProblem: read.problem };
}

/**
 * An object must have a name (and a namespace when its kind is namespaced) so that it can be keyed. A missing
 * uid is filled from kind/namespace/name: snapshots from hand-edited files still key consistently.
 */
function checkObject(item: unknown, kind: Resource, where: string, fail: (what: string, whatRu: string) => never): KubeObject {
  if (!isRecord(item)) return fail(`${where} is not an object`, `${where} — не объект`);
  const metadata = item.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || metadata.name === '') return fail(`${where} has no metadata.name`, `у ${where} нет metadata.name`);
  for (const field of ['name', 'namespace', 'uid'] as const) {
    const value = metadata[field];
    if (typeof value === 'string' && value.length > OBJECT_KEY_MAX_CHARS) return fail(`${where}.metadata.${field} is ${value.length} characters long, more than the ${OBJECT_KEY_MAX_CHARS} kse accepts`, `${where}.metadata.${field} длиной ${value.length} символов, больше ${OBJECT_KEY_MAX_CHARS}, которые принимает kse`);
  }
  if (DESCRIPTOR_OF_RESOURCE[kind].namespaced && (typeof metadata.namespace !== 'string' || metadata.namespace === '')) {
    return fail(`${where} (${DESCRIPTOR_OF_RESOURCE[kind].kind} "${metadata.name}") has no metadata.namespace`, `у ${where} (${DESCRIPTOR_OF_RESOURCE[kind].kind} «${metadata.name}») нет metadata.namespace`);
  }
  if (metadata.uid !== undefined && typeof metadata.uid !== 'string') return fail(`${where}.metadata.uid is not a string`, `${where}.metadata.uid — не строка`);
  // Fields the app reads must have the types it expects; a file may say anything (conform.ts drops the others).
  const object = conformObject(kind, item as KubeObject).object;
  const uid = typeof metadata.uid === 'string' && metadata.uid !== '' ? metadata.uid : `snapshot:${kind}/${metadata.namespace ?? ''}/${metadata.name}`;
  return { ...object, kind: typeof item.kind === 'string' ? item.kind : DESCRIPTOR_OF_RESOURCE[kind].kind, metadata: { ...(object.metadata as KubeObject['metadata']), uid } };
}

/** How deep arrays and objects nest, counted without recursion and only up to just past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function redactionOf(value: unknown): { redaction?: SnapshotRedaction | string } {
  if (typeof value === 'string') return { redaction: value };
  if (!isRecord(value) || typeof value.policy !== 'string' || !isRecord(value.removed)) return {};
  const removed: Record<string, number> = {};
  for (const [path, n] of Object.entries(value.removed)) if (typeof n === 'number' && Number.isFinite(n)) removed[path] = n;
  return { redaction: { policy: value.policy, removed } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from the file as the Russian message shows it: «отсутствует» when it is missing. */
function describeRu(value: unknown): string {
  return value === undefined ? 'отсутствует' : describe(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
