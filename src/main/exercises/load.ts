/**
 * Loads the exercises from disk: `<resourcesDir>/exercises/NN-id/exercise.yaml` and the words of one language in
 * `<resourcesDir>/exercises/<lang>/NN-id.yaml`, in course order. The parsing is pure (src/shared/exercises/format.ts);
 * this file only reads. The resources directory is passed in (repository or packaged app).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExerciseFormatError, parseExerciseSpec, parseExerciseText } from '../../shared/exercises/format';
import type { Exercise, ExerciseSpec } from '../../shared/exercises/model';
import type { Lang } from '../../shared/model/findings';

/** The directory holding the exercises. */
export function exercisesDir(resourcesDir: string): string {
  return join(resourcesDir, 'exercises');
}

/** One exercise's directory (start.yaml, solution.yaml). */
export function exerciseDir(resourcesDir: string, spec: ExerciseSpec): string {
  return join(exercisesDir(resourcesDir), dirName(spec));
}

function dirName(spec: ExerciseSpec): string {
  return `${String(spec.number).padStart(2, '0')}-${spec.id}`;
}

/** Every exercise's language-neutral spec, in course order. Throws Error naming the directory or file at fault. */
export async function loadExerciseSpecs(resourcesDir: string): Promise<ExerciseSpec[]> {
  const root = exercisesDir(resourcesDir);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    throw new Error(`Cannot read the exercises in ${root} (${error instanceof Error ? error.message : String(error)}). Reinstall the app, or run it from the repository root.`);
  }
  const dirs = names.filter((n) => /^\d{2}-/.test(n)).sort();
  const specs = await Promise.all(dirs.map(async (dir) => parseExerciseSpec(dir, await readSpec(root, dir))));
  const numbers = specs.map((s) => s.number);
  if (new Set(numbers).size !== numbers.length) throw new ExerciseFormatError(`Two exercise directories in ${root} share a number.`);
  return specs;
}

async function readSpec(root: string, dir: string): Promise<string> {
  try {
    return await readFile(join(root, dir, 'exercise.yaml'), 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ExerciseFormatError(`${dir}/exercise.yaml cannot be read (${code}): every exercise directory needs one. Restore it, or remove ${join(root, dir)}.`);
  }
}

/** Every exercise in one language, in course order. */
export async function loadExercises(resourcesDir: string, lang: Lang): Promise<Exercise[]> {
  const specs = await loadExerciseSpecs(resourcesDir);
  return Promise.all(
    specs.map(async (spec) => {
      const source = `${lang}/${dirName(spec)}.yaml`;
      let text: string;
      try {
        text = await readFile(join(exercisesDir(resourcesDir), source), 'utf8');
      } catch {
        throw new ExerciseFormatError(`The ${lang} text of exercise ${spec.number} (${spec.id}) is missing: ${source}.`);
      }
      return { spec, text: parseExerciseText(source, text, spec), lang };
    }),
  );
}

/** The exercise a user named: by number ("5") or id ("static-binding"). Undefined when none matches. */
export function findExercise<T extends { spec: ExerciseSpec } | ExerciseSpec>(all: readonly T[], which: string): T | undefined {
  const specOf = (x: T): ExerciseSpec => ('spec' in x ? x.spec : x);
  const n = /^\d+$/.test(which) ? Number(which) : undefined;
  return all.find((x) => (n !== undefined ? specOf(x).number === n : specOf(x).id === which));
}
