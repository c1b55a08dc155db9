/**
 * Fixture objects for the rule tests: a base object per situation, varied with spreads in each test.
 * Shapes follow real objects: where one is derived from upstream documentation or sources, it says which.
 * Times are relative to FIXTURE_NOW.
 */
import type {
  CSIDriver,
  CSINode,
  KubeEvent,
  KubeNode,
  KubeObject,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../kube/objects';
import { FIXTURE_NOW } from './fixture-view';

export function minutesAgo(minutes: number): string {
  return new Date(Date.parse(FIXTURE_NOW) - minutes * 60_000).toISOString();
}
export function secondsAgo(seconds: number): string {
  return new Date(Date.parse(FIXTURE_NOW) - seconds * 1000).toISOString();
}

/** Derived from rancher/local-path-provisioner deploy/local-path-storage.yaml (the default class of kind and k3s). */
export const localPathClass: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'standard',
    uid: 'sc-standard-uid',
    creationTimestamp: minutesAgo(60 * 24),
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

/** Derived from kubernetes-csi/csi-driver-host-path deploy/.../csi-storageclass.yaml. */
export const csiHostpathClass: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'csi-hostpath-sc', uid: 'sc-csi-uid', creationTimestamp: minutesAgo(60 * 24) },
  provisioner: 'hostpath.csi.k8s.io',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'Immediate',
  allowVolumeExpansion: true,
};

/** Static local volumes: the class from the Kubernetes docs "Local" volume example. */
export const noProvisionerClass: StorageClass = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local-storage', uid: 'sc-local-uid', creationTimestamp: minutesAgo(60 * 24) },
  provisioner: 'kubernetes.io/no-provisioner',
  volumeBindingMode: 'WaitForFirstConsumer',
};

/** Derived from the Kubernetes docs task "Configure a Pod to Use a PersistentVolume for Storage" (task-pv-volume). */
export const manualVolume: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'task-pv-volume', uid: 'pv-task-uid', labels: { type: 'local' }, creationTimestamp: minutesAgo(120) },
  spec: {
    storageClassName: 'manual',
    capacity: { storage: '10Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Retain',
    volumeMode: 'Filesystem',
    hostPath: { path: '/mnt/data' },
  },
  status: { phase: 'Available' },
};

/** The same docs task's claim (task-pv-claim), here still Pending. */
export const manualClaim: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'task-pv-claim', namespace: 'default', uid: 'pvc-task-uid', creationTimestamp: minutesAgo(30) },
  spec: {
    storageClassName: 'manual',
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '3Gi' } },
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Pending' },
};

/** The same docs task's pod (task-pv-pod), not yet scheduled. */
export const taskPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'task-pv-pod', namespace: 'default', uid: 'pod-task-uid', creationTimestamp: minutesAgo(20) },
  spec: {
    volumes: [{ name: 'task-pv-storage', persistentVolumeClaim: { claimName: 'task-pv-claim' } }],
    containers: [
      { name: 'task-pv-container', image: 'nginx', volumeMounts: [{ mountPath: '/usr/share/nginx/html', name: 'task-pv-storage' }] },
    ],
  },
  status: { phase: 'Pending' },
};

/** A claim bound by dynamic provisioning, as the PV controller leaves it. */
export const boundClaim: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'data-db-0',
    namespace: 'shop',
    uid: 'pvc-db-uid',
    creationTimestamp: minutesAgo(600),
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.kubernetes.io/storage-provisioner': 'hostpath.csi.k8s.io',
    },
  },
  spec: {
    storageClassName: 'csi-hostpath-sc',
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    volumeName: 'pvc-db-uid',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
};

/** Its volume, named pvc-<claim uid> as external-provisioner names them. */
export const boundVolume: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: {
    name: 'pvc-db-uid',
    uid: 'pv-db-uid',
    creationTimestamp: minutesAgo(599),
    annotations: { 'pv.kubernetes.io/provisioned-by': 'hostpath.csi.k8s.io' },
  },
  spec: {
    storageClassName: 'csi-hostpath-sc',
    capacity: { storage: '1Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Delete',
    volumeMode: 'Filesystem',
    claimRef: { kind: 'PersistentVolumeClaim', namespace: 'shop', name: 'data-db-0', uid: 'pvc-db-uid', apiVersion: 'v1' },
    csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: 'c0ffee00-0000-0000-0000-000000000001' },
  },
  status: { phase: 'Bound' },
};

export const runningPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'db-0', namespace: 'shop', uid: 'pod-db-uid', creationTimestamp: minutesAgo(590) },
  spec: {
    nodeName: 'node-1',
    volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } }],
    containers: [{ name: 'postgres', image: 'postgres:17', volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }] }],
  },
  status: {
    phase: 'Running',
    conditions: [
      { type: 'PodScheduled', status: 'True' },
      { type: 'Ready', status: 'True' },
    ],
    containerStatuses: [{ name: 'postgres', ready: true, restartCount: 0, state: { running: { startedAt: minutesAgo(589) } } }],
  },
};

export function node(name: string, labels: Record<string, string> = {}): KubeNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}-uid`, labels: { 'kubernetes.io/hostname': name, ...labels } },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export const csiDriver: CSIDriver = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'CSIDriver',
  metadata: { name: 'hostpath.csi.k8s.io', uid: 'csidriver-uid' },
  spec: { attachRequired: false, podInfoOnMount: true, volumeLifecycleModes: ['Persistent', 'Ephemeral'] },
};

export function csiNode(nodeName: string, drivers: string[]): CSINode {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSINode',
    metadata: { name: nodeName, uid: `csinode-${nodeName}-uid` },
    spec: { drivers: drivers.map((name) => ({ name, nodeID: nodeName, topologyKeys: ['topology.hostpath.csi/node'] })) },
  };
}

/**
 * The leader lease of csi-provisioner: kubernetes-csi/csi-lib-utils leaderelection names it after the driver
 * with non-alphanumerics turned into '-', and the holder identity is the pod name.
 */
export function lease(name: string, namespace: string, holder: string, renewedSecondsAgo: number, durationSeconds = 15): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace, uid: `lease-${namespace}-${name}` },
    spec: {
      holderIdentity: holder,
      leaseDurationSeconds: durationSeconds,
      acquireTime: minutesAgo(600),
      renewTime: secondsAgo(renewedSecondsAgo),
      leaseTransitions: 0,
    },
  };
}

export function readyPod(name: string, namespace: string, labels: Record<string, string> = {}, ready = true): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: `pod-${namespace}-${name}`, labels, creationTimestamp: minutesAgo(600) },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'registry.k8s.io/sig-storage/csi-provisioner:v5.2.0' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'main', ready, restartCount: 0, state: { running: {} } }],
    },
  };
}

let eventSeq = 0;
/** An event about an object, as the API server stores core/v1 events. */
export function eventAbout(
  obj: KubeObject,
  reason: string,
  message: string,
  opts: { type?: string; minutesAgo?: number; count?: number; component?: string } = {},
): KubeEvent {
  eventSeq += 1;
  const at = minutesAgo(opts.minutesAgo ?? 1);
  const namespace = obj.metadata?.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${obj.metadata?.name ?? 'x'}.${eventSeq.toString(16)}`, namespace, uid: `event-${eventSeq}` },
    involvedObject: {
      kind: obj.kind,
      name: obj.metadata?.name,
      namespace: obj.metadata?.namespace,
      uid: obj.metadata?.uid,
      apiVersion: obj.apiVersion,
    },
    reason,
    message,
    type: opts.type ?? 'Normal',
    count: opts.count ?? 1,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component: opts.component ?? 'persistentvolume-controller' },
  };
}
