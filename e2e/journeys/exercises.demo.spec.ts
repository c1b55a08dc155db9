/**
 * Issue 16, the Exercises view on the built-in demo, in Russian: the demo recording starts with exercise 3 (an
 * emptyDir in memory with a size limit) half done, as a student's first try leaves it on the lab (the pod runs in
 * memory without a size limit), and finishes it with the official solution near the end of the recording
 * (scripts/record-demo-actions.ts). The student opens Exercises, reads which steps are done and why the size-limit
 * step is not, asks for a hint, and watches the step tick when the cluster changes; then the view is checked at
 * both screen sizes, light and dark, with the Russian text scan.
 */
import { expect, saveScreenshot, test } from './support/fixtures';
import { expectInsideWindow, expectNoDocumentScroll, SCREENS } from './support/layout';
import { describeFindings, scanForEnglish } from './support/text-scan';

test('a student opens Exercises in Russian, reads why a step is not done, takes a hint and sees the step tick live', async ({ app, freshDemoHost, page, shot }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  // The recording from its start, held there: the first try stays on screen however long the steps below take.
  const replay = app.pane.getByTestId('replay');
  await replay.getByTestId('replay-restart').click();
  await replay.getByTestId('replay-pause').click();
  await expect(replay).toHaveAttribute('data-playing', 'false');
  await app.setUiLanguage('ru');

  await expect(app.nav('exercises')).toHaveText('Упражнения');
  await app.show('exercises');
  const ex = app.exercises;
  await expect(ex.item('memory-emptydir')).toContainText('emptyDir');
  await ex.item('memory-emptydir').click();
  await expect(ex.exercise).toHaveAttribute('data-exercise', 'memory-emptydir');
  expect(app.viewHash()).toContain('ex=memory-emptydir');

  // Half done: the pod runs with its emptyDir in memory, but without a size limit.
  await expect(ex.stepState('memory')).toHaveText('Выполнен');
  await expect(ex.step('memory')).toHaveAttribute('data-state', 'passed');
  await expect(ex.stepState('size-limit')).toHaveText('Ещё нет');
  await expect(ex.explanation('size-limit')).toContainText('У emptyDir cache нет sizeLimit');
  await expect(ex.item('memory-emptydir')).toContainText('2 из 3 шагов');
  await shot('exercises-ru-1280x720-half-done');

  // The step names the pod: its details open beside the exercise, which stays in view.
  await ex.step('size-limit').getByTestId('object-link').first().click();
  await expect(app.details.title).toContainText('cache');
  await expect(ex.exercise).toBeVisible();
  await app.details.close.click();
  await expect(app.details.title).toHaveCount(0);

  // A hint, on demand: none is shown before the student asks.
  await expect(ex.hints.getByTestId('exercise-hint')).toHaveCount(0);
  await ex.hints.getByTestId('show-hint').click();
  await expect(ex.hints.getByTestId('exercise-hint')).toHaveCount(1);
  await expect(ex.hints.getByTestId('exercise-hint').first()).not.toBeEmpty();
  await expect(ex.solution.getByTestId('solution-body')).toHaveCount(0);

  // Played on, the recording applies the official solution (as the student would with kubectl): the step ticks by itself.
  await replay.getByTestId('replay-play').click();
  await expect(ex.step('size-limit')).toHaveAttribute('data-state', 'passed', { timeout: 120_000 });
  await expect(ex.exercise.getByTestId('exercise-all-done')).toContainText('Все шаги выполнены');
  await expect(ex.item('memory-emptydir')).toHaveAttribute('data-done', 'true');
  await shot('exercises-ru-1280x720-done');
});

for (const screen of SCREENS) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the Exercises view holds up in Russian at ${screen.name}, ${theme}`, async ({ app, demoHost, page }, testInfo) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await app.open(demoHost.url);
      await app.waitForCluster('demo');
      await app.setUiLanguage('ru');
      await page.getByTestId('ui-theme').selectOption(theme);
      await app.show('exercises');
      const ex = app.exercises;
      await ex.item('memory-emptydir').click();
      await expect(ex.step('memory')).toHaveAttribute('data-state', 'passed');
      await ex.hints.getByTestId('show-hint').click();
      await ex.solution.getByTestId('show-solution').click();
      await expect(ex.solution.getByTestId('solution-body')).toBeVisible();

      await expectNoDocumentScroll(page);
      await expectInsideWindow(page, ex.list, 'the exercise list');
      await expectInsideWindow(page, ex.exercise, 'the exercise');
      await expectInsideWindow(page, ex.step('size-limit').getByTestId('step-state'), 'the state of step size-limit');
      // Every exercise's title and progress are whole in the list (it scrolls on its own, it never cuts).
      const items = ex.list.getByTestId('exercise-item');
      await expect(items).toHaveCount(10);
      for (const item of await items.all()) {
        const cut = await item.evaluate((el) => [...el.querySelectorAll<HTMLElement>('.exercise-item-title, .exercise-item-progress')].some((s) => s.scrollWidth > s.clientWidth + 1));
        expect(cut, `${await item.textContent()} is cut`).toBe(false);
      }
      await expect(page.getByTestId('state-loading')).toHaveCount(0);
      const found = await scanForEnglish(page, 'exercises');
      expect(found, describeFindings(found)).toEqual([]);
      await saveScreenshot(page, testInfo, `exercises-ru-${screen.name}-${theme}`);
    });
  }
}
