/**
 * The fifth fresh-user trial of issue 8 (notes: trial5-issue8.md), defect 14: while the demo plays, rows still
 * appeared mid-table with nothing saying so (lab-dynamic/reports showed up at row 2 between 0:05 and 0:23). A row
 * that arrives while the table is read is highlighted for a few seconds and announced politely, in the UI language;
 * the rows that were there at the first look are not marked, and the mark goes away.
 */
import { expect, test } from './support/fixtures';

test('14: a claim the replay creates is marked new and announced, at 1280x720 in ru', async ({ app, freshDemoHost, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', 'ru'));
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  const claims = await app.showTable('claims');
  await expect(claims.rows.first()).toBeVisible();
  // The demo opens at its final state, still (trial 9 defect 2): restart plays it from the snapshot, which has
  // no lab-dynamic/reports yet.
  await app.statusStrip.getByTestId('replay').getByTestId('replay-restart').click();
  const reports = claims.row('lab-dynamic', 'reports');
  // The first look marks nothing (unless the replay already created the claim before the table showed).
  if ((await reports.count()) === 0) await expect(claims.grid.locator('[data-new]')).toHaveCount(0);
  await expect(reports).toHaveAttribute('data-new', 'true', { timeout: 60_000 });
  await expect(reports).toHaveClass(/is-new/);
  const live = claims.grid.getByTestId('table-new-rows');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toContainText('Новая строка: lab-dynamic/reports');
  // Only the new row: the others keep their look.
  await expect(claims.grid.locator('[data-new="true"]')).toHaveCount(1);
  // A brief mark, not a permanent one.
  await expect(reports).not.toHaveAttribute('data-new', 'true', { timeout: 15_000 });
  await expect(live).toHaveText('');
});
