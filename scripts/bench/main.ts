/**
 * `npm run bench`: starts its own lab, seeds N PVs, N claims and 2N pods per size, and measures in one run
 * the cold `kse sync` (whole command and its reported time) against `kubectl get sc,pv,pvc,pods -A -o json` on
 * the same server, kse's peak RSS, the store's answers after a sync, and the cold start to the full claims list
 * on screen: `kse web` in Chromium beside k9s in tmux (optional: skipped, with the reason, when k9s cannot be
 * built). Writes docs/benchmarks.md.
 * Timings are reported, never asserted: this machine is shared and its load varies.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLab, type Lab } from '../../e2e/cluster/lab';
import { checkCounts } from './counts';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchOptions } from './args';
import { kubectlCounts, runKseStartup, runKseSync, runKubectlGet, type KseRun, type KubectlRun } from './measure-commands';
import { RAW_LIST_PATHS, rawPagedList, type RawListRun, type RawListTarget } from './raw-list';
import { countBoundClaims, countPodsNotRunning, nodeNames, prepareNamespaces, seedRange, waitFor } from './seed';
import { probeStore } from './store-probe';
import { upsertResults, type SizeResult } from './results-table';
import { measureColdStart } from './cold-start';
import { upsertColdStart, type ColdStartRow } from './cold-start-table';
import { ensureK9s, k9sHome, type K9sBinary } from './k9s';
import { formatKib, formatMillis, median } from './stats';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): string {
  return `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

const rawSummary = (r: RawListRun) => `${formatMillis(r.millis)} (${r.pages} pages, ${(r.wireBytes / 2 ** 20).toFixed(1)} MiB)`;

/**
 * kse, kubectl, kse contexts, then the raw paged list (identity, then gzip), `runs` times: alternating spreads
 * any drift in load over all of them.
 */
async function timeAll(lab: Lab, kubectlPath: string, runs: number, timeoutSeconds: number): Promise<{ kse: KseRun[]; kubectl: KubectlRun[]; startup: number[]; raw: RawListRun[]; rawGzip: RawListRun[] }> {
  const kse: KseRun[] = [];
  const kubectl: KubectlRun[] = [];
  const startup: number[] = [];
  const raw: RawListRun[] = [];
  const rawGzip: RawListRun[] = [];
  const target: RawListTarget = { server: lab.server, caPem: lab.caPem, token: lab.adminToken };
  for (let k = 0; k < runs; k++) {
    const a = await runKseSync(ROOT, lab.kubeconfigPath, timeoutSeconds);
    const b = await runKubectlGet(kubectlPath, lab.kubeconfigPath);
    const c = await runKseStartup(ROOT, lab.kubeconfigPath);
    const d = await rawPagedList(target, { gzip: false });
    const e = await rawPagedList(target, { gzip: true });
    log(`  run ${k + 1}/${runs}: kse ${formatMillis(a.wallMillis)} (reported ${formatMillis(a.reportedMillis)}, RSS ${formatKib(a.maxRssKib)}); kubectl ${formatMillis(b.wallMillis)} (RSS ${formatKib(b.maxRssKib)}); kse contexts ${formatMillis(c)}; raw paged list ${rawSummary(d)}, gzip ${rawSummary(e)}`);
    kse.push(a);
    kubectl.push(b);
    startup.push(c);
    raw.push(d);
    rawGzip.push(e);
  }
  return { kse, kubectl, startup, raw, rawGzip };
}

/** The raw list's item counts keyed like kse's (by resource). */
function rawCounts(run: RawListRun): Record<string, number> {
  return Object.fromEntries(RAW_LIST_PATHS.map((path) => [path.slice(path.lastIndexOf('/') + 1), run.counts[path] ?? 0]));
}

interface Peers {
  k9s: K9sBinary;
  k9sHome: string;
}

async function measureSize(lab: Lab, kubectlPath: string, n: number, seedMillis: number, options: BenchOptions, peers: Peers): Promise<{ size: SizeResult; coldStart?: ColdStartRow }> {
  const client = lab.client('admin');
  const bound = await waitFor(() => countBoundClaims(client), (c) => c.bound >= n, 120_000 + n * 30, (c) => log(`  claims Bound: ${c.bound}/${c.total}`));
  log(`claims Bound: ${bound.value.bound}/${bound.value.total} (waited ${formatMillis(bound.millis)})`);
  const pending = await waitFor(() => countPodsNotRunning(client), (left) => left === 0, options.podsWaitSeconds * 1000, (left) => log(`  pods not Running yet: ${left}`));
  const podsRunning = 2 * n - pending.value;
  log(pending.done ? `all ${2 * n} pods Running (waited ${formatMillis(pending.millis)})` : `kwok made only ${podsRunning} of ${2 * n} pods Running in ${options.podsWaitSeconds} s; measuring anyway (the sync does not need them Running)`);

  const timeoutSeconds = Math.max(60, Math.ceil(n / 50));
  const load = [loadavg()[0] ?? 0];
  const { kse, kubectl, startup, raw, rawGzip } = await timeAll(lab, kubectlPath, options.runs, timeoutSeconds);
  load.push(loadavg()[0] ?? 0);
  const counts = await kubectlCounts(kubectlPath, lab.kubeconfigPath);
  checkCounts(kse[kse.length - 1]?.counts ?? {}, counts);
  try {
    for (const run of [...raw, ...rawGzip]) checkCounts(rawCounts(run), counts);
  } catch (error) {
    throw new Error(`The raw paged list, not kse: ${(error as Error).message}`);
  }
  log(`raw paged list (median): ${formatMillis(median(raw.map((r) => r.millis)))}; with gzip ${formatMillis(median(rawGzip.map((r) => r.millis)))}`);

  log('store, in-process:');
  const store = await probeStore({ kubeconfigPath: lab.kubeconfigPath, resourcesDir: join(ROOT, 'resources'), client, n, timeoutMs: timeoutSeconds * 1000 });
  log(`  heap per object (store filled minus empty, after GC): ${Math.round(store.heapBytesPerObject)} B over ${store.objects} objects (${((store.heapBytesPerObject * store.objects) / 2 ** 20).toFixed(1)} MiB); as parsed, per kind: ${Object.entries(store.byKind).map(([kind, k]) => `${kind} ${k.count} x ${Math.round(k.heapBytes)} B heap (${Math.round(k.jsonBytes)} B JSON)`).join(', ')}`);
  log(`  sync ${formatMillis(store.syncMillis)}, first page ${formatMillis(store.firstPageMillis)}, filtered+sorted ${formatMillis(store.filteredSortedColdMillis)} cold / ${formatMillis(store.filteredSortedWarmMillis)} warm (${store.filteredTotal} rows), update ${formatMillis(store.updateApplyMillis)} + page ${formatMillis(store.updateThenPageMillis)}, watch delay ${formatMillis(store.watchDelayMillis)}`);

  let coldStart: ColdStartRow | undefined;
  if (options.coldStart) {
    log('cold start to the full claims list (kse web in Chromium; k9s in tmux):');
    const coldLoad = [loadavg()[0] ?? 0];
    const result = await measureColdStart({ kubeconfig: lab.kubeconfigPath, claims: n, runs: options.runs, timeoutMs: timeoutSeconds * 1000, k9s: peers.k9s, k9sHome: peers.k9sHome, log });
    coldLoad.push(loadavg()[0] ?? 0);
    if ('skipped' in result.k9s) log(`  k9s column skipped: ${result.k9s.skipped}`);
    coldStart = { date: new Date().toISOString().slice(0, 10), machine: machine(), n, loadAverage: median(coldLoad), result };
  }

  const size: SizeResult = {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    loadAverage: median(load),
    n,
    counts: { pvs: counts.persistentvolumes ?? 0, pvcs: counts.persistentvolumeclaims ?? 0, pods: counts.pods ?? 0 },
    seedMillis,
    podsRunning,
    claimsBound: bound.value.bound,
    runs: options.runs,
    kseStartup: startup,
    kseWall: kse.map((r) => r.wallMillis),
    kseReported: kse.map((r) => r.reportedMillis),
    kseRssKib: kse.map((r) => r.maxRssKib),
    kubectlWall: kubectl.map((r) => r.wallMillis),
    kubectlRssKib: kubectl.map((r) => r.maxRssKib),
    rawList: raw.map((r) => r.millis),
    rawListGzip: rawGzip.map((r) => r.millis),
    store,
  };
  return coldStart ? { size, coldStart } : { size };
}

function writeDocs(path: string, results: readonly SizeResult[], coldStarts: readonly ColdStartRow[]): void {
  const file = join(ROOT, path);
  let doc = '';
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = '# Benchmarks\n';
  }
  writeFileSync(file, upsertColdStart(upsertResults(doc, results), coldStarts));
  log(`results written to ${path}`);
}

async function run(options: BenchOptions): Promise<void> {
  const started = performance.now();
  const lab = await startLab({ seedScenarios: false, log: (line) => log(`lab: ${line}`) });
  const stopLab = () => void lab.stop().finally(() => process.exit(130));
  const cleanUps: (() => void)[] = [];
  process.once('SIGINT', stopLab);
  try {
    const kubectlPath = lab.kubectlPath;
    if (!kubectlPath) throw new Error('The lab has no kubectl binary; build it with "npm run lab:build" (kubectl is built with the control plane).');
    const client = lab.client('admin');
    const nodes = await nodeNames(client);
    await prepareNamespaces(client);
    log(`lab ready in ${formatMillis(performance.now() - started)}; pods go to ${nodes.join(', ')}`);
    const results: SizeResult[] = [];
    const coldStarts: ColdStartRow[] = [];
    const peers: Peers = {
      k9s: !options.coldStart ? { skipped: 'no cold start measured (--no-cold-start)' } : options.k9s ? await ensureK9s(log) : { skipped: 'left out with --no-k9s' },
      k9sHome: k9sHome(),
    };
    cleanUps.push(() => rmSync(peers.k9sHome, { recursive: true, force: true }));
    if ('skipped' in peers.k9s) log(`k9s: ${peers.k9s.skipped}; the k9s column is left out`);
    let seeded = 0;
    let seedMillis = 0;
    for (const n of options.sizes) {
      log(`seeding up to N = ${n}: ${n - seeded} PVs, ${n - seeded} claims, ${2 * (n - seeded)} pods (${options.concurrency} requests in flight)`);
      const timings = await seedRange(client, seeded, n, nodes, options.concurrency, log);
      seedMillis += timings.millis.total;
      seeded = n;
      log(`seeded ${timings.created} objects in ${formatMillis(timings.millis.total)} (${Math.round(timings.created / (timings.millis.total / 1000))}/s)`);
      const measured = await measureSize(lab, kubectlPath, n, seedMillis, options, peers);
      results.push(measured.size);
      if (measured.coldStart) coldStarts.push(measured.coldStart);
      // Written after every size, so a later size that fails or runs out of time keeps the earlier numbers.
      if (options.docsPath) writeDocs(options.docsPath, results, coldStarts);
    }
    log(`done in ${formatMillis(performance.now() - started)}`);
  } finally {
    process.off('SIGINT', stopLab);
    for (const cleanUp of cleanUps) cleanUp();
    await lab.stop();
  }
}

let options: BenchOptions | 'help';
try {
  options = parseBenchArgs(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof BenchUsageError)) throw error;
  log(error.message);
  process.exit(2);
}
if (options === 'help') {
  process.stdout.write(BENCH_USAGE);
} else {
  await run(options).catch((error: unknown) => {
    log(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
