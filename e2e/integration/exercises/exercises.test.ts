/**
 * The exercises on the real lab, read through the app's pipeline (live context -> reflectors -> ClusterStore ->
 * checkExercise): for each exercise, after a reset, the typical wrong attempt of mistakes.ts is made with kubectl
 * and its step must fail with the right explanation (and the diagnosis finding behind it, where one applies);
 * after another reset the official solution of exercise.yaml is run with kubectl and every step must pass.
 * Resets and solutions are the very shell lines `kse exercise start` prints and exercise.yaml holds, run by bash
 * with the lab's kubectl. `kse exercise check` is run as a process on a finished and an unfinished exercise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../cluster/lab';
import { resetExercise, RESOURCES_DIR, runLines, solveExercise, type KubectlTarget } from '../../cluster/exercise';
import { loadExerciseSpecs } from '../../../src/main/exercises/load';
import { checkExercise } from '../../../src/shared/exercises/check';
import type { ExerciseResult, ExerciseSpec } from '../../../src/shared/exercises/model';
import { plainText } from '../../../src/shared/verbatim';
import { kse, openLive, until, type LiveCluster } from '../diagnose/live';
import { MISTAKES_DIR, showsMistake } from './capture';
import { MISTAKES } from './mistakes';

const specs: ExerciseSpec[] = await loadExerciseSpecs(RESOURCES_DIR);
let lab: Lab;
let live: LiveCluster;
let target: KubectlTarget;

beforeAll(async () => {
  // Seeded: the exercises use the lab's classes (e2e/scenarios/00-classes).
  lab = await startLab({ seedScenarios: true, log: () => undefined });
  if (!lab.kubectlPath) throw new Error('kubectl was not built (npm run lab:build)');
  target = { kubectlPath: lab.kubectlPath, kubeconfigPath: lab.kubeconfigPath };
  live = await openLive(lab);
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

const check = (spec: ExerciseSpec): ExerciseResult => checkExercise(live.store, spec);
const describeSteps = (r: ExerciseResult) => r.steps.map((s) => `${s.step}: ${s.state} ${plainText(s.explanation.en)}`).join('\n');

describe.each(specs.map((s) => [`${s.number} ${s.id}`, s] as const))('exercise %s', (_, spec) => {
  const mistake = MISTAKES.find((m) => m.exercise === spec.id);

  it('explains the typical mistake by what the cluster shows', async () => {
    expect(mistake, `a typical mistake for ${spec.id} in mistakes.ts`).toBeDefined();
    if (!mistake) return;
    await resetExercise(target, spec);
    await runLines(target, mistake.lines, MISTAKES_DIR);
    const result = await until(`${spec.id}: step ${mistake.step} explained`, () => (showsMistake(check(spec), mistake) ? check(spec) : undefined), 90_000, () => describeSteps(check(spec)));
    const step = result.steps.find((s) => s.step === mistake.step);
    expect(step?.finding?.code).toBe(mistake.code);
    expect(result.done).toBe(false);
  });

  it('passes every step after the official solution', async () => {
    await resetExercise(target, spec);
    expect(check(spec).done, 'the starting state is not already done').toBe(false);
    await solveExercise(target, spec);
    const result = await until(`${spec.id}: every step passed`, () => (check(spec).done ? check(spec) : undefined), 90_000, () => describeSteps(check(spec)));
    expect(result.steps.map((s) => s.state)).toEqual(spec.steps.map(() => 'passed'));
  });
});

describe('kse exercise check', () => {
  it('exits 0 with every step passed on a finished exercise, 1 with the explanation on an unfinished one', async () => {
    const done = specs.find((s) => s.id === 'reclaim');
    const unfinished = specs.find((s) => s.id === 'static-binding');
    if (!done || !unfinished) throw new Error('exercises reclaim and static-binding are expected');
    // reclaim was solved last above; static-binding is reset to its starting state here.
    await until('reclaim still done', () => check(done).done, 30_000);
    const json = await kse(lab, ['exercise', 'check', String(done.number), '--context', 'lab-admin', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as ExerciseResult).steps.map((s) => s.state)).toEqual(['passed', 'passed', 'passed']);

    await resetExercise(target, unfinished);
    await until('static-binding claim seen', () => live.store.get('persistentvolumeclaims', 'reports', 'ex-static'), 30_000);
    const text = await kse(lab, ['exercise', 'check', String(unfinished.number), '--context', 'lab-admin', '--lang', 'ru']);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout).toContain('✗ 1. PersistentVolume `ex-static-pv` существует');
    expect(text.stdout).toContain('PersistentVolume ex-static-pv ещё нет.');
    expect(text.stdout).toContain('Заявка reports в состоянии Pending.');
  });
});
