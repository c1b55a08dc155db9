import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../main/core/core';
import { context, fakeDeps, type FakeDepsOptions } from '../main/core/testing/fakes';
import { main } from './main';
import type { CliRuntime } from './runtime';

const RESOURCES = resolve(__dirname, '../../resources');

function fakeRuntime(deps: FakeDepsOptions, current?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>();
  const runtime: CliRuntime = {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false },
    version: '9.9.9',
    createCore: async ({ autoOpenDemo }) => {
      const core = new Core({ deps: fakeDeps({ ...deps, ...(current !== undefined ? { currentContext: current } : {}) }), resourcesDir: RESOURCES, version: '9.9.9', transport: 'web', autoOpenDemo, noticeIntervalMs: 5 });
      await core.start();
      return core;
    },
    currentContext: async () => current,
    readFile: async (path) => {
      const text = files.get(path);
      if (text === undefined) throw new Error('ENOENT: no such file');
      return text;
    },
    writeFile: async (path, text) => void files.set(path, text),
    rendererDir: '/nonexistent',
    resourcesDir: RESOURCES,
    openBrowser: () => undefined,
    untilInterrupted: async () => undefined,
    now: () => performance.now(),
  };
  return { runtime, out, err, files };
}

describe('kse commands', () => {
  it('lists contexts as a table and as JSON', async () => {
    const { runtime, out } = fakeRuntime({ contexts: [context('lab', { server: 'https://127.0.0.1:6443' })] }, 'lab');
    expect(await main(['contexts'], runtime)).toBe(0);
    expect(out.join('')).toMatch(/^CURRENT\s+NAME\s+SERVER/);
    expect(out.join('')).toMatch(/\*\s+lab\s+https:\/\/127\.0\.0\.1:6443/);
    out.length = 0;
    expect(await main(['contexts', '--json'], runtime)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ current: 'lab', contexts: [{ id: 'ctx:lab', current: true }] });
  });

  it('syncs a context and prints counts; uses the current context by default', async () => {
    const { runtime, out } = fakeRuntime({ contexts: [context('lab')], settleAll: true }, 'lab');
    expect(await main(['sync', '--json'], runtime)).toBe(0);
    const result = JSON.parse(out.join('')) as { context: string; synced: boolean; kinds: { kind: string; count: number; state: string }[] };
    expect(result.context).toBe('lab');
    expect(result.synced).toBe(true);
    expect(result.kinds.find((k) => k.kind === 'persistentvolumeclaims')).toMatchObject({ state: 'synced', count: 1 });
  });

  it('fails with a clear message: unknown context, no sync within the timeout', async () => {
    const unknown = fakeRuntime({ contexts: [context('lab')] });
    expect(await main(['sync', '--context', 'prod'], unknown.runtime)).toBe(2);
    expect(unknown.err.join('')).toBe('kse: No context named "prod" in the kubeconfig. Contexts: lab.\n');
    const slow = fakeRuntime({ contexts: [context('lab')] }); // kinds other than claims never report: not synced
    expect(await main(['sync', '--context', 'lab', '--timeout', '0.3'], slow.runtime)).toBe(1);
    expect(slow.err.join('')).toMatch(/^kse: lab did not sync within 0\.3 s\.\n {2}storageclasses: idle/);
    const none = fakeRuntime({ contexts: [] });
    expect(await main(['sync'], none.runtime)).toBe(2);
    expect(none.err.join('')).toMatch(/No --context given and the kubeconfig has no current-context/);
  });

  it('writes a redacted snapshot', async () => {
    const { runtime, files, err } = fakeRuntime({ contexts: [context('lab')], settleAll: true });
    expect(await main(['snapshot', '--context', 'lab', '-o', 'lab.json'], runtime)).toBe(0);
    const snapshot = JSON.parse(files.get('lab.json') ?? '{}') as { format: string; context: string; kinds: Record<string, { state: string; items: unknown[] }> };
    expect(snapshot.format).toBe('kse-snapshot');
    expect(snapshot.context).toBe('lab');
    expect(snapshot.kinds.persistentvolumeclaims).toMatchObject({ state: 'synced', items: [{ metadata: { name: 'data' } }] });
    expect(snapshot.kinds.nodes).toMatchObject({ state: 'absent' });
    expect(err.join('')).toMatch(/^Wrote 1 objects of lab to lab\.json/);
  });

  it('runs doctor on a snapshot file and explains an unreadable one', async () => {
    const { runtime, files, out, err } = fakeRuntime({});
    files.set('cust.json', JSON.stringify({ kind: 'snapshot', objects: {} }));
    expect(await main(['doctor', '--snapshot', 'cust.json'], runtime)).toBe(0);
    expect(out.join('')).toContain('No findings.');
    out.length = 0;
    expect(await main(['doctor', '--snapshot', 'cust.json', '--format', 'html', '--lang', 'ru'], runtime)).toBe(0);
    expect(out.join('')).toMatch(/^<!doctype html><html lang="ru">/);
    expect(out.join('')).toContain('Отчёт о хранилище');
    out.length = 0;
    expect(await main(['doctor', '--snapshot', 'cust.json', '--format', 'markdown'], runtime)).toBe(0);
    expect(out.join('')).toMatch(/^# Storage report: `/);
    expect(await main(['doctor', '--snapshot', 'missing.json'], runtime)).toBe(2);
    expect(err.join('')).toContain('kse: Cannot read missing.json: ENOENT');
  });

  it('serves the web host until interrupted, printing the URL with the token, and says when the port is taken', async () => {
    const { runtime, out } = fakeRuntime({});
    const opened: string[] = [];
    runtime.openBrowser = (url) => void opened.push(url);
    expect(await main(['web'], runtime)).toBe(0);
    const url = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{64})/.exec(out.join(''));
    expect(url).not.toBeNull();
    expect(opened).toEqual([url?.[0]]);

    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as AddressInfo).port;
    const taken = fakeRuntime({});
    expect(await main(['web', '--port', String(port), '--no-open'], taken.runtime)).toBe(1);
    expect(taken.err.join('')).toMatch(new RegExp(`^kse: Cannot start the web host on 127\\.0\\.0\\.1:${port}: .*EADDRINUSE.*Pick another --port\\.`));
    blocker.close();
  });
});
