/**
 * Lab commands (see README.md):
 *   up [--no-seed]    start in the background (a detached supervisor), seed the scenarios, return when ready;
 *                     the last line printed is the kubeconfig path
 *   down              stop what `up` (or a foreground `run`) started and remove its temp data
 *   run [--no-seed]   foreground until Ctrl-C
 *   status            print the state file
 *   exercise ...      set up an exercise on the running lab (e2e/cluster/exercise.ts)
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureBinaries } from './build';
import { startLab, type Lab } from './lab';

const stateDir = () => join(cacheRoot(), 'lab');
export const statePath = () => join(stateDir(), 'current.json');
const supervisorLog = () => join(stateDir(), 'supervisor.log');

/** What `lab:up` leaves behind for `lab:down` and for anyone who wants to find the running lab. */
export interface LabState {
  status: 'starting' | 'ready' | 'failed' | 'degraded';
  /** The supervising process (detached for `up`, the foreground process for `run`). */
  pid: number;
  startedAt: string;
  readySeconds?: number;
  dataDir?: string;
  kubeconfigPath?: string;
  server?: string;
  kubectlPath?: string;
  components?: Record<string, number>;
  error?: string;
}

export function readState(): LabState | undefined {
  try {
    return JSON.parse(readFileSync(statePath(), 'utf8')) as LabState;
  } catch {
    return undefined;
  }
}

function writeState(s: LabState): void {
  mkdirSync(stateDir(), { recursive: true });
  // rename is atomic: a reader never sees half a file
  writeFileSync(statePath() + '.tmp', JSON.stringify(s, null, 2) + '\n');
  renameSync(statePath() + '.tmp', statePath());
}

function alive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the lab in this process until SIGINT/SIGTERM, keeping the state file current. */
async function supervise(seed: boolean, foreground: boolean): Promise<void> {
  const startedAt = new Date().toISOString();
  const t0 = Date.now();
  writeState({ status: 'starting', pid: process.pid, startedAt });
  let lab: Lab | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.error('[lab] stopping ...');
    try {
      await lab?.stop();
    } finally {
      const s = readState();
      if (s?.pid === process.pid) rmSync(statePath(), { force: true });
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  try {
    lab = await startLab({
      seedScenarios: seed,
      onComponentDied: (err) => {
        const s = readState();
        if (s) writeState({ ...s, status: 'degraded', error: err.message });
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`[lab] failed to start: ${msg}`);
    writeState({ status: 'failed', pid: process.pid, startedAt, error: msg });
    process.exit(1);
  }
  const state: LabState = {
    status: 'ready', pid: process.pid, startedAt,
    readySeconds: Math.round((Date.now() - t0) / 100) / 10,
    dataDir: lab.dataDir, kubeconfigPath: lab.kubeconfigPath, server: lab.server, kubectlPath: lab.kubectlPath,
    components: lab.pids() as Record<string, number>,
  };
  writeState(state);
  if (foreground) {
    printReady(state);
    console.error('[lab] running in the foreground; Ctrl-C stops it');
  }
  // Stay alive until signalled.
  setInterval(() => {}, 1 << 30);
}

function printReady(s: LabState): void {
  console.log(`Lab ready in ${s.readySeconds}s at ${s.server} (data ${s.dataDir})`);
  console.log(`  contexts: lab-admin (cluster-admin), lab-student (read-only in namespace "student")`);
  if (s.kubectlPath) console.log(`  kubectl:  ${s.kubectlPath}`);
  console.log(`  try:      ${s.kubectlPath ?? 'kubectl'} --kubeconfig ${s.kubeconfigPath} get nodes,sc,pv,pvc -A`);
  console.log(`  stop:     npm run lab:down`);
  console.log(s.kubeconfigPath);
}

async function up(seed: boolean): Promise<number> {
  const existing = readState();
  if (existing && alive(existing.pid)) {
    if (existing.status === 'ready' || existing.status === 'degraded') {
      console.error(`[lab] already running (pid ${existing.pid}${existing.status === 'degraded' ? `, degraded: ${existing.error}` : ''})`);
      printReady(existing);
      return 0;
    }
    console.error(`[lab] another lab is ${existing.status} (pid ${existing.pid}); run npm run lab:down first`);
    return 1;
  }
  if (existing) rmSync(statePath(), { force: true }); // stale: its supervisor is gone
  // Build in the foreground, so progress shows here.
  await ensureBinaries();
  mkdirSync(stateDir(), { recursive: true });
  const out = openSync(supervisorLog(), 'w');
  const tsx = import.meta.resolve('tsx');
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', tsx, self, 'supervise', ...(seed ? [] : ['--no-seed'])], {
    detached: true,
    stdio: ['ignore', out, out],
    cwd: dirname(self),
  });
  closeSync(out);
  child.unref();
  const pid = child.pid!;
  console.error(`[lab] supervisor pid ${pid}, log ${supervisorLog()}`);
  // Relay the supervisor's log while waiting for it to report ready or failed.
  let shown = 0;
  const relay = () => {
    const text = existsSync(supervisorLog()) ? readFileSync(supervisorLog(), 'utf8') : '';
    if (text.length > shown) process.stderr.write(text.slice(shown));
    shown = text.length;
  };
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    await sleep(300);
    relay();
    const s = readState();
    if (s?.pid === pid && s.status === 'ready') {
      printReady(s);
      return 0;
    }
    if (s?.pid === pid && s.status === 'failed') {
      console.error(`[lab] failed to start (full log: ${supervisorLog()})`);
      return 1;
    }
    if (!alive(pid)) {
      console.error(`[lab] the supervisor exited before the lab was ready (full log: ${supervisorLog()})`);
      return 1;
    }
    if (Date.now() > deadline) {
      console.error('[lab] timed out after 5 min waiting for the lab; stopping it');
      process.kill(pid, 'SIGTERM');
      return 1;
    }
  }
}

async function down(): Promise<number> {
  const s = readState();
  if (!s) {
    console.error('[lab] no lab is running (no state file)');
    return 0;
  }
  if (alive(s.pid)) {
    process.kill(s.pid, 'SIGTERM');
    const deadline = Date.now() + 60_000;
    while (alive(s.pid) && Date.now() < deadline) await sleep(200);
    if (alive(s.pid)) {
      console.error(`[lab] supervisor ${s.pid} did not stop in 60s; killing it`);
      process.kill(s.pid, 'SIGKILL');
    }
  }
  // Whatever the supervisor could not stop (it was killed, or crashed): by recorded pid, never by name.
  for (const [name, pid] of Object.entries(s.components ?? {})) {
    if (alive(pid)) {
      console.error(`[lab] ${name} (pid ${pid}) still running; killing it`);
      process.kill(pid, 'SIGKILL');
    }
  }
  if (s.dataDir && existsSync(s.dataDir) && statSync(s.dataDir).isDirectory()) rmSync(s.dataDir, { recursive: true, force: true });
  rmSync(statePath(), { force: true });
  console.error('[lab] stopped');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `npm run lab -- exercise N` arrives as `run exercise N` (the lab script is `cli.ts run`).
  const argv = process.argv.slice(2);
  const [cmd = 'run', ...rest] = argv[0] === 'run' && argv[1] === 'exercise' ? argv.slice(1) : argv;
  const seed = !rest.includes('--no-seed');
  const main = async (): Promise<number | undefined> => {
    switch (cmd) {
      case 'up':
        return up(seed);
      case 'down':
        return down();
      case 'run': {
        const s = readState();
        if (s && alive(s.pid)) {
          console.error(`[lab] a lab is already running (pid ${s.pid}); npm run lab:down first`);
          return 1;
        }
        await supervise(seed, true);
        return undefined;
      }
      case 'supervise':
        await supervise(seed, false);
        return undefined;
      case 'exercise': {
        const s = readState();
        const target = s && alive(s.pid) && s.kubectlPath && s.kubeconfigPath ? { kubectlPath: s.kubectlPath, kubeconfigPath: s.kubeconfigPath } : undefined;
        return (await import('./exercise')).exerciseCommand(rest, target);
      }
      case 'status': {
        const s = readState();
        console.log(s ? JSON.stringify({ ...s, supervisorAlive: alive(s.pid) }, null, 2) : 'no lab');
        return 0;
      }
      default:
        console.error(`unknown command ${cmd}; use up | down | run | status | exercise`);
        return 2;
    }
  };
  main().then(
    (code) => {
      if (code !== undefined) process.exit(code);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
