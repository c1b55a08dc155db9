/**
 * Running the lab's CSI controller side (csi.ts says what runs and with which flags): installs the snapshot API,
 * upstream RBAC and the CSIDriver, starts the driver and then its sidecars, and lets tests stop and start a sidecar
 * or make the driver fail. startLab owns one of these when LabOptions.csi is on.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CsiBinaries } from './build-csi';
import { CSI_IDENTITY_KEYS, CSI_LEASES, CSI_NAMESPACE, CSI_SIDECARS, csiArgs, csiDriverObject, csiRbacObjects, snapshotCrds, type CsiComponent, type CsiLayout, type CsiSidecar } from './csi';
import { applyAll } from './bootstrap';
import type { IdentityName } from './config';
import type { KubeClient } from './kube';
import type { Component } from './proc';

/** A failure the lab's CSI driver answers a CSI method with (a gRPC status code name and a message). */
export interface CsiFault {
  code: 'Internal' | 'InvalidArgument' | 'OutOfRange' | 'ResourceExhausted' | 'Unavailable' | 'FailedPrecondition' | 'NotFound' | 'Aborted' | 'DeadlineExceeded' | 'PermissionDenied';
  message: string;
}
/** CSI methods the lab's driver can be told to fail. */
export type CsiMethod = 'CreateVolume' | 'DeleteVolume' | 'ControllerPublishVolume' | 'ControllerUnpublishVolume' | 'ControllerExpandVolume' | 'ControllerModifyVolume' | 'CreateSnapshot' | 'DeleteSnapshot' | 'Probe';

/** What the launcher lends: its component factory (supervised, restarted), kubeconfigs, API client and waits. */
export interface CsiSideDeps {
  bins: CsiBinaries;
  dataDir: string;
  admin: KubeClient;
  component(name: CsiComponent, bin: string, args: string[]): Component;
  kubeconfigFor(id: IdentityName): string;
  /** Polls `probe` until it returns a value; rejects with what it waited for after `ms` (or the launcher's default). */
  waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms?: number): Promise<T>;
  /** Components the launcher's supervisor keeps running (restarts after an exit). */
  wanted: Set<string>;
  log(line: string): void;
}

export class CsiSide {
  readonly layout: CsiLayout;
  private readonly components = new Map<CsiComponent, Component>();

  constructor(private readonly deps: CsiSideDeps) {
    const dir = join(deps.dataDir, 'csi');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.layout = { socket: join(dir, 'csi.sock'), faultsFile: join(dir, 'faults.json') };
    writeFileSync(this.layout.faultsFile, '{}\n');
    const bin: Record<CsiComponent, string> = {
      'csi-driver': deps.bins.driver, 'csi-provisioner': deps.bins.provisioner, 'csi-attacher': deps.bins.attacher,
      'csi-resizer': deps.bins.resizer, 'csi-snapshotter': deps.bins.snapshotter, 'snapshot-controller': deps.bins.snapshotController,
    };
    this.components.set('csi-driver', deps.component('csi-driver', bin['csi-driver'], csiArgs('csi-driver', this.layout, '')));
    for (const s of CSI_SIDECARS) this.components.set(s, deps.component(s, bin[s], csiArgs(s, this.layout, deps.kubeconfigFor(CSI_IDENTITY_KEYS[s]))));
  }

  /** The snapshot CRDs (waited for until Established), the sidecars' upstream RBAC and the CSIDriver. */
  async installApi(): Promise<void> {
    const { admin, waitFor } = this.deps;
    const crds = snapshotCrds(this.deps.bins);
    await applyAll(admin, crds);
    for (const crd of crds) {
      await waitFor(`CRD ${crd.metadata.name} established`, async () => {
        const c = await admin.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${crd.metadata.name}`);
        return c.status?.conditions?.some((x: { type: string; status: string }) => x.type === 'Established' && x.status === 'True') || undefined;
      }, 30_000);
    }
    await applyAll(admin, [...csiRbacObjects(this.deps.bins), csiDriverObject()]);
  }

  /** Starts the driver, then each sidecar (they connect to its socket as they start); resolves when each leads. */
  async start(): Promise<void> {
    const { waitFor, wanted } = this.deps;
    wanted.add('csi-driver');
    this.components.get('csi-driver')!.start();
    await waitFor('CSI driver socket', async () => existsSync(this.layout.socket) || undefined, 30_000);
    for (const s of CSI_SIDECARS) {
      wanted.add(s);
      this.components.get(s)!.start();
    }
    for (const s of CSI_SIDECARS) await waitFor(`${s} leader lease`, async () => (await this.lease(s))?.spec?.holderIdentity || undefined);
  }

  private lease(s: CsiSidecar) {
    return this.deps.admin.getOrUndefined(`/apis/coordination.k8s.io/v1/namespaces/${CSI_NAMESPACE}/leases/${CSI_LEASES[s]}`);
  }

  async stopSidecar(sidecar: CsiSidecar): Promise<void> {
    this.deps.wanted.delete(sidecar);
    await this.components.get(sidecar)!.stop();
    this.deps.log(`[lab] ${sidecar} stopped`);
  }

  async startSidecar(sidecar: CsiSidecar): Promise<void> {
    const c = this.components.get(sidecar)!;
    this.deps.wanted.add(sidecar);
    if (c.running) return;
    const before = (await this.lease(sidecar))?.spec?.renewTime;
    c.start();
    // A new process waits for the previous holder's lease to expire (or to be released) before it leads.
    await this.deps.waitFor(`${sidecar} lease renewed`, async () => {
      const l = await this.lease(sidecar);
      return l?.spec?.holderIdentity && l.spec.renewTime && l.spec.renewTime !== before ? true : undefined;
    });
    this.deps.log(`[lab] ${sidecar} leading again`);
  }

  /** Rewrites the faults file the driver reads on every call. */
  setFault(method: CsiMethod, fault: CsiFault | undefined): void {
    const faults = JSON.parse(readFileSync(this.layout.faultsFile, 'utf8') || '{}') as Record<string, CsiFault>;
    if (fault) faults[method] = fault;
    else delete faults[method];
    writeFileSync(this.layout.faultsFile, JSON.stringify(faults, null, 2) + '\n');
  }
}
