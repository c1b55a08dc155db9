/**
 * `kse contexts` and the app's contract over real kubeconfig files, broken ones included: every file-level
 * error is reported with its file and reason (exit code 1), and the other files' contexts are still listed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Core } from '../main/core/core';
import { createCoreDeps } from '../main/core/wiring';
import { main } from './main';
import type { CliRuntime } from './runtime';

const RESOURCES = resolve(__dirname, '../../resources');
const dir = mkdtempSync(join(tmpdir(), 'kse-contexts-'));
const good = join(dir, 'good.yaml');
writeFileSync(good, stringify({ clusters: [{ name: 'c', cluster: { server: 'https://good:6443' } }], users: [{ name: 'u', user: {} }], contexts: [{ name: 'good', context: { cluster: 'c', user: 'u' } }] }));
const broken = join(dir, 'broken.yaml');
writeFileSync(broken, 'contexts: [ {name: x');
const directory = join(dir, 'config.d');
mkdirSync(directory);

function runtimeFor(kubeconfigEnv: string) {
  const out: string[] = [];
  const err: string[] = [];
  const runtime = {
    io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false },
    version: '0',
    createCore: async () => {
      const core = new Core({ deps: createCoreDeps({ resourcesDir: RESOURCES, kubeconfig: { kubeconfigEnv } }), resourcesDir: RESOURCES, version: '0', transport: 'web', autoOpenDemo: false });
      await core.start();
      return core;
    },
    currentContext: async () => undefined,
  } as unknown as CliRuntime;
  return { runtime, out, err };
}

describe('broken kubeconfig files', () => {
  it('kse contexts lists the good contexts, names each unusable file with its reason on stderr, and exits 1', async () => {
    const { runtime, out, err } = runtimeFor([broken, directory, good].join(delimiter));
    expect(await main(['contexts'], runtime)).toBe(1);
    expect(out.join('')).toMatch(/good\s+https:\/\/good:6443/);
    expect(err.join('')).toContain(`${broken} is not valid YAML`);
    expect(err.join('')).toContain(`${directory}: it is a directory, not a regular file`);
  });

  it('kse contexts --json carries the file errors too', async () => {
    const { runtime, out } = runtimeFor([broken, good].join(delimiter));
    expect(await main(['contexts', '--json'], runtime)).toBe(1);
    const parsed = JSON.parse(out.join('')) as { contexts: { name: string }[]; fileErrors: { file: string; message: string }[] };
    expect(parsed.contexts.map((c) => c.name)).toEqual(['good']);
    expect(parsed.fileErrors).toEqual([{ file: broken, message: expect.stringContaining('is not valid YAML') }]);
  });

  it('exits 0 when every file is fine, and when a KUBECONFIG entry simply does not exist (as kubectl)', async () => {
    const { runtime } = runtimeFor([join(dir, 'absent.yaml'), good].join(delimiter));
    expect(await main(['contexts'], runtime)).toBe(0);
  });

  it('the app gets the same problems through the contract (kubeconfigProblems)', async () => {
    const core = new Core({ deps: createCoreDeps({ resourcesDir: RESOURCES, kubeconfig: { kubeconfigEnv: [broken, good].join(delimiter) } }), resourcesDir: RESOURCES, version: '0', transport: 'web', autoOpenDemo: false });
    await core.start();
    try {
      const result = await core.call('kubeconfigProblems', {});
      expect(result).toEqual({ ok: true, value: [{ file: broken, message: expect.stringContaining(broken) }] });
      expect(await core.call('kubeconfigProblems', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    } finally {
      await core.close();
    }
  });
});
