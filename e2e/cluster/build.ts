/**
 * Builds the lab's binaries from Go modules and caches them outside the git tree, keyed by version:
 *   ${XDG_CACHE_HOME:-~/.cache}/kse/bin/<component>-<version>/
 * Versions are read from the wrapper modules under e2e/cluster/build/ (one source of truth); our own provisioner is
 * keyed by a hash of its sources. A warm cache makes ensureBinaries() a few stat calls.
 *
 * CLI: `npx tsx e2e/cluster/build.ts [--force] [--no-kubectl]` (npm run lab:build).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCsi, csiBinaryPaths, csiRequiredFiles, goModRequiredVersion as requiredVersion, sourceHash, type CsiBinaries } from './build-csi';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, 'build');
const provisionerDir = join(here, 'provisioner');

/** Absolute paths of every binary (and kwok's stock stage files) the lab runs. */
export interface LabBinaries {
  etcd: string;
  kubeApiserver: string;
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  /** Directory with kwok's stock Stage YAML (node-fast, node-heartbeat-with-lease, pod-fast), copied from its module. */
  kwokStagesDir: string;
  provisioner: string;
  /** Absent when built with `kubectl: false` and not cached. */
  kubectl?: string;
  /** The CSI controller side: upstream sidecars, the lab's CSI driver, RBAC manifests and snapshot CRDs (build-csi.ts). */
  csi: CsiBinaries;
  versions: { kubernetes: string; etcd: string; kwok: string; provisioner: string };
}

export interface EnsureOptions {
  /** Rebuild even if cached. */
  force?: boolean;
  /** Also build kubectl (default true: other tests and users want it). */
  kubectl?: boolean;
  /** Progress lines; default console.error so stdout stays clean for scripts. */
  log?: (line: string) => void;
}

export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'kse');
}

export function labVersions(): LabBinaries['versions'] {
  return {
    kubernetes: requiredVersion(join(buildDir, 'k8s/go.mod'), 'k8s.io/kubernetes'),
    etcd: requiredVersion(join(buildDir, 'etcd/go.mod'), 'go.etcd.io/etcd/server/v3'),
    kwok: requiredVersion(join(buildDir, 'kwok/go.mod'), 'sigs.k8s.io/kwok'),
    provisioner: sourceHash(provisionerDir),
  };
}

/** Where each binary lives for the current versions (whether or not it is built yet). */
export function binaryPaths(): LabBinaries & { kubectl: string } {
  const v = labVersions();
  const bin = join(cacheRoot(), 'bin');
  const k8s = join(bin, `k8s-${v.kubernetes}`);
  const kwokDir = join(bin, `kwok-${v.kwok}`);
  return {
    etcd: join(bin, `etcd-${v.etcd}`, 'etcd'),
    kubeApiserver: join(k8s, 'kube-apiserver'),
    kubeControllerManager: join(k8s, 'kube-controller-manager'),
    kubeScheduler: join(k8s, 'kube-scheduler'),
    kubectl: join(bin, `kubectl-${v.kubernetes}`, 'kubectl'),
    kwok: join(kwokDir, 'kwok'),
    kwokStagesDir: join(kwokDir, 'stages'),
    provisioner: join(bin, `lab-provisioner-${v.provisioner}`, 'lab-provisioner'),
    csi: csiBinaryPaths(bin),
    versions: v,
  };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    // nice: a cold build takes both cores for minutes; keep the machine usable meanwhile.
    const child = spawn('nice', ['-n', '10', cmd, ...args], {
      cwd,
      env: { ...process.env, CGO_ENABLED: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) =>
      reject(new Error(`${cmd}: ${e.message}${cmd === 'go' ? ' (install Go 1.25+ and put it on PATH)' : ''}`)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${out.slice(-4000)}`)),
    );
  });
}

/** `pkgs` maps output binary name -> Go package. */
async function goBuild(moduleDir: string, outDir: string, pkgs: Record<string, string>, ldflags: string, log: (l: string) => void, what: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<void> {
  // Build into a scratch dir and rename, so an interrupted build never leaves a half-written cache entry.
  const tmp = `${outDir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = Date.now();
  log(`[lab:build] building ${what} ...`);
  const tick = setInterval(() => log(`[lab:build]   ... ${what} still building (${Math.round((Date.now() - started) / 1000)}s)`), 30_000);
  try {
    const entries = Object.entries(pkgs);
    // One package: name the binary explicitly (go would name it after the wrapper module's last path element).
    const out = entries.length === 1 ? join(tmp, entries[0]![0]) : tmp + '/';
    await run('go', ['build', '-trimpath', ...extraArgs, '-ldflags', ldflags, '-o', out, ...entries.map(([, p]) => p)], moduleDir, env);
  } finally {
    clearInterval(tick);
  }
  if (existsSync(outDir)) {
    // Keep what is already there (e.g. stages); move in the new binaries.
    for (const f of readdirSync(tmp)) renameSync(join(tmp, f), join(outDir, f));
    rmSync(tmp, { recursive: true, force: true });
  } else {
    mkdirSync(dirname(outDir), { recursive: true });
    renameSync(tmp, outDir);
  }
  log(`[lab:build] built ${what} in ${((Date.now() - started) / 1000).toFixed(1)}s -> ${outDir}`);
}

function k8sLdflags(version: string): string {
  const [, major, minor] = /^v(\d+)\.(\d+)/.exec(version) ?? [];
  return [
    '-s -w',
    `-X k8s.io/component-base/version.gitVersion=${version}`,
    `-X k8s.io/component-base/version.gitMajor=${major}`,
    `-X k8s.io/component-base/version.gitMinor=${minor}`,
    '-X k8s.io/component-base/version.gitTreeState=clean',
    `-X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z`,
  ].join(' ');
}

/** Copies kwok's stock stage YAML out of its module so the launcher can use (and narrow) them without Go. */
async function copyKwokStages(version: string, dest: string): Promise<void> {
  const info = JSON.parse(await run('go', ['mod', 'download', '-json', `sigs.k8s.io/kwok@${version}`], join(buildDir, 'kwok'))) as { Dir: string };
  const stageRoot = join(info.Dir, 'kustomize', 'stage');
  rmSync(dest, { recursive: true, force: true });
  for (const set of ['node/fast', 'node/heartbeat-with-lease', 'pod/fast']) {
    const from = join(stageRoot, set);
    const to = join(dest, set.replace('/', '-'));
    mkdirSync(to, { recursive: true });
    for (const f of readdirSync(from).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
      cpSync(join(from, f), join(to, f));
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time per cache (test projects and lab:up may call ensureBinaries concurrently): mkdir is atomic,
 * the owner's pid is inside, and a lock whose owner is gone is taken over.
 */
async function withBuildLock<T>(log: (l: string) => void, fn: () => Promise<T>): Promise<T> {
  const lock = join(cacheRoot(), 'bin', '.build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // being created right now: wait
      }
      if (owner && !pidAlive(owner)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`[lab:build] waiting for another build (pid ${owner || '?'}) to finish ...`);
      announced = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds whatever is missing from the cache and returns the binaries' paths. Safe to call on every start. */
export async function ensureBinaries(opts: EnsureOptions = {}): Promise<LabBinaries> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const p = binaryPaths();
  const all = [p.etcd, p.kwok, join(p.kwokStagesDir, 'pod-fast', 'pod-ready.yaml'), p.provisioner, p.kubeApiserver, p.kubeControllerManager, p.kubeScheduler, ...csiRequiredFiles(p.csi)];
  if (!opts.force && all.every((f) => existsSync(f)) && (opts.kubectl === false || existsSync(p.kubectl))) {
    // Warm: no lock, no go invocation.
    const { kubectl, ...rest } = p;
    return { ...rest, kubectl };
  }
  return withBuildLock(log, () => build(opts, log));
}

async function build(opts: EnsureOptions, log: (l: string) => void): Promise<LabBinaries> {
  const wantKubectl = opts.kubectl ?? true;
  const p = binaryPaths();
  const v = p.versions;
  const need = (...files: string[]) => opts.force || files.some((f) => !existsSync(f));
  const started = Date.now();

  if (need(p.etcd)) {
    await goBuild(join(buildDir, 'etcd'), dirname(p.etcd), { etcd: '.' }, '-s -w', log, `etcd ${v.etcd} (cold: 1-3 min)`);
  }
  if (need(p.kwok)) {
    await goBuild(join(buildDir, 'kwok'), dirname(p.kwok), { kwok: 'sigs.k8s.io/kwok/cmd/kwok' },
      `-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${v.kwok.replace(/^v/, '')}`, log, `kwok ${v.kwok} (cold: 4-7 min)`);
  }
  if (need(join(p.kwokStagesDir, 'pod-fast', 'pod-ready.yaml'))) {
    await copyKwokStages(v.kwok, p.kwokStagesDir);
    log(`[lab:build] copied kwok ${v.kwok} stock stages -> ${p.kwokStagesDir}`);
  }
  if (need(p.provisioner)) {
    // Keyed by a hash of its sources: drop the builds of older sources.
    const bin = join(cacheRoot(), 'bin');
    for (const d of existsSync(bin) ? readdirSync(bin) : []) {
      if (d.startsWith('lab-provisioner-') && d !== `lab-provisioner-${v.provisioner}`) rmSync(join(bin, d), { recursive: true, force: true });
    }
    await goBuild(provisionerDir, dirname(p.provisioner), { 'lab-provisioner': '.' }, '-s -w', log, `lab-provisioner ${v.provisioner} (cold: 2-5 min)`);
  }
  if (need(p.kubeApiserver, p.kubeControllerManager, p.kubeScheduler)) {
    await goBuild(join(buildDir, 'k8s'), dirname(p.kubeApiserver),
      {
        'kube-apiserver': 'k8s.io/kubernetes/cmd/kube-apiserver',
        'kube-controller-manager': 'k8s.io/kubernetes/cmd/kube-controller-manager',
        'kube-scheduler': 'k8s.io/kubernetes/cmd/kube-scheduler',
      },
      k8sLdflags(v.kubernetes), log, `kube-apiserver, kube-controller-manager, kube-scheduler ${v.kubernetes} (cold: 8-20 min on 2 cores)`);
  }
  if (wantKubectl && need(p.kubectl)) {
    await goBuild(join(buildDir, 'k8s'), dirname(p.kubectl), { kubectl: 'k8s.io/kubernetes/cmd/kubectl' }, k8sLdflags(v.kubernetes), log, `kubectl ${v.kubernetes}`);
  }
  const csiStarted = Date.now();
  await buildCsi(join(cacheRoot(), 'bin'), {
    run, goBuild, log, force: opts.force ?? false,
    scratch: join(cacheRoot(), 'bin', `.csi-scratch-${process.pid}`),
  }).finally(() => rmSync(join(cacheRoot(), 'bin', `.csi-scratch-${process.pid}`), { recursive: true, force: true }));
  const csiTook = ((Date.now() - csiStarted) / 1000).toFixed(1);
  const took = ((Date.now() - started) / 1000).toFixed(1);
  log(`[lab:build] binaries ready in ${took}s, of which the CSI side ${csiTook}s (kubernetes ${v.kubernetes}, etcd ${v.etcd}, kwok ${v.kwok}, provisioner ${v.provisioner}, csi ${JSON.stringify(p.csi.versions)})`);
  writeFileSync(join(cacheRoot(), 'bin', 'last-build.json'), JSON.stringify({ at: new Date().toISOString(), seconds: Number(took), csiSeconds: Number(csiTook), versions: { ...v, csi: p.csi.versions } }, null, 2) + '\n');
  const { kubectl, ...rest } = p;
  return existsSync(kubectl) ? { ...rest, kubectl } : rest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  ensureBinaries({ force: args.includes('--force'), kubectl: !args.includes('--no-kubectl') }).then(
    (b) => {
      for (const [k, val] of Object.entries(b)) if (typeof val === 'string') console.log(`${k}\t${val}`);
      for (const [k, val] of Object.entries(b.csi)) if (typeof val === 'string') console.log(`csi.${k}\t${val}`);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
