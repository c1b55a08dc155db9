/**
 * The Russian text scan on the demo: with the UI in Russian, every view (overview, each table, the details tabs
 * of a claim, a pod, a volume, a class, a provisioner and a node, the graph, the lessons) is visited at each
 * screen size, every text a person sees is collected, and English words outside Kubernetes identifiers fail the
 * journey (support/text-scan.ts), and so do internal tokens: rule ids shown as text and evidence sources that are words
 * rather than field paths (internalTokens). Cluster-sourced text is marked translate="no" and skipped by the word check. Each view is
 * saved as test-results/screenshots/ru-<size>-<view>.png.
 */
import type { Page } from '@playwright/test';
import type { AppPage, TableView } from './pages/app-page';
import { expect, saveScreenshot, test } from './support/fixtures';
import { SCREENS } from './support/layout';
import { describeFindings, scanForEnglish, type EnglishFound } from './support/text-scan';

const TABLES: TableView[] = ['claims', 'volumes', 'classes', 'provisioners', 'pods', 'snapshots', 'nodes', 'events'];

/** Objects of the demo whose details are read, by table: each kind of details panel once. */
const DETAILS: { table: TableView; namespace?: string; name: string }[] = [
  { table: 'claims', namespace: 'lab-stuck', name: 'missing-class' },
  { table: 'pods', namespace: 'lab-init', name: 'prepare-data' },
  { table: 'classes', name: 'lab-absent-provisioner' },
  { table: 'provisioners', name: 'storage.example.com/absent' },
  // Trial 10: a CSI driver's and an in-tree plugin's Summary said «(sidecar external-provisioner)» and «(часть
  // control plane)»; each kind of provisioner is read once.
  { table: 'provisioners', name: 'hostpath.lab.kse.dev' },
  { table: 'provisioners', name: 'kubernetes.io/host-path' },
  { table: 'nodes', name: 'lab-node-a1' },
];

for (const screen of SCREENS) {
  test(`every view reads in Russian at ${screen.name}`, async ({ app, demoHost, page }, testInfo) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await app.open(demoHost.url);
    await app.waitForCluster('demo');
    await app.setUiLanguage('ru');
    await expect(app.nav('overview')).toHaveText('Обзор');
    // The age beside a replay's read-only tag says what it is the age of (trial 3: it read as the capture's age).
    await expect(page.getByTestId('sync-summary')).toContainText('изменено');

    const found: EnglishFound[] = [];
    const check = async (view: string) => {
      // Let the view settle: no loading message left in the pane.
      await expect(page.getByTestId('state-loading')).toHaveCount(0);
      found.push(...(await scanForEnglish(page, view)));
      await saveScreenshot(page, testInfo, `ru-${screen.name}-${view}`);
    };

    await test.step('overview', async () => {
      await app.show('overview');
      await expect(app.overview.problems).toBeVisible();
      await check('overview');
    });

    await test.step('kinds menu', async () => {
      // Trial 3: the menu showed only kubectl's short names (sc, pvc, vsclass); each kind is named in words first.
      await page.getByTestId('kinds-toggle').click();
      const chips = page.locator('[data-testid^="kind-status-"]');
      await expect(chips.first()).toBeVisible();
      const names = await chips.locator('.kind-name').allInnerTexts();
      expect(names.length).toBeGreaterThan(10);
      expect(names.filter((n) => !/[а-яё]/i.test(n)), 'kinds without a Russian name').toEqual([]);
      await check('kinds-menu');
      await page.getByTestId('kinds-toggle').click();
    });

    for (const table of TABLES) {
      await test.step(`table ${table}`, async () => {
        const page = await app.showTable(table);
        await expect(page.rows.first().or(page.empty)).toBeVisible();
        await check(`table-${table}`);
      });
    }

    for (const target of DETAILS) {
      await test.step(`details of ${target.name}`, async () => {
        const table = await app.showTable(target.table);
        await table.open(target.namespace, target.name);
        await expect(app.details.root).toBeVisible();
        await readEveryTab(app, page, `details-${target.table}`, check);
      });
    }

    await test.step('details of a volume', async () => {
      const volumes = await app.showTable('volumes');
      await volumes.rows.first().click();
      await volumes.rows.first().press('Enter');
      await readEveryTab(app, page, 'details-volumes', check);
    });

    await test.step('graph', async () => {
      const pods = await app.showTable('pods');
      await pods.open('lab-dynamic', 'db');
      await app.details.graphButton.click();
      await expect(app.graph.node('provisioner').first()).toBeVisible();
      await check('graph');
      await app.details.close.click();
      await app.graph.namespaceSelect.selectOption('lab-stuck');
      await expect(app.graph.nodes.first()).toBeVisible();
      // Trial 3: the list said «не существует» for the provisioner its node calls «НЕ РАБОТАЕТ»; one word per state.
      const toAbsent = page.getByTestId('graph-broken-link').filter({ hasText: 'storage.example.com/absent' });
      await expect(toAbsent.getByTestId('graph-broken-state')).toHaveText('не работает');
      await check('graph-namespace');
    });

    await test.step('lessons', async () => {
      await app.show('overview');
      await app.pane.getByTestId('nav-lessons').click();
      await expect(app.lesson.root).toHaveAttribute('data-lang', 'ru');
      await expect(app.lesson.currentSection).toBeVisible();
      await check('lessons');
    });

    expect(found, `English words on the Russian screens:\n${describeFindings(found)}`).toEqual([]);
  });
}

/** Opens each tab of the details panel in turn and checks it (the tabs differ by kind). */
async function readEveryTab(app: AppPage, page: Page, view: string, check: (view: string) => Promise<void>): Promise<void> {
  const tabs = app.details.root.locator('[role="tab"][data-testid^="details-tab-"]');
  await expect(tabs.first()).toBeVisible();
  const ids = await tabs.evaluateAll((list) => list.map((tab) => tab.getAttribute('data-testid') ?? ''));
  for (const id of ids) {
    await app.details.root.getByTestId(id).click();
    await expect(app.details.root.getByTestId(id)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('state-loading')).toHaveCount(0);
    await check(`${view}-${id.replace('details-tab-', '')}`);
  }
}
