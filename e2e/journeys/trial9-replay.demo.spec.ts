/**
 * The ninth fresh-user trial of issue 8, defect 2: a student reading the demo saw claims vanish and appear, because
 * the replay started playing on its own. The demo now opens at its final state, still, with its position shown
 * («1:15 из 1:15»); nothing moves until the student restarts it. At 1280x720 in ru.
 */
import { expect, test } from './support/fixtures';

test('trial 9 / 2: the demo opens at its final state and stays still until restarted, at 1280x720 in ru', async ({ app, freshDemoHost, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', 'ru'));
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  const replay = app.statusStrip.getByTestId('replay');
  await expect(replay).toHaveAttribute('data-ended', 'true');
  await expect(replay).toHaveAttribute('data-playing', 'false');
  await expect(replay).toHaveAttribute('data-loop', 'false');
  await expect(replay.getByTestId('replay-state')).toHaveText('Запись закончилась: итоговое состояние');
  const position = replay.getByTestId('replay-position');
  await expect(position).toHaveText(/^(\d:\d\d) из \1$/);
  const claims = await app.showTable('claims');
  await expect(claims.row('lab-dynamic', 'reports')).toBeVisible();
  const rows = await claims.rows.count();
  const at = await position.textContent();
  await page.waitForTimeout(3000); // a still replay must not move: there is nothing to wait for but time
  await expect(position).toHaveText(at ?? '');
  await expect(claims.rows).toHaveCount(rows);
  // Restart plays it from the beginning, in the user's hands.
  await replay.getByTestId('replay-restart').click();
  await expect(replay).toHaveAttribute('data-playing', 'true');
  await expect(position).toContainText(/^0:0\d из /);
});

test('trial 9 / 3: on the demo, exercises it cannot show say they need a live cluster and how to get one, at 1280x720 in ru', async ({ app, demoHost, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', 'ru'));
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  await app.show('exercises');
  const ex = app.exercises;
  // The demo records exercise 3 being done: it stays, observed as recorded.
  await expect(ex.item('memory-emptydir')).toHaveAttribute('data-mode', 'observed');
  // Exercise 5 needs objects the student creates: nothing of it is in the recording.
  const item = ex.item('static-binding');
  await expect(item).toHaveAttribute('data-mode', 'needs-live');
  await expect(item).toContainText('Нужен настоящий кластер');
  await item.click();
  const needs = ex.exercise.getByTestId('exercise-needs-live');
  await expect(needs).toContainText('Демо-запись только для чтения');
  await expect(needs.locator('pre')).toContainText('npm run -s lab:up');
  await expect(needs.locator('pre')).toContainText('npm run lab -- exercise 5');
  await expect(needs).toContainText('lab-admin');
  // No verdict that could never change here.
  await expect(ex.exercise.getByTestId('step-state')).toHaveCount(0);
});
