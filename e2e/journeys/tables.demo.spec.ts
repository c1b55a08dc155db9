/**
 * Tables keep the columns that matter, on the screens people have (issue 8, item 2). A 3,013-claim snapshot
 * (src/main/store/testing/large-cluster.ts, long namespace and claim names) is opened through the UI's snapshot
 * picker; at 1280x720 and 1440x900, in English and in Russian, every table is shown alone, with the details
 * panel open, and in a pane half the window wide. Each time the document must not scroll and the name, status
 * and findings columns (header and first row) must lie inside the window and inside the grid's visible area.
 * Screenshots of every table view go to test-results/screenshots/tables-*.png.
 */
import type { Locator, Page } from '@playwright/test';
import { showView, type TableView } from './pages/app-page';
import { TablePage } from './pages/table-page';
import { expect, test } from './support/fixtures';
import { openLargeSnapshot } from './support/large-snapshot';
import { expectHorizontallyVisible, expectInsideWindow, expectNoDocumentScroll, SCREENS, UI_LANGS } from './support/layout';

/** Every table, with the columns that must never leave the screen (name, status, findings). */
const ESSENTIAL: Record<TableView, readonly string[]> = {
  claims: ['name', 'phase', 'badge'],
  volumes: ['name', 'phase', 'badge'],
  classes: ['name', 'provisioner', 'badge'],
  provisioners: ['name', 'verdict', 'badge'],
  pods: ['name', 'status', 'badge'],
  snapshots: ['name', 'readyToUse', 'badge'],
  nodes: ['name', 'ready'],
  // The type leaves first for room (trial 9 of issue 8: «War…» in a narrow pane): a warning's reason is in the
  // warning colour and its tooltip names the type.
  events: ['reason', 'object', 'message'],
};
const TABLES = Object.keys(ESSENTIAL) as TableView[];
/** Tables whose rows carry diagnosis findings in the large cluster (snapshots show their own errors instead). */
const DIAGNOSED = new Set<TableView>(['claims', 'volumes', 'classes', 'provisioners', 'pods']);

/**
 * The essential columns of a table: header and first row, rendered, inside the window and not clipped by the
 * grid's visible area. One look at the page for all of them (the same boxes expectInsideWindow and
 * expectHorizontallyVisible compare), retried until it holds: a case went from ~5 minutes to well under one on the
 * shared machine, because 150 separate round trips per table screen became one.
 */
async function expectEssentialsVisible(page: Page, table: TablePage, view: TableView, where: string): Promise<void> {
  await expect(table.rows.first(), `${where}: the first row`).toBeVisible();
  const columns = ESSENTIAL[view];
  const problems = () =>
    table.scroller.evaluate((grid, cols) => {
      const out: string[] = [];
      const outer = grid.getBoundingClientRect();
      const right = Math.min(outer.right, window.innerWidth);
      const row = grid.querySelector('[data-testid="table-row"]');
      for (const column of cols) {
        const cells: [Element | null | undefined, string][] = [
          [grid.querySelector(`[role="columnheader"][data-column="${column}"]`), `header of ${column}`],
          [row?.querySelector(`[role="gridcell"][data-column="${column}"]`), `${column} of the first row`],
        ];
        for (const [cell, what] of cells) {
          const box = cell?.getBoundingClientRect();
          if (!box || box.width === 0 || box.height === 0) {
            out.push(`${what} is not rendered`);
            continue;
          }
          if (box.left < -0.5 || box.top < -0.5 || box.right > window.innerWidth + 0.5 || box.bottom > window.innerHeight + 0.5)
            out.push(`${what} is outside the window (${Math.round(box.left)}..${Math.round(box.right)})`);
          if (box.left < outer.left - 0.5) out.push(`${what} starts left of the grid`);
          if (box.right > right + 0.5) out.push(`${what} is cut off on the right (${Math.round(box.right)} > ${Math.round(right)})`);
        }
      }
      return out;
    }, columns);
  await expect.poll(problems, { message: `${where}: essential columns not in view` }).toEqual([]);
}

/** The columns shown and their widths (px), as the header lays them out. */
function columnLayout(table: TablePage): Promise<string[]> {
  return table.grid.locator('[role="columnheader"]').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-column')}:${Math.round(c.getBoundingClientRect().width)}`));
}

/**
 * Sorting by other columns and scrolling to the end keep every column and its width: the layout does not follow
 * the rows on screen (trial of issue 8, defect 3: widths jumped, a column appeared, another vanished with its
 * sort button).
 */
async function expectStableColumns(page: Page, table: TablePage, view: TableView): Promise<void> {
  const before = await columnLayout(table);
  const ids = before.map((c) => c.split(':')[0]!);
  // The defect was seen on Claims: every column there; elsewhere the last two and the name.
  const sortBy = view === 'claims' ? ids : [...ids.slice(-2), 'name'].filter((id) => ids.includes(id));
  for (const id of sortBy) {
    const button = table.header(id).getByRole('button').first();
    await button.click();
    await expect(table.header(id)).toHaveAttribute('aria-sort', /ascending|descending/);
    await expect(table.rows.first()).toBeVisible();
    expect(await columnLayout(table), `${view}: columns after sorting by ${id}`).toEqual(before);
  }
  await table.scroller.focus();
  await page.keyboard.press('End');
  await expect.poll(() => table.scroller.evaluate((g) => g.scrollTop > 0 || g.scrollHeight <= g.clientHeight)).toBe(true);
  await expect(table.rows.last()).toBeVisible();
  expect(await columnLayout(table), `${view}: columns after scrolling to the end`).toEqual(before);
  await page.keyboard.press('Home');
  // Back at the top before the next step clicks "the first row" (a click during the scroll lands on another one).
  await expect.poll(() => table.scroller.evaluate((g) => g.scrollTop)).toBe(0);
}

/** Every header cell starts and ends where the cells of its column do (px, half a pixel of slack). */
async function expectHeadersAligned(table: TablePage, where: string): Promise<void> {
  const offsets = await table.grid.evaluate((grid) => {
    const out: string[] = [];
    const row = grid.querySelector('[data-testid="table-row"]');
    for (const head of grid.querySelectorAll('[role="columnheader"]')) {
      const column = head.getAttribute('data-column');
      const cell = row?.querySelector(`[role="gridcell"][data-column="${column}"]`);
      if (!cell) {
        out.push(`${column}: no cell`);
        continue;
      }
      const h = head.getBoundingClientRect();
      const c = cell.getBoundingClientRect();
      if (Math.abs(h.left - c.left) > 0.5 || Math.abs(h.width - c.width) > 0.5) out.push(`${column}: header ${h.left}+${h.width}, cells ${c.left}+${c.width}`);
    }
    return out;
  });
  expect(offsets, `${where}: headers not aligned with their cells`).toEqual([]);
}

/** No badge or chip is an empty coloured shape: each has visible text of its own. */
async function expectNoEmptyChips(table: TablePage, where: string): Promise<void> {
  const empty = await table.grid.locator('.chip, .verdict').evaluateAll((chips) =>
    chips.filter((chip) => (chip.textContent ?? '').trim() === '' || (chip as unknown as { offsetWidth: number }).offsetWidth < 14).length,
  );
  expect(empty, `${where}: empty chips`).toBe(0);
}

for (const screen of SCREENS) {
  for (const lang of UI_LANGS) {
    test(`every table keeps name, status and findings in view at ${screen.name} in ${lang}, alone, with details and side by side`, async ({ app, freshDemoHost, page, shot }) => {
      test.setTimeout(600_000);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await app.open(freshDemoHost.url);
      await app.waitForCluster('demo');
      await app.setUiLanguage(lang);
      const clusterId = await openLargeSnapshot(app, page);

      for (const view of TABLES) {
        await test.step(`${view} alone`, async () => {
          const table = await app.showTable(view);
          await expect(table.rows.first()).toBeVisible();
          if (DIAGNOSED.has(view)) {
            // Worst findings first, so the first row shows a finding chip.
            await table.header('badge').getByRole('button').click();
            await expect(table.header('badge')).toHaveAttribute('aria-sort', 'ascending');
            await expect(table.firstCell('badge').getByTestId('severity-chip')).toBeVisible();
          }
          await expectNoDocumentScroll(page);
          await expectEssentialsVisible(page, table, view, `${view} at ${screen.name}`);
          await expectHeadersAligned(table, view);
          await expectNoEmptyChips(table, view);
          await shot(`tables-${view}-${screen.name}-${lang}`);
          await expectStableColumns(page, table, view);
          // No sort is toggled here: a toggle raced the next step's click on the first row. On a loaded machine the
          // click could land on the old first row before the new order did, and the table then scrolled to the
          // selected row at its new place, so no first row was in view (seen at 1440x900 ru, load 17).
        });
        await test.step(`${view} with the details panel`, async () => {
          const table = app.table(view);
          await table.rows.first().click();
          await expect(app.details.root).toBeVisible();
          await expectNoDocumentScroll(page);
          await expectEssentialsVisible(page, table, view, `${view} with details at ${screen.name}`);
          await expectHeadersAligned(table, `${view} with details`);
          await expectNoEmptyChips(table, `${view} with details`);
          await shot(`tables-${view}-details-${screen.name}-${lang}`);
          await app.details.close.click();
          await expect(app.details.root).toBeHidden();
        });
      }

      await test.step('side by side: the snapshot in two panes, each half the window', async () => {
        // A copied link with two panes, applied in this tab (the token stays where it is).
        const open = encodeURIComponent(`demo,${clusterId}`);
        const c = encodeURIComponent(clusterId);
        await page.evaluate((hash) => ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), `#/claims?open=${open}&c=${c}&split=1&2.c=${c}&2.view=claims`);
        const right = page.getByTestId('pane-1');
        await expect(right).toHaveAttribute('data-cluster-id', clusterId);
        for (const view of TABLES) {
          for (const [pane, name] of [[app.pane, 'left'], [right, 'right']] as const) {
            await showView(pane, view);
            const table = new TablePage(pane, view);
            await expect(table.rows.first()).toBeVisible();
            const box = await pane.boundingBox();
            expect(box?.width ?? 0, `${name} pane is about half the window`).toBeLessThan(screen.width * 0.6);
            // The table scrolls inside its pane and draws only the rows in view: a pane that grew to its content
            // rendered all 3,013 claims at once and froze the page for seconds per tick.
            const gridHeight = await table.grid.evaluate((grid) => grid.getBoundingClientRect().height);
            expect(gridHeight, `${view} grid in the ${name} pane stays within the window`).toBeLessThanOrEqual(screen.height);
            expect(await table.rows.count(), `${view} rows drawn in the ${name} pane (virtualised)`).toBeLessThan(200);
            await expectNoDocumentScroll(page);
            await expectEssentialsVisible(page, table, view, `${view} in the ${name} pane at ${screen.name}`);
          }
          await shot(`tables-${view}-split-${screen.name}-${lang}`);
        }
      });
    });
  }
}
