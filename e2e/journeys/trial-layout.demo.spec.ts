/**
 * Nothing cut off, at 1280x720 in Russian (the longest words on the smallest screen) and 1440x900 in English
 * (trial of issue 8, defects 4, 5, 10, 13, 14, 15, 18, 19): every details tab, every view of a narrow pane and
 * every nav label visible on one line; the status summary whole (and in a tooltip); the graph's list of broken
 * links beside, not over, its nodes, its chips and namespace select whole; findings chips whole and verdict chips
 * pills in table rows; no empty overview chips.
 */
import type { Locator, Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { REPO_ROOT } from './support/web-host';

/** Elements whose text is cut (their content is wider than their box), by text. */
function cutTexts(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''));
}

/** Children of `container` that reach outside it horizontally, by text. */
function outside(container: Locator, children: string): Promise<string[]> {
  return container.evaluate((c, sel) => {
    const box = c.getBoundingClientRect();
    return Array.from(c.querySelectorAll(sel))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.width === 0;
      })
      .map((e) => e.textContent ?? '');
  }, children);
}

async function useLanguage(page: Page, lang: 'en' | 'ru'): Promise<void> {
  await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', l), lang);
}

for (const [width, height, lang] of [[1280, 720, 'ru'], [1440, 900, 'en']] as const) {
  test(`nothing is cut off at ${width}x${height} in ${lang}`, async ({ app, demoHost, page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height });
    await useLanguage(page, lang);
    await app.open(demoHost.url);
    await app.waitForCluster('demo');

    // 19: the overview shows no "0" chips; 18: nav labels on one line, inside the nav.
    await app.show('overview');
    await expect(app.overview.problems).toBeVisible();
    expect(await app.overview.problems.locator('.card-title .chip').allTextContents()).not.toContain('0');
    const nav = app.pane.locator('.view-nav');
    for (const item of await nav.locator('.nav-item').all()) expect((await item.boundingBox())!.height, `${await item.textContent()} on one line`).toBeLessThan(30);
    expect(await outside(nav, '.nav-item')).toEqual([]);
    expect(await cutTexts(nav.locator('.nav-item'))).toEqual([]);

    // 10: the status summary is whole and has a tooltip.
    const summary = page.getByTestId('sync-summary');
    await expect(summary).toHaveAttribute('title', /\S/);
    expect(await cutTexts(summary)).toEqual([]);

    // 14, 15: the findings chips are whole; verdict chips are pills, not row-high slabs.
    const classes = await app.showTable('classes');
    await expect(classes.rows.first()).toBeVisible();
    expect(await cutTexts(classes.grid.locator('.chip-label'))).toEqual([]);
    const verdicts = await classes.grid.locator('[data-testid="table-row"] .verdict').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(verdicts.length).toBeGreaterThan(0);
    for (const h of verdicts) expect(h).toBeLessThanOrEqual(20);

    // 4: every details tab of a pod is inside the panel.
    const pods = await app.showTable('pods');
    await pods.open('lab-init', 'prepare-data');
    await expect(app.details.root).toBeVisible();
    expect(await outside(app.details.root, '[role="tab"]')).toEqual([]);

    // 13: the graph's broken links sit beside the nodes, never over them; chips and the namespace select whole.
    await app.details.close.click();
    await app.show('graph');
    await app.graph.namespaceSelect.selectOption('lab-stuck');
    await expect(app.graph.nodes.first()).toBeVisible();
    const box = (await page.getByTestId('graph-broken-box').boundingBox())!;
    for (const node of await app.graph.nodes.all()) {
      const n = (await node.boundingBox())!;
      const overlaps = n.x < box.x + box.width && n.x + n.width > box.x && n.y < box.y + box.height && n.y + n.height > box.y;
      expect(overlaps, `${await node.getAttribute('data-name')} under the broken links`).toBe(false);
    }
    await page.getByTestId('graph-broken-toggle').click();
    await expect(page.getByTestId('graph-broken-links')).toBeHidden();
    expect(await cutTexts(page.locator('.storage-node .verdict'))).toEqual([]);
    await app.graph.namespaceSelect.selectOption('');
    expect(await app.graph.namespaceSelect.evaluate((s) => s.scrollWidth <= s.clientWidth + 1)).toBe(true);

    // 5: side by side, every view of each pane is inside its pane.
    await page.getByTestId('snapshot-file-input').setInputFiles(join(REPO_ROOT, 'resources', 'demo', 'demo.json'));
    await expect(page.getByTestId('cluster-tab')).toHaveCount(2);
    await page.getByTestId('split-toggle').click();
    for (const pane of [page.getByTestId('pane-0'), page.getByTestId('pane-1')]) {
      await expect(pane.getByTestId('nav-overview')).toBeVisible({ timeout: 60_000 });
      expect(await outside(pane, '.view-nav .nav-item')).toEqual([]);
    }
  });
}
