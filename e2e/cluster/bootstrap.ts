/** Objects the lab creates before its controllers start, and the lesson scenarios it can seed. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { IDENTITIES } from './config';
import type { KubeClient, KubeObject } from './kube';

/** A DNS subdomain, so that the matching CSIDriver object can carry the same name (as CSI drivers' provisioners do). */
export const PROVISIONER_NAME = 'hostpath.lab.kse.dev';
/** sig-storage-lib-external-provisioner names its Lease after the provisioner, with "/" turned into "-". */
export const PROVISIONER_LEASE = PROVISIONER_NAME.replace(/\//g, '-');
export const LAB_SYSTEM_NAMESPACE = 'lab-system';
export const STUDENT_NAMESPACE = 'student';

export interface LabNode {
  name: string;
  zone: string;
}

/** Three fake nodes in two zones. */
export const DEFAULT_NODES: LabNode[] = [
  { name: 'lab-node-a1', zone: 'lab-zone-a' },
  { name: 'lab-node-a2', zone: 'lab-zone-a' },
  { name: 'lab-node-b1', zone: 'lab-zone-b' },
];

const rbac = 'rbac.authorization.k8s.io/v1';

function clusterRole(name: string, rules: unknown[]): KubeObject {
  return { apiVersion: rbac, kind: 'ClusterRole', metadata: { name }, rules };
}
function clusterRoleBinding(name: string, role: string, user: string): KubeObject {
  return {
    apiVersion: rbac, kind: 'ClusterRoleBinding', metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
  };
}

/** Where the kubelet stats stand-in listens: the address every node advertises, and each node's port. */
export interface KubeletEndpoints {
  address: string;
  ports: ReadonlyMap<string, number>;
}

export function bootstrapObjects(nodes: LabNode[], kubelet?: KubeletEndpoints): KubeObject[] {
  const objs: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: LAB_SYSTEM_NAMESPACE, labels: { 'lab.kse.dev/part-of': 'lab' } } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: STUDENT_NAMESPACE, labels: { 'lab.kse.dev/scenario': 'student' } } },

    // The external provisioner: the permissions kubernetes-csi/external-provisioner's RBAC grants, no more.
    clusterRole('lab:external-provisioner', [
      { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'watch', 'create', 'delete', 'patch', 'update'] },
      { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch', 'update', 'patch'] },
      { apiGroups: ['storage.k8s.io'], resources: ['storageclasses', 'csinodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: ['list', 'watch', 'create', 'update', 'patch'] },
    ]),
    clusterRoleBinding('lab:external-provisioner', 'lab:external-provisioner', IDENTITIES.provisioner.user),
    {
      apiVersion: rbac, kind: 'Role', metadata: { name: 'lab:external-provisioner-leader-election', namespace: LAB_SYSTEM_NAMESPACE },
      rules: [{ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch'] }],
    },
    {
      apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'lab:external-provisioner-leader-election', namespace: LAB_SYSTEM_NAMESPACE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'lab:external-provisioner-leader-election' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: IDENTITIES.provisioner.user }],
    },

    // The init-container driver acts as a kubelet would for the pods handed to it: status subresource only.
    clusterRole('lab:status-driver', [
      { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['patch', 'update'] },
      // The kubelet stats stand-in (same identity) reads claims for their capacity and used-bytes annotation.
      { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'watch'] },
    ]),
    clusterRoleBinding('lab:status-driver', 'lab:status-driver', IDENTITIES.statusDriver.user),

    // The student: read-only in namespace "student", nothing cluster-wide (not even listing namespaces).
    {
      apiVersion: rbac, kind: 'Role', metadata: { name: 'student-read-only', namespace: STUDENT_NAMESPACE },
      rules: [
        // resourcequotas and limitranges as Kubernetes' own "view" role grants them: a student sees why a claim is refused.
        { apiGroups: [''], resources: ['pods', 'pods/log', 'persistentvolumeclaims', 'configmaps', 'events', 'services', 'serviceaccounts', 'endpoints', 'resourcequotas', 'limitranges'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'replicasets', 'daemonsets'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['get', 'list', 'watch'] },
      ],
    },
    {
      apiVersion: rbac, kind: 'RoleBinding', metadata: { name: 'student-read-only', namespace: STUDENT_NAMESPACE },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'student-read-only' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: IDENTITIES.student.user }],
    },

    // The external provisioner registered as a CSI driver cluster-wide (name = provisioner name).
    {
      apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: PROVISIONER_NAME, labels: { 'lab.kse.dev/part-of': 'lab' } },
      spec: { attachRequired: false, podInfoOnMount: false, volumeLifecycleModes: ['Persistent'], storageCapacity: false, fsGroupPolicy: 'File' },
    },
  ];
  nodes.forEach((n, i) => {
    objs.push({
      apiVersion: 'v1', kind: 'Node',
      metadata: {
        name: n.name,
        labels: {
          'kubernetes.io/hostname': n.name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64',
          'topology.kubernetes.io/zone': n.zone, 'topology.kubernetes.io/region': 'lab', type: 'kwok',
        },
        // kwok manages only nodes with this annotation (--manage-nodes-with-annotation-selector).
        // controller-managed-attach-detach: what a kubelet sets by default (enableControllerAttachDetach), so that
        // kube-controller-manager's attach/detach controller attaches volumes to this node (VolumeAttachments).
        annotations: { 'kwok.x-k8s.io/node': 'fake', 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      },
      status: {
        allocatable: { cpu: '8', memory: '32Gi', pods: '110', 'ephemeral-storage': '100Gi' },
        capacity: { cpu: '8', memory: '32Gi', pods: '110', 'ephemeral-storage': '100Gi' },
        // kwok's node-initialize keeps addresses that are set (its --node-ip is one address for every node).
        // With the kubelet stats stand-in, InternalIP is the host's address where it listens for this node, on the
        // port in daemonEndpoints (what the API server's node proxy dials).
        addresses: [{ type: 'InternalIP', address: kubelet?.address ?? `10.0.0.${11 + i}` }, { type: 'Hostname', address: n.name }],
        ...(kubelet?.ports.get(n.name) ? { daemonEndpoints: { kubeletEndpoint: { Port: kubelet.ports.get(n.name) } } } : {}),
      },
    });
  });
  return objs;
}

/**
 * Per-node registration of the external provisioner's driver and of `csiDrivers` (the lab's CSI driver), as a
 * kubelet writes them when node-driver-registrar registers a driver; the lab has no kubelet.
 */
export function csiNodeObjects(nodes: { name: string; uid: string }[], csiDrivers: string[] = []): KubeObject[] {
  return nodes.map((n) => ({
    apiVersion: 'storage.k8s.io/v1', kind: 'CSINode',
    metadata: { name: n.name, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: n.uid }] },
    spec: {
      drivers: [
        { name: PROVISIONER_NAME, nodeID: n.name, topologyKeys: ['topology.kubernetes.io/zone'] },
        ...csiDrivers.map((name) => ({ name, nodeID: n.name, topologyKeys: null })),
      ],
    },
  }));
}

export const SCENARIOS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/** Namespaces and cluster-scoped objects first, so that everything a namespaced object refers to exists. */
// Quotas and limits before what they limit: they apply only to objects created after them.
const KIND_ORDER = ['CustomResourceDefinition', 'Namespace', 'ResourceQuota', 'LimitRange', 'StorageClass', 'VolumeSnapshotClass', 'PersistentVolume', 'ServiceAccount', 'Role', 'RoleBinding', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'VolumeSnapshot'];

export interface Scenario {
  name: string;
  objects: KubeObject[];
  /**
   * Objects of the scenario's `then/` directory: applied once the scenario's claims are Bound (a claim expanded
   * after it is bound: the same claim asking for more).
   */
  then: KubeObject[];
}

function yamlFiles(dir: string, label: string): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) {
      if (doc.errors.length) throw new Error(`${label}/${f}: ${doc.errors[0]!.message}`);
      const obj = doc.toJS() as KubeObject | null;
      if (obj) objects.push(obj);
    }
  }
  return objects;
}

export function loadScenarios(dir = SCENARIOS_DIR): Scenario[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      objects: yamlFiles(join(dir, name), name),
      then: existsSync(join(dir, name, 'then')) ? yamlFiles(join(dir, name, 'then'), `${name}/then`) : [],
    }));
}

export function sortForApply(objs: KubeObject[]): KubeObject[] {
  const rank = (o: KubeObject) => {
    const i = KIND_ORDER.indexOf(o.kind ?? '');
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...objs].sort((a, b) => rank(a) - rank(b));
}

export async function applyAll(client: KubeClient, objs: KubeObject[]): Promise<void> {
  for (const o of sortForApply(objs)) await client.apply(o);
}
