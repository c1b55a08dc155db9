/**
 * Issue 9, part 4: the binding graph reads at every size. At 1280x720 in Russian, a namespace of 2,000 claims
 * (src/main/store/testing/graph-scale-cluster.ts, opened as a snapshot) is drawn as groups of alike chains
 * ("PVC × 1 960 -> PV × 1 960 -> StorageClass standard"), with no node label cut and no badge outside its card
 * (the DOM boxes are checked); the search box centres a node; a group opens into its members; the graph opened
 * with nothing chosen shows the chains with problems, not an empty "pick a namespace".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { GRAPH_SCALE, graphScaleSnapshot } from '../../src/main/store/testing/graph-scale-cluster';
import { expect, test } from './support/fixtures';

function snapshotFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kse-graph-')), 'graph-scale-2000.json');
  writeFileSync(file, JSON.stringify(graphScaleSnapshot()));
  return file;
}

/**
 * Every node whose text is cut (an element narrower than its content) or whose head badge, label or secondary
 * line lies outside its card, as readable lines; [] when all is well.
 */
function cutOrOutside(view: Locator): Promise<string[]> {
  return view.evaluate((root) => {
    const out: string[] = [];
    for (const card of root.querySelectorAll<HTMLElement>('[data-testid="graph-node"]')) {
      const box = card.getBoundingClientRect();
      const name = `${card.getAttribute('data-type')} ${card.getAttribute('data-name')}`;
      for (const el of card.querySelectorAll<HTMLElement>('.node-type, .verdict, .tone-text-bad, .storage-node-label, .storage-node-sub')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0) continue;
        if (el.scrollWidth > el.clientWidth + 0.5) out.push(`${name}: "${el.textContent}" cut, ${el.clientWidth} of ${el.scrollWidth} px`);
        // Boxes scale with the zoom; a tolerance of half a pixel for rounding.
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) out.push(`${name}: "${el.textContent}" outside its card`);
      }
    }
    return out;
  });
}

/** The card of the node whose data-* attributes match. */
const card = (view: Locator, type: string, extra = '') => view.locator(`[data-testid="graph-node"][data-type="${type}"]${extra}`);

async function openSnapshot(page: Page): Promise<void> {
  await page.getByTestId('snapshot-file-input').setInputFiles(snapshotFile());
  const pane = page.getByTestId('pane-0');
  await expect(pane).toHaveAttribute('data-cluster-id', /^file:/, { timeout: 90_000 });
}

test('the graph of a 2,000-claim namespace at 1280x720 in Russian: grouped chains, no label cut, no badge outside its card, search centres a node', async ({ app, demoHost, page }, testInfo) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', 'ru'));
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  await openSnapshot(page);
  await app.waitForCluster((await app.pane.getAttribute('data-cluster-id')) ?? '');

  // Nothing chosen: the graph starts with the chains that have problems (the dead provisioner's claims among them).
  await app.show('graph');
  const view = app.graph.root;
  await expect(app.graph.namespaceSelect).toHaveValue('*');
  await expect(card(view, 'provisioner', '[data-name="replicated.storage.example.com"]')).toBeVisible();
  await expect(view.getByText('Выберите заявку, том, под или класс')).toHaveCount(0);
  expect(await cutOrOutside(view)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('graph-problems-1280-ru.png') });

  // The 2,000-claim namespace: grouped chains, few nodes, nothing cut.
  await app.graph.namespaceSelect.selectOption(GRAPH_SCALE.namespace);
  const bound = GRAPH_SCALE.claims - GRAPH_SCALE.pending;
  await expect(card(view, 'claim', `[data-group-count="${bound}"]`)).toHaveCount(1);
  await expect(card(view, 'volume', `[data-group-count="${bound}"]`)).toHaveCount(1);
  await expect(card(view, 'claim', `[data-group-count="${GRAPH_SCALE.pending}"]`)).toHaveCount(1);
  // The pods run on six nodes: one group per node.
  await expect(card(view, 'pod', '[data-group-count]')).toHaveCount(6);
  expect(await app.graph.nodes.count()).toBeLessThan(30);
  await expect(card(view, 'claim', `[data-group-count="${bound}"]`).locator('.node-type')).toHaveText(/PVC × 1\s?960/);
  await expect(card(view, 'provisioner', '[data-name="replicated.storage.example.com"] .verdict')).toBeVisible();
  await expect(view.locator('.banner')).toHaveCount(0);
  expect(await cutOrOutside(view)).toEqual([]);
  await view.getByRole('button', { name: 'Вписать граф в окно' }).click();
  expect(await cutOrOutside(view)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('graph-2000-claims-1280-ru.png') });

  // The search box finds a member of a group and centres its group in the canvas.
  await view.getByTestId('graph-search').fill(GRAPH_SCALE.boundName(1234));
  await view.getByTestId('graph-search').press('Enter');
  await expect(view.getByTestId('graph-search-result')).toContainText('В центре');
  const found = view.locator('.react-flow__node.is-found');
  await expect(found).toHaveCount(1);
  await expect(found.getByTestId('graph-node')).toHaveAttribute('data-group-count', String(bound));
  const canvas = (await view.locator('.graph-canvas').boundingBox())!;
  await expect
    .poll(async () => {
      const b = (await found.boundingBox())!;
      return Math.round(Math.abs(b.x + b.width / 2 - (canvas.x + canvas.width / 2)) + Math.abs(b.y + b.height / 2 - (canvas.y + canvas.height / 2)));
    }, { message: 'the found node is centred' })
    .toBeLessThan(4);
  await view.getByTestId('graph-search').fill('нет-такого-узла');
  await view.getByTestId('graph-search').press('Enter');
  await expect(view.getByTestId('graph-search-result')).toContainText('нет');

  // A group opens into its members, each named in full (or shortened in the middle, the full name in its tooltip).
  await card(view, 'claim', `[data-group-count="${GRAPH_SCALE.pending}"]`).click();
  await expect(card(view, 'claim', `[data-name="${GRAPH_SCALE.pendingName(7)}"]`)).toHaveCount(1);
  await expect(card(view, 'claim', ':not([data-group-count])')).toHaveCount(GRAPH_SCALE.pending);
  const member = card(view, 'claim', `[data-name="${GRAPH_SCALE.pendingName(7)}"]`);
  // The full name, in Unicode isolates (the cluster's words).
  await expect(member).toHaveAttribute('title', new RegExp(GRAPH_SCALE.pendingName(7)));
  await expect(member.locator('.storage-node-label')).toHaveText(/^app-waiting-fo.*….*ioning-07$/);
  await view.getByTestId('graph-search').fill(GRAPH_SCALE.pendingName(7));
  await view.getByTestId('graph-search').press('Enter');
  expect(await cutOrOutside(view)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('graph-2000-claims-expanded-1280-ru.png') });
  await view.getByTestId('graph-regroup').click();
  await expect(card(view, 'claim', `[data-group-count="${GRAPH_SCALE.pending}"]`)).toHaveCount(1);
});
