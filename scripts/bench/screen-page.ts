/**
 * What the change-to-screen benchmark does inside the page (Chromium, through Playwright): opens the Claims table
 * of `kse web`, names the rows fully on screen, watches their Size cells with a MutationObserver, records long
 * tasks, reads the page's clock for the offset, and scrolls the table with requestAnimationFrame while counting
 * frames. Page times are `performance.timeOrigin + performance.now()` (epoch ms). Scripts are passed as strings:
 * tsx would wrap named inner functions in a helper the page does not have (see graph-frames.ts).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ClockSample, Observation } from './screen-analysis';

/** The Claims table's rows and their Size cells (src/renderer/src/table/DataTable.tsx). */
const ROW = '[data-testid="table-claims"] [data-testid="table-row"][data-name]';
const SCROLLER = '[data-testid="table-claims"] .grid-scroll';

const now = () => performance.timeOrigin + performance.now();

/**
 * A new browser context at 1440x900 with the Claims table of lab-admin sorted by name (so the first rows are the
 * same in every run), resolved when its count shows all `claims` and rows are drawn.
 */
export async function openClaimsTable(browser: Browser, url: string, claims: number, timeoutMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${url}&/claims?open=ctx%3Alab-admin&c=ctx%3Alab-admin&sort=name%3Aasc`);
  await page.waitForFunction(
    ([n, row]) => {
      const count = document.querySelector('[data-testid="table-count"]')?.textContent ?? '';
      return count.replace(/\D/g, '') === String(n) && document.querySelector(row as string)?.querySelector('[data-column="size"]') !== null;
    },
    [claims, ROW] as const,
    { polling: 250, timeout: timeoutMs },
  );
  return { context, page };
}

/** "namespace/name" of the rows wholly inside the table's visible area (not the virtualiser's overscan rows). */
export async function rowsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const scroller = document.querySelector(${JSON.stringify(SCROLLER)}).getBoundingClientRect();
    const head = document.querySelector(${JSON.stringify(SCROLLER)} + ' [role="row"]').getBoundingClientRect();
    const top = Math.max(scroller.top, head.bottom);
    return [...document.querySelectorAll(${JSON.stringify(ROW)})]
      .filter((row) => { const r = row.getBoundingClientRect(); return r.top >= top && r.bottom <= scroller.bottom; })
      .map((row) => row.getAttribute('data-namespace') + '/' + row.getAttribute('data-name'));
  })()`);
}

/**
 * Starts recording: each change of a watched row's Size cell text (time, key, text), checked on every DOM mutation
 * (so a row that is re-mounted after a scroll is seen too), and every long task from now on.
 */
export async function installProbes(page: Page, keys: readonly string[]): Promise<void> {
  await page.evaluate(`(() => {
    const keys = new Set(${JSON.stringify(keys)});
    const seen = (window.__kseSeen = []);
    const long = (window.__kseLong = []);
    const last = new Map();
    const scan = () => {
      const at = performance.timeOrigin + performance.now();
      for (const row of document.querySelectorAll(${JSON.stringify(ROW)})) {
        const key = row.getAttribute('data-namespace') + '/' + row.getAttribute('data-name');
        if (!keys.has(key)) continue;
        const text = row.querySelector('[data-column="size"]')?.textContent ?? '';
        if (last.get(key) !== text) {
          last.set(key, text);
          seen.push([at, key, text]);
        }
      }
    };
    window.__kseObserver = new MutationObserver(scan);
    window.__kseObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.__kseLongObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push([performance.timeOrigin + e.startTime, e.duration]);
    });
    window.__kseLongObserver.observe({ type: 'longtask' });
    scan();
  })()`);
}

/** What the probes recorded so far: Size cell texts, and long tasks as [start (page epoch ms), duration ms]. */
export async function readProbes(page: Page): Promise<{ observations: Observation[]; longTasks: [number, number][] }> {
  const raw = (await page.evaluate('({ seen: window.__kseSeen, long: window.__kseLong })')) as { seen: [number, string, string][]; long: [number, number][] };
  return { observations: raw.seen.map(([at, key, text]) => ({ at, key, text })), longTasks: raw.long };
}

/** `count` round trips reading the page's clock (chooseClockOffset picks the tightest). */
export async function clockSamples(page: Page, count = 15): Promise<ClockSample[]> {
  const samples: ClockSample[] = [];
  for (let k = 0; k < count; k++) {
    const sentAt = now();
    const pageAt = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
    samples.push({ sentAt, pageAt, receivedAt: now() });
  }
  return samples;
}

/**
 * Scrolls the table down and back (`speed` px a frame, up to `depth` px, like a fling through a few hundred rows)
 * for `seconds`, one step per requestAnimationFrame, then back to the top. Returns the window (page clock) and the
 * frame deltas (ms).
 */
export async function scrollWhileRecording(page: Page, seconds: number, speed = 40, depth = 6000): Promise<{ start: number; end: number; deltas: number[] }> {
  return (await page.evaluate(`new Promise((resolve) => {
    const el = document.querySelector(${JSON.stringify(SCROLLER)});
    const deltas = [];
    const t0 = performance.now();
    let last = t0;
    let dir = 1;
    const tick = (t) => {
      deltas.push(t - last);
      last = t;
      let top = el.scrollTop + dir * ${speed};
      if (top >= ${depth}) { top = ${depth}; dir = -1; }
      if (top <= 0) { top = 0; dir = 1; }
      el.scrollTop = top;
      if (t - t0 < ${seconds * 1000}) return requestAnimationFrame(tick);
      el.scrollTop = 0;
      resolve({ start: performance.timeOrigin + t0, end: performance.timeOrigin + performance.now(), deltas: deltas.slice(1) });
    };
    requestAnimationFrame(tick);
  })`)) as { start: number; end: number; deltas: number[] };
}
