/**
 * k9s as the benchmark's optional peer: built from the Go module proxy (`go install github.com/derailed/k9s@v`),
 * cached like the lab's binaries (`~/.cache/kse/bin/k9s-<version>/k9s`), and run in tmux, where its screen is
 * read with `tmux capture-pane` until the claims list shows every claim. When k9s cannot be built (no Go, no
 * module proxy, a failed build) or tmux is missing, the benchmark prints why and leaves the k9s column out.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cacheRoot } from '../../e2e/cluster/build';

/** v0.50 is what issue 13's first measurements used; the module proxy serves it. */
export const K9S_VERSION = 'v0.50.16';
const K9S_MODULE = 'github.com/derailed/k9s';

export type K9sBinary = { path: string; version: string } | { skipped: string };

export function k9sPath(version = K9S_VERSION): string {
  return join(cacheRoot(), 'bin', `k9s-${version}`, 'k9s');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 30 * 60_000): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, output });
    });
  });
}

/**
 * The cached k9s, built first when missing (cold: about 10 minutes on 2 cores, most of it compiling client-go).
 * Never throws: anything that stops the build comes back as `skipped` with the reason.
 */
export async function ensureK9s(log: (line: string) => void): Promise<K9sBinary> {
  const path = k9sPath();
  if (existsSync(path)) return { path, version: K9S_VERSION };
  const tmux = await run('tmux', ['-V']);
  if (tmux.code !== 0) return { skipped: `tmux is not installed (apt-get install tmux): ${tmux.output.trim()}` };
  const scratch = `${dirname(path)}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  log(`building k9s ${K9S_VERSION} from the Go module proxy (cold: about 10 min) ...`);
  const started = Date.now();
  const built = await run('nice', ['-n', '10', 'go', 'install', '-trimpath', '-ldflags', `-s -w -X ${K9S_MODULE}/cmd.version=${K9S_VERSION}`, `${K9S_MODULE}@${K9S_VERSION}`], {
    GOBIN: scratch,
    CGO_ENABLED: '0',
  });
  if (built.code !== 0 || !existsSync(join(scratch, 'k9s'))) {
    rmSync(scratch, { recursive: true, force: true });
    const reason = built.code === -1 ? `go could not be run (${built.output.trim()})` : `go install failed: ${built.output.trim().split('\n').slice(-3).join(' ')}`;
    return { skipped: `k9s ${K9S_VERSION} could not be built: ${reason}` };
  }
  mkdirSync(dirname(dirname(path)), { recursive: true });
  rmSync(dirname(path), { recursive: true, force: true });
  renameSync(scratch, dirname(path));
  log(`built k9s in ${Math.round((Date.now() - started) / 1000)} s -> ${path}`);
  return { path, version: K9S_VERSION };
}

function tmux(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('tmux', args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

/** k9s's table title for claims of all namespaces, e.g. " persistentvolumeclaims(all)[2,000] " (grouped digits). */
export function claimsOnScreen(screen: string): number | undefined {
  const match = /persistentvolumeclaims\(all\)\[([\d,]+)\]/i.exec(screen);
  return match ? Number(match[1]!.replace(/,/g, '')) : undefined;
}

export interface K9sRunOptions {
  binary: string;
  kubeconfig: string;
  context: string;
  /** Claims the lab holds: the list is complete when the title counts them all. */
  claims: number;
  timeoutMs: number;
  /** HOME for k9s (its config, logs and the discovery cache it shares with kubectl); kept across runs. */
  home: string;
}

/**
 * One cold start: k9s started in a new tmux session straight on the claims of all namespaces, in its quickest
 * mode (no splash, no logo, no header, no crumbs, read-only), until its title counts every claim. Milliseconds
 * from starting the process; the screen is read every 20 ms.
 */
export async function timeK9sColdStart(options: K9sRunOptions): Promise<number> {
  const session = `kse-bench-k9s-${process.pid}`;
  const command = [
    'env',
    `HOME=${options.home}`,
    `XDG_CONFIG_HOME=${join(options.home, '.config')}`,
    `XDG_STATE_HOME=${join(options.home, '.local', 'state')}`,
    `KUBECONFIG=${options.kubeconfig}`,
    'TERM=xterm-256color',
    options.binary,
    '--context',
    options.context,
    '--command',
    'pvc',
    '--all-namespaces',
    '--readonly',
    '--splashless',
    '--headless',
    '--logoless',
    '--crumbsless',
  ];
  await tmux(['kill-session', '-t', session]).catch(() => undefined);
  const started = performance.now();
  await tmux(['new-session', '-d', '-s', session, '-x', '200', '-y', '50', ...command]);
  try {
    for (;;) {
      const screen = await tmux(['capture-pane', '-p', '-t', session]).catch(() => '');
      const shown = claimsOnScreen(screen);
      if (shown !== undefined && shown >= options.claims) return performance.now() - started;
      if (performance.now() - started > options.timeoutMs) {
        const title = screen.split('\n').find((line) => line.trim() !== '') ?? '(empty screen)';
        throw new Error(`k9s did not show all ${options.claims} claims within ${options.timeoutMs / 1000} s; its screen begins: ${title.trim().slice(0, 300)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await tmux(['kill-session', '-t', session]).catch(() => undefined);
  }
}

/** A HOME for k9s runs, removed by the caller. */
export function k9sHome(): string {
  return mkdtempSync(join(tmpdir(), 'kse-bench-k9s-home-'));
}
