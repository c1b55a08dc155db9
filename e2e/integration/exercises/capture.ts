/**
 * Records the unit-test fixtures of the step checks from the lab (src/shared/exercises/testdata/<id>.json): for
 * each exercise, the objects after its typical mistake (mistakes.ts) and after its official solution, each taken
 * once the checks say what they should. Usage, with a lab running (npm run lab:up):
 *   npx tsx e2e/integration/exercises/capture.ts [exercise id ...]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readState } from '../../cluster/cli';
import { resetExercise, RESOURCES_DIR, runLines, solveExercise, type KubectlTarget } from '../../cluster/exercise';
import { loadExerciseSpecs } from '../../../src/main/exercises/load';
import { fixtureView, type FixtureObjects } from '../../../src/shared/diagnose/testing/fixture-view';
import { checkExercise } from '../../../src/shared/exercises/check';
import type { ExerciseResult, ExerciseSpec } from '../../../src/shared/exercises/model';
import { plainText } from '../../../src/shared/verbatim';
import { fixtureJson } from './fixture-json';
import { MISTAKES, type Mistake } from './mistakes';
import { exerciseObjects } from './objects';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MISTAKES_DIR = join(HERE, 'mistakes');
const TESTDATA = resolve(HERE, '../../../src/shared/exercises/testdata');

export interface Capture {
  capturedAt: string;
  objects: FixtureObjects;
}

/** Whether a result shows the mistake explained as expected. */
export function showsMistake(result: ExerciseResult, mistake: Mistake): boolean {
  const step = result.steps.find((s) => s.step === mistake.step);
  return !!step && step.state === 'failed' && mistake.explanation.test(plainText(step.explanation.en)) && mistake.ru.test(plainText(step.explanation.ru));
}

/** Captures the objects until `done` holds for the checks over them (or fails after `timeoutMs`, saying what they showed). */
async function captureWhen(target: KubectlTarget, spec: ExerciseSpec, done: (r: ExerciseResult) => boolean, what: string, timeoutMs = 90_000): Promise<Capture> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const capturedAt = new Date().toISOString();
    const objects = await exerciseObjects(target, spec.namespace);
    const result = checkExercise(fixtureView(objects, { now: capturedAt }), spec);
    if (done(result)) return { capturedAt, objects };
    if (Date.now() > deadline) {
      throw new Error(`${spec.id}: ${what} not seen in ${timeoutMs / 1000} s; the steps said:\n${result.steps.map((s) => `  ${s.step}: ${s.state} ${plainText(s.explanation.en)}`).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Steps that pass in the starting state on purpose: the pod given to repair already runs. */
const RUNNING_AT_START = new Set(['shared-emptydir/running', 'memory-emptydir/running']);

export async function captureExercise(target: KubectlTarget, spec: ExerciseSpec, log: (text: string) => void): Promise<{ start: Capture; failing: Capture; passing: Capture }> {
  const mistake = MISTAKES.find((m) => m.exercise === spec.id);
  if (!mistake) throw new Error(`${spec.id} has no typical mistake in mistakes.ts`);
  await resetExercise(target, spec, log);
  // The starting state, once its claims and pods have settled (a claim binds, a pod starts within seconds).
  await new Promise((r) => setTimeout(r, 6000));
  const start = await captureWhen(target, spec, (r) => r.steps.every((s) => s.state === 'failed' || RUNNING_AT_START.has(`${spec.id}/${s.step}`)), 'the starting state');
  await resetExercise(target, spec, log);
  await runLines(target, mistake.lines, MISTAKES_DIR, { log });
  const failing = await captureWhen(target, spec, (r) => showsMistake(r, mistake), `step ${mistake.step} explained`);
  await resetExercise(target, spec, log);
  await solveExercise(target, spec, log);
  const passing = await captureWhen(target, spec, (r) => r.done, 'every step passed');
  return { start, failing, passing };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const state = readState();
  if (!state?.kubectlPath || !state.kubeconfigPath) {
    console.error('No lab is running: npm run lab:up first.');
    process.exit(1);
  }
  const target = { kubectlPath: state.kubectlPath, kubeconfigPath: state.kubeconfigPath };
  const only = process.argv.slice(2);
  const specs = (await loadExerciseSpecs(RESOURCES_DIR)).filter((s) => only.length === 0 || only.includes(s.id));
  for (const spec of specs) {
    console.error(`--- ${spec.number} ${spec.id}`);
    const captured = await captureExercise(target, spec, () => undefined);
    writeFileSync(join(TESTDATA, `${spec.id}.json`), fixtureJson(spec.id, captured));
  }
}
