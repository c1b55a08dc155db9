/**
 * Browser journeys through the web host (`kse web`), in the system's Chromium (Playwright's own browser download
 * is not reachable here, and not needed). Run with `npm run test:e2e`.
 *
 * Projects: `demo` journeys run on the built-in demo recording (no kubeconfig at all); `lab` journeys run
 * against the real local control plane (e2e/cluster), started once per worker; `electron` runs the student
 * journey in the desktop window where an Electron binary is installed, and says why it is skipped elsewhere.
 * One worker: the machine has 2 cores shared with the control plane and other test processes.
 */
import { defineConfig } from '@playwright/test';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: './journeys',
  outputDir: '../test-results/playwright',
  globalSetup: './journeys/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // A slow, shared machine: generous limits, and one retry in CI so a noisy neighbour does not fail the run.
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['./journeys/support/summary-reporter.ts'], ['html', { outputFolder: '../test-results/playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.KSE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'demo', testMatch: /.*\.demo\.spec\.ts/ },
    { name: 'lab', testMatch: /.*\.lab\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
