/**
 * The frame defects of the third fresh-user trial of issue 8 (notes: trial3-issue8.md), each as a user sees it at
 * 1280x720 and 1440x900:
 * 1. no column is cut while another has room to spare, in every table, alone and with the details panel, on the
 *    demo and on the 3,013-claim snapshot; the Findings column stays in view with the panel open.
 * 2, 14. The status strip is one row that does not move when the replay ends, and it says in words that the
 *    replay is playing (objects change while read), paused or ended.
 * 4. Every details tab opens at its top, whatever the last one was scrolled to.
 * 11. No table cell is blank without a reason: the Provisioners table's Pods, Nodes and Lease show "—" with a
 *    tooltip saying why.
 * 16. Words stay whole: a fix command breaks only at its spaces (never "-" / "n lab-stuck"), a pod's six details tabs
 *    are one row (seven: rows of several, never one alone), a mount's read-only tag is one piece inside the panel, and findings chips in
 *    the table are not cut (the "expected wait" chip of the replay's start, with the details panel open).
 * 15. The overview's lesson links are whole.
 * 3. Panels do not cover the frame: a lesson opened from the details of a claim leaves the table its never-hidden
 *    columns (docked only where they fit, else over the panels), never covers the top bar or the status strip; in
 *    side-by-side panes the details panel stays below the pane's view tabs.
 * 13. The graph opened from details draws node text at 11 px or more, with its root in view.
 * 12. A snapshot's cluster: initials from its cluster's name (not "LJ" from "large.json"), the whole name in the
 *    list (two lines) and in tooltips, its tab cut in the middle so the cluster's name shows.
 */
import type { Page } from '@playwright/test';
import type { TableView } from './pages/app-page';
import { cutWhileSlack, measureColumns } from './support/column-fit';
import { expect, test } from './support/fixtures';
import { openLargeSnapshot } from './support/large-snapshot';
import { expectHorizontallyVisible, expectNoDocumentScroll, SCREENS } from './support/layout';
import { join } from 'node:path';
import { REPO_ROOT } from './support/web-host';

// The demo has no volume snapshots (an empty table cuts nothing).
const TABLES: readonly TableView[] = ['claims', 'volumes', 'classes', 'provisioners', 'pods', 'nodes', 'events'];
const WITH_FINDINGS = new Set<TableView>(['claims', 'volumes', 'classes', 'provisioners', 'pods']);

async function useLanguage(page: Page, lang: 'en' | 'ru'): Promise<void> {
  await page.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('kse.lang', l), lang);
}

for (const screen of SCREENS) {
  for (const lang of ['ru', 'en'] as const) {
    test(`1: no column is cut while another has room, at ${screen.name} in ${lang}`, async ({ app, freshDemoHost, page }) => {
      test.setTimeout(400_000);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await useLanguage(page, lang);
      await app.open(freshDemoHost.url);
      await app.waitForCluster('demo');
      const check = async (view: TableView, where: string) => {
        const table = app.table(view);
        await expect(table.rows.first()).toBeVisible();
        // Retried: the layout settles once the rows on screen are measured.
        await expect.poll(async () => cutWhileSlack(await measureColumns(table.grid)), { message: `${where}: cut columns beside spare room` }).toEqual([]);
      };
      for (const view of TABLES) {
        await test.step(`${view}`, async () => {
          const table = await app.showTable(view);
          await expect(table.rows.first()).toBeVisible();
          await check(view, `${view} alone`);
          // An event opens its object's details only for a kind the app models; the replay also records events
          // about StatefulSets (trial 4, N3), so open a claim's event there.
          const opener = view === 'events' ? table.rows.filter({ has: page.locator('[data-column="object"]', { hasText: /^pvc / }) }).first() : table.rows.first();
          await opener.click();
          await expect(app.details.root).toBeVisible();
          await check(view, `${view} with details`);
          if (WITH_FINDINGS.has(view)) await expectHorizontallyVisible(page, table.header('badge'), table.scroller, `${view}: the Findings column with details`);
          await app.details.close.click();
          await expect(app.details.root).toBeHidden();
        });
      }
      await test.step('the 3,013-claim snapshot: long claim names', async () => {
        await openLargeSnapshot(app, page);
        for (const view of ['claims', 'volumes', 'classes', 'provisioners'] as const) {
          await app.showTable(view);
          await check(view, `large ${view}`);
        }
      });
    });
  }
}

test('2, 14: the status strip says the replay plays, and keeps its height when it ends, at 1280x720 in ru', async ({ app, freshDemoHost, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  await app.showTable('claims');
  const replay = app.statusStrip.getByTestId('replay');
  const state = replay.getByTestId('replay-state');
  // The demo opens at its final state, still (trial 9 defect 2): restart plays it.
  await replay.getByTestId('replay-restart').click();
  await expect(replay).toHaveAttribute('data-playing', 'true');
  await expect(state).toHaveText('Запись идёт');
  await expect(state).toHaveAttribute('title', /меняются, пока вы читаете/);
  const geometry = async () => ({
    strip: Math.round((await app.statusStrip.boundingBox())!.height),
    content: Math.round((await app.nav('overview').boundingBox())!.y),
    grid: Math.round((await app.table('claims').grid.boundingBox())!.y),
  });
  const playing = await geometry();
  // One row: no taller than a control and its padding.
  expect(playing.strip, 'the strip is one row').toBeLessThan(36);
  await replay.getByTestId('replay-pause').click();
  await expect(state).toHaveText('Запись на паузе');
  expect(await geometry(), 'paused: nothing moved').toEqual(playing);
  await replay.getByTestId('replay-play').click();
  // The recording is about 75 s long; it stops at its final state (loop is off).
  await expect(replay).toHaveAttribute('data-ended', 'true', { timeout: 150_000 });
  await expect(state).toHaveText('Запись закончилась: итоговое состояние');
  await expect(state).toHaveAttribute('title', 'Запись закончилась: итоговое состояние');
  expect(await geometry(), 'ended: the strip and the content did not move').toEqual(playing);
});

test('4: a details tab opens at its top, not where the last tab was scrolled to', async ({ app, demoHost, page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  const claims = await app.showTable('claims');
  await claims.open('lab-stuck', 'missing-class');
  const details = app.details;
  await expect(details.summary).toBeVisible();
  const body = details.body;
  let scrolled = 0;
  for (const [from, to] of [['summary', 'findings'], ['findings', 'related'], ['related', 'summary'], ['summary', 'yaml'], ['yaml', 'events']] as const) {
    await details.showTab(from);
    await expect(body).toHaveAttribute('data-tab', from);
    // To the end of the tab (as a reader does), then another tab.
    const top = await body.evaluate((b) => {
      b.scrollTop = b.scrollHeight;
      return b.scrollTop;
    });
    if (top > 0) scrolled += 1;
    await details.showTab(to);
    await expect(body).toHaveAttribute('data-tab', to);
    expect(await body.evaluate((b) => b.scrollTop), `${to} after ${from} scrolled to ${top}`).toBe(0);
  }
  // The check means something only if tabs were long enough to scroll.
  expect(scrolled, 'tabs that scrolled').toBeGreaterThanOrEqual(3);
});

test('11: no blank cells in the Provisioners table: a dash with a reason', async ({ app, demoHost, page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await useLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  const table = await app.showTable('provisioners');
  await expect(table.rows.first()).toBeVisible();
  const cells = await table.grid.locator('[role="gridcell"]').evaluateAll((all) =>
    all.map((c) => ({ column: c.getAttribute('data-column') ?? '', text: (c.textContent ?? '').trim(), title: c.getAttribute('title') ?? '' })),
  );
  // Findings: an empty cell means none (every table reads so); every other cell says something.
  const blank = cells.filter((c) => c.column !== 'badge' && c.text === '');
  expect(blank, 'blank cells').toEqual([]);
  const dashes = cells.filter((c) => c.text === '—');
  for (const dash of dashes) expect(dash.title, `the reason for "—" in ${dash.column}`).toMatch(/[а-я]{4}/);
  // Pods with no count say why in a word (trial 9 of issue 8: a bare «—»), and more in the title.
  const noCount = cells.filter((c) => c.column === 'pods' && !/^\d+\/\d+$/.test(c.text));
  expect(noCount.length, 'Pods cells with no count').toBeGreaterThan(0);
  for (const cell of noCount) {
    expect(cell.text, 'a word, not a dash').toMatch(/^[а-я ]+$/);
    expect(cell.title, `the reason for «${cell.text}»`).toMatch(/[а-я]{4}/);
  }
});

test('16: commands break at spaces only, tabs are one row, tags and chips whole, at 1280x720 in ru', async ({ app, freshDemoHost, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  // The demo opens at its final state, still (trial 9 defect 2): restart plays it from its start.
  await app.statusStrip.getByTestId('replay').getByTestId('replay-restart').click();
  const claims = await app.showTable('claims');
  // At the replay's start lab-wffc/waiting waits for its first consumer: the widest findings chip.
  await expect(claims.row('lab-wffc', 'waiting').getByTestId('severity-chip')).toHaveAttribute('data-severity', 'expected-wait');
  await claims.open('lab-stuck', 'too-big-for-pv');
  await expect(app.details.root).toBeVisible();
  const cutChips = () => claims.grid.locator('.chip-label').evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent ?? ''));
  await expect.poll(cutChips, { message: 'findings chips cut in the table' }).toEqual([]);

  await app.details.showTab('findings');
  await expect(app.details.fixCommands.first()).toBeVisible();
  // Every word of every command lies on one line (unless it is longer than the whole line).
  const brokenWords = await app.details.fixCommands.evaluateAll((commands) => {
    const out: string[] = [];
    for (const command of commands) {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(command, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode as Text);
      const text = nodes.map((n) => n.data).join('');
      const at = (offset: number): [Text, number] => {
        let left = offset;
        for (const node of nodes) {
          if (left <= node.data.length) return [node, left];
          left -= node.data.length;
        }
        return [nodes[nodes.length - 1]!, nodes[nodes.length - 1]!.data.length];
      };
      const width = command.clientWidth;
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(...at(match.index));
        range.setEnd(...at(match.index + match[0].length));
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1 && range.getBoundingClientRect().width < width - 20) out.push(`${match[0]} in "${text}"`);
      }
    }
    return out;
  });
  expect(brokenWords, 'words of a command broken across lines').toEqual([]);
  // Not vacuous: at this size a command does wrap (the kubectl describe one, as in the trial).
  const wrapped = await app.details.fixCommands.evaluateAll((all) => 
    all.filter((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size > 1;
    }).length,
  );
  expect(wrapped, 'commands that wrap').toBeGreaterThan(0);

  // Tabs in one row where six fit; seven (a pod with init containers in Russian) in rows of several, never one alone.
  const expectTabRows = async (what: string, rows: number) => {
    const tabs = app.details.root.getByRole('tab');
    const perRow = await tabs.evaluateAll((all) => {
      const count = new Map<number, number>();
      for (const t of all) count.set(Math.round(t.getBoundingClientRect().top), (count.get(Math.round(t.getBoundingClientRect().top)) ?? 0) + 1);
      return [...count.values()];
    });
    expect(perRow.length, `${what}: tab rows`).toBeLessThanOrEqual(rows);
    for (const n of perRow) expect(n, `${what}: tabs per row ${perRow.join(', ')}`).toBeGreaterThan(1);
    const list = app.details.root.getByRole('tablist');
    const inside = await list.evaluate((l) => {
      const box = l.getBoundingClientRect();
      return [...l.querySelectorAll('[role="tab"]')].every((t) => t.getBoundingClientRect().right <= box.right + 0.5);
    });
    expect(inside, `${what}: every tab inside the panel`).toBe(true);
  };
  for (const [ns, name, tab, rows] of [['lab-stuck', 'app-waiting-for-claim', 'volumes', 1], ['lab-init', 'prepare-data', 'yaml', 2]] as const) {
    const pods = await app.showTable('pods');
    await pods.open(ns, name);
    await expect(app.details.heading).toContainText(`${ns}/${name}`);
    await app.details.showTab(tab);
    await expect(app.details.body).toHaveAttribute('data-tab', tab);
    await expectTabRows(`${ns}/${name}`, rows);
    if (tab === 'volumes') {
      const tags = await app.details.body.locator('.ro-tag, .rw-tag').evaluateAll((all) =>
        all.map((tag) => {
          const body = tag.closest('.detail-body')!.getBoundingClientRect();
          const box = tag.getBoundingClientRect();
          return { text: tag.textContent ?? '', lines: tag.getClientRects().length, inside: box.right <= body.right - 4 };
        }),
      );
      expect(tags.length).toBeGreaterThan(0);
      for (const tag of tags) expect(tag, `the tag "${tag.text}" whole and inside the panel`).toEqual({ text: tag.text, lines: 1, inside: true });
    }
  }
});

for (const screen of SCREENS) {
  test(`15: the overview's lesson links are whole at ${screen.name} in ru`, async ({ app, demoHost, page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await useLanguage(page, 'ru');
    await app.open(demoHost.url);
    await app.waitForCluster('demo');
    await app.show('overview');
    const links = app.pane.locator('.learn-link');
    await expect(links.first()).toBeVisible();
    const cut = await links.evaluateAll((all) =>
      all.filter((l) => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > (l.closest('.overview')?.getBoundingClientRect().right ?? Infinity)).map((l) => l.textContent ?? ''),
    );
    expect(cut, 'lesson links cut').toEqual([]);
  });
}

test('12: a snapshot cluster\'s initials, list entry and tab at 1280x720 in ru', async ({ app, freshDemoHost, page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(freshDemoHost.url);
  await app.waitForCluster('demo');
  const id = await openLargeSnapshot(app, page);
  const tab = page.locator(`[data-testid="cluster-tab"][data-cluster-id="${id}"]`);
  const name = (await tab.locator('.tab-name').getAttribute('title')) ?? '';
  expect(name, 'the snapshot is named after its file and its cluster').toMatch(/\.json \(.+\)$/);
  // The tab shows the end of the name (the cluster's), cut in the middle if at all.
  const shown = ((await tab.locator('.middle-cut').count()) > 0 ? await tab.locator('.middle-cut').textContent() : await tab.locator('.tab-name').textContent()) ?? '';
  expect(shown.endsWith(')'), `the tab "${shown}" ends with the cluster's name`).toBe(true);
  expect(await tab.locator('.tab-name').evaluate((e) => e.scrollWidth <= e.clientWidth + 1), 'the tab name fits its tab').toBe(true);
  const item = app.clusterItem(id);
  for (const collapsed of [true, false]) {
    if ((await app.clusterList.getAttribute('data-collapsed')) !== String(collapsed)) await page.getByTestId('sidebar-toggle').click();
    await expect(app.clusterList).toHaveAttribute('data-collapsed', String(collapsed));
    expect(await item.getAttribute('title'), 'the whole name in the tooltip').toContain(name.replace(/[\u2066-\u2069]/g, '').slice(0, 10));
    if (collapsed) {
      const initials = await item.locator('.cluster-initials').textContent();
      const cluster = /\(([^()]+)\)$/.exec(name)![1]!;
      expect(initials, 'initials from the cluster\'s name').toBe(cluster.split(/[^\p{L}\p{N}]+/u).filter((w) => /\p{L}/u.test(w)).slice(0, 2).map((w) => w[0]!.toUpperCase()).join(''));
    } else {
      const listName = item.locator('.cluster-name');
      expect(await listName.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1), 'the whole name in the list').toBe(true);
    }
  }
});

for (const screen of SCREENS) {
  test(`3: panels leave the table its columns and never cover the strip or the view tabs, at ${screen.name} in ru`, async ({ app, freshDemoHost, page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await useLanguage(page, 'ru');
    await app.open(freshDemoHost.url);
    await app.waitForCluster('demo');
    const box = async (l: import('@playwright/test').Locator) => (await l.boundingBox())!;
    const claims = await app.showTable('claims');
    await claims.open('lab-stuck', 'missing-class');
    await app.details.showTab('findings');
    await app.details.learnLink(app.details.findings.first()).click();
    await expect(app.lesson.currentSection).toBeVisible();
    await expectNoDocumentScroll(page);
    const lesson = await box(app.lesson.root);
    const strip = await box(app.statusStrip);
    const top = await box(page.locator('.topbar'));
    expect(lesson.y, 'the lesson is below the top bar').toBeGreaterThanOrEqual(top.y + top.height - 0.5);
    if ((await app.lesson.root.getAttribute('data-mode')) === 'overlay') {
      expect(lesson.y, 'the lesson over the panes starts below the status strip').toBeGreaterThanOrEqual(strip.y + strip.height - 0.5);
    } else if ((await app.details.root.getAttribute('data-mode')) === 'overlay') {
      // Docked beside the pane, whose details panel lays over the table rather than squeezing it: both panels whole.
      const details = await box(app.details.root);
      expect(details.x + details.width, 'the details panel left of the lesson').toBeLessThanOrEqual(lesson.x + 0.5);
      const head = await box(claims.header('name'));
      expect(head.x, 'the table under the details panel keeps its first column in view').toBeLessThan(details.x);
    } else {
      // Docked beside the pane: the table keeps its never-hidden columns in view, left of every panel.
      const details = await box(app.details.root);
      const limit = Math.min(lesson.x, details.x);
      for (const column of ['name', 'phase', 'badge']) {
        const head = await box(claims.header(column));
        expect(head.x + head.width, `the ${column} column beside the panels`).toBeLessThanOrEqual(limit + 0.5);
      }
    }
    await app.lesson.close.click();
    await expect(app.lesson.root).toHaveCount(0);

    // Lessons opened from the nav: the strip stays uncovered too.
    await app.pane.getByTestId('nav-lessons').click();
    await expect(app.lesson.root).toBeVisible();
    const fromNav = await box(app.lesson.root);
    if ((await app.lesson.root.getAttribute('data-mode')) === 'overlay') expect(fromNav.y, 'the Lessons panel below the strip').toBeGreaterThanOrEqual(strip.y + strip.height - 0.5);
    else expect(fromNav.x, 'the Lessons panel beside the pane').toBeGreaterThanOrEqual(strip.x + strip.width - 0.5);
    await app.lesson.close.click();
    await expect(app.lesson.root).toHaveCount(0);

    // Side by side: each pane's details panel stays below its view tabs.
    await page.getByTestId('snapshot-file-input').setInputFiles(join(REPO_ROOT, 'resources', 'demo', 'demo.json'));
    await expect(page.getByTestId('cluster-tab')).toHaveCount(2);
    await page.getByTestId('split-toggle').click();
    const panes = [page.getByTestId('pane-0'), page.getByTestId('pane-1')];
    await expect(panes[1]!.getByTestId('nav-overview')).toBeVisible({ timeout: 60_000 });
    for (const [i, pane] of panes.entries()) {
      await pane.getByTestId('nav-claims').click();
      await pane.locator('[data-testid="table-row"][data-name="missing-class"]').click();
      const details = pane.getByTestId('details-panel');
      await expect(details).toBeVisible();
      const nav = await box(pane.locator('.view-nav'));
      const panel = await box(details);
      const paneStrip = await box(pane.getByTestId('status-strip'));
      if (nav.width > nav.height) expect(panel.y, `pane ${i}: the details panel is below the view tabs`).toBeGreaterThanOrEqual(nav.y + nav.height - 0.5);
      else expect(panel.x, `pane ${i}: the details panel is beside the view nav`).toBeGreaterThanOrEqual(nav.x + nav.width - 0.5);
      expect(panel.y, `pane ${i}: the details panel is below the status strip`).toBeGreaterThanOrEqual(paneStrip.y + paneStrip.height - 0.5);
    }
  });
}

test('13: the graph opened from details has readable node text at 1280x720 in ru', async ({ app, demoHost, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await useLanguage(page, 'ru');
  await app.open(demoHost.url);
  await app.waitForCluster('demo');
  const claims = await app.showTable('claims');
  await claims.open('lab-stuck', 'missing-class');
  await app.details.graphButton.click();
  const canvas = app.pane.locator('.graph-canvas');
  await expect(canvas.locator('.storage-node').first()).toBeVisible();
  const measure = () =>
    canvas.evaluate((c) => {
      const viewport = c.querySelector<HTMLElement>('.react-flow__viewport')!;
      const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
      let smallest = Infinity;
      for (const el of c.querySelectorAll<HTMLElement>('.storage-node *')) {
        const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (own) smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      }
      const root = c.querySelector('.storage-node.root')?.getBoundingClientRect();
      const box = c.getBoundingClientRect();
      const rootInView = !!root && root.left >= box.left - 1 && root.right <= box.right + 1 && root.top >= box.top - 1 && root.bottom <= box.bottom + 1;
      return { drawn: Math.round(smallest * zoom * 10) / 10, rootInView };
    });
  await expect.poll(async () => (await measure()).drawn, { message: 'smallest node text as drawn, px' }).toBeGreaterThanOrEqual(11);
  expect((await measure()).rootInView, 'the claim\'s node is in view').toBe(true);
});
