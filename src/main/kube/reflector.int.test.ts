/**
 * The reflectors of a live context against the real lab: initial sync equals a plain LIST, changes arrive,
 * and the model recovers to the truth after a silent connection, an apiserver restart and an etcd compaction
 * that forces a 410 relist. The lab is reached through a TCP proxy so that tests can break the network.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../e2e/cluster/lab';
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { ContextSource } from './context-source';
import { openContextSource } from './open-context';
import { RecordingSink } from './testing/recording-sink';
import { truth, until, writeKubeconfigVariant } from './testing/lab-truth';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';

const NS = 'kse-int';
let lab: Lab;
let proxy: TcpProxy;
let dir: string;
let kubeconfig: string;
let source: ContextSource;
const sink = new RecordingSink();
const admin = () => lab.client('admin');

const storageClass = (name: string) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, labels: { 'kse.test/int': 'yes' } },
  provisioner: 'example.com/none',
});

beforeAll(async () => {
  lab = await startLab({ log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'kse-int-'));
  proxy = await startTcpProxy(Number(new URL(lab.server).port));
  kubeconfig = writeKubeconfigVariant(lab.kubeconfigPath, dir, 'proxied.yaml', (config) => {
    for (const entry of config.clusters) entry.cluster.server = `https://127.0.0.1:${proxy.port}`;
  });
  await admin().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  source = openContextSource('lab-admin', { kubeconfigEnv: kubeconfig }, {
    reflector: { silenceMs: 4000 },
    requestTimeoutMs: 5000,
    backoff: { initialMs: 200, maxMs: 2000 },
  });
  await source.start(sink);
});

afterAll(async () => {
  await source?.stop();
  await proxy?.close();
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const settled = (kind: Resource) => ['synced', 'absent'].includes(sink.statuses.get(kind)?.state ?? '');

async function expectEqualToTruth(kinds: Resource[], timeoutMs = 30_000): Promise<void> {
  for (const kind of kinds) {
    await until(`${kind} to equal a plain LIST`, async () => JSON.stringify(sink.identities(kind)) === JSON.stringify(await truth(admin(), kind)), timeoutMs).catch(
      () => undefined,
    );
    expect(sink.identities(kind), kind).toEqual(await truth(admin(), kind));
  }
}

describe('a live context (lab-admin)', () => {
  it('syncs every kind and holds exactly what a plain LIST returns', async () => {
    await until('every kind synced or absent', () => ALL_RESOURCES.every(settled), 60_000);
    expect(sink.lastConnection?.state).toBe('connected');
    expect(source.serverVersion()).toMatch(/^v1\.\d+/);
    const served = ALL_RESOURCES.filter((kind) => sink.statuses.get(kind)?.state === 'synced');
    expect(served).toEqual(expect.arrayContaining(['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'nodes', 'leases', 'csidrivers', 'csinodes']));
    await expectEqualToTruth(served);
    for (const kind of served) {
      const status = sink.statuses.get(kind)!;
      expect(status.syncedAt, kind).toBeDefined();
      expect(status.syncMillis, kind).toBeGreaterThanOrEqual(0);
      // Counts are re-reported after watch events with a short throttle: objects (events above all) that arrived
      // just now show up in the count a moment later.
      await until(`${kind} count to be reported`, () => sink.statuses.get(kind)?.count === sink.identities(kind).length, 10_000).catch(() => undefined);
      expect(sink.statuses.get(kind)?.count, kind).toBe(sink.identities(kind).length);
    }
    // Snapshot CRDs are not installed in the lab: absent, with a reason, not an error.
    expect(sink.statuses.get('volumesnapshots')).toMatchObject({ state: 'absent', count: 0 });
    for (const object of sink.objects.get('pods')?.values() ?? []) {
      expect(object.metadata).not.toHaveProperty('managedFields');
      expect(object.kind).toBe('Pod');
    }
  });

  it('lists in pages (continue tokens) and still holds exactly what a plain LIST returns', async () => {
    for (let i = 0; i < 5; i++) {
      await admin().create(`/api/v1/namespaces/${NS}/persistentvolumeclaims`, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: `paged-${i}`, namespace: NS },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } }, storageClassName: 'kse-int-no-such-class' },
      });
    }
    const paged = new RecordingSink();
    const kinds: Resource[] = ['persistentvolumeclaims', 'leases', 'nodes', 'events'];
    const small = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath }, { kinds, reflector: { pageSize: 2 } });
    try {
      await small.start(paged);
      await until('paged kinds synced', () => kinds.every((kind) => paged.statuses.get(kind)?.state === 'synced'), 30_000);
      for (const kind of kinds) {
        const expected = await truth(admin(), kind);
        if (kind !== 'events') expect(expected.length, `${kind} needs more than one page for this test`).toBeGreaterThan(2);
        await until(`${kind} paged equal`, async () => JSON.stringify(paged.identities(kind)) === JSON.stringify(await truth(admin(), kind)), 10_000).catch(() => undefined);
        expect(paged.identities(kind), kind).toEqual(await truth(admin(), kind));
      }
    } finally {
      await small.stop();
    }
  });

  it('delivers creates, updates and deletes', async () => {
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'arrives', namespace: NS },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } }, storageClassName: 'kse-int-no-such-class' },
    };
    await admin().create(`/api/v1/namespaces/${NS}/persistentvolumeclaims`, pvc);
    await until('the new claim', () => sink.names('persistentvolumeclaims').includes(`${NS}/arrives`));
    await admin().mergePatch(`/api/v1/namespaces/${NS}/persistentvolumeclaims/arrives`, { metadata: { labels: { tier: 'gold' } } });
    await until('the label update', () =>
      [...(sink.objects.get('persistentvolumeclaims')?.values() ?? [])].some((o) => o.metadata?.name === 'arrives' && o.metadata.labels?.tier === 'gold'),
    );
    await admin().delete(`/api/v1/namespaces/${NS}/persistentvolumeclaims/arrives`);
    await until('the claim to go', () => !sink.names('persistentvolumeclaims').includes(`${NS}/arrives`));
    expect(sink.applied.filter((event) => event.name === 'arrives').map((event) => event.type)).toEqual(expect.arrayContaining(['ADDED', 'MODIFIED', 'DELETED']));
  });

  it('tells a delete and re-create under one name apart by UID', async () => {
    const created = await admin().create<{ metadata: { uid: string } }>('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-recreate'));
    await until('the first class', () => sink.identities('storageclasses').includes(`/kse-int-recreate@${created.metadata.uid}`));
    await admin().delete('/apis/storage.k8s.io/v1/storageclasses/kse-int-recreate');
    const again = await admin().create<{ metadata: { uid: string } }>('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-recreate'));
    expect(again.metadata.uid).not.toBe(created.metadata.uid);
    await until('the second class', () => sink.identities('storageclasses').includes(`/kse-int-recreate@${again.metadata.uid}`));
    expect(sink.identities('storageclasses').filter((id) => id.startsWith('/kse-int-recreate@'))).toEqual([`/kse-int-recreate@${again.metadata.uid}`]);
  });

  it('restarts a watch that went silent (watchdog) and catches up', async () => {
    // Watching, not listing: a list through the dead link would time out and retry without any watchdog.
    await until('storage classes watched', () => sink.statuses.get('storageclasses')?.state === 'synced', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.mode = 'blackhole';
    await admin().create('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-silent'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.names('storageclasses')).not.toContain('/kse-int-silent'); // nothing gets through the dead link
    proxy.mode = 'pass';
    // Without the watchdog the reflector would wait on the dead stream until its server timeout (5-10 min).
    await until('the class created while the link was dead', () => sink.names('storageclasses').includes('/kse-int-silent'), 30_000);
    await until('storage classes synced again', () => sink.statuses.get('storageclasses')?.state === 'synced');
  });

  it('recovers to the truth after the apiserver restarts mid-watch', async () => {
    const before = await admin().create<{ metadata: { uid: string } }>('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-before-restart'));
    await until('the class before the restart', () => sink.identities('storageclasses').includes(`/kse-int-before-restart@${before.metadata.uid}`));
    await lab.restartApiserver();
    await admin().create('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-after-restart'));
    await admin().delete('/apis/storage.k8s.io/v1/storageclasses/kse-int-before-restart');
    await expectEqualToTruth(['storageclasses', 'persistentvolumeclaims', 'persistentvolumes', 'nodes', 'pods'], 60_000);
    await until('every kind synced again', () => ALL_RESOURCES.every(settled), 60_000);
    await until('connected again', () => sink.lastConnection?.state === 'connected');
  });

  it('relists after etcd compaction (410) and keeps no ghost of what was deleted meanwhile', async () => {
    await admin().create('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-ghost'));
    await until('the class that will vanish', () => sink.names('storageclasses').includes('/kse-int-ghost'));
    const listsBefore = sink.resets.get('storageclasses') ?? 0;
    proxy.mode = 'down'; // the reflectors lose the server, keeping their last resourceVersion
    await admin().delete('/apis/storage.k8s.io/v1/storageclasses/kse-int-ghost');
    await admin().create('/apis/storage.k8s.io/v1/storageclasses', storageClass('kse-int-newcomer'));
    await lab.compactEtcd();
    await lab.restartApiserver(); // a fresh watch cache: the old resourceVersion is now too old everywhere
    proxy.mode = 'pass';
    await until('the newcomer', () => sink.names('storageclasses').includes('/kse-int-newcomer'), 60_000);
    expect(sink.names('storageclasses')).not.toContain('/kse-int-ghost');
    expect(sink.resets.get('storageclasses')).toBeGreaterThan(listsBefore); // a relist, not a resumed watch
    await expectEqualToTruth(['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'nodes', 'pods', 'csidrivers', 'csinodes']);
  });
});
