/**
 * The lab's CSI controller side, built from the upstream releases' own Go modules and cached like the other
 * binaries (${XDG_CACHE_HOME:-~/.cache}/kse/bin/<component>-<version>/):
 *
 * - external-provisioner, external-attacher, external-resizer, and external-snapshotter's csi-snapshotter and
 *   snapshot-controller: each release is built as its own main module (`go build ./cmd/...` inside the module
 *   downloaded by `go mod download`), so its go.mod, replace directives and go.sum are exactly the release's. A
 *   wrapper module requiring them (as build/k8s does for Kubernetes) would drop those replace directives and
 *   mix their Kubernetes library versions. external-snapshotter replaces its client module with `./client`, which
 *   a module zip leaves out (it is a module of its own): a copy of its go.mod (-modfile) points that replace at
 *   the client/v8 module of the same version instead.
 * - Their upstream RBAC manifests and the snapshot CRDs (client/v8 config/crd) are copied next to the binaries,
 *   so the lab applies upstream's rules, not a retyped copy.
 * - lab-csi-driver (e2e/cluster/csi-driver): our in-memory CSI plugin, keyed by a hash of its sources. It stands
 *   in for csi-test's mock driver, which csi-test removed in v4.3.0 (see its main.go).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const CSI_DRIVER_SOURCE_DIR = join(here, 'csi-driver');

/** One upstream release built from its own module. `files` are copied from the module into the cache dir. */
export interface CsiRelease {
  module: string;
  version: string;
  /** Binary name -> package directory inside the module. */
  commands: Record<string, string>;
  /** Files (or directories) of the module copied next to the binaries: RBAC manifests, CRDs. */
  files: string[];
}

/**
 * Pinned releases. Checked on the module proxy with `go list -m -versions <module>` (2026-11-30); change a version
 * here and the next ensureBinaries() builds it into a new cache dir.
 */
export const CSI_RELEASES = {
  provisioner: {
    module: 'github.com/kubernetes-csi/external-provisioner/v6', version: 'v6.4.0',
    commands: { 'csi-provisioner': './cmd/csi-provisioner' }, files: ['deploy/kubernetes/rbac.yaml'],
  },
  attacher: {
    module: 'github.com/kubernetes-csi/external-attacher/v4', version: 'v4.13.0',
    commands: { 'csi-attacher': './cmd/csi-attacher' }, files: ['deploy/kubernetes/rbac.yaml'],
  },
  resizer: {
    module: 'github.com/kubernetes-csi/external-resizer/v2', version: 'v2.3.0',
    commands: { 'csi-resizer': './cmd/csi-resizer' }, files: ['deploy/kubernetes/rbac.yaml'],
  },
  snapshotter: {
    module: 'github.com/kubernetes-csi/external-snapshotter/v8', version: 'v8.7.0',
    commands: { 'csi-snapshotter': './cmd/csi-snapshotter', 'snapshot-controller': './cmd/snapshot-controller' },
    files: ['deploy/kubernetes/csi-snapshotter/rbac-csi-snapshotter.yaml', 'deploy/kubernetes/snapshot-controller/rbac-snapshot-controller.yaml'],
  },
} as const satisfies Record<string, CsiRelease>;

/** The snapshot API (VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass and the group snapshot CRDs). */
export const SNAPSHOT_CLIENT = { module: 'github.com/kubernetes-csi/external-snapshotter/client/v8', version: 'v8.7.0' } as const;

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
  versions: Record<CsiReleaseName, string> & { snapshotClient: string; driver: string };
}

function sourceHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => /\.(go|mod|sum)$/.test(f)).sort()) {
    h.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

const releaseDir = (bin: string, name: CsiReleaseName) => join(bin, `csi-${name}-${CSI_RELEASES[name].version}`);

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
      snapshotter: CSI_RELEASES.snapshotter.version, snapshotClient: SNAPSHOT_CLIENT.version, driver: driverHash,
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
    const dir = await moduleDir(tools, r.module, r.version);
    const extra: string[] = [];
    if (name === 'snapshotter') {
      const client = await moduleDir(tools, SNAPSHOT_CLIENT.module, SNAPSHOT_CLIENT.version);
      const modDir = join(tools.scratch, 'snapshotter-modfile');
      mkdirSync(modDir, { recursive: true });
      const gomod = readFileSync(join(dir, 'go.mod'), 'utf8');
      if (!gomod.includes('=> ./client')) throw new Error(`${r.module}@${r.version}: expected a "=> ./client" replace in its go.mod`);
      writeFileSync(join(modDir, 'go.mod'), gomod.replace('=> ./client', `=> ${client}`));
      cpSync(join(dir, 'go.sum'), join(modDir, 'go.sum'));
      extra.push(`-modfile=${join(modDir, 'go.mod')}`);
    }
    await tools.goBuild(dir, outDir, r.commands, `-s -w -X main.version=${r.version}`, tools.log, `${Object.keys(r.commands).join(', ')} ${r.version}`, extra, env);
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
    for (const d of existsSync(bin) ? readdirSync(bin) : []) {
      if (d.startsWith('lab-csi-driver-') && join(bin, d) !== dirname(p.driver)) rmSync(join(bin, d), { recursive: true, force: true });
    }
    await tools.goBuild(CSI_DRIVER_SOURCE_DIR, dirname(p.driver), { 'lab-csi-driver': '.' }, '-s -w', tools.log, `lab-csi-driver ${p.versions.driver}`);
  }
}
