/**
 * Smoke test of the local lab: the real control plane binds claims, waits for first consumers, runs an external
 * provisioner with a live Lease, sequences init containers, limits the student, survives fault injection, and
 * leaves nothing behind.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { INIT_DRIVER_LABEL, INIT_STEP_ANNOTATION, LAB_SYSTEM_NAMESPACE, PROVISIONER_LEASE, PROVISIONER_NAME, startLab, type Lab } from './lab';
import { KubeError, type KubeClient, type KubeObject } from './kube';
import { claimManifest, podUsingClaim } from './manifests';
import { processAlive } from '../../src/main/kube/testing/process';

let lab: Lab;
let admin: KubeClient;
const NS = 'smoke';

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const pvcPath = (ns: string, name = '') => `/api/v1/namespaces/${ns}/persistentvolumeclaims${name ? `/${name}` : ''}`;
const claim = (name: string, storageClassName?: string): KubeObject => claimManifest(name, { storageClassName, namespace: NS });
const podUsing = (name: string, claimName: string): KubeObject => podUsingClaim(name, claimName, { namespace: NS, image: 'busybox:1.37' });
async function eventsFor(ns: string, kind: string, name: string): Promise<any[]> {
  const list = await admin.list(`/api/v1/namespaces/${ns}/events`, { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` });
  return list.items;
}
const alive = processAlive;

beforeAll(async () => {
  lab = await startLab({ seedScenarios: true, initStepSeconds: 2 });
  admin = lab.client('admin');
  await admin.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  await waitUntil('default ServiceAccount in smoke', () => admin.getOrUndefined(`/api/v1/namespaces/${NS}/serviceaccounts/default`));
});

afterAll(async () => {
  await lab?.stop();
});

describe('local lab', () => {
  test('three Ready kwok nodes in two zones, each with a CSINode registration of the external driver', async () => {
    const nodes = await admin.list('/api/v1/nodes');
    expect(nodes.items).toHaveLength(3);
    for (const n of nodes.items) expect(n.status.conditions.find((c: any) => c.type === 'Ready')?.status).toBe('True');
    expect(new Set(nodes.items.map((n) => n.metadata.labels!['topology.kubernetes.io/zone'])).size).toBe(2);
    const csiNodes = await admin.list('/apis/storage.k8s.io/v1/csinodes');
    expect(csiNodes.items.map((c) => c.spec.drivers[0].name)).toEqual([PROVISIONER_NAME, PROVISIONER_NAME, PROVISIONER_NAME]);
    expect(await admin.get(`/apis/storage.k8s.io/v1/csidrivers/${PROVISIONER_NAME}`)).toBeTruthy();
    const version = await admin.get('/version');
    expect(version.gitVersion).toMatch(/^v1\.\d+\.\d+$/);
  });

  test('the real PV controller provisions and binds a claim of the default class', async () => {
    await admin.create(pvcPath(NS), claim('dynamic'));
    const bound = await waitUntil('claim dynamic Bound', async () => {
      const c = await admin.get(pvcPath(NS, 'dynamic'));
      return c.status?.phase === 'Bound' ? c : undefined;
    });
    expect(bound.spec.storageClassName).toBe('lab-hostpath');
    const pv = await admin.get(`/api/v1/persistentvolumes/${bound.spec.volumeName}`);
    expect(pv.metadata.annotations['pv.kubernetes.io/provisioned-by']).toBe('kubernetes.io/host-path');
    const ev = await eventsFor(NS, 'PersistentVolumeClaim', 'dynamic');
    expect(ev.find((e) => e.reason === 'ProvisioningSucceeded')?.source?.component).toBe('persistentvolume-controller');
    // and the seeded static claim was bound to its hand-made PV
    await waitUntil('lab-static/reports Bound', async () => (await admin.get(pvcPath('lab-static', 'reports'))).spec.volumeName === 'lab-static-pv');
  });

  test('a WaitForFirstConsumer claim waits, then binds once its pod is scheduled', async () => {
    await admin.create(pvcPath(NS), claim('wffc', 'lab-hostpath-wffc'));
    const waiting = await waitUntil('WaitForFirstConsumer event', async () =>
      (await eventsFor(NS, 'PersistentVolumeClaim', 'wffc')).find((e) => e.reason === 'WaitForFirstConsumer'),
    );
    expect(waiting.message).toContain('waiting for first consumer');
    expect((await admin.get(pvcPath(NS, 'wffc'))).status.phase).toBe('Pending');
    await admin.create(`/api/v1/namespaces/${NS}/pods`, podUsing('consumer', 'wffc'));
    const bound = await waitUntil('claim wffc Bound', async () => {
      const c = await admin.get(pvcPath(NS, 'wffc'));
      return c.status?.phase === 'Bound' ? c : undefined;
    });
    const pod = await waitUntil('consumer Running', async () => {
      const p = await admin.get(`/api/v1/namespaces/${NS}/pods/consumer`);
      return p.status?.phase === 'Running' ? p : undefined;
    });
    expect(bound.metadata.annotations['volume.kubernetes.io/selected-node']).toBe(pod.spec.nodeName);
  });

  test('init containers run one after another, observably', async () => {
    const names = ['fetch', 'fix-permissions', 'render-config'];
    await admin.create(`/api/v1/namespaces/${NS}/pods`, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'init-seq', namespace: NS, labels: { [INIT_DRIVER_LABEL]: 'sequential' }, annotations: { [INIT_STEP_ANNOTATION]: '2' } },
      spec: {
        securityContext: { runAsUser: 1000 },
        initContainers: names.map((name) => ({ name, image: 'busybox:1.37', command: ['true'], ...(name === 'fix-permissions' ? { securityContext: { runAsUser: 0 } } : {}) })),
        containers: [{ name: 'app', image: 'busybox:1.37' }],
      },
    });
    // Record which init container is running at each observation.
    const seen: string[] = [];
    const final = await waitUntil('init-seq Running', async () => {
      const p = await admin.get(`/api/v1/namespaces/${NS}/pods/init-seq`);
      const statuses: any[] = p.status?.initContainerStatuses ?? [];
      const running = statuses.filter((s) => s.state?.running);
      expect(running.length).toBeLessThanOrEqual(1);
      const label = running[0]?.name ?? (p.status?.phase === 'Running' ? 'done' : 'none');
      if (seen.at(-1) !== label) seen.push(label);
      if (running[0]) {
        // everything before the running one has completed, everything after still waits
        const i = names.indexOf(running[0].name);
        statuses.slice(0, i).forEach((s) => expect(s.state.terminated?.reason).toBe('Completed'));
        statuses.slice(i + 1).forEach((s) => expect(s.state.waiting?.reason).toBe('PodInitializing'));
        expect(p.status.conditions.find((c: any) => c.type === 'Initialized')?.status).toBe('False');
      }
      return p.status?.phase === 'Running' ? p : undefined;
    }, 60_000, 200);
    expect(seen.filter((s) => s !== 'none')).toEqual([...names, 'done']);
    const finished = final.status.initContainerStatuses.map((s: any) => Date.parse(s.state.terminated.finishedAt));
    expect(finished[1] - finished[0]).toBeGreaterThanOrEqual(1000);
    expect(finished[2] - finished[1]).toBeGreaterThanOrEqual(1000);
    expect(final.status.conditions.find((c: any) => c.type === 'Ready')?.status).toBe('True');
  });

  test('the external provisioner provisions with real events and renews its Lease; stopped, claims wait', async () => {
    const leasePath = `/apis/coordination.k8s.io/v1/namespaces/${LAB_SYSTEM_NAMESPACE}/leases/${PROVISIONER_LEASE}`;
    await admin.create(pvcPath(NS), claim('ext', 'lab-external'));
    await waitUntil('claim ext Bound', async () => (await admin.get(pvcPath(NS, 'ext'))).status?.phase === 'Bound');
    const ev = await eventsFor(NS, 'PersistentVolumeClaim', 'ext');
    expect(ev.find((e) => e.reason === 'ExternalProvisioning')?.source?.component).toBe('persistentvolume-controller');
    expect(ev.find((e) => e.reason === 'ProvisioningSucceeded')?.source?.component).toMatch(new RegExp(`^${PROVISIONER_NAME}_`));

    const r1 = (await admin.get(leasePath)).spec.renewTime;
    await waitUntil('lease renewed', async () => (await admin.get(leasePath)).spec.renewTime !== r1, 20_000);

    await lab.stopProvisioner();
    await admin.create(pvcPath(NS), claim('ext-while-down', 'lab-external'));
    await waitUntil('ExternalProvisioning event for the waiting claim', async () =>
      (await eventsFor(NS, 'PersistentVolumeClaim', 'ext-while-down')).some((e) => e.reason === 'ExternalProvisioning'),
    );
    const stale = (await admin.get(leasePath)).spec.renewTime;
    await new Promise((r) => setTimeout(r, 4000));
    expect((await admin.get(leasePath)).spec.renewTime).toBe(stale);
    expect((await admin.get(pvcPath(NS, 'ext-while-down'))).status.phase).toBe('Pending');

    await lab.startProvisioner();
    await waitUntil('claim ext-while-down Bound after restart', async () => (await admin.get(pvcPath(NS, 'ext-while-down'))).status?.phase === 'Bound', 60_000);
  });

  test('the student reads namespace student only', async () => {
    const student = lab.client('student');
    expect((await student.raw('GET', '/api/v1/namespaces/student/persistentvolumeclaims')).status).toBe(200);
    expect((await student.raw('GET', '/api/v1/namespaces/student/pods')).status).toBe(200);
    for (const path of ['/api/v1/nodes', '/api/v1/namespaces', '/api/v1/persistentvolumes', '/apis/storage.k8s.io/v1/storageclasses', '/api/v1/namespaces/lab-dynamic/pods']) {
      expect((await student.raw('GET', path)).status, path).toBe(403);
    }
    expect((await student.raw('DELETE', '/api/v1/namespaces/student/pods/notebook')).status).toBe(403);
  });

  test('the kubeconfig works with @kubernetes/client-node, as the app loads it', async () => {
    const { KubeConfig, CoreV1Api } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    kc.loadFromFile(lab.kubeconfigPath);
    expect(kc.getContexts().map((c) => c.name)).toEqual(['lab-admin', 'lab-student']);
    const asAdmin = kc.makeApiClient(CoreV1Api);
    expect((await asAdmin.listNode()).items).toHaveLength(3);
    kc.setCurrentContext('lab-student');
    const asStudent = kc.makeApiClient(CoreV1Api);
    const pvcs = await asStudent.listNamespacedPersistentVolumeClaim({ namespace: 'student' });
    expect(pvcs.items.map((c) => c.metadata?.name).sort()).toEqual(['notebooks', 'scratch']);
    await expect(asStudent.listNode()).rejects.toMatchObject({ code: 403 });
  });

  test('a component that dies is restarted, as a kubelet would', async () => {
    const pid = lab.pids()['kube-scheduler']!;
    process.kill(pid, 'SIGKILL');
    await waitUntil('kube-scheduler restarted', async () => lab.pids()['kube-scheduler'] !== undefined && lab.pids()['kube-scheduler'] !== pid, 20_000);
    expect(lab.restarts()['kube-scheduler']).toBe(1);
  });

  test('kubectl from the same release works with the kubeconfig', async () => {
    if (!lab.kubectlPath) return;
    const r = await lab.kubectl(['get', 'nodes,sc,pv,pvc', '-A']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('lab-hostpath (default)');
    const s = await lab.kubectl(['--context', 'lab-student', 'get', 'pvc']);
    expect(s.stdout).toContain('notebooks');
  });

  test('fault injection: etcd compaction + apiserver restart make old resourceVersions 410 Gone', async () => {
    const before = await admin.list(pvcPath(NS));
    await admin.create(`/api/v1/namespaces/${NS}/configmaps`, { metadata: { name: 'bump' }, data: { a: '1' } });
    const revision = await lab.compactEtcd();
    expect(revision).toBeGreaterThan(Number(before.metadata.resourceVersion));

    const pidBefore = lab.pids()['kube-apiserver'];
    await lab.restartApiserver();
    expect(lab.pids()['kube-apiserver']).not.toBe(pidBefore);
    // A fresh watch cache has no history and etcd has none before the compaction: the old RV is gone for good.
    const list = await admin.raw('GET', `${pvcPath(NS)}?resourceVersion=${before.metadata.resourceVersion}&resourceVersionMatch=Exact`);
    expect(list.status).toBe(410);
    const watch = await admin.raw('GET', `${pvcPath(NS)}?watch=1&resourceVersion=${before.metadata.resourceVersion}&timeoutSeconds=2`);
    expect(watch.status === 410 || /"type":"ERROR".*"code":410/.test(watch.text), watch.text.slice(0, 300)).toBe(true);

    expect((await admin.list('/api/v1/nodes')).items).toHaveLength(3);
    // the rest of the lab carries on: a new claim still binds
    await admin.create(pvcPath(NS), claim('after-restart'));
    await waitUntil('claim after-restart Bound', async () => (await admin.get(pvcPath(NS, 'after-restart'))).status?.phase === 'Bound', 90_000);
  });

  test('stop leaves no process and no temp dir', async () => {
    const pids = Object.values(lab.pids());
    expect(pids).toHaveLength(6);
    const dir = lab.dataDir;
    const hostPathDirs = (await admin.list('/api/v1/persistentvolumes')).items
      .map((pv) => pv.spec.hostPath?.path as string | undefined)
      .filter((p): p is string => !!p && p.startsWith('/tmp/hostpath_pv/'));
    expect(hostPathDirs.length).toBeGreaterThan(0);
    await lab.stop();
    for (const pid of pids) expect(alive(pid), `pid ${pid}`).toBe(false);
    expect(existsSync(dir)).toBe(false);
    for (const p of hostPathDirs) expect(existsSync(p), p).toBe(false);
    await expect(admin.get('/version')).rejects.toBeTruthy();
  });
});

// KubeError is part of the client's API; keep the import checked.
void KubeError;
