/**
 * Issue 16, the proof on the lab: a student, in Russian, starts exercise 5 (a static PV and a claim that bind to
 * each other), makes the typical mistake with kubectl (a volume smaller than the claim asks for), reads in the
 * Exercises view why the step is not done, fixes it with the official solution and sees every step pass, live,
 * without a reload. The app only watches: the lab's kubectl does the writing, as the student's terminal would.
 */
import { resetExercise, RESOURCES_DIR, runLines, solveExercise, type KubectlTarget } from '../cluster/exercise';
import { MISTAKES_DIR } from '../integration/exercises/capture';
import { MISTAKES } from '../integration/exercises/mistakes';
import { findExercise, loadExerciseSpecs } from '../../src/main/exercises/load';
import { expect, test } from './support/fixtures';
import { describeFindings, scanForEnglish } from './support/text-scan';

test('a student starts an exercise, makes a mistake, reads why in Russian, fixes it and sees it pass', async ({ app, lab, labHost, page, shot }) => {
  test.setTimeout(360_000);
  if (!lab.kubectlPath) throw new Error('kubectl was not built (npm run lab:build)');
  const target: KubectlTarget = { kubectlPath: lab.kubectlPath, kubeconfigPath: lab.kubeconfigPath };
  const spec = findExercise(await loadExerciseSpecs(RESOURCES_DIR), 'static-binding');
  if (!spec) throw new Error('exercise static-binding is missing from resources/exercises');
  const mistake = MISTAKES.find((m) => m.exercise === spec.id);
  if (!mistake) throw new Error('no typical mistake for static-binding in mistakes.ts');

  // The student's terminal: the starting state (what `kse exercise start 5` prints), then the wrong attempt.
  await resetExercise(target, spec);

  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open(labHost.url);
  await app.showCluster('ctx:lab-admin');
  await app.setUiLanguage('ru');
  await app.show('exercises');
  const ex = app.exercises;
  await ex.item('static-binding').click();
  await expect(ex.exercise).toHaveAttribute('data-exercise', 'static-binding');
  // Nothing done yet: neither step passes on the starting state.
  await expect(ex.step('bound')).toHaveAttribute('data-state', 'failed');
  await page.evaluate(() => Object.assign(globalThis, { __kseNoReload: true }));

  await runLines(target, mistake.lines, MISTAKES_DIR);
  // The volume step explains the mistake by what the cluster shows: the PV is smaller than the claim asks for.
  await expect(ex.explanation(mistake.step)).toHaveText(mistake.ru, { timeout: 90_000 });
  await expect(ex.step(mistake.step)).toHaveAttribute('data-state', 'failed');
  await expect(ex.stepState(mistake.step)).toHaveText('Ещё нет');
  await shot('exercises-lab-ru-mistake');
  const english = await scanForEnglish(page, 'exercises on the lab');
  expect(english, describeFindings(english)).toEqual([]);

  // The fix, as the solution on request gives it; every step ticks by itself.
  await ex.solution.getByTestId('show-solution').click();
  await expect(ex.solution.getByTestId('solution-body')).toBeVisible();
  await solveExercise(target, spec);
  for (const step of spec.steps) await expect(ex.step(step)).toHaveAttribute('data-state', 'passed', { timeout: 120_000 });
  await expect(ex.exercise.getByTestId('exercise-all-done')).toContainText('Все шаги выполнены');
  await expect(ex.item('static-binding')).toHaveAttribute('data-done', 'true');
  await shot('exercises-lab-ru-done');
  expect(await page.evaluate(() => (globalThis as { __kseNoReload?: boolean }).__kseNoReload)).toBe(true);
});
