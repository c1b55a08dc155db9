/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Journeys run code in the page (evaluate, addInitScript): the DOM typings, for the e2e files only in effect.
/**
 * Layout checks as a user sees the window: the document itself never scrolls (every region scrolls on its own),
 * and what must stay visible is inside the viewport. Used by the journeys at every screen size and language.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppPage } from '../pages/app-page';

/** The screen sizes people have: a small laptop and a common desktop. */
export const SCREENS = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1440x900', width: 1440, height: 900 },
] as const;

export const UI_LANGS = ['en', 'ru'] as const;

/** Makes the app start in `lang` (its remembered UI language, localStorage 'kse.lang'), from the next page load on. */
export async function startInLanguage(page: Page, lang: (typeof UI_LANGS)[number]): Promise<void> {
  await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', l), lang);
}

/**
 * The demo opened as a user of a small laptop meets it: the window at 1280x720 (or `screen`), the UI in `lang`,
 * the app loaded and the demo cluster synced.
 */
export async function openDemoAt(app: AppPage, page: Page, url: string, lang: (typeof UI_LANGS)[number] = 'ru', screen: { width: number; height: number } = SCREENS[0]): Promise<void> {
  await page.setViewportSize({ width: screen.width, height: screen.height });
  await startInLanguage(page, lang);
  await app.open(url);
  await app.waitForCluster('demo');
}

/** The document is exactly the window: no page scroll in either direction, and none was ever applied. */
export async function expectNoDocumentScroll(page: Page): Promise<void> {
  const m = await page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { sw: el.scrollWidth, sh: el.scrollHeight, cw: el.clientWidth, ch: el.clientHeight, x: el.scrollLeft, y: el.scrollTop };
  });
  expect(m, 'the document scrolled or is larger than the window').toEqual({ sw: m.cw, sh: m.ch, cw: m.cw, ch: m.ch, x: 0, y: 0 });
}

/** The element's box lies wholly inside the window (not cut by the window's edges). */
export async function expectInsideWindow(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} is not rendered`).not.toBeNull();
  expect(size).not.toBeNull();
  if (!box || !size) return;
  const slack = 0.5;
  expect(box.x, `${what} starts left of the window`).toBeGreaterThanOrEqual(-slack);
  expect(box.y, `${what} starts above the window`).toBeGreaterThanOrEqual(-slack);
  expect(box.x + box.width, `${what} ends right of the window (${box.x + box.width} > ${size.width})`).toBeLessThanOrEqual(size.width + slack);
  expect(box.y + box.height, `${what} ends below the window`).toBeLessThanOrEqual(size.height + slack);
}

/**
 * The element is visible within its scroll container and the window: nothing clips it horizontally. Polled: a
 * table lays its columns out again once a panel beside it is measured (a ResizeObserver turn later), so one read
 * just after the panel opened can see the wider layout of before (trial 3 test 1 read 1278 > 1000 once, on a
 * loaded machine); a layout that stays clipped still fails.
 */
export async function expectHorizontallyVisible(page: Page, locator: Locator, container: Locator, what: string): Promise<void> {
  const size = page.viewportSize();
  expect(size, 'the page has a viewport').not.toBeNull();
  const overflow = async (): Promise<{ left: number; right: number } | 'not rendered'> => {
    const box = await locator.boundingBox();
    const outer = await container.boundingBox();
    if (!box || !outer) return 'not rendered';
    const right = Math.min(outer.x + outer.width, size!.width);
    return { left: Math.max(0, Math.round(outer.x - box.x)), right: Math.max(0, Math.round(box.x + box.width - right)) };
  };
  await expect.poll(overflow, { message: `${what}: px cut off on the left and on the right` }).toEqual({ left: 0, right: 0 });
}

/**
 * Words broken across two lines inside the matched elements: «StorageCla / ss», «существуе / т». With `anyWidth`
 * false, only words that would fit on a line of their own (narrower than the element by 20 px; a long command's
 * token may break). Text inside `skip` (names that may break at their dots and slashes) is not looked at. Empty
 * when every word is whole.
 */
export function brokenWords(elements: Locator, { skip = '.mono, code', anyWidth = true } = {}): Promise<string[]> {
  return elements.evaluateAll((all, { skipSelector, always }) => {
    const out: string[] = [];
    for (const element of all) {
      const width = element.clientWidth;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        if (skipSelector && node.parentElement?.closest(skipSelector)) continue;
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1 && (always || range.getBoundingClientRect().width < width - 20)) out.push(`${match[0]} in "${(element.textContent ?? '').trim()}"`);
        }
      }
    }
    return out;
  }, { skipSelector: skip, always: anyWidth });
}
