/**
 * The web host over a live cluster (the local lab): a claim created with the API server's own client appears in
 * the page's queries after a pushed `changed` notice, without a reload, as the UI relies on.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLab, type Lab } from '../../../../e2e/cluster/lab';
import type { Notice, RendererApi } from '../../../shared/contract';
import type { ClaimRow } from '../../../shared/model/rows';
import { createWebClient, type SocketFactory } from '../../../shared/web-client';
import { Core } from '../../core/core';
import { createCoreDeps } from '../../core/wiring';
import { startWebHost, type WebHost } from './server';
import { pollUntil } from '../../kube/testing/until';

const ROOT = resolve(__dirname, '../../../..');
let lab: Lab;
let core: Core;
let host: WebHost;
let api: RendererApi;

/** The shared poller, with this file's argument order. */
function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms: number, what: string): Promise<NonNullable<T>> {
  return pollUntil(what, probe, { timeoutMs: ms });
}

beforeAll(async () => {
  lab = await startLab({ log: () => undefined });
  const resourcesDir = join(ROOT, 'resources');
  core = new Core({ deps: createCoreDeps({ resourcesDir, kubeconfig: { kubeconfigEnv: lab.kubeconfigPath } }), resourcesDir, version: 'test', transport: 'web', autoOpenDemo: false });
  await core.start();
  const rendererDir = await mkdtemp(join(tmpdir(), 'kse-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kse</title>');
  host = await startWebHost({ core, rendererDir });
  const socket: SocketFactory = (url, protocols) => new WebSocket(url, protocols, { headers: { Origin: `http://127.0.0.1:${host.port}` } }) as never;
  api = createWebClient({ baseUrl: `http://127.0.0.1:${host.port}`, token: host.token, socket });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
  await lab?.stop();
});

describe('web host on the lab', () => {
  it('syncs lab-admin and pushes the change when a claim is created', async () => {
    const clusters = await api.listClusters({});
    expect(clusters.map((c) => c.id)).toEqual(expect.arrayContaining(['ctx:lab-admin', 'ctx:lab-student']));
    expect(JSON.stringify(clusters)).not.toContain(lab.adminToken);

    const notices: Notice[] = [];
    const unsubscribe = api.onNotice((n) => notices.push(n));
    await api.openCluster({ clusterId: 'ctx:lab-admin' });
    const status = await until(async () => {
      const s = await api.clusterStatus({ clusterId: 'ctx:lab-admin' });
      return s.synced ? s : undefined;
    }, 60_000, 'the initial sync');
    expect(status.cluster.connection).toBe('connected');
    await until(() => notices.find((n) => n.type === 'status'), 5000, 'a status notice');

    await lab.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'kse-live-claim', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'no-such-class' },
    });
    const changed = await until(
      () => notices.find((n) => n.type === 'changed' && n.clusterId === 'ctx:lab-admin' && n.kinds.includes('persistentvolumeclaims')),
      15_000,
      'a changed notice for claims',
    );
    expect(changed).toMatchObject({ type: 'changed' });
    const page = await api.listRows({ clusterId: 'ctx:lab-admin', table: 'claims', namespaces: ['default'], offset: 0, limit: 50 });
    const row = page.rows.find((r: ClaimRow) => r.name === 'kse-live-claim');
    expect(row).toMatchObject({ namespace: 'default', phase: 'Pending', className: 'no-such-class' });
    const findings = await api.listFindings({ clusterId: 'ctx:lab-admin', namespace: 'default', offset: 0, limit: 50 });
    expect(findings.rows.some((f) => f.object.name === 'kse-live-claim' && f.severity === 'problem')).toBe(true);
    unsubscribe();
  }, 180_000);
});
