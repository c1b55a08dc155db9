/**
 * The lab's public shapes: the options startLab takes, the names of its components and the handle it returns.
 * Kept apart from lab.ts (which starts and supervises the processes) so that suites can read the contract alone.
 */
import type { LabNode } from './bootstrap';
import type { LabBinaries } from './build';
import type { CsiComponent, CsiSidecar } from './csi';
import type { CsiFault, CsiMethod } from './csi-side';
import type { KubeClient } from './kube';
import type { ComponentDiedError } from './proc';

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
