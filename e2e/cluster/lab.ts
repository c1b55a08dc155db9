/**
 * The local lab: a real Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler)
 * built from upstream Go modules, kwok for fake nodes and pod lifecycles, an external provisioner, and the
 * init-container driver. Everything runs as ordinary processes on 127.0.0.1, random free ports, one temp data dir.
 *
 *   const lab = await startLab({ seedScenarios: true });
 *   // lab.kubeconfigPath has contexts lab-admin and lab-student
 *   await lab.stop();
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSI_DRIVER_NAME, CSI_SIDECARS } from './csi';
import { CsiSide } from './csi-side';
import { applyAll, bootstrapObjects, csiNodeObjects, DEFAULT_NODES, LAB_SYSTEM_NAMESPACE, PROVISIONER_LEASE } from './bootstrap';
import { ensureBinaries } from './build';
import { IDENTITIES, kubeconfigYaml, kwokStagesConfig, newTokens, writeServiceAccountKeys, writeTokenFile, type IdentityName, type Tokens } from './config';
import { apiserverArgs, controllerManagerArgs, etcdArgs, kwokArgs, provisionerArgs, schedulerArgs, type LabLayout } from './components';
import { startInitDriver, type InitDriver } from './init-driver';
import { hostAddress, kubeletStats, type KubeletStats } from './kubelet-stats';
import { writeKubeletPki } from './kubelet-pki';
import { KubeClient } from './kube';
import { Component, type ComponentDiedError } from './proc';
import type { Lab, LabComponent, LabOptions } from './lab-types';
import { compactEtcdNow, removeHostPathVolumeDirs, seedLabScenarios } from './lab-ops';

export { PROVISIONER_NAME, PROVISIONER_LEASE, LAB_SYSTEM_NAMESPACE } from './bootstrap';
export { INIT_DRIVER_LABEL } from './config';
export { INIT_STEP_ANNOTATION } from './init-driver';
export { CONTAINER_USED_BYTES_ANNOTATION, INODES_USED_ANNOTATION, USED_BYTES_ANNOTATION } from './kubelet-stats';
export { ComponentDiedError } from './proc';
export { CSI_DRIVER_NAME, CSI_LEASES, CSI_NAMESPACE, CSI_SIDECARS, type CsiSidecar } from './csi';
export type { CsiFault, CsiMethod } from './csi-side';

export type { Lab, LabComponent, LabOptions } from './lab-types';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startLab(opts: LabOptions = {}): Promise<Lab> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const nodes = opts.nodes ?? DEFAULT_NODES;
  const started = Date.now();
  const bins = opts.binaries ?? (await ensureBinaries({ log }));

  const ownDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kse-lab-'));
  const pki = join(dataDir, 'pki');
  const logs = join(dataDir, 'logs');
  for (const d of [pki, logs, join(dataDir, 'etcd'), join(dataDir, 'volumes')]) mkdirSync(d, { recursive: true, mode: 0o700 });

  const [etcdClient, etcdPeer, apiPort, kcmPort, schedPort, kwokPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const server = `https://127.0.0.1:${apiPort}`;
  const layout: LabLayout = {
    dataDir, pki, certPath: join(pki, 'apiserver.crt'), etcdEndpoint: `http://127.0.0.1:${etcdClient}`,
    ports: { etcdPeer: etcdPeer!, apiserver: apiPort!, controllerManager: kcmPort!, scheduler: schedPort!, kwok: kwokPort! },
  };
  const etcdEndpoint = `http://127.0.0.1:${etcdClient}`;
  const csiEnabled = opts.csi ?? false;
  // The kubelet stats stand-in: one port per node on the host's address (see kubelet-stats.ts).
  const kubeletAddress = hostAddress();
  const kubeletPki = kubeletAddress ? writeKubeletPki(join(pki, 'kubelet'), kubeletAddress) : undefined;
  if (!kubeletAddress) log('[lab] no non-loopback IPv4 address: the kubelet stats stand-in (/stats/summary) is not started');
  const tokens: Tokens = newTokens();
  writeTokenFile(join(pki, 'tokens.csv'), tokens);
  writeServiceAccountKeys(join(pki, 'sa.key'), join(pki, 'sa.pub'));

  // First failure of any component; every wait checks it so start-up fails fast with that component's log tail.
  let failure: ComponentDiedError | undefined;
  let ready = false;
  const restartCounts = new Map<LabComponent, number>();
  const restartTimers = new Set<NodeJS.Timeout>();
  /** Components that should be running (stopProvisioner takes the provisioner out). */
  const wanted = new Set<LabComponent>();
  const onDied = (err: ComponentDiedError) => {
    log(`[lab] ${err.message}`);
    if (!ready) {
      failure ??= err;
      return;
    }
    opts.onComponentDied?.(err);
    const name = err.component as LabComponent;
    const c = components.get(name);
    if (!c || opts.restartOnExit === false) return;
    const n = (restartCounts.get(name) ?? 0) + 1;
    restartCounts.set(name, n);
    const delay = Math.min(500 * 2 ** (n - 1), 15_000);
    log(`[lab] restarting ${name} in ${delay} ms (restart #${n})`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (ready && wanted.has(name) && !c.running) c.start();
    }, delay);
    restartTimers.add(timer);
  };
  const components = new Map<LabComponent, Component>();
  const component = (name: LabComponent, bin: string, args: string[]) => {
    const c = new Component(name, bin, args, join(logs, `${name}.log`), onDied);
    components.set(name, c);
    return c;
  };

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = timeoutMs): Promise<T> {
    const deadline = Date.now() + ms;
    let last = '';
    for (;;) {
      if (failure) throw failure;
      try {
        const v = await probe();
        if (v !== undefined && v !== null && (v as unknown) !== false) return v;
      } catch (e) {
        last = e instanceof Error ? e.message : String(e);
      }
      if (Date.now() > deadline) {
        const tails = [...components.values()].filter((c) => c.running).map((c) => `--- ${c.name} (${c.logPath}):\n${c.tail(8)}`).join('\n');
        throw new Error(`lab: timed out after ${ms / 1000}s waiting for ${what}${last ? ` (last error: ${last})` : ''}\n${tails}`);
      }
      await sleep(300);
    }
  }

  const kubeconfigFor = (id: IdentityName) => {
    const path = join(pki, `${id}.kubeconfig`);
    writeFileSync(path, kubeconfigYaml(server, caPem, [{ context: 'lab', user: IDENTITIES[id].user, token: tokens[id] }], 'lab'), { mode: 0o600 });
    return path;
  };

  let caPem = '';
  let initDriver: InitDriver | undefined;
  let stats: KubeletStats | undefined;
  const clients: KubeClient[] = [];
  const mkClient = (token: string) => {
    const c = new KubeClient(server, token, caPem);
    clients.push(c);
    return c;
  };

  // If this process exits without stop() (an uncaught error, process.exit in a test runner), take the
  // components along rather than leave them running.
  const killOnExit = () => {
    for (const c of components.values()) c.killNow();
  };
  process.on('exit', killOnExit);

  const stopAll = async () => {
    process.off('exit', killOnExit);
    ready = false;
    for (const t of restartTimers) clearTimeout(t);
    restartTimers.clear();
    await initDriver?.stop();
    initDriver = undefined;
    await stats?.stop();
    stats = undefined;
    // Dirs the in-tree hostPath provisioner made under /tmp/hostpath_pv are ours to remove (best effort).
    if (components.get('kube-apiserver')?.running && caPem) await removeHostPathVolumeDirs(mkClient(tokens.admin));
    for (const name of [...CSI_SIDECARS, 'csi-driver', 'provisioner', 'kwok', 'kube-scheduler', 'kube-controller-manager'] as const) await components.get(name)?.stop();
    await components.get('kube-apiserver')?.stop();
    await components.get('etcd')?.stop();
    for (const c of clients) c.close();
    if (ownDataDir && !opts.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    // etcd
    const etcd = component('etcd', bins.etcd, etcdArgs(layout));
    etcd.start();
    await waitFor('etcd /health', async () => (await fetch(`${etcdEndpoint}/health`, { signal: AbortSignal.timeout(5000) })).ok || undefined, 30_000);
    log(`[lab] etcd ready (${etcdEndpoint})`);

    // kube-apiserver
    const apiserver = component('kube-apiserver', bins.kubeApiserver, apiserverArgs(layout, kubeletPki));
    apiserver.start();
    const certPath = layout.certPath;
    // The apiserver writes the certificate, then the key: once the key exists, the certificate is complete.
    await waitFor('kube-apiserver serving certificate', async () => existsSync(join(pki, 'apiserver.key')) || undefined, 60_000);
    caPem = readFileSync(certPath, 'utf8');
    const admin = mkClient(tokens.admin);
    await waitFor('kube-apiserver /readyz', async () => (await admin.raw('GET', '/readyz', undefined, undefined, 5000)).status === 200 || undefined);
    log(`[lab] kube-apiserver ready (${server}, +${((Date.now() - started) / 1000).toFixed(1)}s)`);

    // Users' kubeconfig.
    const kubeconfigPath = join(dataDir, 'kubeconfig');
    writeFileSync(
      kubeconfigPath,
      kubeconfigYaml(server, caPem, [
        { context: 'lab-admin', user: IDENTITIES.admin.user, token: tokens.admin },
        { context: 'lab-student', user: IDENTITIES.student.user, token: tokens.student, namespace: 'student' },
      ], 'lab-admin'),
      { mode: 0o600 },
    );

    // The kubelet stats stand-in listens before the nodes are created: they advertise its ports.
    if (kubeletAddress && kubeletPki) {
      stats = kubeletStats({ address: kubeletAddress, nodes: nodes.map((n) => n.name), pki: kubeletPki, client: () => mkClient(tokens.statusDriver), log });
      await stats.start();
      log(`[lab] kubelet stats stand-in on ${kubeletAddress}, ports ${[...stats.ports.values()].join(', ')}`);
    }
    const kubeletPorts: ReadonlyMap<string, number> = stats?.ports ?? new Map();
    await waitFor('bootstrap objects', async () => {
      await applyAll(admin, bootstrapObjects(nodes, kubeletAddress ? { address: kubeletAddress, ports: kubeletPorts } : undefined));
      return true;
    }, 20_000);
    const csi = csiEnabled
      ? new CsiSide({
          bins: bins.csi, dataDir, admin, kubeconfigFor, waitFor, log,
          component: (name, bin, args) => component(name, bin, args),
          wanted: wanted as Set<string>,
        })
      : undefined;
    // The snapshot API first: the sidecars' informers (and the scenarios) need it served.
    await csi?.installApi();

    const kcm = component('kube-controller-manager', bins.kubeControllerManager, controllerManagerArgs(layout, kubeconfigFor('controllerManager')));
    const scheduler = component('kube-scheduler', bins.kubeScheduler, schedulerArgs(layout, kubeconfigFor('scheduler')));
    const kwokConfig = join(dataDir, 'kwok.yaml');
    writeFileSync(kwokConfig, kwokStagesConfig(bins.kwokStagesDir));
    const kwok = component('kwok', bins.kwok, kwokArgs(layout, kubeconfigFor('kwok'), kwokConfig));
    const provisioner = component('provisioner', bins.provisioner, provisionerArgs(layout, kubeconfigFor('provisioner')));
    for (const c of [etcd, apiserver, kcm, scheduler, kwok]) wanted.add(c.name as LabComponent);
    if (opts.provisioner ?? true) wanted.add('provisioner');
    kcm.start();
    scheduler.start();
    kwok.start();
    if (opts.provisioner ?? true) provisioner.start();

    const leaseHeld = (ns: string, name: string) => async () => {
      const l = await admin.getOrUndefined(`/apis/coordination.k8s.io/v1/namespaces/${ns}/leases/${name}`);
      return l?.spec?.holderIdentity ? l : undefined;
    };
    await waitFor('kube-controller-manager leader lease', leaseHeld('kube-system', 'kube-controller-manager'));
    await waitFor('kube-scheduler leader lease', leaseHeld('kube-system', 'kube-scheduler'));
    await waitFor('default ServiceAccount', () => admin.getOrUndefined('/api/v1/namespaces/default/serviceaccounts/default'));
    const readyNodes = await waitFor(`${nodes.length} Ready nodes`, async () => {
      const list = await admin.list('/api/v1/nodes');
      const ok = list.items.filter((n) => n.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True'));
      return ok.length >= nodes.length ? ok : undefined;
    });
    await applyAll(admin, csiNodeObjects(readyNodes.map((n) => ({ name: n.metadata.name, uid: n.metadata.uid! })), csiEnabled ? [CSI_DRIVER_NAME] : []));
    if (opts.provisioner ?? true) await waitFor('external provisioner lease', leaseHeld(LAB_SYSTEM_NAMESPACE, PROVISIONER_LEASE));
    if (csi) {
      await csi.start();
      log(`[lab] CSI driver ${CSI_DRIVER_NAME} and its sidecars running (+${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }

    initDriver = startInitDriver(mkClient(tokens.statusDriver), { stepSeconds: opts.initStepSeconds ?? 4, log });
    ready = true;
    log(`[lab] ready in ${((Date.now() - started) / 1000).toFixed(1)}s; kubeconfig ${kubeconfigPath}`);

    const withCsi = () => {
      if (!csi) throw new Error('this lab runs without CSI (LabOptions.csi: false)');
      return csi;
    };
    const lab: Lab = {
      dataDir, kubeconfigPath, server, caPem, etcdEndpoint,
      adminToken: tokens.admin, studentToken: tokens.student,
      binaries: bins,
      kubectlPath: bins.kubectl,
      client: (as = 'admin') => mkClient(as === 'admin' ? tokens.admin : tokens.student),
      kubectl(args) {
        const bin = bins.kubectl;
        if (!bin) return Promise.reject(new Error('kubectl was not built (npm run lab:build)'));
        return new Promise((resolve) => {
          execFile(bin, ['--kubeconfig', kubeconfigPath, ...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
            resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 }),
          );
        });
      },
      pids() {
        const out: Partial<Record<LabComponent, number>> = {};
        for (const [k, c] of components) if (c.pid) out[k] = c.pid;
        return out;
      },
      restarts: () => Object.fromEntries(restartCounts),
      logPath: (c) => join(logs, `${c}.log`),
      async restartApiserver() {
        const t0 = Date.now();
        // It stops listening at once on SIGTERM but its process can linger ~10 s; 3 s grace then SIGKILL keeps the
        // outage short (its state is all in etcd).
        await apiserver.stop(3000);
        log(`[lab] kube-apiserver stopped in ${Date.now() - t0} ms; starting it again`);
        apiserver.start();
        await waitFor('kube-apiserver /readyz after restart', async () => (await admin.raw('GET', '/readyz', undefined, undefined, 5000)).status === 200 || undefined);
        log(`[lab] kube-apiserver ready again, ${Date.now() - t0} ms after the restart began`);
      },
      compactEtcd: () => compactEtcdNow(etcdEndpoint, log),
      async stopProvisioner() {
        wanted.delete('provisioner');
        await provisioner.stop();
        log('[lab] external provisioner stopped');
      },
      async startProvisioner() {
        wanted.add('provisioner');
        if (provisioner.running) return;
        provisioner.start();
        const before = (await admin.getOrUndefined(`/apis/coordination.k8s.io/v1/namespaces/${LAB_SYSTEM_NAMESPACE}/leases/${PROVISIONER_LEASE}`))?.spec?.renewTime;
        // A new process must wait for the previous holder's lease to expire before it leads.
        await waitFor('external provisioner lease renewed', async () => {
          const l = await admin.getOrUndefined(`/apis/coordination.k8s.io/v1/namespaces/${LAB_SYSTEM_NAMESPACE}/leases/${PROVISIONER_LEASE}`);
          return l?.spec?.renewTime && l.spec.renewTime !== before ? true : undefined;
        });
        log('[lab] external provisioner leading again');
      },
      stopCsiSidecar: async (sidecar) => withCsi().stopSidecar(sidecar),
      startCsiSidecar: async (sidecar) => withCsi().startSidecar(sidecar),
      setCsiFault: (method, fault) => withCsi().setFault(method, fault),
      kubeletAddress,
      kubeletPorts,
      async stopKubeletStats(node) {
        if (!stats) throw new Error('the kubelet stats stand-in is not running (no non-loopback IPv4 address)');
        await stats.stop(node);
        log(`[lab] kubelet stats of ${node} stopped`);
      },
      async startKubeletStats(node) {
        if (!stats) throw new Error('the kubelet stats stand-in is not running (no non-loopback IPv4 address)');
        await stats.start(node);
      },
      seedScenarios: (only) => seedLabScenarios(admin, { only, csiEnabled, waitFor, log }),
      async stop() {
        await stopAll();
        log('[lab] stopped');
      },
    };
    if (opts.seedScenarios) await lab.seedScenarios();
    return lab;
  } catch (e) {
    await stopAll().catch(() => {});
    throw e;
  }
}
