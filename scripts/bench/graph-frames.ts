/**
 * Frame times of the binding graph at 2,000 claims in one namespace (issue 9), in Debian's Chromium:
 * `npx tsx scripts/bench/graph-frames.ts` (needs `npm run build` and /usr/bin/chromium or KSE_CHROMIUM).
 *
 * It starts `kse web` on the demo, opens the snapshot of src/main/store/testing/graph-scale-cluster.ts through the
 * UI's picker, draws the namespace at 1280x720, and records requestAnimationFrame deltas while the pointer pans
 * the canvas (drags) and zooms it (wheel), two ways: grouped (what the graph shows) and with the 1,960-claim group
 * expanded (cut at the core's 300-node cap: the most a graph ever draws). Prints medians, p95, max and the share of
 * frames over 33 ms; reports, never asserts (timings do not belong in tests).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startWebHost } from '../../e2e/journeys/support/web-host';
import { GRAPH_SCALE, graphScaleSnapshot } from '../../src/main/store/testing/graph-scale-cluster';
import { frameStats, type FrameStats } from './stats';

/** Pans (drags back and forth) and zooms (wheel in and out) over the canvas while recording rAF deltas. */
async function measure(page: Page, what: 'pan' | 'zoom'): Promise<FrameStats> {
  const canvas = (await page.locator('.graph-canvas .react-flow__pane').boundingBox())!;
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  if (what === 'pan') {
    for (let round = 0; round < 4; round++) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx - 300, cy - 120, { steps: 40 });
      await page.mouse.move(cx + 200, cy + 100, { steps: 40 });
      await page.mouse.up();
    }
  } else {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, i < 20 ? -60 : 60);
      await page.waitForTimeout(16);
    }
  }
  const deltas = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(1);
  });
  return frameStats(deltas);
}

async function main(): Promise<void> {
  const file = join(mkdtempSync(join(tmpdir(), 'kse-graph-frames-')), 'graph-scale-2000.json');
  writeFileSync(file, JSON.stringify(graphScaleSnapshot()));
  const host = await startWebHost();
  const browser = await chromium.launch({ executablePath: process.env.KSE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(host.url);
    await page.getByTestId('snapshot-file-input').setInputFiles(file);
    await page.getByTestId('pane-0').locator('[data-cluster-id^="file:"], [data-testid="nav-graph"]').first().waitFor({ timeout: 90_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="pane-0"]')?.getAttribute('data-cluster-id')?.startsWith('file:'), undefined, { timeout: 90_000 });
    await page.getByTestId('pane-0').getByTestId('nav-graph').click();
    await page.getByTestId('graph-namespace').selectOption(GRAPH_SCALE.namespace);
    const bound = GRAPH_SCALE.claims - GRAPH_SCALE.pending;
    const group = page.locator(`[data-testid="graph-node"][data-type="claim"][data-group-count="${bound}"]`);
    await group.waitFor({ timeout: 90_000 });
    const rows: string[] = [];
    const row = (label: string, nodes: number, s: FrameStats) =>
      rows.push(`| ${label} | ${nodes} | ${s.frames} | ${s.median.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${(s.over33 * 100).toFixed(1)} % |`);
    let nodes = await page.getByTestId('graph-node').count();
    row('grouped, pan', nodes, await measure(page, 'pan'));
    row('grouped, zoom', nodes, await measure(page, 'zoom'));
    await group.click();
    await page.locator('[data-testid="graph-node"][data-type="claim"]:not([data-group-count])').first().waitFor({ timeout: 90_000 });
    await page.waitForTimeout(500);
    nodes = await page.getByTestId('graph-node').count();
    row('1,960 claims expanded (cut at 300 nodes), pan', nodes, await measure(page, 'pan'));
    row('1,960 claims expanded (cut at 300 nodes), zoom', nodes, await measure(page, 'zoom'));
    process.stdout.write(['| View | Nodes drawn | Frames | Median | p95 | Max | Frames over 33 ms |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n');
  } finally {
    await browser.close();
    await host.stop();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
