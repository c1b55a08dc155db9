/**
 * The lab's CSI controller side, built from Go modules and cached like the other binaries
 * (${XDG_CACHE_HOME:-~/.cache}/kse/bin/<component>-<version>-<hash of build/csi>/):
 *
 * - external-provisioner, external-attacher, external-resizer, and external-snapshotter's csi-snapshotter and
 *   snapshot-controller: built from the wrapper module build/csi, which pins the releases and replaces every
 *   Kubernetes staging module with v0.37.2, as build/k8s does for Kubernetes. Their compiled Kubernetes libraries
 *   are then largely the ones the Kubernetes build already put in Go's build cache. (Built as their own main
 *   modules instead, each release compiles its own client-go, apiserver, ... : about 3.5x the CPU time, measured.)
 *   One `go build` per binary, so that each gets its own -X main.version.
 * - Their upstream RBAC manifests and the snapshot CRDs (client/v8 config/crd) are copied next to the binaries,
 *   so the lab applies upstream's rules, not a retyped copy.
 * - lab-csi-driver (e2e/cluster/csi-driver): our in-memory CSI plugin, keyed by a hash of its sources. It stands
 *   in for csi-test's mock driver, which csi-test removed in v4.3.0 (see its main.go).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CSI_DRIVER_SOURCE_DIR = join(here, 'csi-driver');
/** The wrapper module that pins the sidecar releases (its go.mod is the one place their versions are set). */
export const CSI_BUILD_DIR = join(here, 'build', 'csi');

/** The version go.mod at `goModPath` requires of `module` (also used by build.ts for its wrapper modules). */
export function goModRequiredVersion(goModPath: string, module: string): string {
  const text = readFileSync(goModPath, 'utf8');
  const v = new RegExp(`^\\s*(?:require\\s+)?${module.replace(/[.\\/]/g, '\\$&')}\\s+(v\\S+)`, 'm').exec(text)?.[1];
  if (!v) throw new Error(`${module} not required in ${goModPath}`);
  return v;
}
const requiredVersion = (module: string) => goModRequiredVersion(join(CSI_BUILD_DIR, 'go.mod'), module);

/** One upstream release. `files` are copied from its module into the cache dir. */
export interface CsiRelease {
  module: string;
  version: string;
  /** Binary name -> package directory inside the module. */
  commands: Record<string, string>;
  /** Files (or directories) of the module copied next to the binaries: RBAC manifests, CRDs. */
  files: string[];
}

const release = (module: string, commands: Record<string, string>, files: string[]): CsiRelease => ({ module, version: requiredVersion(module), commands, files });

/**
 * The releases, at the versions build/csi/go.mod pins (checked on the module proxy with
 * `go list -m -versions <module>`, 2026-11-30: external-provisioner v6.4.0, external-attacher v4.13.0,
 * external-resizer v2.3.0, external-snapshotter v8.7.0).
 */
export const CSI_RELEASES = {
  provisioner: release('github.com/kubernetes-csi/external-provisioner/v6', { 'csi-provisioner': 'cmd/csi-provisioner' }, ['deploy/kubernetes/rbac.yaml']),
  attacher: release('github.com/kubernetes-csi/external-attacher/v4', { 'csi-attacher': 'cmd/csi-attacher' }, ['deploy/kubernetes/rbac.yaml']),
  resizer: release('github.com/kubernetes-csi/external-resizer/v2', { 'csi-resizer': 'cmd/csi-resizer' }, ['deploy/kubernetes/rbac.yaml']),
  snapshotter: release(
    'github.com/kubernetes-csi/external-snapshotter/v8',
    { 'csi-snapshotter': 'cmd/csi-snapshotter', 'snapshot-controller': 'cmd/snapshot-controller' },
    ['deploy/kubernetes/csi-snapshotter/rbac-csi-snapshotter.yaml', 'deploy/kubernetes/snapshot-controller/rbac-snapshot-controller.yaml'],
  ),
};

/** The snapshot API (VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass and the group snapshot CRDs). */
export const SNAPSHOT_CLIENT = { module: 'github.com/kubernetes-csi/external-snapshotter/client/v8', version: requiredVersion('github.com/kubernetes-csi/external-snapshotter/client/v8') } as const;

export type CsiReleaseName = keyof typeof CSI_RELEASES;

/** Paths of the CSI components in the cache (whether built or not). */
export interface CsiBinaries {
  provisioner: string;
  attacher: string;
  resizer: string;
  snapshotter: string;
  snapshotController: string;
  driver: string;
  /** Upstream RBAC manifests, by release. */
  rbac: Record<CsiReleaseName, string[]>;
  /** The snapshot CRDs (YAML files) from client/v8. */
  crdDir: string;
  versions: Record<CsiReleaseName, string> & { snapshotClient: string; driver: string; build: string };
}

/** A short hash of a directory's Go sources (.go, .mod, .sum): the cache key of binaries built from our own modules. */
export function sourceHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) {
    h.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

/** Keyed by the release and by the wrapper module (its go.mod and go.sum decide every library version). */
const releaseDir = (bin: string, name: CsiReleaseName) => join(bin, `csi-${name}-${CSI_RELEASES[name].version}-${sourceHash(CSI_BUILD_DIR)}`);

export function csiBinaryPaths(bin: string): CsiBinaries {
  const driverHash = sourceHash(CSI_DRIVER_SOURCE_DIR);
  const rbac = {} as Record<CsiReleaseName, string[]>;
  for (const name of Object.keys(CSI_RELEASES) as CsiReleaseName[]) {
    rbac[name] = CSI_RELEASES[name].files.filter((f) => f.includes('rbac')).map((f) => join(releaseDir(bin, name), f.split('/').pop()!));
  }
  return {
    provisioner: join(releaseDir(bin, 'provisioner'), 'csi-provisioner'),
    attacher: join(releaseDir(bin, 'attacher'), 'csi-attacher'),
    resizer: join(releaseDir(bin, 'resizer'), 'csi-resizer'),
    snapshotter: join(releaseDir(bin, 'snapshotter'), 'csi-snapshotter'),
    snapshotController: join(releaseDir(bin, 'snapshotter'), 'snapshot-controller'),
    driver: join(bin, `lab-csi-driver-${driverHash}`, 'lab-csi-driver'),
    rbac,
    crdDir: join(bin, `snapshot-crds-${SNAPSHOT_CLIENT.version}`),
    versions: {
      provisioner: CSI_RELEASES.provisioner.version, attacher: CSI_RELEASES.attacher.version, resizer: CSI_RELEASES.resizer.version,
      snapshotter: CSI_RELEASES.snapshotter.version, snapshotClient: SNAPSHOT_CLIENT.version, driver: driverHash, build: sourceHash(CSI_BUILD_DIR),
    },
  };
}

/** Every file ensureBinaries() must find for the CSI side to be warm. */
export function csiRequiredFiles(p: CsiBinaries): string[] {
  return [p.provisioner, p.attacher, p.resizer, p.snapshotter, p.snapshotController, p.driver, ...Object.values(p.rbac).flat(), join(p.crdDir, 'snapshot.storage.k8s.io_volumesnapshots.yaml')];
}

/** What build.ts lends: its `go` runner and its atomic build-into-the-cache step. */
export interface BuildTools {
  run(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string>;
  goBuild(moduleDir: string, outDir: string, pkgs: Record<string, string>, ldflags: string, log: (l: string) => void, what: string, extraArgs?: string[], env?: NodeJS.ProcessEnv): Promise<void>;
  log: (l: string) => void;
  force: boolean;
  scratch: string;
}

async function moduleDir(tools: BuildTools, module: string, version: string): Promise<string> {
  // Outside any module, so that no go.mod or go.sum of ours is touched.
  mkdirSync(tools.scratch, { recursive: true });
  const out = await tools.run('go', ['mod', 'download', '-json', `${module}@${version}`], tools.scratch, { GOFLAGS: '', GOWORK: 'off' });
  const info = JSON.parse(out.slice(out.indexOf('{'))) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version}: ${info.Error ?? out}`);
  return info.Dir;
}

/** Builds whatever CSI component is missing (or all with force). */
export async function buildCsi(bin: string, tools: BuildTools): Promise<void> {
  const p = csiBinaryPaths(bin);
  const need = (...files: string[]) => tools.force || files.some((f) => !existsSync(f));
  // The release's own go.mod decides; never let a user's GOFLAGS=-mod=mod or a go.work rewrite it.
  const env = { GOFLAGS: '-mod=readonly -buildvcs=false', GOWORK: 'off' };

  const targets: [CsiReleaseName, string[]][] = [
    ['attacher', [p.attacher]],
    ['resizer', [p.resizer]],
    ['snapshotter', [p.snapshotter, p.snapshotController]],
    ['provisioner', [p.provisioner]],
  ];
  for (const [name, files] of targets) {
    const r: CsiRelease = CSI_RELEASES[name];
    const outDir = releaseDir(bin, name);
    if (!need(...files, ...p.rbac[name])) continue;
    dropStaleBuilds(bin, `csi-${name}-`, outDir);
    for (const [binary, pkg] of Object.entries(r.commands)) {
      await tools.goBuild(CSI_BUILD_DIR, outDir, { [binary]: `${r.module}/${pkg}` }, `-s -w -X main.version=${r.version}`, tools.log, `${binary} ${r.version}`, [], env);
    }
    const dir = await moduleDir(tools, r.module, r.version);
    for (const f of r.files) cpSync(join(dir, f), join(outDir, f.split('/').pop()!), { recursive: true });
  }

  if (need(join(p.crdDir, 'snapshot.storage.k8s.io_volumesnapshots.yaml'))) {
    const client = await moduleDir(tools, SNAPSHOT_CLIENT.module, SNAPSHOT_CLIENT.version);
    rmSync(p.crdDir, { recursive: true, force: true });
    mkdirSync(p.crdDir, { recursive: true });
    for (const f of readdirSync(join(client, 'config', 'crd')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')) {
      cpSync(join(client, 'config', 'crd', f), join(p.crdDir, f));
    }
    tools.log(`[lab:build] copied the snapshot CRDs of ${SNAPSHOT_CLIENT.module} ${SNAPSHOT_CLIENT.version} -> ${p.crdDir}`);
  }

  if (need(p.driver)) {
    dropStaleBuilds(bin, 'lab-csi-driver-', dirname(p.driver));
    await tools.goBuild(CSI_DRIVER_SOURCE_DIR, dirname(p.driver), { 'lab-csi-driver': '.' }, '-s -w', tools.log, `lab-csi-driver ${p.versions.driver}`);
  }
}

/** A keyed build unused this long is dropped, ms: keyed dirs only grow otherwise. */
const STALE_BUILD_MS = 7 * 24 * 3600 * 1000;

/**
 * Drops builds of older versions or other sources (`prefix`-named dirs but `keep`) not touched for STALE_BUILD_MS.
 * Only old ones: a second checkout (a git worktree, a CI clone) sharing this cache may be running its own driver
 * build right now, and deleting it under its lab failed that run's tests with ENOENT.
 */
function dropStaleBuilds(bin: string, prefix: string, keep: string): void {
  for (const d of existsSync(bin) ? readdirSync(bin) : []) {
    const dir = join(bin, d);
    if (d.startsWith(prefix) && dir !== keep && Date.now() - statSync(dir).mtimeMs > STALE_BUILD_MS) rmSync(dir, { recursive: true, force: true });
  }
}
