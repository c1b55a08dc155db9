/**
 * Journey (trial 5 of issue 8): a cluster the app cannot read never looks healthy, its connection problem reads
 * in Russian, and a namespace-limited user's status strip stays one row. On the lab's kubeconfig plus a context
 * whose API server port is closed (nothing listens: refused at once), in Russian at 1280x720:
 * - the dead context's Overview says there is no data and why («никто не отвечает»), never «Проблем не найдено»;
 *   its tables say the cluster cannot be reached; its strip says so in Russian; the Russian scan is clean;
 * - lab-student (may not read several kinds) gets one «нет прав» chip with a count, and the strip is one row
 *   inside the window.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freePort } from '../cluster/lab';
import { expect, test } from './support/fixtures';
import { expectInsideWindow, expectNoDocumentScroll } from './support/layout';
import { describeFindings, scanForEnglish } from './support/text-scan';
import { startWebHost } from './support/web-host';

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
}

test('an unreachable cluster says it has no data and why, in Russian; lab-student keeps a one-row strip', async ({ app, lab, page, shot }, testInfo) => {
  test.setTimeout(240_000);
  // The lab's kubeconfig (lab-admin, lab-student) plus lab-down, pointing at a port nothing listens on.
  const config = parse(await readFile(lab.kubeconfigPath, 'utf8')) as Kubeconfig;
  const server = `https://127.0.0.1:${await freePort()}`;
  config.clusters.push({ name: 'lab-down', cluster: { server, 'insecure-skip-tls-verify': true } });
  config.users.push({ name: 'lab-down', user: { token: 'unused' } });
  config.contexts.push({ name: 'lab-down', context: { cluster: 'lab-down', user: 'lab-down' } });
  const kubeconfig = join(testInfo.outputDir, 'kubeconfig-with-dead-context.yaml');
  await mkdir(testInfo.outputDir, { recursive: true });
  await writeFile(kubeconfig, stringify(config), { mode: 0o600 });
  const host = await startWebHost({ kubeconfig });
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open(host.url);
    await app.setUiLanguage('ru');

    await test.step('the dead context: no data, and why, in Russian', async () => {
      await app.clusterItem('ctx:lab-down').click();
      await expect(app.pane).toHaveAttribute('data-cluster-id', 'ctx:lab-down', { timeout: 60_000 });
      const noData = app.pane.getByTestId('overview-no-data');
      await expect(noData).toHaveAttribute('data-why', 'unreachable', { timeout: 60_000 });
      await expect(noData).toContainText('Данных нет: кластер недоступен.');
      await expect(noData.getByTestId('connection-problem')).toHaveAttribute('data-failure', 'refused');
      await expect(noData).toContainText(`По адресу ${server} никто не отвечает`);
      await expect(app.pane.getByTestId('overview-problems')).toHaveCount(0);
      await expect(app.pane.getByText('Проблем не найдено', { exact: false })).toHaveCount(0);
      await expect(app.statusStrip.getByTestId('sync-summary')).toContainText('Данных нет: кластер недоступен.');
      await expect(app.statusStrip).not.toContainText('Cannot reach');
      // Thirteen kinds never listed: one chip, not a row of «не запущено».
      await expect(app.statusStrip.getByTestId('attention-chips').locator('li')).toHaveCount(1);
      // Counts beside the tables are unknown, not 0.
      await expect(app.pane.getByTestId('nav-claims').locator('.nav-count')).toHaveText('…');
      expect(describeFindings(await scanForEnglish(page, 'lab-down overview'))).toBe('');
      await expectNoDocumentScroll(page);
      await shot('not-synced-overview-ru-1280');
    });

    await test.step('its tables say the cluster cannot be reached, not "still reading" nor "none"', async () => {
      await app.pane.getByTestId('nav-claims').click();
      const empty = app.pane.getByTestId('table-empty');
      await expect(empty).toHaveAttribute('data-reason', 'unavailable');
      await expect(empty).toContainText('данных нет, кластер недоступен.');
      await expect(empty).toContainText('никто не отвечает');
      expect(describeFindings(await scanForEnglish(page, 'lab-down claims'))).toBe('');
      await shot('not-synced-claims-ru-1280');
    });

    await test.step('lab-student: the «нет прав» kinds are one chip, and the strip is one row in the window', async () => {
      await app.showCluster('ctx:lab-student');
      const chip = app.statusStrip.getByTestId('folded-chip-forbidden');
      await expect(chip).toBeVisible();
      await expect(chip).toHaveText(/^нет прав: \d+ вид(а|ов)?$/u);
      const kinds = ((await chip.getAttribute('data-kinds')) ?? '').split(' ');
      expect(kinds.length).toBeGreaterThan(1);
      for (const kind of kinds) await expect(app.statusStrip.getByTestId(`kind-status-${kind}`)).toHaveAttribute('data-state', 'forbidden');
      await expectInsideWindow(page, chip, 'the folded «нет прав» chip');
      await expectInsideWindow(page, app.statusStrip.getByTestId('kinds-toggle'), 'the kinds menu');
      // One row: the strip is no taller than its one-line height, and every chip sits on it.
      const strip = await app.statusStrip.boundingBox();
      const chipBox = await chip.boundingBox();
      expect(strip && chipBox && chipBox.y + chipBox.height <= strip.y + strip.height + 0.5).toBe(true);
      expect(describeFindings(await scanForEnglish(page, 'lab-student overview'))).toBe('');
      await expectNoDocumentScroll(page);
      await shot('not-synced-student-strip-ru-1280');
    });
  } finally {
    await host.stop();
  }
});
