/**
 * What the fifth fresh-user trial of issue 8 found in the frame (notes: trial5-issue8.md), as a user meets it:
 * N-D1. At 1280x720 with the cluster list open (the default), the Columns menu of Claims and Pods opened leftwards
 *    from a button the wrapped filter bar had put at the left edge, under the view nav: its checkboxes could not
 *    be clicked. Every option of every table's Columns menu must be on top where it is drawn, and a real click
 *    on its checkbox must toggle it.
 */
import type { TableView } from './pages/app-page';
import { expect, test } from './support/fixtures';

const TABLES: readonly TableView[] = ['claims', 'pods', 'volumes', 'classes', 'events'];

test('N-D1: every Columns menu option can be clicked at 1280x720 in Russian with the cluster list open', async ({ app, demoHost, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', 'ru'));
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  for (const view of TABLES) {
    const table = await app.showTable(view);
    await expect(table.rows.first()).toBeVisible();
    await table.columnsMenu.click();
    const panel = page.getByTestId('columns-menu-panel');
    await expect(panel).toBeVisible();
    // Each checkbox is the element a pointer reaches at its centre (not the view nav or the pane behind).
    const covered = await panel.locator('[data-testid="column-option"] input').evaluateAll((inputs) =>
      inputs.flatMap((input) => {
        // A long list scrolls inside the panel: look at each option where the user would scroll it to.
        input.scrollIntoView({ block: 'nearest' });
        const box = input.getBoundingClientRect();
        const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return top === input ? [] : [`${input.closest('[data-column]')?.getAttribute('data-column')} under ${top?.getAttribute('data-testid') ?? top?.tagName}`];
      }),
    );
    expect(covered, `${view}: options covered`).toEqual([]);
    // A real click toggles a column that can be hidden, and another puts it back.
    const option = panel.locator('[data-testid="column-option"]').filter({ has: page.locator('input:not([disabled])') }).first();
    const input = option.locator('input');
    const before = await input.isChecked();
    await input.click();
    await expect(input).toBeChecked({ checked: !before });
    await input.click();
    await expect(input).toBeChecked({ checked: before });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
});
