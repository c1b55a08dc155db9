import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../shared/contract';
import { openFileSource } from '../kube/open-file-source';
import { Core, type CoreOptions } from './core';
import { context, fakeDeps, type FakeDepsOptions } from './testing/fakes';

const RESOURCES = resolve(__dirname, '../../../resources');
const SNAPSHOT = JSON.stringify({ kind: 'snapshot', objects: { persistentvolumeclaims: [{ metadata: { name: 'a', uid: '1' } }] } });
let cores: Core[] = [];

async function startCore(deps: FakeDepsOptions = {}, extra: Partial<CoreOptions> = {}) {
  const fake = fakeDeps(deps);
  const core = new Core({ deps: fake, resourcesDir: RESOURCES, version: '1.2.3', transport: 'web', noticeIntervalMs: 10, log: () => undefined, ...extra });
  cores.push(core);
  await core.start();
  return { core, fake };
}

afterEach(async () => {
  await Promise.all(cores.map((c) => c.close()));
  cores = [];
});

describe('Core dispatch', () => {
  it('rejects an unknown method and a malformed request with what is wrong', async () => {
    const { core } = await startCore();
    const unknown = await core.call('dropDatabase', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await core.call('listRows', { clusterId: 'ctx:a', table: 'claims', offset: -1, limit: 10 });
    expect(bad).toEqual({ ok: false, error: { code: 'bad-request', message: 'listRows: offset must be between 0 and 9007199254740991, got -1.' } });
  });

  it('lists contexts and the demo, opens idempotently and reports the connection', async () => {
    const { core, fake } = await startCore({ contexts: [context('lab')], demo: SNAPSHOT });
    const list = await core.call('listClusters', {});
    expect(list.ok && (list.value as { id: string }[]).map((c) => c.id)).toEqual(['ctx:lab', 'demo']);
    const [first, second] = await Promise.all([core.call('openCluster', { clusterId: 'ctx:lab' }), core.call('openCluster', { clusterId: 'ctx:lab' })]);
    expect(first).toMatchObject({ ok: true, value: { id: 'ctx:lab', connection: 'connected' } });
    expect(second).toEqual(first);
    expect(fake.sources).toHaveLength(1);
  });

  it('starts a cluster over when it is opened again after its source gave up connecting', async () => {
    const { core, fake } = await startCore({ contexts: [context('lab')] });
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    fake.sources[0]!.gaveUp = true;
    expect(await core.call('openCluster', { clusterId: 'ctx:lab' })).toMatchObject({ ok: true, value: { id: 'ctx:lab', connection: 'connected' } });
    expect(fake.sources).toHaveLength(2);
    expect(fake.sources[0]!.stopped).toBe(true);
    expect(fake.sources[1]!.stopped).toBe(false);
  });

  it('answers queries of an open cluster and says when a cluster is not open or unknown', async () => {
    const { core } = await startCore({ contexts: [context('lab')] });
    expect(await core.call('getOverview', { clusterId: 'ctx:lab' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await core.call('getOverview', { clusterId: 'ctx:nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    const rows = await core.call('listRows', { clusterId: 'ctx:lab', table: 'claims', offset: 0, limit: 50 });
    expect(rows).toMatchObject({ ok: true, value: { total: 1, rows: [{ name: 'data' }] } });
    const status = await core.call('clusterStatus', { clusterId: 'ctx:lab' });
    expect(status.ok).toBe(true);
    const value = (status as { value: { synced: boolean; kinds: { kind: string; state: string; count: number }[] } }).value;
    expect(value.kinds.find((k) => k.kind === 'persistentvolumeclaims')).toMatchObject({ state: 'synced', count: 1 });
    // A live source that never reported the other kinds is not synced yet.
    expect(value.synced).toBe(false);
  });

  it('refuses a context whose kubeconfig entry is broken, with its message', async () => {
    const { core, fake } = await startCore({ contexts: [context('broken', { connection: 'error', error: 'Context "broken" names a missing user "u".' })] });
    expect(await core.call('openCluster', { clusterId: 'ctx:broken' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Context "broken" names a missing user "u".' },
    });
    expect(fake.sources).toHaveLength(0);
  });

  it('opens snapshot content, offline and synced, and drops it on close', async () => {
    const { core } = await startCore();
    const opened = await core.call('openSnapshot', { fileName: 'customer.json', content: SNAPSHOT });
    expect(opened).toMatchObject({ ok: true, value: { id: 'file:1', name: 'customer.json', source: 'snapshot', connection: 'offline', capturedAt: '2026-01-01T00:00:00Z' } });
    const status = await core.call('clusterStatus', { clusterId: 'file:1' });
    expect(status).toMatchObject({ ok: true, value: { synced: true } });
    expect(await core.call('closeCluster', { clusterId: 'file:1' })).toEqual({ ok: true, value: { ok: true } });
    const list = await core.call('listClusters', {});
    expect(list).toMatchObject({ ok: true, value: [{ id: 'demo', connection: 'error' }] });
  });

  it('opening the same file again shows the entry already open, not a duplicate', async () => {
    const { core, fake } = await startCore();
    fake.fileSource = (id, fileName, content) => openFileSource(content, id, fileName);
    const snapshot = JSON.stringify({ format: 'kse-snapshot', version: 1, capturedAt: '2026-11-28T00:00:00.000Z', context: 'lab', kinds: {} });
    const first = await core.call('openSnapshot', { fileName: 'big.json', content: snapshot });
    const again = await core.call('openSnapshot', { fileName: 'big.json', content: snapshot });
    expect(first).toMatchObject({ ok: true, value: { id: 'file:1' } });
    expect(again).toMatchObject({ ok: true, value: { id: 'file:1' } });
    const list = await core.call('listClusters', {});
    const ids = (list as { ok: true; value: { id: string }[] }).value.map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('file:'))).toEqual(['file:1']);
  });

  it('pauses and restarts a recording, says where it is, and refuses replay control elsewhere', async () => {
    const { core, fake } = await startCore();
    // A real recording source, so the replay is the one users get.
    fake.fileSource = (id, fileName, content) => openFileSource(content, id, fileName);
    const recording = {
      format: 'kse-recording',
      version: 1,
      capturedAt: '2026-11-28T00:00:00.000Z',
      context: 'lab',
      kinds: { persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name: 'a', namespace: 'x', uid: '1' } }] } },
      events: [{ at: 60_000, kind: 'persistentvolumeclaims', type: 'ADDED', object: { metadata: { name: 'b', namespace: 'x', uid: '2' } } }],
    };
    await core.call('openSnapshot', { fileName: 'rec.json', content: JSON.stringify(recording) });
    const status = await core.call('clusterStatus', { clusterId: 'file:1' });
    // It opens at its final state, still (trial 9 defect 2); restart plays it.
    expect(status).toMatchObject({ ok: true, value: { replay: { positionMs: 60_000, durationMs: 60_000, playing: false, loop: false, ended: true } } });
    expect(await core.call('controlReplay', { clusterId: 'file:1', action: 'restart' })).toMatchObject({ ok: true, value: { replay: { playing: true, ended: false } } });
    const paused = await core.call('controlReplay', { clusterId: 'file:1', action: 'pause' });
    expect(paused).toMatchObject({ ok: true, value: { replay: { playing: false } } });
    const looped = await core.call('controlReplay', { clusterId: 'file:1', action: 'loop-on' });
    expect(looped).toMatchObject({ ok: true, value: { replay: { loop: true, playing: false } } });
    const restarted = await core.call('controlReplay', { clusterId: 'file:1', action: 'restart' });
    expect(restarted).toMatchObject({ ok: true, value: { replay: { playing: true, ended: false } } });
    expect(await core.call('controlReplay', { clusterId: 'file:1', action: 'rewind' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await core.call('openSnapshot', { fileName: 'snap.json', content: JSON.stringify({ ...recording, format: 'kse-snapshot', events: undefined }) });
    expect(await core.call('controlReplay', { clusterId: 'file:2', action: 'pause' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('not a recording') },
    });
  });

  it('says why a file cannot be opened', async () => {
    const { core } = await startCore();
    const result = await core.call('openSnapshot', { fileName: 'notes.json', content: '{"kind":"poem"}' });
    expect(result).toEqual({ ok: false, error: { code: 'bad-request', message: 'notes.json cannot be opened: it is not a Kube Storage Explorer snapshot' } });
  });

  it("words a file's own fault in Russian too, for the Russian UI (trial 10)", async () => {
    const { core, fake } = await startCore();
    fake.fileSource = (id, fileName, content) => openFileSource(content, id, fileName);
    const result = await core.call('openSnapshot', { fileName: 'lab-capture.json', content: '{"kind":"List"}' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-request',
        message: expect.stringMatching(/^lab-capture\.json cannot be opened: lab-capture\.json is not a valid kse snapshot: "format" is missing/),
        ru: 'lab-capture.json — неисправный снимок kse: поле «format» — отсутствует, а должно быть «kse-snapshot» или «kse-recording». Выгрузите снимок командой «kse snapshot».',
      },
    });
  });

  it('opens the demo by itself when no kubeconfig exists, and not otherwise', async () => {
    const without = await startCore({ anyFileExists: false, demo: SNAPSHOT });
    expect((await without.core.call('listClusters', {})) as unknown).toMatchObject({ ok: true, value: [{ id: 'demo', source: 'demo', connection: 'offline' }] });
    const withConfig = await startCore({ anyFileExists: true, demo: SNAPSHOT });
    expect((await withConfig.core.call('listClusters', {})) as unknown).toMatchObject({ ok: true, value: [{ id: 'demo', connection: 'closed' }] });
  });

  it('explains a missing demo', async () => {
    const { core } = await startCore({ anyFileExists: false });
    expect(await core.call('listClusters', {})).toMatchObject({ ok: true, value: [{ id: 'demo', connection: 'error', error: expect.stringMatching(/demo is missing/) }] });
    const result = await core.call('openCluster', { clusterId: 'demo' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/demo is missing/);
  });

  it('closes a cluster that is still opening once it has opened', async () => {
    const { core, fake } = await startCore({ contexts: [context('slow')], startDelayMs: 100 });
    const opening = core.call('openCluster', { clusterId: 'ctx:slow' });
    expect(await core.call('closeCluster', { clusterId: 'ctx:slow' })).toEqual({ ok: true, value: { ok: true } });
    await opening;
    expect(fake.sources[0]?.stopped).toBe(true);
    expect(await core.call('clusterStatus', { clusterId: 'ctx:slow' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('gives each call a time limit', async () => {
    const { core } = await startCore({ contexts: [context('slow')], startDelayMs: 300 }, { timeouts: { openCluster: 50 } });
    const result = await core.call('openCluster', { clusterId: 'ctx:slow' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: 'openCluster did not answer within 50 ms. Check the cluster\'s connection and try again.',
        ru: 'openCluster не ответил за 50 мс. Проверьте связь с кластером и повторите.',
      },
    });
  });

  it('words the errors a user can meet in the UI in Russian too (ContractError.ru)', async () => {
    const { core } = await startCore({ contexts: [context('lab')] });
    expect(await core.call('clusterStatus', { clusterId: 'ctx:gone' })).toMatchObject({ ok: false, error: { code: 'not-found', ru: 'Нет кластера «ctx:gone». Выберите его в списке кластеров: возможно, его убрали из kubeconfig.' } });
    expect(await core.call('clusterStatus', { clusterId: 'ctx:lab' })).toMatchObject({ ok: false, error: { code: 'unavailable', ru: 'Кластер «ctx:lab» не открыт. Сначала откройте его.' } });
    expect(await core.call('openCluster', { clusterId: 'ctx:gone' })).toMatchObject({ ok: false, error: { ru: 'Нет кластера «ctx:gone». Выберите его в списке кластеров.' } });
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    expect(await core.call('controlReplay', { clusterId: 'ctx:lab', action: 'pause' })).toMatchObject({ ok: false, error: { ru: expect.stringContaining('не запись') } });
  });

  it('adds namespaces to live sources only', async () => {
    const { core, fake } = await startCore({ contexts: [context('lab')] });
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    expect(await core.call('addNamespace', { clusterId: 'ctx:lab', namespace: 'team-a' })).toMatchObject({ ok: true });
    expect(fake.sources[0]?.namespaces).toEqual(['team-a']);
    expect(await core.call('addNamespace', { clusterId: 'ctx:lab', namespace: 'Team A' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('serves lessons and about', async () => {
    const { core } = await startCore();
    const lessons = await core.call('getLessons', { lang: 'ru' });
    expect(lessons.ok && (lessons.value as { lang: string; sections: unknown[] }).sections.length).toBeGreaterThan(3);
    expect(await core.call('about', {})).toEqual({ ok: true, value: { version: '1.2.3', transport: 'web', platform: process.platform } });
  });

  it('lists the exercises and checks one against the open cluster, live', async () => {
    const { core, fake } = await startCore({ contexts: [context('lab')] });
    const list = await core.call('listExercises', { lang: 'ru' });
    expect(list.ok && (list.value as { spec: { number: number } }[]).map((c) => c.spec.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    const sink = fake.sources[0]?.sink;
    sink?.add('persistentvolumeclaims', { metadata: { name: 'waiting', namespace: 'ex-wffc', uid: 'c1' }, spec: { storageClassName: 'lab-hostpath-wffc' }, status: { phase: 'Pending' } });
    const before = await core.call('checkExercise', { clusterId: 'ctx:lab', exercise: '7' });
    expect(before).toMatchObject({ ok: true, value: { exercise: 'wait-for-first-consumer', namespace: 'ex-wffc', done: false, steps: [{ step: 'consumer', state: 'failed' }, { step: 'bound', state: 'failed' }] } });
    // The student creates the pod in a terminal: the next check reads it from the store.
    sink?.add('pods', { metadata: { name: 'consumer', namespace: 'ex-wffc', uid: 'p1' }, spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'waiting' } }], containers: [{ name: 'app' }] } });
    const after = await core.call('checkExercise', { clusterId: 'ctx:lab', exercise: 'wait-for-first-consumer' });
    expect(after).toMatchObject({ ok: true, value: { steps: [{ step: 'consumer', state: 'passed', explanation: { en: expect.stringContaining('consumer') } }, { step: 'bound', state: 'failed' }] } });
    expect(await core.call('checkExercise', { clusterId: 'ctx:lab', exercise: '42' })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('There is no exercise "42"') } });
    expect(await core.call('checkExercise', { clusterId: 'ctx:lab', exercise: '../etc' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await core.call('checkExercise', { clusterId: 'ctx:nope', exercise: '7' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('batches the notices of a burst of updates', async () => {
    const { core, fake } = await startCore({ contexts: [context('lab')] });
    const seen: Notice[] = [];
    core.onNotice((n) => seen.push(n));
    await core.call('openCluster', { clusterId: 'ctx:lab' });
    const sink = fake.sources[0]?.sink;
    for (let i = 0; i < 100; i += 1) sink?.add('pods', { metadata: { name: `p${i}`, uid: `p${i}` } });
    await new Promise((r) => setTimeout(r, 40));
    const changed = seen.filter((n) => n.type === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ clusterId: 'ctx:lab', kinds: ['persistentvolumeclaims', 'pods'] });
    expect(seen.filter((n) => n.type === 'clusters').length).toBeLessThanOrEqual(1);
  });
});
