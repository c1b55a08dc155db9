/**
 * The lab's CSI controller side, as a cluster runs it next to a CSI driver: the upstream external-provisioner,
 * external-attacher, external-resizer and csi-snapshotter sidecars against the lab's CSI driver on a unix socket,
 * and the snapshot-controller beside them (build-csi.ts builds them). This file holds what the launcher needs:
 * names, the objects it applies (snapshot CRDs, upstream RBAC bound to the lab's identities, the CSIDriver and the
 * CSINode entries a node-driver-registrar would write) and each component's command line.
 *
 * Not run, because they are kubelet-side: node-driver-registrar (the lab writes its CSINode entries instead) and
 * the driver's Node service (NodeStage, NodePublish, NodeExpandVolume: the kubelet's calls; nothing mounts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { CsiBinaries, CsiReleaseName } from './build-csi';
import type { KubeObject } from './kube';

/** The CSI driver's name (CSIDriver object, StorageClass.provisioner, VolumeSnapshotClass.driver, VolumeAttachment.spec.attacher). */
export const CSI_DRIVER_NAME = 'csi.lab.kse.dev';
/** Namespace of the sidecars' leader-election Leases (the lab provisioner's namespace). */
export const CSI_NAMESPACE = 'lab-system';

/** The lab's CSI processes. */
export type CsiComponent = 'csi-driver' | 'csi-provisioner' | 'csi-attacher' | 'csi-resizer' | 'csi-snapshotter' | 'snapshot-controller';
export const CSI_SIDECARS = ['csi-provisioner', 'csi-attacher', 'csi-resizer', 'csi-snapshotter', 'snapshot-controller'] as const;
export type CsiSidecar = (typeof CSI_SIDECARS)[number];

/** csi-lib-utils' leaderelection sanitizes lock names: every character but [a-zA-Z0-9-] becomes '-'. */
const sanitize = (name: string) => name.replace(/[^a-zA-Z0-9-]/g, '-');

/**
 * Leader-election Lease of each sidecar, as each upstream main.go names it (external-provisioner: the driver name;
 * external-attacher: "external-attacher-leader-<driver>"; external-resizer: "external-resizer-<driver>";
 * csi-snapshotter: "external-snapshotter-leader-<driver>"; snapshot-controller: "snapshot-controller-leader").
 */
export const CSI_LEASES: Record<CsiSidecar, string> = {
  'csi-provisioner': sanitize(CSI_DRIVER_NAME),
  'csi-attacher': sanitize(`external-attacher-leader-${CSI_DRIVER_NAME}`),
  'csi-resizer': sanitize(`external-resizer-${CSI_DRIVER_NAME}`),
  'csi-snapshotter': sanitize(`external-snapshotter-leader-${CSI_DRIVER_NAME}`),
  'snapshot-controller': 'snapshot-controller-leader',
};

/** The token-file user each sidecar runs as, and the upstream release whose RBAC manifest grants its rights. */
export const CSI_IDENTITIES: Record<CsiSidecar, { user: string; release: CsiReleaseName; manifest: string }> = {
  'csi-provisioner': { user: 'lab:csi-provisioner', release: 'provisioner', manifest: 'rbac.yaml' },
  'csi-attacher': { user: 'lab:csi-attacher', release: 'attacher', manifest: 'rbac.yaml' },
  'csi-resizer': { user: 'lab:csi-resizer', release: 'resizer', manifest: 'rbac.yaml' },
  'csi-snapshotter': { user: 'lab:csi-snapshotter', release: 'snapshotter', manifest: 'rbac-csi-snapshotter.yaml' },
  'snapshot-controller': { user: 'lab:snapshot-controller', release: 'snapshotter', manifest: 'rbac-snapshot-controller.yaml' },
};

function yamlObjects(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).flatMap((d) => {
    if (d.errors.length) throw new Error(`${path}: ${d.errors[0]!.message}`);
    const o = d.toJS() as KubeObject | null;
    return o ? [o] : [];
  });
}

/** The snapshot CRDs of external-snapshotter's client module (VolumeSnapshot*, VolumeGroupSnapshot*). */
export function snapshotCrds(bins: CsiBinaries): KubeObject[] {
  return readdirSync(bins.crdDir).filter((f) => f.endsWith('.yaml')).sort().flatMap((f) => yamlObjects(join(bins.crdDir, f)));
}

/**
 * Upstream's RBAC manifests, bound to the lab's users instead of ServiceAccounts (the lab's components
 * authenticate with the apiserver's token file): ClusterRoles as they are, Roles in CSI_NAMESPACE.
 */
export function csiRbacObjects(bins: CsiBinaries): KubeObject[] {
  const out: KubeObject[] = [];
  for (const sidecar of CSI_SIDECARS) {
    const { user, release, manifest } = CSI_IDENTITIES[sidecar];
    const file = bins.rbac[release].find((p) => p.endsWith(`/${manifest}`));
    if (!file) throw new Error(`RBAC manifest ${manifest} of ${release} not in the cache`);
    for (const o of yamlObjects(file)) {
      const subjects = [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }];
      if (o.kind === 'ClusterRole') out.push(o);
      else if (o.kind === 'Role') out.push({ ...o, metadata: { ...o.metadata, namespace: CSI_NAMESPACE } });
      else if (o.kind === 'ClusterRoleBinding') out.push({ ...o, subjects });
      else if (o.kind === 'RoleBinding') out.push({ ...o, metadata: { ...o.metadata, namespace: CSI_NAMESPACE }, subjects });
      // ServiceAccounts are not needed: nothing here runs in a pod.
    }
  }
  return [...out, ...provisionerAttributesClassRbac()];
}

/**
 * external-provisioner reads the claim's VolumeAttributesClass before CreateVolume (its mutable parameters), but
 * its release's rbac.yaml (v6.4.0) grants no access to volumeattributesclasses: without it, a claim naming a class
 * fails with `volumeattributesclasses.storage.k8s.io "gold" is forbidden: User ... cannot get resource
 * "volumeattributesclasses"` (seen on this lab). Drivers that support the classes add the rule in their own
 * deployment (ceph-csi, TopoLVM); so does the lab, as a driver deployment would, in a ClusterRole of its own.
 */
function provisionerAttributesClassRbac(): KubeObject[] {
  const name = 'lab-csi-provisioner-volumeattributesclasses';
  return [
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name }, rules: [{ apiGroups: ['storage.k8s.io'], resources: ['volumeattributesclasses'], verbs: ['get', 'list', 'watch'] }] } as KubeObject,
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: CSI_IDENTITIES['csi-provisioner'].user }],
    } as KubeObject,
  ];
}

/** The CSIDriver object a driver's deployment installs: attach required, so external-attacher has work. */
export function csiDriverObject(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: CSI_DRIVER_NAME, labels: { 'lab.kse.dev/part-of': 'lab' } },
    spec: { attachRequired: true, podInfoOnMount: false, volumeLifecycleModes: ['Persistent'], storageCapacity: false, fsGroupPolicy: 'File', requiresRepublish: false },
  };
}

/** The CSINode entry node-driver-registrar would add for this driver on a node (node ID = node name). */
export function csiNodeDriverEntry(node: string): { name: string; nodeID: string; topologyKeys: null } {
  return { name: CSI_DRIVER_NAME, nodeID: node, topologyKeys: null };
}

/** Where a lab's CSI processes talk: the driver's socket and its faults file. */
export interface CsiLayout {
  socket: string;
  faultsFile: string;
}

const leaderElection = ['--leader-election=true', `--leader-election-namespace=${CSI_NAMESPACE}`,
  // The lab provisioner's cadence: leases go stale 15 s after a sidecar stops, renewed every 2 s.
  '--leader-election-lease-duration=15s', '--leader-election-renew-deadline=10s', '--leader-election-retry-period=2s'];

/** Command line of each CSI process. */
export function csiArgs(component: CsiComponent, l: CsiLayout, kubeconfig: string): string[] {
  const common = [`--kubeconfig=${kubeconfig}`, ...leaderElection, '--v=2'];
  const socket = `--csi-address=${l.socket}`;
  switch (component) {
    case 'csi-driver':
      return [`--endpoint=${l.socket}`, `--driver-name=${CSI_DRIVER_NAME}`, `--faults-file=${l.faultsFile}`, '--v=2'];
    case 'csi-provisioner':
      // --extra-create-metadata: the driver sees the claim's name and namespace, as most deployments configure it.
      return [socket, ...common, '--extra-create-metadata=true', '--timeout=15s'];
    case 'csi-attacher':
      return [socket, ...common, '--timeout=15s'];
    case 'csi-resizer':
      return [socket, ...common, '--timeout=15s'];
    case 'csi-snapshotter':
      return [socket, ...common, '--timeout=15s'];
    case 'snapshot-controller':
      return common;
  }
}

/** The kubeconfig identity name (config.ts IDENTITIES) of each sidecar. */
export const CSI_IDENTITY_KEYS = {
  'csi-provisioner': 'csiProvisioner',
  'csi-attacher': 'csiAttacher',
  'csi-resizer': 'csiResizer',
  'csi-snapshotter': 'csiSnapshotter',
  'snapshot-controller': 'snapshotController',
} as const satisfies Record<CsiSidecar, string>;
