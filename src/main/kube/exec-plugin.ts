/**
 * Exec credential plugins (`users[].user.exec` in a kubeconfig: aws, gke-gcloud-auth-plugin, kubelogin...), run
 * so that a plugin that hangs cannot hang us, modelled on client-go's `plugin/pkg/client/auth/exec`.
 *
 * Why not client-node's ExecAuth: it spawns the plugin with no timeout and never kills it, so every retry after a
 * timeout started another copy (8 were seen running at once) and the CLI could not exit until they did. Here:
 * - one run at a time per user entry (file and user name): callers that arrive while it runs share its result;
 * - the plugin gets its own process group, and the whole group is killed (SIGTERM, then SIGKILL) at the timeout,
 *   when every caller has given up (AbortSignal), and when this process exits, so no helper it started lingers;
 * - it is never interactive: stdin is closed, KUBERNETES_EXEC_INFO says `interactive: false`, and a plugin that
 *   requires a terminal (`interactiveMode: Always`) is refused with a message, as kubectl does without one;
 * - a credential without `expirationTimestamp` is reused until the server rejects it (401), as client-go does;
 *   one with an expiry is reused until it expires.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RequestOptions } from 'node:https';
import type { User } from '@kubernetes/client-node';

/** The `exec` entry of a kubeconfig user. */
export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
  interactiveMode?: string;
  installHint?: string;
}

/** What a plugin prints (ExecCredential.status). */
export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** RFC 3339; absent: valid until the server rejects it. */
  expirationTimestamp?: string;
}

export class ExecPluginError extends Error {}

export interface ExecPluginOptions {
  /** Kills the plugin (its whole process group) after this long. */
  timeoutMs: number;
  /** Who is asking, for messages: `user "u" of context "c"`. */
  describe: string;
  /** The caller gives up (the cluster was closed); the plugin is killed when every caller has. */
  signal?: AbortSignal;
}

/** Default time a plugin may take; the credentials' own limit is a little longer so this message wins. */
export const EXEC_PLUGIN_TIMEOUT_MS = 30_000;
/** A credential is a few KB; anything past this is not one, and the plugin is stopped. */
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** Between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2_000;

interface Run {
  promise: Promise<ExecCredentialStatus>;
  waiters: number;
  kill(reason: string): void;
  /** "The credential plugin "x" of user "u" (context "c")". */
  name: string;
  startedAt: number;
}

const runs = new Map<string, Run>();
const liveGroups = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The plugin runs in progress, for a message that says what is being waited for. */
export function runningExecPlugins(): { name: string; startedAt: number }[] {
  return [...runs.values()].map((run) => ({ name: run.name, startedAt: run.startedAt }));
}

/**
 * Runs the plugin of one user entry, or joins the run already in progress for it. Rejects with ExecPluginError
 * (timeout, failure, bad output) or when `signal` aborts.
 */
export function runExecPlugin(key: string, exec: ExecConfig, options: ExecPluginOptions): Promise<ExecCredentialStatus> {
  let run = runs.get(key);
  if (!run) {
    run = startRun(key, exec, options);
    runs.set(key, run);
  }
  const current = run;
  current.waiters += 1;
  return new Promise<ExecCredentialStatus>((resolve, reject) => {
    let settled = false;
    const leave = (): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      current.waiters -= 1;
    };
    const onAbort = (): void => {
      leave();
      // Nobody else waits for this run: stop the plugin instead of leaving it running for no one.
      if (current.waiters === 0) current.kill('stopped');
      reject(new ExecPluginError(`The credential plugin "${exec.command}" of ${options.describe} was stopped: the cluster was closed.`));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    current.promise.then(
      (status) => {
        if (settled) return;
        leave();
        resolve(status);
      },
      (error: unknown) => {
        if (settled) return;
        leave();
        reject(error);
      },
    );
  });
}

function startRun(key: string, exec: ExecConfig, options: ExecPluginOptions): Run {
  installExitHook();
  const name = `The credential plugin "${exec.command}" of ${options.describe}`;
  let kill: (reason: string) => void = () => undefined;
  const promise = new Promise<ExecCredentialStatus>((resolve, reject) => {
    if (exec.interactiveMode === 'Always') {
      reject(new ExecPluginError(`${name} needs an interactive terminal (interactiveMode: Always), which kse cannot give it. Log in once with kubectl in a terminal, or set interactiveMode: IfAvailable.`));
      return;
    }
    const env: NodeJS.ProcessEnv = { ...process.env, KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } }) };
    for (const variable of exec.env ?? []) env[variable.name] = variable.value;
    let child: ChildProcess;
    try {
      // detached: its own process group (POSIX setsid), so the timeout can kill everything it started.
      child = spawn(exec.command, exec.args ?? [], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, windowsHide: true });
    } catch (error) {
      reject(new ExecPluginError(`${name} could not be started: ${(error as Error).message}.${hint(exec)}`));
      return;
    }
    liveGroups.add(child);
    let stdout = '';
    let stderr = '';
    let outcome: string | undefined;
    const stop = (reason: string): void => {
      if (outcome === undefined) outcome = reason;
      killGroup(child);
    };
    kill = stop;
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.length > MAX_OUTPUT_BYTES) stop('too-much-output');
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (error) => {
      if (outcome === undefined) outcome = `error:${error.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveGroups.delete(child);
      // Helpers it left behind in its group go too.
      killGroup(child);
      const seconds = Math.round(options.timeoutMs / 1000);
      if (outcome === 'timeout') return reject(new ExecPluginError(`${name} did not answer within ${seconds} s and was stopped (with every process it started). Run it in a terminal to see what it waits for (a login prompt?).`));
      if (outcome === 'stopped') return reject(new ExecPluginError(`${name} was stopped: the cluster was closed.`));
      if (outcome === 'too-much-output') return reject(new ExecPluginError(`${name} printed more than ${MAX_OUTPUT_BYTES / 1024} KB, which is not a credential; it was stopped.`));
      if (outcome?.startsWith('error:')) return reject(new ExecPluginError(`${name} could not be started: ${outcome.slice(6)}.${hint(exec)}`));
      if (code !== 0) {
        const said = firstLines(stderr);
        return reject(new ExecPluginError(`${name} failed (${code === null ? `signal ${signal}` : `exit code ${code}`})${said ? `: ${said}` : ''}. Check that it works in a terminal (kubectl get ns).`));
      }
      try {
        resolve(parseCredential(stdout));
      } catch (error) {
        reject(new ExecPluginError(`${name} printed no usable credential: ${(error as Error).message}. Check its version against the kubeconfig's exec apiVersion.`));
      }
    });
  });
  const run: Run = { promise, waiters: 0, kill: (reason) => kill(reason), name, startedAt: Date.now() };
  // The run is over for everyone once it settles; the next call starts a fresh one.
  const forget = (): void => {
    if (runs.get(key) === run) runs.delete(key);
  };
  promise.then(forget, forget);
  return run;
}

/** The status of an ExecCredential printed by a plugin. */
export function parseCredential(text: string): ExecCredentialStatus {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('its output is not JSON');
  }
  const status = (value as { status?: unknown } | null)?.status;
  if (typeof status !== 'object' || status === null) throw new Error('its output has no "status"');
  const s = status as Record<string, unknown>;
  const out: ExecCredentialStatus = {};
  for (const field of ['token', 'clientCertificateData', 'clientKeyData', 'expirationTimestamp'] as const) {
    if (typeof s[field] === 'string' && s[field] !== '') out[field] = s[field];
  }
  if (!out.token && !(out.clientCertificateData && out.clientKeyData)) throw new Error('its status has neither a token nor a client certificate and key');
  return out;
}

function killGroup(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const send = (signal: NodeJS.Signals): void => {
    try {
      if (process.platform === 'win32') child.kill(signal);
      else process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  send('SIGTERM');
  setTimeout(() => send('SIGKILL'), KILL_GRACE_MS).unref();
}

/** A detached group outlives us unless we end it: on exit, every plugin still running is killed. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of liveGroups) {
      try {
        if (child.pid !== undefined) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  });
}

function hint(exec: ExecConfig): string {
  return exec.installHint ? ` ${exec.installHint.trim()}` : ' Check that it is installed and on the PATH.';
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' ').slice(0, 300);
}

/**
 * The client-node authenticator that runs a user's exec plugin through runExecPlugin. One per KubeConfig: its
 * cached credential goes with it, so a fresh KubeConfig (after a 401) runs the plugin again.
 */
export class ExecPluginAuthenticator {
  private cached: ExecCredentialStatus | undefined;

  constructor(
    private readonly key: string,
    private readonly userName: string,
    private readonly exec: ExecConfig,
    private readonly options: ExecPluginOptions,
  ) {}

  isAuthProvider(user: User): boolean {
    return user.name === this.userName;
  }

  async applyAuthentication(_user: User, opts: RequestOptions): Promise<void> {
    if (!this.cached || expired(this.cached)) this.cached = await runExecPlugin(this.key, this.exec, this.options);
    const status = this.cached;
    if (status.clientCertificateData) opts.cert = status.clientCertificateData;
    if (status.clientKeyData) opts.key = status.clientKeyData;
    if (status.token) opts.headers = { ...(opts.headers as Record<string, string> | undefined), Authorization: `Bearer ${status.token}` };
  }
}

function expired(status: ExecCredentialStatus): boolean {
  if (!status.expirationTimestamp) return false;
  const at = Date.parse(status.expirationTimestamp);
  return Number.isNaN(at) || at <= Date.now();
}
