/**
 * The fifth fresh-user trial of issue 8 (notes: trial5-issue8.md), N-D12: on the 3,013-claim snapshot's overview the
 * «Штатное ожидание» group's lesson link dropped to a line of its own at the group's left edge, under the expand
 * arrow, while the other groups kept it on the right. Every group's lesson link (problems and the Info groups) sits
 * on its header row, at the row's right, right of the title and count, on the demo and on the large snapshot, at
 * 1280x720 in Russian and 1440x900 in English.
 */
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { openLargeSnapshot } from './support/large-snapshot';

const CASES = [
  { name: '1280x720', width: 1280, height: 720, lang: 'ru' },
  { name: '1440x900', width: 1440, height: 900, lang: 'en' },
] as const;

/** Groups whose lesson link is not on the header's row at its right, with what is wrong; and how many were seen. */
function misplacedLinks(problems: Locator): Promise<{ faults: string[]; links: number }> {
  return problems.evaluate((root) => {
    const faults: string[] = [];
    let links = 0;
    for (const group of root.querySelectorAll<HTMLElement>('[data-testid="finding-group"]')) {
      const line = group.querySelector<HTMLElement>('.group-line');
      const link = line?.querySelector<HTMLElement>('[data-testid="group-learn"]');
      if (!line || !link) continue;
      links++;
      const box = (el: Element | null | undefined) => el?.getBoundingClientRect();
      const row = box(line)!;
      const learn = box(link)!;
      const chip = box(line.querySelector('.chip'))!;
      const title = box(line.querySelector('.group-title'))!;
      const count = box(line.querySelector('.group-count'));
      const name = `${group.dataset.code} ${group.dataset.subject ?? ''}`.trim();
      if (Math.abs(row.right - learn.right) > 2) faults.push(`${name}: link ends at ${Math.round(learn.right)}, the row at ${Math.round(row.right)}`);
      if (learn.top > chip.bottom) faults.push(`${name}: link below the header row (top ${Math.round(learn.top)}, chip bottom ${Math.round(chip.bottom)})`);
      if (learn.left < title.right - 1 || (count && learn.left < count.right - 1)) faults.push(`${name}: link not right of the title and count`);
    }
    return { faults, links };
  });
}

for (const screen of CASES) {
  test(`N-D12: every overview group's lesson link on its header row, at the right, at ${screen.name} in ${screen.lang}`, async ({ app, freshDemoHost, page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', l), screen.lang);
    await app.open(freshDemoHost.url);
    await app.waitForCluster('demo');
    const check = async (source: string) => {
      const overview = app.overview;
      await expect(overview.groups.first()).toBeVisible();
      if ((await overview.infoToggle.count()) > 0 && (await overview.infoToggle.getAttribute('aria-expanded')) !== 'true') await overview.infoToggle.click();
      await expect(overview.infoGroups).toBeVisible();
      const { faults, links } = await misplacedLinks(overview.problems);
      expect(faults, `${source}: lesson links`).toEqual([]);
      expect(links, `${source}: groups with a lesson link`).toBeGreaterThan(3);
    };
    await check('demo');
    await openLargeSnapshot(app, page);
    await app.show('overview');
    await expect(app.overview.group('claim.provisioning')).not.toHaveCount(0);
    await check('large');
  });
}
