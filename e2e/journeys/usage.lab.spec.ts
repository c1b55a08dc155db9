/**
 * Journey: how full each volume is, on the lab, in Russian at 1280x720. The Claims table shows Use % with its bar
 * for the seeded nearly full claim (lab-usage/logs, 900 of 1024 MiB, read by the app from the kubelet stats through
 * the real API server's node proxy); filled further with kubectl, the bar follows without a reload; its details
 * show the inodes and the usage chart (uPlot) over the history the app kept. The Findings column stays on screen
 * with the details panel open. The cluster list is folded to icons so that Use % has room at 1280.
 */
import { expect, test } from './support/fixtures';

test('usage bars and the usage chart, in Russian at 1280x720', async ({ app, lab, labHost, page, shot }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open(labHost.url);
  await app.showCluster('ctx:lab-admin');
  await app.setUiLanguage('ru');
  // At 1280 with the cluster list open, Use % gives way to Class and Requested (the Columns menu says so; the
  // trial4-words journey checks that). Folding the cluster list to icons gives it room, as a user would.
  await page.getByTestId('sidebar-toggle').click();
  await expect(page.getByTestId('cluster-list')).toHaveAttribute('data-collapsed', 'true');
  const claims = await app.showTable('claims');
  await claims.searchFor('logs');
  const row = claims.row('lab-usage', 'logs');
  await expect(row).toBeVisible({ timeout: 60_000 });

  const bar = row.locator('[data-column="usePercent"] [data-testid="usage-bar"]');
  // The first poll answers within the interval (30 s by default); the usage columns appear with the first usage.
  await expect(bar).toHaveAttribute('data-percent', '87', { timeout: 60_000 });
  await expect(claims.header('usePercent')).toContainText('Заполнено');
  await expect(bar).toHaveAttribute('data-tone', 'warning');
  // The value is text (what is read aloud): the percent through Intl in Russian, with a no-break space.
  await expect(bar.locator('.usage-text')).toHaveText('87\u00a0%');
  await shot('usage-claims-ru-1280');

  // Filled further with kubectl: the next poll moves the bar, no reload.
  await page.evaluate(() => Object.assign(globalThis, { __kseNoReload: true }));
  const filled = await lab.kubectl(['-n', 'lab-usage', 'annotate', 'pvc', 'logs', 'lab.kse.dev/used-bytes=1000Mi', '--overwrite']);
  expect(filled.code, filled.stderr).toBe(0);
  try {
    await expect(bar).toHaveAttribute('data-percent', '97', { timeout: 90_000 });
    await expect(bar).toHaveAttribute('data-tone', 'problem');
    // The row's Findings chip counts the usage finding.
    await expect(row.locator('[data-column="badge"] [data-testid="severity-chip"]')).toHaveAttribute('data-severity', 'problem', { timeout: 30_000 });
    expect(await page.evaluate(() => (globalThis as { __kseNoReload?: boolean }).__kseNoReload)).toBe(true);

    await claims.open('lab-usage', 'logs');
    const usage = app.details.root.getByTestId('claim-usage');
    await expect(usage).toBeVisible();
    await expect(usage.getByRole('heading', { name: 'Заполнение' })).toBeVisible();
    await expect(usage.locator('[data-field="inodes"] dd')).toHaveText(/^\d+\u00a0%$/);
    await expect(usage.locator('[data-field="use"] [data-testid="usage-bar"]')).toHaveAttribute('data-percent', '97');
    // The chart: at least two measurements kept (a poll every 30 s), drawn on a canvas, told in words.
    const chart = usage.getByTestId('usage-chart');
    await expect.poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
    await expect(chart.locator('canvas')).toHaveCount(1);
    const box = await chart.locator('canvas').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(150);
    await expect(usage.getByTestId('usage-chart-caption')).toContainText('Занято за ');
    // Findings stays visible at 1280 with the details panel open.
    await expect(claims.header('badge')).toBeVisible();
    await chart.scrollIntoViewIfNeeded();
    await shot('usage-claim-details-ru-1280');
  } finally {
    await lab.kubectl(['-n', 'lab-usage', 'annotate', 'pvc', 'logs', 'lab.kse.dev/used-bytes=900Mi', '--overwrite']);
  }
});
