/**
 * The overview scales (issue 8, item 7), and the tables' filters and columns work as a person uses them (item 2).
 * On a 3,013-claim snapshot where 302 claims wait for one provisioner: the overview shows that as one line with
 * its count, expandable to the objects, the count and "Showing N of M" open the claims table filtered to exactly
 * those 302, and Info is collapsed. Then: several namespaces at once, "namespace/name" search, Warning-only
 * events, hiding, showing and resizing columns (remembered across a reload), and sorting by every column.
 */
import { LARGE, largeSnapshot } from '../../src/main/store/testing/large-cluster';
import { expect, test } from './support/fixtures';
import { openLargeSnapshot } from './support/large-snapshot';
import { expectInsideWindow, expectNoDocumentScroll, SCREENS, UI_LANGS } from './support/layout';

/** How many claims of the large cluster live in these namespaces. */
function claimsIn(namespaces: readonly string[]): number {
  return (largeSnapshot().kinds.persistentvolumeclaims?.items ?? []).filter((c) => namespaces.includes(c.metadata?.namespace ?? '')).length;
}

for (const screen of SCREENS) {
  for (const lang of UI_LANGS) {
    test(`the overview groups 3,013 claims by cause at ${screen.name} in ${lang}`, async ({ app, freshDemoHost, page, shot }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await app.open(freshDemoHost.url);
      await app.waitForCluster('demo');
      await app.setUiLanguage(lang);
      await openLargeSnapshot(app, page);
      const overview = app.overview;
      await expect(overview.problems).toBeVisible();

      // One line for the 302 claims that wait for the same provisioner, not 302 lines.
      const waiting = overview.group('claim.provisioning', LARGE.deadProvisioner);
      await expect(waiting).toHaveCount(1);
      await expect(waiting).toHaveAttribute('data-count', String(LARGE.deadProvisionerClaims));
      await expect(waiting.getByTestId('group-count')).toContainText(String(LARGE.deadProvisionerClaims));
      await expect(overview.group('claim.class-missing', LARGE.missingClass)).toHaveAttribute('data-count', String(LARGE.missingClassClaims));
      await expect(overview.group('claim.lost')).toHaveAttribute('data-count', String(LARGE.lostClaims));
      expect(await overview.groups.count()).toBeLessThanOrEqual(8);
      // Big groups start closed; Info is collapsed.
      await expect(waiting.getByTestId('overview-finding')).toHaveCount(0);
      await expect(overview.infoToggle).toHaveAttribute('aria-expanded', 'false');
      await expect(overview.infoGroups).toHaveCount(0);
      await expect(overview.problems.locator('[data-testid="finding-group"][data-severity="info"]')).toHaveCount(0);
      await expectNoDocumentScroll(page);
      await shot(`overview-groups-${screen.name}-${lang}`);

      // Expanded: the first objects with their own cause, and "Showing 25 of 302" as a link.
      await waiting.getByTestId('group-expand').click();
      await expect(waiting.getByTestId('overview-finding')).toHaveCount(25);
      const showing = waiting.getByTestId('group-showing');
      await expect(showing).toContainText('25');
      await expect(showing).toContainText(String(LARGE.deadProvisionerClaims));
      await expectInsideWindow(page, waiting.getByTestId('group-count'), 'the count of the group');
      await overview.infoToggle.click();
      await expect(overview.infoGroups).toBeVisible();
      await expect(overview.group('pod.emptydir')).toBeVisible();
      await expectNoDocumentScroll(page);
      await shot(`overview-groups-open-${screen.name}-${lang}`);

      // The link opens the claims table filtered to exactly those 302 claims.
      await showing.click();
      const claims = app.table('claims');
      await expect(claims.findingFilter).toBeVisible();
      await expect(claims.count).toHaveText(new RegExp(`\\b${LARGE.deadProvisionerClaims}$`));
      await expect(claims.rows.first()).toBeVisible();
      await expect(claims.rows.filter({ hasNotText: 'fast-replicated' })).toHaveCount(0);
      expect(app.viewHash()).toContain('fc=claim.provisioning');
      await expectNoDocumentScroll(page);
      await shot(`claims-finding-filter-${screen.name}-${lang}`);

      // Back to the overview, and the count itself leads to the same rows.
      await page.goBack();
      await expect(overview.problems).toBeVisible();
      await overview.group('claim.class-missing', LARGE.missingClass).getByTestId('group-count').click();
      await expect(claims.count).toHaveText(new RegExp(`\\b${LARGE.missingClassClaims}$`));
      await expect(claims.rows.filter({ hasNotText: LARGE.missingClass })).toHaveCount(0);
      // Clearing the finding shows every claim again.
      await claims.findingFilter.getByRole('button').click();
      await expect(claims.findingFilter).toHaveCount(0);
      await expect(claims.count).toContainText(LARGE.claims.toLocaleString(lang));
    });
  }
}

test('filters and columns: namespaces, namespace/name search, Warning-only events, hidden, resized and sorted columns', async ({ app, freshDemoHost, page, shot }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  await app.setUiLanguage('en');
  await openLargeSnapshot(app, page);
  const claims = await app.showTable('claims');

  await test.step('several namespaces at once, kept in the URL', async () => {
    const two = ['shop', 'payments-processing-eu-west-production'];
    await claims.pickNamespaces(two);
    await expect(claims.count).toContainText(claimsIn(two).toLocaleString('en'));
    // The rows on screen all come from the two (the count above covers every row).
    const keys = await claims.rowKeys();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => two.includes(k.namespace))).toBe(true);
    expect(decodeURIComponent(app.viewHash())).toMatch(/ns=(shop,payments|payments-processing-eu-west-production,shop)/);
    await expect(claims.namespaceFilter).toContainText('2');
    await shot('claims-namespaces-1280x720-en');
    await claims.namespaceFilter.click();
    await page.getByTestId('namespace-all').click();
    await claims.namespaceFilter.press('Escape');
    await expect(claims.count).toContainText(LARGE.claims.toLocaleString('en'));
  });

  await test.step('search matches namespace/name', async () => {
    const expected = (largeSnapshot().kinds.persistentvolumeclaims?.items ?? []).filter(
      (c) => c.metadata?.namespace === 'shop' && (c.metadata.name ?? '').startsWith('data-elasticsearch'),
    ).length;
    expect(expected).toBeGreaterThan(0);
    await claims.searchFor('shop/data-elasticsearch');
    await expect(claims.count).toHaveText(new RegExp(`\\b${expected}$`));
    const keys = await claims.rowKeys();
    expect(keys.length).toBe(expected);
    expect(keys.every((k) => k.namespace === 'shop' && k.name.startsWith('data-elasticsearch'))).toBe(true);
    await claims.searchFor('');
    await expect(claims.count).toContainText(LARGE.claims.toLocaleString('en'));
  });

  await test.step('every column sorts, both ways, and the header says so', async () => {
    for (const column of await claims.columnIds()) {
      const header = claims.header(column);
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'ascending');
      await header.getByRole('button').click();
      await expect(header).toHaveAttribute('aria-sort', 'descending');
      await expect(claims.rows.first()).toBeVisible();
      expect(decodeURIComponent(app.viewHash())).toContain(`sort=${column}:desc`);
    }
  });

  await test.step('hide and show a column from the Columns menu, remembered after a reload', async () => {
    await claims.columnsMenu.click();
    const panel = page.getByTestId('columns-menu-panel');
    await expect(panel.locator('[data-testid="column-option"][data-column="name"] input')).toBeDisabled();
    await panel.locator('[data-testid="column-option"][data-column="namespace"] input').uncheck();
    await claims.columnsMenu.press('Escape');
    await expect(claims.header('namespace')).toHaveCount(0);
    await page.reload();
    await expect(claims.rows.first()).toBeVisible({ timeout: 90_000 });
    await expect(claims.header('namespace')).toHaveCount(0);
    await claims.columnsMenu.click();
    await page.getByTestId('columns-menu-panel').locator('[data-testid="column-option"][data-column="namespace"] input').check();
    await claims.columnsMenu.press('Escape');
    await expect(claims.header('namespace')).toBeVisible();
  });

  await test.step('resize a column by dragging its edge and with the keyboard, remembered', async () => {
    // Namespace: the most important column that is not essential, shown at 1280 whatever else gives way for room.
    const before = (await claims.header('namespace').boundingBox())!.width;
    const handle = claims.resizeHandle('namespace');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await claims.header('namespace').boundingBox())!.width)).toBe(Math.round(before + 60));
    await handle.focus();
    await handle.press('ArrowRight');
    await expect.poll(async () => Math.round((await claims.header('namespace').boundingBox())!.width)).toBe(Math.round(before + 76));
    await page.reload();
    await expect(claims.rows.first()).toBeVisible({ timeout: 90_000 });
    await expect.poll(async () => Math.round((await claims.header('namespace').boundingBox())!.width)).toBe(Math.round(before + 76));
    // Home gives the column back to the automatic layout.
    await claims.resizeHandle('namespace').press('Home');
    await expect.poll(async () => Math.round((await claims.header('namespace').boundingBox())!.width)).toBe(Math.round(before));
    await expectNoDocumentScroll(page);
  });

  await test.step('events: Warning only', async () => {
    const events = await app.showTable('events');
    await events.warningsOnly.check();
    await expect(events.count).toHaveText(new RegExp(`\\b${LARGE.missingClassClaims}$`));
    await expect(events.rows.first()).toBeVisible();
    await expect(events.rows.filter({ hasNotText: 'Warning' })).toHaveCount(0);
    expect(app.viewHash()).toContain('f.type=Warning');
    await shot('events-warnings-1280x720-en');
  });
});
