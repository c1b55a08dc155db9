/**
 * A large, realistic cluster as a kse snapshot (src/shared/snapshot-format.ts), built deterministically: 3,013
 * claims over 24 namespaces (some with long names), their volumes, 900 pods, nodes, CSI objects, leases, events
 * and snapshots. Many objects share one cause (302 claims wait for a provisioner that does not run), so the
 * overview's grouping and the tables' column fitting are tried at the scale issue 8 was seen at.
 *
 * Used by the store's unit tests, by the browser journeys (opened through the UI's snapshot picker) and by
 * `npx tsx scripts/make-large-snapshot.ts out.json` for trying it by hand in `kse web`.
 */
import type { KubeEvent, KubeObject, Lease, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../../shared/kube/objects';
import type { Resource } from '../../../shared/kube/resource-registry';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot } from '../../../shared/snapshot-format';

/** When the snapshot was taken: ages and lease freshness are judged at this time. */
export const LARGE_CAPTURED_AT = '2026-11-28T10:00:00Z';

/** How many claims wait, in each way, in the large cluster (what the tests expect to find). */
export const LARGE = {
  claims: 3013,
  /** Pending on class "fast-replicated", whose provisioner has no lease and no pods. */
  deadProvisionerClaims: 302,
  deadProvisioner: 'replicated.storage.example.com',
  /** Pending, naming class "fast-ssd", which does not exist. */
  missingClassClaims: 40,
  missingClass: 'fast-ssd',
  /** Pending on a WaitForFirstConsumer class, no pod yet. */
  waitingClaims: 120,
  /** Lost: their volume is gone. */
  lostClaims: 30,
  availableVolumes: 60,
  releasedVolumes: 25,
  pods: 900,
  nodes: 6,
  namespaces: 24,
} as const;

const NAMESPACES = [
  'payments-processing-eu-west-production',
  'team-analytics-warehouse-staging',
  'shop',
  'search',
  'ml-feature-store-training-pipelines',
  'billing',
  'identity-and-access-management',
  'logs',
  'metrics-long-term-retention',
  'ci',
  'customer-notifications-email-sms-push',
  'media-transcoding',
  'db',
  'cache',
  'recommendations-offline-batch-jobs',
  'kafka',
  'web',
  'reporting-and-business-intelligence',
  'mail',
  'geo',
  'inventory-reservations-service',
  'auth',
  'data-lake-ingestion-raw-zone',
  'qa',
] as const;

const APPS = ['postgres-orders-replica', 'redis', 'elasticsearch-data-hot-tier', 'kafka-broker', 'minio', 'mysql-primary', 'clickhouse-shard-replicated', 'etcd', 'prometheus-tsdb', 'rabbitmq'];

const HOSTPATH = 'hostpath.csi.k8s.io';
const NODES = Array.from({ length: LARGE.nodes }, (_, i) => ({ name: `worker-eu-west-1${'abc'[i % 3]}-${String(i + 1).padStart(2, '0')}`, zone: `eu-west-1${'abc'[i % 3]}` }));

const CAPTURED = Date.parse(LARGE_CAPTURED_AT);
/** An ISO time `minutes` before the capture. */
const ago = (minutes: number) => new Date(CAPTURED - minutes * 60_000).toISOString();

let uidSeq = 0;
const meta = (name: string, namespace?: string, minutesAgo = 60 * 24 * 12, extra: Record<string, unknown> = {}) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: `large-${(uidSeq += 1).toString(16).padStart(8, '0')}`,
  creationTimestamp: ago(minutesAgo),
  resourceVersion: String(1000 + uidSeq),
  ...extra,
});

const nsOf = (i: number) => NAMESPACES[i % NAMESPACES.length]!;
const claimNameOf = (i: number) => `data-${APPS[i % APPS.length]}-${i}`;
const sizeOf = (i: number) => `${1 + (i % 40)}Gi`;

function storageClass(name: string, provisioner: string, extra: Partial<StorageClass> = {}, isDefault = false): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta(name, undefined, 60 * 24 * 200, isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    provisioner,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    ...extra,
  };
}

function claim(i: number, className: string | undefined, status: PersistentVolumeClaim['status'], volumeName?: string): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(claimNameOf(i), nsOf(i), 30 + (i % 5000) * 7),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: sizeOf(i) } },
      ...(className ? { storageClassName: className } : {}),
      ...(volumeName ? { volumeName } : {}),
      volumeMode: 'Filesystem',
    },
    status,
  };
}

function volume(name: string, className: string, size: string, phase: string, claimRef?: { namespace: string; name: string; uid?: string }, extra: Partial<NonNullable<PersistentVolume['spec']>> = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta(name, undefined, 60 * 24 * 10),
    spec: {
      capacity: { storage: size },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: className,
      csi: { driver: HOSTPATH, volumeHandle: `handle-${name}` },
      ...(claimRef ? { claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...claimRef } } : {}),
      ...extra,
    },
    status: { phase },
  };
}

function readyPod(name: string, namespace: string, node: string, volumes: NonNullable<Pod['spec']>['volumes'], minutesAgo = 600): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, namespace, minutesAgo),
    spec: {
      nodeName: node,
      containers: [{ name: 'main', image: 'registry.example.com/app:1.0', volumeMounts: (volumes ?? []).map((v) => ({ name: v.name, mountPath: `/mnt/${v.name}` })) }],
      volumes,
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      containerStatuses: [{ name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: ago(minutesAgo - 1) } } }],
    },
  };
}

function event(namespace: string, involved: { kind: string; name: string; uid?: string }, reason: string, message: string, type: 'Normal' | 'Warning', minutesAgo: number, count = 1): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta(`${involved.name}.${(uidSeq + 1).toString(16)}`, namespace, minutesAgo),
    involvedObject: { kind: involved.kind, name: involved.name, namespace, ...(involved.uid ? { uid: involved.uid } : {}) },
    reason,
    message,
    type,
    count,
    firstTimestamp: ago(minutesAgo + 30),
    lastTimestamp: ago(minutesAgo),
    source: { component: 'persistentvolume-controller' },
  };
}

/** The large cluster as a snapshot (a fresh object on every call; UIDs are the same on every call). */
export function largeSnapshot(): Snapshot {
  uidSeq = 0;
  const classes: StorageClass[] = [
    storageClass('standard', HOSTPATH, { allowVolumeExpansion: true }, true),
    storageClass('fast-replicated', LARGE.deadProvisioner, { parameters: { replicas: '3', fsType: 'xfs' } }),
    storageClass('archive-nfs', 'nfs.example.com/archive', { reclaimPolicy: 'Retain' }),
    storageClass('local-retain', 'kubernetes.io/no-provisioner', { reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' }),
  ];
  const claims: PersistentVolumeClaim[] = [];
  const volumes: PersistentVolume[] = [];
  const pods: Pod[] = [];
  const events: KubeEvent[] = [];

  const pending = LARGE.deadProvisionerClaims + LARGE.missingClassClaims + LARGE.waitingClaims;
  const bound = LARGE.claims - pending - LARGE.lostClaims;
  let i = 0;
  for (; i < bound; i++) {
    const pvName = `pvc-${(0x10000 + i).toString(16)}-7c1e-4f3a-9b2d-${String(i).padStart(12, '0')}`;
    const local = i % 25 === 0;
    const className = local ? 'local-retain' : 'standard';
    const c = claim(i, className, { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: sizeOf(i) } }, pvName);
    claims.push(c);
    const node = NODES[i % NODES.length]!;
    volumes.push(
      volume(pvName, className, sizeOf(i), 'Bound', { namespace: nsOf(i), name: claimNameOf(i), uid: c.metadata?.uid }, local
        ? { csi: undefined, local: { path: `/mnt/disks/ssd${i % 4}` }, persistentVolumeReclaimPolicy: 'Retain', nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node.name] }] }] } } }
        : {}),
    );
  }
  for (let k = 0; k < LARGE.deadProvisionerClaims; k++, i++) {
    const c = claim(i, 'fast-replicated', { phase: 'Pending' });
    claims.push(c);
    events.push(event(nsOf(i), { kind: 'PersistentVolumeClaim', name: claimNameOf(i), uid: c.metadata?.uid }, 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${LARGE.deadProvisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`, 'Normal', 1 + (k % 20), 40 + k));
  }
  for (let k = 0; k < LARGE.missingClassClaims; k++, i++) {
    const c = claim(i, LARGE.missingClass, { phase: 'Pending' });
    claims.push(c);
    events.push(event(nsOf(i), { kind: 'PersistentVolumeClaim', name: claimNameOf(i), uid: c.metadata?.uid }, 'ProvisioningFailed', `storageclass.storage.k8s.io "${LARGE.missingClass}" not found`, 'Warning', 2 + k, 12));
  }
  for (let k = 0; k < LARGE.waitingClaims; k++, i++) {
    const c = claim(i, 'local-retain', { phase: 'Pending' });
    claims.push(c);
    events.push(event(nsOf(i), { kind: 'PersistentVolumeClaim', name: claimNameOf(i), uid: c.metadata?.uid }, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', 'Normal', 3 + k, 5));
  }
  for (let k = 0; k < LARGE.lostClaims; k++, i++) {
    claims.push(claim(i, 'standard', { phase: 'Lost' }, `pvc-lost-${String(k).padStart(4, '0')}`));
  }
  for (let k = 0; k < LARGE.availableVolumes; k++) volumes.push(volume(`pv-spare-${String(k).padStart(3, '0')}`, 'archive-nfs', `${10 + k}Gi`, 'Available', undefined, { persistentVolumeReclaimPolicy: 'Retain', csi: undefined, nfs: { server: 'nfs.example.com', path: `/exports/spare-${k}` } }));
  for (let k = 0; k < LARGE.releasedVolumes; k++) {
    volumes.push(volume(`pv-released-${String(k).padStart(3, '0')}`, 'archive-nfs', '50Gi', 'Released', { namespace: 'reporting-and-business-intelligence', name: `old-export-${k}`, uid: `gone-${k}` }, { persistentVolumeReclaimPolicy: 'Retain', csi: undefined, nfs: { server: 'nfs.example.com', path: `/exports/old-${k}` } }));
  }

  // Pods: most mount one bound claim; every fifth also has an emptyDir, every 30th a hostPath.
  for (let p = 0; p < LARGE.pods; p++) {
    const claimIndex = p * 2;
    const node = NODES[p % NODES.length]!;
    const vols: NonNullable<Pod['spec']>['volumes'] = [{ name: 'data', persistentVolumeClaim: { claimName: claimNameOf(claimIndex) } }];
    if (p % 5 === 0) vols.push({ name: 'scratch', emptyDir: {} });
    if (p % 30 === 0) vols.push({ name: 'host-logs', hostPath: { path: '/var/log/apps', type: 'DirectoryOrCreate' } });
    pods.push(readyPod(`${APPS[claimIndex % APPS.length]}-${p}`, nsOf(claimIndex), node.name, vols, 60 + p));
  }
  // The hostpath CSI driver: its controller pod holding the leader lease, its node plugin on every node.
  pods.push(readyPod('csi-hostpathplugin-0', 'kube-storage', NODES[0]!.name, [{ name: 'socket-dir', emptyDir: {} }], 60 * 24 * 30));
  const lease: Lease = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: meta('hostpath-csi-k8s-io', 'kube-storage', 60 * 24 * 30),
    spec: { holderIdentity: 'csi-hostpathplugin-0', leaseDurationSeconds: 15, renewTime: new Date(CAPTURED - 4000).toISOString(), acquireTime: ago(60 * 24 * 30) },
  };
  const kcm: Lease = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: meta('kube-controller-manager', 'kube-system', 60 * 24 * 200),
    spec: { holderIdentity: 'control-plane-1_1f2e', leaseDurationSeconds: 15, renewTime: new Date(CAPTURED - 2000).toISOString() },
  };

  const nodes: KubeObject[] = NODES.map((n) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(n.name, undefined, 60 * 24 * 90, { labels: { 'kubernetes.io/hostname': n.name, 'topology.kubernetes.io/zone': n.zone } }),
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  }));
  const csiNodes: KubeObject[] = NODES.map((n) => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSINode',
    metadata: meta(n.name, undefined, 60 * 24 * 90),
    spec: { drivers: [{ name: HOSTPATH, nodeID: n.name }] },
  }));
  const csiDrivers: KubeObject[] = [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: meta(HOSTPATH, undefined, 60 * 24 * 90), spec: { attachRequired: false, podInfoOnMount: true } }];
  const snapshots: KubeObject[] = Array.from({ length: 15 }, (_, k) => ({
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: meta(`nightly-${claimNameOf(k * 3)}`, nsOf(k * 3), 60 * (k + 1)),
    spec: { source: { persistentVolumeClaimName: claimNameOf(k * 3) }, volumeSnapshotClassName: 'csi-hostpath-snapclass' },
    status: k % 5 === 4 ? { readyToUse: false, error: { message: 'Failed to check and update snapshot content: rpc error: code = Internal desc = snapshot quota exceeded' } } : { readyToUse: true, restoreSize: sizeOf(k * 3), boundVolumeSnapshotContentName: `snapcontent-${k}` },
  }));

  const synced = (items: readonly KubeObject[]) => ({ state: 'synced' as const, items: [...items] });
  const kinds: Partial<Record<Resource, { state: 'synced'; items: KubeObject[] }>> = {
    storageclasses: synced(classes),
    persistentvolumeclaims: synced(claims),
    persistentvolumes: synced(volumes),
    pods: synced(pods),
    events: synced(events),
    nodes: synced(nodes),
    csinodes: synced(csiNodes),
    csidrivers: synced(csiDrivers),
    volumeattachments: synced([]),
    leases: synced([lease, kcm]),
    volumesnapshots: synced(snapshots),
    volumesnapshotcontents: synced([]),
    volumesnapshotclasses: synced([]),
  };
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, capturedAt: LARGE_CAPTURED_AT, context: 'large-3013-claims', serverVersion: 'v1.34.1', kinds };
}
