/**
 * A small cluster in which every rule has something to read (rules-reads.test.ts): classes with and without
 * provisioners and secret parameters, a driver publishing capacity, claims Pending for each reason, Bound, Lost
 * and Terminating, volumes free, bound, released and attached with an error, pods placed, waiting for a node and
 * starting, ConfigMaps and Secrets present and missing, a StatefulSet refused by a LimitRange and a quota.
 */
import type { FixtureObjects } from './fixture-view';
import { eventAbout, lease, minutesAgo, node } from './fixtures';

const ns = 'shop';
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), uid: `uid-${namespace ?? ''}-${name}`, creationTimestamp: minutesAgo(90) });
const claimSpec = (className: string | undefined, storage = '1Gi', extra: object = {}) => ({
  accessModes: ['ReadWriteOnce'],
  ...(className !== undefined ? { storageClassName: className } : {}),
  resources: { requests: { storage } },
  ...extra,
});
const unplaced = (message: string) => ({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] });
const podWith = (name: string, claims: string[], spec: object, status: object, extraVolumes: object[] = []) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta(name, ns),
  spec: { containers: [{ name: 'main', image: 'app' }], volumes: [...claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })), ...extraVolumes], ...spec },
  status,
});

const fast = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: meta('fast'),
  provisioner: 'disk.example.com',
  volumeBindingMode: 'WaitForFirstConsumer',
  parameters: { 'csi.storage.k8s.io/provisioner-secret-name': 'prov-creds', 'csi.storage.k8s.io/provisioner-secret-namespace': 'kube-system' },
};
const standard = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { ...meta('standard'), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'gone.example.com' };
const other = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { ...meta('other'), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'kubernetes.io/no-provisioner' };

const NO_ROOM = '0/2 nodes are available: 1 node(s) did not have enough free storage, 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.';
const waiter = podWith('waiter', ['big'], {}, unplaced(NO_ROOM));
const web0 = podWith(
  'web-0',
  ['data'],
  { nodeName: 'node-a', initContainers: [{ name: 'setup', image: 'busybox' }] },
  { phase: 'Pending', initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
  [{ name: 'config', configMap: { name: 'web-config' } }, { name: 'tls', secret: { secretName: 'web-tls' } }, { name: 'vault', csi: { driver: 'secrets.example.com', nodePublishSecretRef: { name: 'vault-creds' } } }],
);
const web1 = podWith('web-1', ['data'], { nodeName: 'node-b' }, { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] });
const holder = podWith('holder', ['old'], { nodeName: 'node-a' }, { phase: 'Running' });
const restorer = podWith('restorer', ['restored', 'requested', 'nocls', 'missing'], {}, unplaced('0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.'));

const claims = [
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('big', ns), spec: claimSpec('fast', '10Gi'), status: { phase: 'Pending' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { ...meta('data', ns), annotations: { 'pv.kubernetes.io/bind-completed': 'yes' } }, spec: claimSpec('fast', '1Gi', { volumeName: 'pv-data' }), status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { ...meta('old', ns), deletionTimestamp: minutesAgo(30), finalizers: ['kubernetes.io/pvc-protection'] }, spec: claimSpec('fast', '1Gi', { volumeName: 'pv-old' }), status: { phase: 'Bound' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('lost', ns), spec: claimSpec('fast', '1Gi', { volumeName: 'pv-vanished' }), status: { phase: 'Lost' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('restored', ns), spec: claimSpec('fast', '1Gi', { dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' } }), status: { phase: 'Pending' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('requested', ns), spec: claimSpec('', '1Gi', { volumeName: 'pv-free' }), status: { phase: 'Pending' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('nocls', ns), spec: claimSpec(undefined, '1Gi'), status: { phase: 'Pending' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('missing', ns), spec: claimSpec('fsat', '1Gi'), status: { phase: 'Pending' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data-db-0', ns), spec: claimSpec('fast', '1Gi'), status: { phase: 'Pending' } },
  // VolumeAttributesClasses (claims-attributes-class.ts): a missing one, Bound and Pending, and a change the driver refused.
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('tuned', ns), spec: claimSpec('fast', '1Gi', { volumeName: 'pv-data', volumeAttributesClassName: 'platinum' }), status: { phase: 'Bound' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('tuning', ns), spec: claimSpec('fast', '1Gi', { volumeAttributesClassName: 'platinum' }), status: { phase: 'Pending' } },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('refused', ns),
    spec: claimSpec('fast', '1Gi', { volumeName: 'pv-data', volumeAttributesClassName: 'gold' }),
    status: { phase: 'Bound', modifyVolumeStatus: { targetVolumeAttributesClassName: 'gold', status: 'Infeasible' } },
  },
  // To be restored from a snapshot not ready yet (claims-restore.ts).
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('restored', ns), spec: claimSpec('standard', '1Gi', { dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap' } }), status: { phase: 'Pending' } },
  // Bound, and no pod has used it for two days (claims-unused.ts reads its volume's reclaim policy).
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('idle', ns), spec: claimSpec('standard', '1Gi', { volumeName: 'pv-idle' }), status: { phase: 'Bound', conditions: [{ type: 'Unused', status: 'True', reason: 'NoPodsUsingPVC', lastTransitionTime: minutesAgo(2 * 24 * 60) }] } },
  // To be filled by a populator of a kind no VolumePopulator registers (claims-populator.ts).
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('populated', ns), spec: claimSpec('standard', '1Gi', { dataSourceRef: { apiGroup: 'hello.example.com', kind: 'Hello', name: 'greeting' } }), status: { phase: 'Pending' } },
];

const zoneA = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a'] }] }] } };
const volumes = [
  {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { ...meta('pv-data'), annotations: { 'pv.kubernetes.io/provisioned-by': 'disk.example.com' } },
    spec: { storageClassName: 'fast', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], claimRef: { namespace: ns, name: 'data', uid: `uid-${ns}-data` }, csi: { driver: 'disk.example.com', volumeHandle: 'h1', nodePublishSecretRef: { name: 'pv-creds', namespace: ns } }, nodeAffinity: zoneA, persistentVolumeReclaimPolicy: 'Delete' },
    status: { phase: 'Bound' },
  },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-idle'), spec: { storageClassName: 'standard', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/idle' }, claimRef: { namespace: ns, name: 'idle' } }, status: { phase: 'Bound' } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-free'), spec: { storageClassName: 'fast', capacity: { storage: '500Mi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/x' } }, status: { phase: 'Available' } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-spare'), spec: { capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-gone'] }] }] } } }, status: { phase: 'Available' } },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { ...meta('pv-released'), annotations: { 'pv.kubernetes.io/provisioned-by': 'gone.example.com' } },
    spec: { storageClassName: 'standard', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], claimRef: { namespace: ns, name: 'was', uid: 'uid-was' }, csi: { driver: 'gone.example.com', volumeHandle: 'h2' }, persistentVolumeReclaimPolicy: 'Delete' },
    status: { phase: 'Released' },
  },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: meta('pv-old'), spec: { storageClassName: 'fast', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], claimRef: { namespace: ns, name: 'old', uid: `uid-${ns}-old` }, hostPath: { path: '/y' } }, status: { phase: 'Bound' } },
];

const set = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: meta('db', ns),
  spec: { replicas: 2, serviceName: 'db', volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: claimSpec('fast', '2Gi') }] },
  status: { replicas: 1 },
};

/** The world, with every kind the rules may read present (and synced). */
export const READS_WORLD = {
  storageclasses: [fast, standard, other],
  csidrivers: [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: meta('disk.example.com'), spec: { attachRequired: true, storageCapacity: true } }],
  csinodes: [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: meta('node-a'), spec: { drivers: [{ name: 'disk.example.com', nodeID: 'node-a', topologyKeys: ['topology.kubernetes.io/zone'] }] } }],
  nodes: [node('node-a', { 'topology.kubernetes.io/zone': 'a' }), { ...node('node-b', { 'topology.kubernetes.io/zone': 'b' }), spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }],
  csistoragecapacities: [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', metadata: meta('cap-a', 'kube-system'), storageClassName: 'fast', capacity: '4Gi', nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': 'a' } } }],
  persistentvolumeclaims: claims,
  persistentvolumes: volumes,
  volumeattachments: [{ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: meta('va-1'), spec: { attacher: 'disk.example.com', nodeName: 'node-b', source: { persistentVolumeName: 'pv-data' } }, status: { attached: false, attachError: { message: 'rpc error: code = Internal desc = attach failed', time: minutesAgo(5) } } },
    // Not attached for 90 min with no error: attach stuck (its attacher's Lease is read).
    { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: meta('va-2'), spec: { attacher: 'disk.example.com', nodeName: 'node-a', source: { persistentVolumeName: 'pv-data' } }, status: { attached: false } }],
  pods: [waiter, web0, web1, holder, restorer],
  configmaps: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('web-config', ns) }],
  secrets: [{ apiVersion: 'v1', kind: 'Secret', metadata: meta('vault-creds', ns) }],
  leases: [lease('disk-example-com', 'kube-system', 'provisioner-0', 5)],
  statefulsets: [set],
  volumepopulators: [{ apiVersion: 'populator.storage.k8s.io/v1beta1', kind: 'VolumePopulator', metadata: meta('other'), sourceKind: { group: 'other.example.com', kind: 'Other' } }],
  volumeattributesclasses: [{ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass', metadata: meta('gold'), driverName: 'disk.example.com', parameters: { iops: '3000' } }],
  limitranges: [{ apiVersion: 'v1', kind: 'LimitRange', metadata: meta('size', ns), spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '1Gi' } }] } }],
  resourcequotas: [{ apiVersion: 'v1', kind: 'ResourceQuota', metadata: meta('storage', ns), spec: { hard: { 'requests.storage': '3Gi' } }, status: { hard: { 'requests.storage': '3Gi' }, used: { 'requests.storage': '3Gi' } } }],
  volumesnapshots: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: meta('snap', ns), spec: { volumeSnapshotClassName: 'snaps', source: { persistentVolumeClaimName: 'data' } }, status: { readyToUse: false, boundVolumeSnapshotContentName: 'snapcontent-1' } }],
  volumesnapshotclasses: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: meta('snaps'), driver: 'disk.example.com', deletionPolicy: 'Delete' }],
  volumesnapshotcontents: [{ apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotContent', metadata: meta('snapcontent-1'), spec: { driver: 'disk.example.com', volumeSnapshotRef: { namespace: ns, name: 'snap' } }, status: { readyToUse: false } }],
  events: [
    eventAbout(waiter, 'FailedScheduling', NO_ROOM, { type: 'Warning', component: 'default-scheduler' }),
    eventAbout(claims[0]!, 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding'),
    eventAbout(claims[6]!, 'ProvisioningFailed', 'failed to provision volume with StorageClass "standard": rpc error: code = Unavailable', { type: 'Warning', component: 'gone.example.com_x' }),
    eventAbout(web0, 'FailedMount', 'MountVolume.SetUp failed for volume "tls" : secret "web-tls" not found', { type: 'Warning', component: 'kubelet' }),
    eventAbout(web0, 'FailedAttachVolume', 'AttachVolume.Attach failed for volume "pv-data" : rpc error: code = Internal desc = attach failed', { type: 'Warning', component: 'attachdetach-controller' }),
    eventAbout(set, 'FailedCreate', 'create Claim data-db-1 for Pod db-1 in StatefulSet db failed error: persistentvolumeclaims "data-db-1" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi', { type: 'Warning', component: 'statefulset-controller' }),
    eventAbout(claims[3]!, 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', { type: 'Warning' }),
  ],
} as unknown as FixtureObjects;
