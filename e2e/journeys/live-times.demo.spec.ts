/**
 * Times on the demo read on one clock (trial of issue 8, defects 11 and 12): a finding's evidence shows its
 * event's time live, in the same words as the Events tab, and a paused replay stops every age and "ago" on the
 * screen, not only its position. Pausing is one replay for every tab of the run (they show one cluster), so a
 * second tab learns of the pause too.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** The texts of a column's cells in the rows on screen. */
function columnTexts(grid: Locator, column: string): Promise<string[]> {
  return grid.locator(`[data-testid="table-row"] [role="gridcell"][data-column="${column}"]`).allTextContents();
}

test('evidence times are live and agree with the Events tab; a paused replay stops every age, in every tab', async ({ app, freshDemoHost, page }) => {
  // Wide enough for the claims table's Age column beside the demo's usage columns: this journey is about time.
  await page.setViewportSize({ width: 1680, height: 1000 });
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  const replay = app.statusStrip.getByTestId('replay');
  // The demo opens at its final state, still (trial 9 defect 2): this journey is about a playing replay.
  await replay.getByTestId('replay-restart').click();
  await expect(replay).toHaveAttribute('data-playing', 'true');

  const claims = await app.showTable('claims');
  await claims.row('lab-stuck', 'missing-class').click();
  await app.details.showTab('findings');
  const time = app.details.root.getByTestId('evidence-time').first();
  await expect(time).toBeVisible();
  // The event's time is a timestamp, shown live: the text moves on while the replay plays.
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  const first = await time.textContent();
  await expect.poll(() => time.textContent(), { message: 'the evidence time never moved', timeout: 90_000 }).not.toBe(first);

  // A second tab of the same browser shows the same replay, so it sees the pause as well.
  const other = await page.context().newPage();
  await other.goto(page.url());
  const otherReplay = other.getByTestId('pane-0').getByTestId('replay');
  await expect(otherReplay).toHaveAttribute('data-playing', 'true', { timeout: 60_000 });
  await replay.getByTestId('replay-pause').click();
  await expect(replay).toHaveAttribute('data-playing', 'false');
  await expect(otherReplay).toHaveAttribute('data-playing', 'false');
  await other.close();

  // Paused: the evidence and the Events tab say the same, and it stays said.
  const evidence = (await time.textContent()) ?? '';
  expect(evidence).not.toBe('');
  await app.details.showTab('events');
  const event = app.details.root.locator('[data-testid="event"][data-reason="ProvisioningFailed"]').first();
  await expect(event).toContainText(evidence);

  // Ages in the table stand still while the replay is paused: there is nothing to wait for but time.
  await app.details.close.click();
  const grid = app.table('claims').grid;
  const ages = await columnTexts(grid, 'age');
  // Some are seconds old, so a running clock would change them within the wait.
  expect(ages.some((a) => /^\d+\s?s$/.test(a.trim())), `ages in seconds among ${ages.join(', ')}`).toBe(true);
  await page.waitForTimeout(2500);
  expect(await columnTexts(grid, 'age')).toEqual(ages);
});
