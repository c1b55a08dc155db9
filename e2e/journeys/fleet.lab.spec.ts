/**
 * Journey (issue 18): an engineer with several contexts sees on one screen which cluster's storage needs
 * attention, and hands a colleague a report. On the lab's kubeconfig (lab-admin, and lab-student who may read
 * only some kinds), in Russian at 1280x720: the fleet lists both contexts as not watched (none contacted), then
 * watches both; lab-admin, with the seeded stuck claims, comes first with its true counts; opening it shows its
 * problems; a report is saved and the snapshot exported and opened again. A host of its own, so the watched
 * contexts it remembers touch no other journey.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectNoDocumentScroll } from './support/layout';
import { startWebHost } from './support/web-host';

async function saved(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; download: Download }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8'), download };
}

test('the fleet: watch both lab contexts, the worst first with its counts, open it, save a report, export and reopen a snapshot', async ({ app, lab, page, shot }) => {
  test.setTimeout(300_000);
  const host = await startWebHost({ kubeconfig: lab.kubeconfigPath });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open(host.url);
    await app.setUiLanguage('ru');
    await page.getByTestId('fleet-item').click();
    const fleet = page.getByTestId('fleet-view');
    await expect(fleet).toBeVisible();
    await expect(fleet.getByRole('heading', { name: 'Все кластеры' })).toBeVisible();
    const row = (context: string) => fleet.locator(`[data-testid="fleet-row"][data-cluster-id="ctx:${context}"]`);

    await test.step('nothing is watched until chosen', async () => {
      // The host opened the kubeconfig's current context by itself (as before the fleet); lab-student was never
      // contacted and is not watched.
      await expect(row('lab-student')).toHaveAttribute('data-state', 'not-watched');
      await expect(row('lab-student').getByTestId('fleet-watch')).not.toBeChecked();
      await expect(row('lab-student').getByTestId('fleet-state')).toHaveText('не отслеживается');
    });

    await test.step('watch both: each syncs, lab-admin first with its stuck claims', async () => {
      await fleet.getByTestId('fleet-watch-all').click();
      await expect(row('lab-admin')).toHaveAttribute('data-state', 'synced', { timeout: 90_000 });
      await expect(row('lab-student')).toHaveAttribute('data-state', 'synced', { timeout: 90_000 });
      await expect(row('lab-admin').getByTestId('fleet-state')).toHaveText('данные свежие');
      // The seeded scenarios leave claims Pending and problems (a missing class, a dead provisioner...).
      expect(Number(await row('lab-admin').locator('[data-column="problems"]').textContent())).toBeGreaterThan(0);
      expect(Number(await row('lab-admin').locator('[data-column="pending"]').textContent())).toBeGreaterThan(0);
      await expect(fleet.getByTestId('fleet-row').first()).toHaveAttribute('data-cluster-id', 'ctx:lab-admin');
      // Usage was not read by the fleet: unknown, a dash, not 0.
      await expect(row('lab-student').locator('[data-column="nearlyFull"]')).toHaveText('—');
      await expectNoDocumentScroll(page);
      await shot('fleet-ru-1280');
    });

    await test.step('the choice is remembered by the host', async () => {
      await page.reload();
      await page.getByTestId('fleet-item').click();
      await expect(row('lab-student').getByTestId('fleet-watch')).toBeChecked();
      await expect(row('lab-admin').getByTestId('fleet-watch')).toBeChecked();
    });

    await test.step('one click opens the worst cluster at its problems', async () => {
      await row('lab-admin').getByTestId('fleet-open').click();
      await app.waitForCluster('ctx:lab-admin');
      await expect(app.overview.problems).toBeVisible();
    });

    const snapshot = await test.step('a report and the snapshot to hand on', async () => {
      const menu = page.getByTestId('report-menu');
      await menu.locator('summary').click();
      const report = await saved(page, () => page.getByTestId('report-save').click());
      expect(report.name).toMatch(/^kse-report-.+\.html$/);
      expect(report.text).toContain('Отчёт о хранилище');
      expect(report.text).toContain('lab-admin');
      const file = await saved(page, () => page.getByTestId('snapshot-export').click());
      expect((JSON.parse(file.text) as { format: string }).format).toBe('kse-snapshot');
      return file;
    });

    await test.step('the exported snapshot opens again', async () => {
      await page.getByTestId('snapshot-file-input').setInputFiles({ name: snapshot.name, mimeType: 'application/json', buffer: Buffer.from(snapshot.text) });
      await expect(app.pane).toHaveAttribute('data-cluster-id', /^file:/, { timeout: 60_000 });
      await expect(app.overview.problems).toBeVisible();
    });

    await test.step('watching none closes what the fleet opened', async () => {
      await page.getByTestId('fleet-item').click();
      await fleet.getByTestId('fleet-watch-none').click();
      await expect(row('lab-student')).toHaveAttribute('data-state', 'not-watched');
    });
  } finally {
    await host.stop();
  }
});
