/**
 * The web host and the desktop app start syncing a context as they start: the one opened last time (remembered in
 * main, per kubeconfig) or else the kubeconfig's current context, so the page finds it syncing or synced.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClusterInfo } from '../../shared/model/status';
import { Core, type CoreOptions } from './core';
import { LastOpenedFile } from './last-opened';
import { context, fakeDeps, type FakeDepsOptions } from './testing/fakes';

const RESOURCES = resolve(__dirname, '../../../resources');
const dir = mkdtempSync(join(tmpdir(), 'kse-open-on-start-'));
let cores: Core[] = [];
let fileCounter = 0;

async function startCore(deps: FakeDepsOptions, extra: Partial<CoreOptions> = {}) {
  const fake = fakeDeps(deps);
  const core = new Core({ deps: fake, resourcesDir: RESOURCES, version: '0', transport: 'web', noticeIntervalMs: 10, log: () => undefined, ...extra });
  cores.push(core);
  await core.start();
  return { core, fake };
}

async function listed(core: Core): Promise<ClusterInfo[]> {
  return core.invoke('listClusters', {});
}

/** The contexts the core opened by itself: their sources exist without any openCluster call. */
const openedBy = (fake: ReturnType<typeof fakeDeps>) => fake.sources.map((source) => source.info.name);

afterEach(async () => {
  await Promise.all(cores.map((core) => core.close()));
  cores = [];
});

describe('opening a context as the core starts', () => {
  it('opens the current context when nothing is remembered, and the page finds it opening or open', async () => {
    const memory = new LastOpenedFile(join(dir, `${++fileCounter}.json`));
    const { core, fake } = await startCore({ contexts: [context('dev'), context('prod')], currentContext: 'prod', startDelayMs: 50 }, { openContextOnStart: true, lastOpened: memory });
    // Right after start, before the source has started: listed as connecting, so the page shows it.
    expect((await listed(core)).find((c) => c.id === 'ctx:prod')?.connection).toBe('connecting');
    await expect.poll(() => openedBy(fake)).toEqual(['prod']);
    await expect.poll(async () => (await listed(core)).find((c) => c.id === 'ctx:prod')?.connection).toBe('connected');
    expect((await listed(core)).find((c) => c.id === 'ctx:dev')?.connection).toBe('closed');
  });

  it('opens the context opened last time with the same kubeconfig, instead of the current one', async () => {
    const path = join(dir, `${++fileCounter}.json`);
    const first = await startCore({ contexts: [context('dev'), context('prod')], currentContext: 'prod' }, { openContextOnStart: true, lastOpened: new LastOpenedFile(path) });
    await first.core.call('openCluster', { clusterId: 'ctx:dev' });
    await expect.poll(() => readFileSync(path, 'utf8')).toContain('"dev"');

    const second = await startCore({ contexts: [context('dev'), context('prod')], currentContext: 'prod' }, { openContextOnStart: true, lastOpened: new LastOpenedFile(path) });
    await expect.poll(() => openedBy(second.fake)).toEqual(['dev']);
  });

  it('falls back to the current context when the remembered one is gone or broken, and opens nothing when neither works', async () => {
    const path = join(dir, `${++fileCounter}.json`);
    await new LastOpenedFile(path).remember(['/home/u/.kube/config'], 'old');
    const gone = await startCore({ contexts: [context('prod')], currentContext: 'prod' }, { openContextOnStart: true, lastOpened: new LastOpenedFile(path) });
    await expect.poll(() => openedBy(gone.fake)).toEqual(['prod']);

    await new LastOpenedFile(path).remember(['/home/u/.kube/config'], 'broken');
    const broken = await startCore(
      { contexts: [context('broken', { connection: 'error', error: 'Context "broken" names a missing user.' })], currentContext: 'broken' },
      { openContextOnStart: true, lastOpened: new LastOpenedFile(path) },
    );
    await new Promise((r) => setTimeout(r, 30));
    expect(openedBy(broken.fake)).toEqual([]);
  });

  it('opens nothing by itself without openContextOnStart (the CLI commands), and the demo alone without a kubeconfig', async () => {
    const cli = await startCore({ contexts: [context('prod')], currentContext: 'prod' });
    await new Promise((r) => setTimeout(r, 30));
    expect(openedBy(cli.fake)).toEqual([]);

    const demo = JSON.stringify({ kind: 'snapshot', objects: {} });
    const none = await startCore({ anyFileExists: false, demo, currentContext: 'prod', contexts: [] }, { openContextOnStart: true });
    expect((await listed(none.core)).map((c) => [c.id, c.connection])).toEqual([['demo', 'offline']]);
  });

  it('remembers contexts only: a snapshot or the demo opened later does not replace the context', async () => {
    const path = join(dir, `${++fileCounter}.json`);
    const memory = new LastOpenedFile(path);
    const demo = JSON.stringify({ kind: 'snapshot', objects: {} });
    const { core } = await startCore({ contexts: [context('dev')], demo }, { lastOpened: memory });
    await core.call('openCluster', { clusterId: 'ctx:dev' });
    await core.call('openCluster', { clusterId: 'demo' });
    await core.call('openSnapshot', { fileName: 'customer.json', content: demo });
    await expect.poll(() => memory.recall(['/home/u/.kube/config'])).toBe('dev');
  });
});

process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
