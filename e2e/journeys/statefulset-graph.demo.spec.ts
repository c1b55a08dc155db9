/**
 * Issue 12, part 4: StatefulSets in the binding graph, at 1280x720 in Russian. In the demo, StatefulSet `cache` of
 * namespace lab-quota wants three replicas and its quota refused the third claim: the graph draws the set before
 * (above, in the chain's order) the pods and claims it creates, the refused claim as a missing card, and lists the
 * link in the broken links; the search box finds the set.
 */
import { expect, test } from './support/fixtures';
import { startInLanguage } from './support/layout';

test('a StatefulSet drawn above its pods and claims, its refused claim missing, at 1280x720 in ru', async ({ app, demoHost, page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await startInLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  await app.show('graph');
  await app.graph.namespaceSelect.selectOption('lab-quota');
  const view = app.graph.root;
  const set = app.graph.node('statefulset', 'cache');
  await expect(set).toBeVisible();
  await expect(set.locator('.node-type')).toHaveText('StatefulSet');
  // The refused claim: a missing card, linked from the set in the broken links.
  const refused = app.graph.node('claim', 'data-cache-2');
  await expect(refused).toHaveClass(/missing/);
  const link = app.graph.brokenLinks.filter({ hasText: 'cache' }).filter({ hasText: 'data-cache-2' });
  await expect(link.getByTestId('graph-broken-state')).toHaveText('не существует');
  // The set comes first in the chain's direction (top to bottom in this narrow canvas, left to right in a wide one):
  // every pod and claim card is below or right of it.
  await view.getByRole('button', { name: 'Вписать граф в окно' }).click();
  const setBox = (await set.boundingBox())!;
  for (const type of ['pod', 'claim'] as const) {
    const cards = app.graph.node(type);
    expect(await cards.count(), `${type} cards`).toBeGreaterThan(0);
    const boxes = await cards.evaluateAll((all) => all.map((el) => ({ x: el.getBoundingClientRect().x, y: el.getBoundingClientRect().y })));
    for (const box of boxes) expect(box.y > setBox.y + setBox.height || box.x > setBox.x + setBox.width, `a ${type} card after the set: ${JSON.stringify(box)} vs ${JSON.stringify(setBox)}`).toBe(true);
  }
  await page.screenshot({ path: testInfo.outputPath('graph-statefulset-1280-ru.png') });
  // The search box finds the set.
  await view.getByTestId('graph-search').fill('cache');
  await view.getByTestId('graph-search').press('Enter');
  await expect(view.getByTestId('graph-search-result')).toContainText('В центре');
  await expect(view.locator('.react-flow__node.is-found [data-type="statefulset"]')).toHaveCount(1);
});
