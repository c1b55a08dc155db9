/**
 * Reading the exercise files (see model.ts for where they live). Pure: texts in, checked data out, so the CLI, the
 * core and the tests read them the same way. Errors name the file and the field and say what to write instead.
 */
import { parse } from 'yaml';
import { isLessonAnchor, type LessonAnchor } from '../lessons';
import type { Exercise, ExerciseSpec, ExerciseText } from './model';
import type { Lang } from '../model/findings';
import { shellQuote } from '../diagnose/shell-quote';

export class ExerciseFormatError extends Error {}

/** Directory names: NN-id, e.g. "05-static-binding". */
const DIR = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** A DNS-1123 label: what a namespace name may be. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

type Fields = Record<string, unknown>;

function yamlMap(source: string, text: string): Fields {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new ExerciseFormatError(`${source}: not valid YAML (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ExerciseFormatError(`${source}: expected a map of fields at the top.`);
  return value as Fields;
}

function str(source: string, fields: Fields, key: string): string {
  const value = fields[key];
  if (typeof value !== 'string' || value.trim() === '') throw new ExerciseFormatError(`${source}: "${key}" must be a non-empty text.`);
  return value.trim();
}

function strings(source: string, fields: Fields, key: string, optional = false): string[] {
  const value = fields[key];
  if (value === undefined && optional) return [];
  if (!Array.isArray(value) || value.some((x) => typeof x !== 'string' || x.trim() === '')) {
    throw new ExerciseFormatError(`${source}: "${key}" must be a list of texts.`);
  }
  return (value as string[]).map((x) => x.trim());
}

/** Parses exercise.yaml of directory `dirName` ("05-static-binding"). */
export function parseExerciseSpec(dirName: string, text: string): ExerciseSpec {
  const source = `${dirName}/exercise.yaml`;
  const dir = DIR.exec(dirName);
  if (!dir) throw new ExerciseFormatError(`${dirName}: an exercise directory is named NN-id, e.g. 05-static-binding.`);
  const fields = yamlMap(source, text);
  const id = str(source, fields, 'id');
  if (id !== dir[2]) throw new ExerciseFormatError(`${source}: id "${id}" differs from the directory's "${dir[2]}".`);
  const namespace = str(source, fields, 'namespace');
  if (!NAMESPACE.test(namespace)) throw new ExerciseFormatError(`${source}: namespace "${namespace}" is not a valid namespace name.`);
  const lessons = strings(source, fields, 'lessons');
  const unknown = lessons.filter((l) => !isLessonAnchor(l));
  if (unknown.length) throw new ExerciseFormatError(`${source}: unknown lesson section(s) ${unknown.join(', ')} (see src/shared/lessons.ts).`);
  const steps = strings(source, fields, 'steps');
  if (steps.length === 0 || new Set(steps).size !== steps.length) throw new ExerciseFormatError(`${source}: "steps" must list distinct step ids.`);
  const clusterObjects = strings(source, fields, 'clusterObjects', true);
  const bad = clusterObjects.find((o) => !/^(persistentvolumes|storageclasses)\/[a-z0-9.-]+$/.test(o));
  if (bad) throw new ExerciseFormatError(`${source}: cluster object "${bad}" must be persistentvolumes/NAME or storageclasses/NAME.`);
  return { id, number: Number(dir[1]), namespace, lessons: lessons as LessonAnchor[], steps, clusterObjects, solution: strings(source, fields, 'solution') };
}

/** Parses the words of one exercise in one language and checks them against its spec. */
export function parseExerciseText(source: string, text: string, spec: ExerciseSpec): ExerciseText {
  const fields = yamlMap(source, text);
  const id = str(source, fields, 'id');
  if (id !== spec.id) throw new ExerciseFormatError(`${source}: id "${id}" differs from the exercise's "${spec.id}".`);
  const stepsField = fields['steps'];
  if (typeof stepsField !== 'object' || stepsField === null || Array.isArray(stepsField)) {
    throw new ExerciseFormatError(`${source}: "steps" must map each step id to its text.`);
  }
  const stepTexts = stepsField as Fields;
  const steps: Record<string, string> = {};
  for (const step of spec.steps) steps[step] = str(source, stepTexts, step);
  const extra = Object.keys(stepTexts).filter((k) => !spec.steps.includes(k));
  if (extra.length) throw new ExerciseFormatError(`${source}: step(s) ${extra.join(', ')} are not in exercise.yaml.`);
  const hints = strings(source, fields, 'hints');
  if (hints.length === 0) throw new ExerciseFormatError(`${source}: give at least one hint.`);
  return { id, title: str(source, fields, 'title'), goal: str(source, fields, 'goal'), steps, hints, solution: str(source, fields, 'solution') };
}

/** One exercise in one language from its two files. */
export function parseExercise(dirName: string, specText: string, lang: Lang, textSource: string, text: string): Exercise {
  const spec = parseExerciseSpec(dirName, specText);
  return { spec, text: parseExerciseText(textSource, text, spec), lang };
}

/**
 * The shell lines that reset an exercise on a cluster: delete its namespace (waiting until it is gone), its
 * cluster-scoped objects and any volume its claims left behind (a Released volume of policy Retain), then apply
 * the starting state. `dir` is the exercise's directory as the user's shell reaches it.
 */
export function resetCommands(spec: ExerciseSpec, dir: string): string[] {
  const objects = spec.clusterObjects.map((o) => o.replace('/', ' '));
  const quoted = shellQuote(`${dir}/start.yaml`);
  return [
    `kubectl delete namespace ${spec.namespace} --ignore-not-found --wait --timeout=120s`,
    ...objects.map((o) => `kubectl delete ${o} --ignore-not-found --wait --timeout=60s`),
    `kubectl get pv -o jsonpath='{range .items[?(@.spec.claimRef.namespace=="${spec.namespace}")]}{.metadata.name}{"\\n"}{end}' | xargs -r kubectl delete pv --wait --timeout=60s`,
    `kubectl apply -f ${quoted}`,
  ];
}

/** The line that sets an exercise up (the starting state is idempotent to apply). */
export function startCommand(dir: string): string {
  return `kubectl apply -f ${shellQuote(`${dir}/start.yaml`)}`;
}
