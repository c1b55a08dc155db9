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
import { CSI_DRIVER_NAME, CSI_SIDECARS, type CsiComponent, type CsiSidecar } from './csi';
import { CsiSide, type CsiFault, type CsiMethod } from './csi-side';
import { applyAll, bootstrapObjects, csiNodeObjects, DEFAULT_NODES, LAB_SYSTEM_NAMESPACE, loadScenarios, PROVISIONER_LEASE, type LabNode } from './bootstrap';
import { ensureBinaries, type LabBinaries } from './build';
import { IDENTITIES, kubeconfigYaml, kwokStagesConfig, newTokens, writeServiceAccountKeys, writeTokenFile, type IdentityName, type Tokens } from './config';
import { apiserverArgs, controllerManagerArgs, etcdArgs, kwokArgs, provisionerArgs, schedulerArgs, type LabLayout } from './components';
import { startInitDriver, type InitDriver } from './init-driver';
import { hostAddress, kubeletStats, type KubeletStats } from './kubelet-stats';
import { writeKubeletPki } from './kubelet-pki';
import { KubeClient } from './kube';
import { Component, ComponentDiedError } from './proc';

export { PROVISIONER_NAME, PROVISIONER_LEASE, LAB_SYSTEM_NAMESPACE } from './bootstrap';
export { INIT_DRIVER_LABEL } from './config';
export { INIT_STEP_ANNOTATION } from './init-driver';
export { INODES_USED_ANNOTATION, USED_BYTES_ANNOTATION } from './kubelet-stats';
export { ComponentDiedError } from './proc';
export { CSI_DRIVER_NAME, CSI_LEASES, CSI_NAMESPACE, CSI_SIDECARS, type CsiSidecar } from './csi';
export type { CsiFault, CsiMethod } from './csi-side';

export interface LabOptions {
  /** Data dir to use (created if missing). Default: a new mkdtemp dir, removed by stop(). */
  dataDir?: string;
  /** Keep the data dir on stop() (for post-mortems). Default false. */
  keepDataDir?: boolean;
  /** Apply e2e/scenarios/* after the lab is ready. Default false (tests bring their own objects). */
  seedScenarios?: boolean;
  /** Fake nodes; default 3 nodes in 2 zones. */
  nodes?: LabNode[];
  /** Start the external provisioner. Default true. */
  provisioner?: boolean;
  /**
   * Run the CSI controller side (csi.ts): snapshot CRDs, the lab's CSI driver, external-provisioner,
   * external-attacher, external-resizer, csi-snapshotter and snapshot-controller. Default false for a lab a test
   * starts (six more processes and their Leases: suites that need CSI ask for it); `lab:up` and capture.ts turn it
   * on. Without it, seedScenarios skips the scenarios that need it (12-csi).
   */
  csi?: boolean;
  /** Seconds each init container of a driven pod "runs". Default 4. */
  initStepSeconds?: number;
  /** Deadline for each wait while starting. Default 120 s. */
  timeoutMs?: number;
  /** Progress lines. Default: stderr. */
  log?: (line: string) => void;
  /** Called when a component dies after start-up (during start-up, startLab rejects instead). */
  onComponentDied?: (err: ComponentDiedError) => void;
  /**
   * Restart components that exit after start-up, with backoff, as a kubelet restarts static pods. Default true.
   * It matters: kube-controller-manager, kube-scheduler and the provisioner exit on purpose when they cannot renew
   * their leader Lease for 10 s, which is what an apiserver restart does to them.
   */
  restartOnExit?: boolean;
  /** Prebuilt binaries; default ensureBinaries() (builds what is missing, prints progress). */
  binaries?: LabBinaries;
}

export type LabComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'kwok' | 'provisioner' | CsiComponent;

export interface Lab {
  readonly dataDir: string;
  /** Kubeconfig with contexts lab-admin (current) and lab-student. */
  readonly kubeconfigPath: string;
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** PEM of the apiserver's serving certificate chain (the kubeconfig's certificate-authority-data). */
  readonly caPem: string;
  readonly adminToken: string;
  readonly studentToken: string;
  readonly etcdEndpoint: string;
  readonly binaries: LabBinaries;
  /** Path of a kubectl built from the same release, when it was built. */
  readonly kubectlPath: string | undefined;
  /** A small REST client as lab-admin or lab-student. */
  client(as?: 'admin' | 'student'): KubeClient;
  /** Runs kubectl with the lab's kubeconfig (context lab-admin unless args say otherwise). */
  kubectl(args: string[]): Promise<{ stdout: string; stderr: string; code: number }>;
  /** PIDs of running components. */
  pids(): Partial<Record<LabComponent, number>>;
  /** How many times each component was restarted after exiting on its own. */
  restarts(): Partial<Record<LabComponent, number>>;
  logPath(component: LabComponent): string;
  /** Stops the apiserver alone and starts it again on the same port; resolves when /readyz is ok. */
  restartApiserver(): Promise<void>;
  /** Compacts etcd at its current revision (older resourceVersions then answer 410 Gone). Returns the revision. */
  compactEtcd(): Promise<number>;
  /** Stops the external provisioner (its Lease stops being renewed). */
  stopProvisioner(): Promise<void>;
  startProvisioner(): Promise<void>;
  /**
   * Stops one CSI sidecar (SIGTERM, as a deleted pod; the restart supervisor leaves it down): what it does stops
   * happening (attacher stopped: VolumeAttachments stay unattached; resizer stopped: expansions wait; snapshotter
   * or snapshot-controller stopped: snapshots stay not ready). Rejects if the lab runs without CSI.
   */
  stopCsiSidecar(sidecar: CsiSidecar): Promise<void>;
  /** Starts it again; resolves when it renews its leader Lease. */
  startCsiSidecar(sidecar: CsiSidecar): Promise<void>;
  /** Makes the lab's CSI driver answer `method` with `fault` (undefined clears it), from its next call on. */
  setCsiFault(method: CsiMethod, fault: CsiFault | undefined): void;
  /**
   * The kubelet stats stand-in (kubelet-stats.ts): the address the nodes advertise, or undefined when this host has
   * no non-loopback IPv4 address (the node proxy refuses loopback), in which case /stats/summary is not served.
   */
  readonly kubeletAddress: string | undefined;
  /** Node name -> the port its kubelet stats listener uses (daemonEndpoints.kubeletEndpoint.Port). */
  readonly kubeletPorts: ReadonlyMap<string, number>;
  /** Stops one node's kubelet stats listener: its /stats/summary through the node proxy then fails. */
  stopKubeletStats(node: string): Promise<void>;
  /** Starts it again on the same port. */
  startKubeletStats(node: string): Promise<void>;
  /**
   * Applies the lesson scenarios (idempotent, server-side apply), or only those named (directory names such as
   * '12-csi'); a scenario's then/ step once its claims are Bound.
   */
  seedScenarios(only?: string[]): Promise<void>;
  /** Stops every process started, removes the data dir (unless keepDataDir) and hostPath volume dirs. */
  stop(): Promise<void>;
}

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
    // Dirs the in-tree hostPath provisioner made under /tmp/hostpath_pv (its path is fixed) are ours to remove.
    const api = components.get('kube-apiserver');
    if (api?.running && caPem) {
      try {
        const pvs = await mkClient(tokens.admin).list('/api/v1/persistentvolumes');
        for (const pv of pvs.items) {
          const p: string | undefined = pv.spec?.hostPath?.path;
          if (p?.startsWith('/tmp/hostpath_pv/') && pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] === 'kubernetes.io/host-path') {
            rmSync(p, { recursive: true, force: true });
          }
        }
      } catch {
        // best effort: the apiserver may already be gone
      }
    }
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
      async compactEtcd() {
        // etcd's gRPC gateway: read the current revision, then compact physically at it.
        const post = async (path: string, body: unknown) => {
          const r = await fetch(`${etcdEndpoint}${path}`, { method: 'POST', body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
          if (!r.ok) throw new Error(`etcd ${path}: HTTP ${r.status} ${await r.text()}`);
          return (await r.json()) as any;
        };
        const range = await post('/v3/kv/range', { key: Buffer.from('/registry').toString('base64'), limit: 1 });
        const revision = Number(range.header.revision);
        await post('/v3/kv/compaction', { revision: String(revision), physical: true });
        log(`[lab] etcd compacted at revision ${revision}`);
        return revision;
      },
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
      async seedScenarios(only) {
        const scenarios = loadScenarios().filter(
          (s) => (!only || only.includes(s.name)) && (csiEnabled || !s.objects.some((o) => o.apiVersion?.startsWith('snapshot.storage.k8s.io/') || (o as { provisioner?: string }).provisioner === CSI_DRIVER_NAME)),
        );
        for (const s of scenarios) await applyAll(admin, s.objects);
        for (const s of scenarios.filter((x) => x.then.length > 0)) {
          const claims = s.objects.filter((o) => o.kind === 'PersistentVolumeClaim' && s.then.some((t) => t.kind === o.kind && t.metadata.name === o.metadata.name));
          for (const c of claims) {
            await waitFor(`claim ${c.metadata.namespace}/${c.metadata.name} Bound before scenario ${s.name}/then`, async () =>
              (await admin.get(`/api/v1/namespaces/${c.metadata.namespace}/persistentvolumeclaims/${c.metadata.name}`)).status?.phase === 'Bound' || undefined, 60_000);
          }
          await applyAll(admin, s.then);
        }
        log(`[lab] scenarios applied`);
      },
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
