/** One supervised component process: output to a log file, clean stop, and a clear error when it dies. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

export class ComponentDiedError extends Error {
  constructor(
    readonly component: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly logPath: string,
    readonly lastLines: string,
  ) {
    super(`${component} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); last lines of ${logPath}:\n${lastLines}`);
  }
}

/** The last `n` lines of a log file (whole file read: component logs in the lab stay small). */
export function tailFile(path: string, n = 30): string {
  if (!existsSync(path)) return '(no log)';
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  return lines.slice(-n).join('\n');
}

export class Component {
  private child: ChildProcess | undefined;
  private stopping = false;
  private exited: Promise<void> = Promise.resolve();
  /** Set when the process exits without being asked to. */
  failure: ComponentDiedError | undefined;

  constructor(
    readonly name: string,
    readonly bin: string,
    readonly args: string[],
    readonly logPath: string,
    private readonly onDied: (err: ComponentDiedError) => void,
    readonly env: NodeJS.ProcessEnv = {},
  ) {}

  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get running(): boolean {
    return this.pid !== undefined;
  }

  start(): void {
    if (this.running) throw new Error(`${this.name} is already running`);
    this.stopping = false;
    this.failure = undefined;
    const fd = openSync(this.logPath, 'a');
    const child = spawn(this.bin, this.args, {
      stdio: ['ignore', fd, fd],
      // Own process group: a Ctrl-C in the terminal reaches the supervisor only, which then stops the components
      // in order (provisioner and controllers first, etcd last) instead of all dying at once.
      detached: true,
      env: { ...process.env, ...this.env },
    });
    closeSync(fd);
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        if (!this.stopping) {
          this.failure = new ComponentDiedError(this.name, code, signal, this.logPath, tailFile(this.logPath));
          this.onDied(this.failure);
        }
        resolve();
      });
      child.on('error', (e) => {
        if (!this.stopping) {
          this.failure = new ComponentDiedError(this.name, null, null, this.logPath, `spawn failed: ${e.message}`);
          this.onDied(this.failure);
        }
        resolve();
      });
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Resolves once the process is gone. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.stopping = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** Synchronous last resort (process 'exit' hooks): SIGKILL without waiting. */
  killNow(): void {
    if (this.child && this.running) {
      this.stopping = true;
      this.child.kill('SIGKILL');
    }
  }

  tail(n = 30): string {
    return tailFile(this.logPath, n);
  }
}
