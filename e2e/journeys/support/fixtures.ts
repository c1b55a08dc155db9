/**
 * Fixtures of the journeys. Worker-scoped, started only when a journey asks for them:
 * - `demoHost`: `kse web` with no kubeconfig at all, so it opens the built-in demo recording;
 * - `lab`: the real local control plane with the lesson scenarios (e2e/cluster), one per worker; with its CSI
 *   controller side (and so the 12-csi scenario) when a spec says `test.use({ labCsi: true })`;
 * - `labHost`: `kse web` with the lab's kubeconfig (contexts lab-admin and lab-student).
 * Test-scoped: `freshDemoHost` (a demo whose replay starts with the test), `app`, the page object of the whole window, and `shot(name)`, which saves a screenshot of a
 * main view to test-results/screenshots/<name>.png and attaches it to the report.
 */
import { test as base, type Page, type TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { startLab, type Lab } from '../../cluster/lab';
import { AppPage } from '../pages/app-page';
import { REPO_ROOT, startWebHost, type RunningWebHost } from './web-host';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

interface WorkerFixtures {
  /** Option: start the lab with its CSI controller side (LabOptions.csi); a worker of its own. */
  labCsi: boolean;
  demoHost: RunningWebHost;
  lab: Lab;
  labHost: RunningWebHost;
}

interface TestFixtures {
  /** A demo host of this test alone: its replay starts at the beginning of the recording when the test starts. */
  freshDemoHost: RunningWebHost;
  app: AppPage;
  shot(name: string): Promise<void>;
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  labCsi: [false, { option: true, scope: 'worker' }],
  demoHost: [
    async ({}, use) => {
      const host = await startWebHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  lab: [
    async ({ labCsi }, use) => {
      // A cold build of the control plane takes about 15 minutes; CI builds it before the tests (ci-prepare.sh).
      const lab = await startLab({ seedScenarios: true, csi: labCsi, log: (line) => process.stderr.write(`${line}\n`) });
      try {
        await use(lab);
      } finally {
        await lab.stop();
      }
    },
    { scope: 'worker', timeout: 20 * 60_000 },
  ],
  labHost: [
    async ({ lab }, use) => {
      const host = await startWebHost({ kubeconfig: lab.kubeconfigPath });
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  freshDemoHost: async ({}, use) => {
    const host = await startWebHost();
    await use(host);
    await host.stop();
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
  shot: async ({ page }, use, testInfo) => {
    await use((name) => saveScreenshot(page, testInfo, name));
  },
});

export { expect } from '@playwright/test';
