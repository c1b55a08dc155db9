/**
 * Journey (a) in the desktop window: Electron runs out/main with no kubeconfig, opens the demo, and the student
 * finds the Pending claim, reads why and opens the lesson in Russian.
 *
 * Runs only where the Electron binary is installed. The check reads node_modules/electron/path.txt and looks
 * for the binary on disk instead of calling require('electron'): that require tries to download the binary when
 * it is missing, which this machine cannot do. Elsewhere the test is skipped with the reason in the output.
 */
import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './pages/app-page';
import { expect, saveScreenshot, test } from './support/fixtures';
import { REPO_ROOT } from './support/web-host';

/** The installed Electron executable, or undefined when the package's binary was never downloaded. */
export function installedElectron(): string | undefined {
  const packageDir = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const executable = join(dist, relative);
  return existsSync(executable) ? executable : undefined;
}

const executable = installedElectron();

test('a student finds the Pending claim in the desktop app and opens the lesson in Russian', async ({}, testInfo) => {
  test.skip(!executable, 'Electron binary not installed: it cannot be downloaded on this machine');
  const home = mkdtempSync(join(tmpdir(), 'kse-e2e-electron-home-'));
  const app = await electron.launch({
    executablePath: executable!,
    args: [join(REPO_ROOT, 'out', 'main', 'index.js'), '--no-sandbox', '--disable-gpu'],
    // No kubeconfig: the app opens the built-in demo by itself.
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), KUBECONFIG: '' },
  });
  try {
    const window = await app.firstWindow();
    const ui = new AppPage(window);
    await ui.waitForCluster('demo');
    await ui.overview.phaseCount('claims', 'Pending').click();
    const claims = ui.table('claims');
    await expect(claims.row('lab-stuck', 'missing-class')).toBeVisible();
    await claims.open('lab-stuck', 'missing-class');
    await ui.details.showTab('findings');
    const finding = ui.details.finding('claim.class-missing');
    await expect(ui.details.cause(finding)).toContainText('does not exist');
    await ui.setUiLanguage('ru');
    await ui.details.learnLink(finding).click();
    await expect(ui.lesson.root).toHaveAttribute('data-lang', 'ru');
    await expect(ui.lesson.currentSection).toHaveAttribute('data-anchor', 'storage-class');
    await saveScreenshot(window, testInfo, 'electron-lesson-ru');
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
