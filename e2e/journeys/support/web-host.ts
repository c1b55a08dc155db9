/**
 * Starts the real web host the way a person does (`kse web --port 0 --no-open`) in a child process, with the
 * kubeconfig the journey needs, and reads the URL with the run's token from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface RunningWebHost {
  /** The printed URL, token in the fragment: http://127.0.0.1:PORT/#token=... */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  token: string;
  /** What the host printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface WebHostStart {
  /** Kubeconfig path; absent: none at all (HOME is an empty dir), so the host opens the built-in demo. */
  kubeconfig?: string;
  /**
   * The HOME to run in, kept after the host stops (a restart that should find what the last run remembered).
   * Absent: a new empty one, removed when the host stops.
   */
  home?: string;
  timeoutMs?: number;
}

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/;

export async function startWebHost(options: WebHostStart = {}): Promise<RunningWebHost> {
  // An empty HOME means no ~/.kube/config; KUBECONFIG names the lab's file or nothing. The last opened context
  // is remembered under HOME too (XDG_STATE_HOME), so no run finds what another test's run opened.
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'kse-e2e-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_STATE_HOME: join(home, '.local', 'state'), KUBECONFIG: options.kubeconfig ?? '' };
  if (!options.kubeconfig) delete env.KUBECONFIG;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'kse.mjs'), 'web', '--port', '0', '--no-open'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  const stop = (): Promise<void> => stopChild(child).finally(() => (options.home ? undefined : rmSync(home, { recursive: true, force: true })));

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`kse web printed no URL within ${(options.timeoutMs ?? 60_000) / 1000} s. Output:\n${printed}`)),
        options.timeoutMs ?? 60_000,
      );
      const look = (): void => {
        const match = URL_PATTERN.exec(printed);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      };
      child.stdout.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`kse web exited with code ${code} before printing its URL. Output:\n${printed}`));
      });
    });
    const parsed = new URL(url);
    const token = decodeURIComponent(parsed.hash.replace(/^#token=/, ''));
    return { url, origin: parsed.origin, token, output: () => printed, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM (the host closes its clusters and server), then SIGKILL if it has not exited in 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
