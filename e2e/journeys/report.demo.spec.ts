/**
 * Journey: an engineer in the browser version hands findings on. From the demo's top bar, the Report menu saves
 * an HTML report (one page, no script) and a Markdown one in Russian, exports the cluster's snapshot, and the
 * exported snapshot opens again as a cluster of its own. At 1280x720 and 1440x900 the menu stays in the window.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectInsideWindow, SCREENS } from './support/layout';

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8'), download };
}

test('save a report, export the snapshot, open that snapshot again', async ({ app, demoHost, page, shot }) => {
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  const menu = page.getByTestId('report-menu');
  await menu.locator('summary').click();
  await expect(page.getByTestId('report-save')).toBeVisible();

  for (const screen of SCREENS) {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await expectInsideWindow(page, menu.locator('.report-menu-panel'), `the report menu at ${screen.name}`);
    await shot(`report-menu-${screen.name}-en`);
  }

  await test.step('an HTML report: one page, no script, the demo findings with their lessons', async () => {
    const html = await saved(page, () => page.getByTestId('report-save').click());
    expect(html.name).toMatch(/^kse-report-.+\.html$/);
    expect(html.text).toMatch(/^<!doctype html>/);
    expect(html.text).not.toMatch(/<script|<link|src=/i);
    expect(html.text).toContain('Storage report');
    expect(html.text).toContain('missing-class');
    expect(html.text).toContain('id="lesson-');
    await expect(page.getByTestId('report-message')).toContainText(html.name);
  });

  await test.step('a Markdown report in Russian', async () => {
    await app.setUiLanguage('ru');
    if (!(await menu.evaluate((el) => el.hasAttribute('open')))) await menu.locator('summary').click();
    await page.getByTestId('report-format').selectOption('markdown');
    // The panel still hangs under its button, which moved with the Russian widths.
    const [button, panel] = await Promise.all([menu.locator('summary').boundingBox(), menu.locator('.report-menu-panel').boundingBox()]);
    expect(Math.abs((button?.x ?? 0) + (button?.width ?? 0) - ((panel?.x ?? 0) + (panel?.width ?? 0)))).toBeLessThan(2);
    await shot('report-menu-ru');
    const md = await saved(page, () => page.getByTestId('report-save').click());
    expect(md.name).toMatch(/\.md$/);
    expect(md.text).toContain('# Отчёт о хранилище');
    expect(md.text).toContain('## Проблемы');
  });

  const snapshot = await test.step('the snapshot export, the same file as kse snapshot', async () => {
    const file = await saved(page, () => page.getByTestId('snapshot-export').click());
    expect(file.name).toMatch(/^kse-.+\.json$/);
    const parsed = JSON.parse(file.text) as { format: string; kinds: { persistentvolumeclaims: { items: { metadata: { name: string } }[] } } };
    expect(parsed.format).toBe('kse-snapshot');
    expect(parsed.kinds.persistentvolumeclaims.items.map((c) => c.metadata.name)).toContain('missing-class');
    return file;
  });

  await test.step('the exported snapshot opens again', async () => {
    await page.getByTestId('snapshot-file-input').setInputFiles({ name: snapshot.name, mimeType: 'application/json', buffer: Buffer.from(snapshot.text) });
    await expect(page.getByTestId('snapshot-message')).toContainText(snapshot.name);
    await expect(app.pane).toHaveAttribute('data-cluster-id', /^file:/, { timeout: 60_000 });
  });
});
