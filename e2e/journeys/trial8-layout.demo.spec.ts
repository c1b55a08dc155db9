/**
 * What the eighth fresh-user trial of issue 8 found, as a user meets it:
 * T8-2. Side by side at 1280x720 in Russian, the overview's members of «Указанного VolumeSnapshotClass не существует»
 *    read «db/nightly-data-elasticsearch-data-hot-tier…» and «mail/nightly-data-elasticsearch-data-hot-tier…»: the
 *    end that tells them apart (-12, -42) was cut at 300 px while the line had ~530 px. A member's name now takes
 *    the line it needs, and its cause goes under it.
 */
import { expect, test } from './support/fixtures';
import { openLargeSnapshot } from './support/large-snapshot';
import { startInLanguage } from './support/layout';

test("T8-2: side by side, a finding member's long name is whole where its line has room, at 1280x720 in ru", async ({ app, demoHost, page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await startInLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  await openLargeSnapshot(app, page);
  await page.getByTestId('split-toggle').click();
  const pane = page.getByTestId('pane-0');
  await expect(page.getByTestId('pane-1')).toHaveAttribute('data-cluster-id', /./);
  const group = pane.locator('[data-testid="finding-group"][data-code="snapshot.class-missing"]');
  await expect(group).toBeVisible();
  if ((await group.getByTestId('group-expand').getAttribute('aria-expanded')) !== 'true') await group.getByTestId('group-expand').click();
  const links = group.getByTestId('object-link');
  // Not vacuous: the snapshot's long names (over 40 characters) are there.
  await expect(links.filter({ hasText: 'nightly-data-elasticsearch-data-hot-tier' }).first()).toBeVisible();
  const cut = () =>
    links.evaluateAll((all) =>
      all.filter((link) => [...link.querySelectorAll<HTMLElement>('.brk')].some((piece) => piece.scrollWidth > piece.clientWidth + 1)).map((link) => link.textContent ?? ''),
    );
  await expect.poll(cut, { message: 'member names cut at their end' }).toEqual([]);
});
