/**
 * `npm run bench:screen` (issue 13, item 4): change to screen, measured in the browser. Starts its own lab, seeds
 * N PVs, N claims and 2N pods per size (seed.ts), starts `kse web`, opens the Claims table of lab-admin in
 * Chromium at 1440x900 (sorted by name), and patches the `status.capacity` of the claims whose rows are on screen
 * at a steady rate (default 100 writes/s for 60 s). A MutationObserver in the page records when each row's Size
 * cell shows a new value; the page's clock is aligned to ours by the tightest of 15 round trips. Reported per size:
 * write-to-screen p50/p95/max over the writes whose rows stayed on screen, dropped updates, the page's long tasks,
 * the frames of a scroll through the table in the middle of the patching, and p50 over the smallest size's p50.
 * Timings are reported, never asserted (docs/benchmarks.md holds the targets).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { KubeClient } from '../../e2e/cluster/kube';
import { startLab } from '../../e2e/cluster/lab';
import { startWebHost } from '../../e2e/journeys/support/web-host';
import { BenchUsageError } from './args';
import { launchChromium } from './cold-start';
import { capacityOfCell, chooseClockOffset, finalWrites, duringScroll, matchWrites, summarizeLatency, summarizeLongTasks, type Percentiles } from './screen-analysis';
import { parseScreenArgs, SCREEN_USAGE, type ScreenOptions } from './screen-args';
import { clockSamples, installProbes, openClaimsTable, readProbes, rowsOnScreen, scrollWhileRecording } from './screen-page';
import { patchSteadily, targetOf } from './screen-patcher';
import { upsertScreen, type ScreenRow } from './screen-table';
import { countBoundClaims, nodeNames, prepareNamespaces, seedRange, waitFor } from './seed';
import { formatMillis, frameStats, percentile } from './stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);
/** Clients the patcher spreads its writes over, 8 connections each (screen-patcher.ts). */
const WRITERS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One size: kse web from cold, the table opened, the patching with a scroll in its middle, the grace period. */
async function measure(writers: readonly KubeClient[], counts: Map<string, number>, kubeconfig: string, browser: Browser, n: number, options: ScreenOptions): Promise<ScreenRow> {
  const timeoutMs = Math.max(120_000, n * 30);
  const host = await startWebHost({ kubeconfig, timeoutMs });
  const { context, page } = await openClaimsTable(browser, host.url, n, timeoutMs).catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  try {
    // Let the first sync's work settle, so the patching does not start inside it.
    await sleep(3000);
    const keys = await rowsOnScreen(page);
    if (keys.length === 0) throw new Error('No Claims rows are wholly on screen at 1440x900.');
    const targets = keys.map(targetOf);
    log(`  ${targets.length} rows on screen: ${keys[0]} ... ${keys[keys.length - 1]}`);
    await installProbes(page, keys);
    const load = [loadavg()[0] ?? 0];
    const scrollAt = options.scrollSeconds > 0 ? ((options.seconds - options.scrollSeconds) / 2) * 1000 : undefined;
    const scrolling = scrollAt === undefined ? undefined : sleep(scrollAt).then(() => scrollWhileRecording(page, options.scrollSeconds));
    const writes = await patchSteadily(writers, targets, options.rate, options.seconds, counts);
    const scroll = await scrolling;
    load.push(loadavg()[0] ?? 0);
    const last = finalWrites(writes);
    // Grace: until every claim's last value is on screen, or the time is up.
    const graceEnd = performance.now() + options.graceSeconds * 1000;
    for (;;) {
      const { observations } = await readProbes(page);
      const missing = last.filter((w) => !observations.some((o) => o.key === w.key && capacityOfCell(o.text) === w.capacity));
      if (missing.length === 0 || performance.now() > graceEnd) break;
      await sleep(250);
    }
    const clock = chooseClockOffset(await clockSamples(page));
    const { observations, longTasks } = await readProbes(page);
    const outcomes = matchWrites(writes, observations, clock.offset);
    const scrollWindow = scroll ? { start: scroll.start - clock.offset, end: scroll.end - clock.offset } : undefined;
    const onScreen = summarizeLatency(outcomes.filter((o) => !duringScroll(o, scrollWindow)));
    const all = summarizeLatency(outcomes);
    const acks = writes.flatMap((w) => (w.ackAt === undefined ? [] : [w.ackAt - w.sentAt]));
    const lastAnswer = Math.max(...writes.map((w) => w.ackAt ?? 0));
    const sendSpan = ((writes[writes.length - 1]?.sentAt ?? 0) - (writes[0]?.sentAt ?? 0)) / 1000;
    const frames = frameStats(scroll?.deltas ?? []);
    const row: ScreenRow = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`,
      n,
      seconds: options.seconds,
      sent: writes.length,
      failed: writes.filter((w) => w.error !== undefined).length,
      rate: sendSpan > 0 ? (writes.length - 1) / sendSpan : 0,
      answeredRate: acks.length > 0 ? acks.length / ((lastAnswer - (writes[0]?.sentAt ?? 0)) / 1000) : 0,
      targets: targets.length,
      onScreen,
      all,
      longTasks: summarizeLongTasks(longTasks),
      scroll: { ...frames, seconds: scroll ? (scroll.end - scroll.start) / 1000 : 0 },
      ackP50: acks.length > 0 ? percentile(acks, 0.5) : NaN,
      ackP95: acks.length > 0 ? percentile(acks, 0.95) : NaN,
      loadAverage: Math.max(...load),
    };
    // The raw data, for a closer look (which writes were dropped, what the page saw when).
    const dump = join(tmpdir(), `kse-bench-screen-${n}.json`);
    writeFileSync(dump, JSON.stringify({ clock, scroll: scrollWindow, writes, observations, longTasks }));
    const dropped = outcomes.filter((o) => o.shownAt === undefined).map((o) => o.write);
    if (dropped.length > 0) log(`  dropped: ${dropped.slice(0, 5).map((w) => `${w.key} #${w.m} (${w.capacity})`).join(', ')}${dropped.length > 5 ? ', ...' : ''}; raw data in ${dump}`);
    const firstError = writes.find((w) => w.error !== undefined)?.error;
    log(`  clock offset ${clock.offset.toFixed(1)} ms (round trip ${clock.rtt.toFixed(1)} ms); ${row.sent} writes at ${row.rate.toFixed(1)}/s, answered at ${row.answeredRate.toFixed(1)}/s, ${row.failed} failed${firstError ? ` (${firstError.split('\n')[0]})` : ''}`);
    const triple = (p: Percentiles) => `p50 ${formatMillis(p.p50)}, p95 ${formatMillis(p.p95)}, max ${formatMillis(p.max)}`;
    log(`  on screen (${onScreen.writes} writes): from the answer ${triple(onScreen.fromAck)}; from the request ${triple(onScreen.fromSent)}`);
    log(`  all writes, scroll included: from the answer ${triple(all.fromAck)}`);
    log(`  dropped ${all.dropped}, superseded ${all.superseded}; long tasks ${row.longTasks.count} (${formatMillis(row.longTasks.totalMs)}, max ${formatMillis(row.longTasks.maxMs)}); scroll ${frames.frames} frames in ${row.scroll.seconds.toFixed(1)} s, p95 ${frames.p95.toFixed(1)} ms; API write p50 ${formatMillis(row.ackP50)}; load ${row.loadAverage.toFixed(1)}`);
    return row;
  } finally {
    await context.close();
    await host.stop();
  }
}

function writeDocs(path: string, rows: readonly ScreenRow[]): void {
  const file = join(ROOT, path);
  writeFileSync(file, upsertScreen(readFileSync(file, 'utf8'), rows));
  log(`results written to ${path}`);
}

async function run(options: ScreenOptions): Promise<void> {
  const lab = await startLab({ seedScenarios: false, log: (line) => log(`lab: ${line}`) });
  const stopLab = () => void lab.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopLab);
  let browser: Browser | undefined;
  try {
    const client = lab.client('admin');
    const nodes = await nodeNames(client);
    await prepareNamespaces(client);
    browser = await launchChromium();
    const writers = Array.from({ length: WRITERS }, () => lab.client('admin'));
    const rows: ScreenRow[] = [];
    // Each claim's last value number, across sizes: the lab keeps what the last size wrote.
    const counts = new Map<string, number>();
    let seeded = 0;
    for (const n of options.sizes) {
      log(`seeding up to N = ${n}`);
      const timings = await seedRange(client, seeded, n, nodes, 24, log);
      seeded = n;
      log(`seeded ${timings.created} objects in ${formatMillis(timings.millis.total)}`);
      await waitFor(() => countBoundClaims(client), (c) => c.bound >= n, 120_000 + n * 30, (c) => log(`  claims Bound: ${c.bound}/${c.total}`));
      log(`N = ${n}: ${options.rate} writes/s for ${options.seconds} s${options.scrollSeconds > 0 ? `, ${options.scrollSeconds} s of scrolling in the middle` : ''}`);
      rows.push(await measure(writers, counts, lab.kubeconfigPath, browser, n, options));
      // Written after every size, so a later size that fails or runs out of time keeps the earlier numbers.
      if (options.docsPath) writeDocs(options.docsPath, rows);
    }
  } finally {
    process.off('SIGINT', stopLab);
    await browser?.close();
    await lab.stop();
  }
}

let options: ScreenOptions | 'help';
try {
  options = parseScreenArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  log(error.message);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(SCREEN_USAGE);
} else {
  await run(options).catch((error: unknown) => {
    log(`bench:screen failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  });
}
