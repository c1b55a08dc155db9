/**
 * Exec credential plugins run as real processes (POSIX shell scripts): a hanging one is killed with every process
 * it started, a user entry never has two runs at once, and the credential it prints is used.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processAlive } from './testing/process';
import { pollUntil } from './testing/until';
import { ExecPluginAuthenticator, ExecPluginError, runExecPlugin, runningExecPlugins } from './exec-plugin';

const dir = mkdtempSync(join(tmpdir(), 'kse-exec-'));
let counter = 0;

/** A plugin script; it appends "start <pid>" (and its helpers' pids) to its log before doing `body`. */
function plugin(body: string | ((log: string) => string)): { command: string; log: string } {
  const name = `plugin-${++counter}`;
  const log = join(dir, `${name}.log`);
  if (typeof body === 'function') body = body(log);
  const command = join(dir, `${name}.sh`);
  writeFileSync(command, `#!/bin/sh\necho "start $$" >> ${log}\n${body}\n`);
  chmodSync(command, 0o755);
  return { command, log };
}
const lines = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
const alive = processAlive;
const TOKEN = `{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-1"}}`;
const options = { timeoutMs: 20_000, describe: 'user "u" (context "c")' };

afterAll(() => expect(runningExecPlugins()).toEqual([]));

describe.skipIf(process.platform === 'win32')('runExecPlugin', () => {
  it('kills a plugin that does not answer in time, and every process it started, and names it', async () => {
    const { command, log } = plugin((log) => `sleep 1000 &\necho "helper $!" >> ${log}\nwait`);
    const run = runExecPlugin('k-hang', { command }, { ...options, timeoutMs: 500 });
    await expect(run).rejects.toThrow(ExecPluginError);
    await expect(run).rejects.toThrow(new RegExp(`credential plugin "${command}" of user "u" \\(context "c"\\) did not answer within 1 s and was stopped`));
    const pids = lines(log).map((line) => Number(line.split(' ')[1]));
    expect(pids).toHaveLength(2);
    await pollUntil('the plugin and its helper to be gone', () => pids.every((pid) => !alive(pid)), { timeoutMs: 10_000 });
  });

  it('runs one plugin at a time per user entry: concurrent callers share the run', async () => {
    const { command, log } = plugin(`sleep 0.3\necho '${TOKEN}'`);
    const results = await Promise.all(Array.from({ length: 6 }, () => runExecPlugin('k-shared', { command }, options)));
    expect(results.every((r) => r.token === 'tok-1')).toBe(true);
    expect(lines(log)).toHaveLength(1);
    // Another user entry is another run.
    await runExecPlugin('k-other', { command }, options);
    expect(lines(log)).toHaveLength(2);
  });

  it('stops the plugin when every caller gives up (the cluster was closed)', async () => {
    const { command, log } = plugin('sleep 1000 & wait');
    const first = new AbortController();
    const second = new AbortController();
    const a = runExecPlugin('k-abort', { command }, { ...options, signal: first.signal });
    const b = runExecPlugin('k-abort', { command }, { ...options, signal: second.signal });
    await pollUntil('the plugin to start', () => lines(log).length === 1);
    const pid = Number(lines(log)[0]!.split(' ')[1]);
    first.abort();
    await expect(a).rejects.toThrow(/was stopped: the cluster was closed/);
    expect(alive(pid)).toBe(true); // the second caller still waits
    second.abort();
    await expect(b).rejects.toThrow(/was stopped/);
    await pollUntil('the plugin to be killed', () => !alive(pid), { timeoutMs: 10_000 });
  });

  it('is never interactive: stdin is closed and KUBERNETES_EXEC_INFO says so; Always is refused', async () => {
    const { command, log } = plugin((log) => `echo "info $KUBERNETES_EXEC_INFO" >> ${log}\nread line && echo "read $line" >> ${log}\necho '${TOKEN}'`);
    await runExecPlugin('k-info', { command, apiVersion: 'client.authentication.k8s.io/v1' }, options);
    const info = lines(log).find((line) => line.startsWith('info '))!.slice(5);
    expect(JSON.parse(info)).toEqual({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec: { interactive: false } });
    expect(lines(log).some((line) => line.startsWith('read '))).toBe(false);
    await expect(runExecPlugin('k-always', { command, interactiveMode: 'Always' }, options)).rejects.toThrow(/needs an interactive terminal/);
  });

  it('reports a failing plugin with its exit code and what it said, and output that is not a credential', async () => {
    const failing = plugin('echo "error: you must log in" >&2\nexit 3');
    await expect(runExecPlugin('k-fail', { command: failing.command }, options)).rejects.toThrow(/failed \(exit code 3\): error: you must log in/);
    const garbage = plugin('echo not-json');
    await expect(runExecPlugin('k-garbage', { command: garbage.command }, options)).rejects.toThrow(/printed no usable credential: its output is not JSON/);
    await expect(runExecPlugin('k-missing', { command: join(dir, 'no-such-plugin') }, options)).rejects.toThrow(/could not be started.*PATH/);
  });
});

describe.skipIf(process.platform === 'win32')('ExecPluginAuthenticator', () => {
  it('reuses a credential without expiry, and runs the plugin again once an expiring one has expired', async () => {
    const lasting = plugin(`echo '${TOKEN}'`);
    const auth = new ExecPluginAuthenticator('k-auth', 'u', { command: lasting.command }, options);
    for (let i = 0; i < 3; i++) {
      const opts: { headers?: Record<string, string> } = {};
      await auth.applyAuthentication({ name: 'u' } as never, opts);
      expect(opts.headers?.Authorization).toBe('Bearer tok-1');
    }
    expect(lines(lasting.log)).toHaveLength(1);

    const expiring = plugin(`echo '{"status":{"token":"t","expirationTimestamp":"2000-01-01T00:00:00Z"}}'`);
    const auth2 = new ExecPluginAuthenticator('k-auth2', 'u', { command: expiring.command }, options);
    await auth2.applyAuthentication({ name: 'u' } as never, {});
    await auth2.applyAuthentication({ name: 'u' } as never, {});
    expect(lines(expiring.log)).toHaveLength(2);
  });
});
