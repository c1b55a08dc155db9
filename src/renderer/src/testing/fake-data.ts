/** Rows and objects the fake API serves in component tests: a small, plausible storage setup. */
import type { ObjectDetail, StorageGraph } from '../../../shared/model/detail';
import type { ClassRow, EventRow, NodeRow, PodRow, ProvisionerRow, VolumeRow } from '../../../shared/model/rows';

export const fakeClasses: ClassRow[] = [
  {
    ref: { kind: 'storageclasses', name: 'standard' },
    name: 'standard',
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    bindingMode: 'WaitForFirstConsumer',
    allowExpansion: false,
    isDefault: true,
    parameters: {},
    claims: 40,
    volumes: 40,
    requestedBytes: 40 * 2 ** 30,
    provisionedBytes: 40 * 2 ** 30,
    provisionerVerdict: 'alive',
  },
  {
    ref: { kind: 'storageclasses', name: 'nfs' },
    name: 'nfs',
    provisioner: 'example.com/nfs',
    reclaimPolicy: 'Retain',
    bindingMode: 'Immediate',
    allowExpansion: true,
    isDefault: false,
    parameters: { server: 'nfs.lab' },
    claims: 2,
    volumes: 0,
    requestedBytes: 10 * 2 ** 30,
    provisionedBytes: 0,
    provisionerVerdict: 'dead',
    badge: { severity: 'problem', count: 1, code: 'provisioner.not-running' },
  },
];

export const fakeProvisioners: ProvisionerRow[] = [
  {
    ref: { kind: 'provisioners', name: 'rancher.io/local-path' },
    name: 'rancher.io/local-path',
    type: 'external',
    verdict: 'alive',
    reasons: [{ en: 'Lease renewed 3 s ago.', ru: 'Lease обновлён 3 с назад.' }],
    classes: ['standard'],
    registeredNodes: [],
    leaseHolder: 'local-path-provisioner-7d9f',
    leaseRenewedAt: '2026-11-28T09:59:57Z',
    podsReady: 1,
    podsTotal: 1,
  },
];

export const fakeVolumes: VolumeRow[] = Array.from({ length: 40 }, (_, i) => ({
  ref: { kind: 'persistentvolumes', name: `pvc-${i}`, uid: `pv-${i}` },
  name: `pvc-${i}`,
  phase: 'Bound',
  claim: { namespace: i % 2 ? 'shop' : 'lab', name: `data-${String(i).padStart(5, '0')}` },
  className: 'standard',
  capacity: '1Gi',
  capacityBytes: 2 ** 30,
  accessModes: ['ReadWriteOnce'],
  reclaimPolicy: 'Delete',
  sourceType: 'hostPath',
  nodeAffinity: 'kwok-node-0',
  createdAt: '2026-11-27T09:00:00Z',
}));

export const fakePods: PodRow[] = [
  {
    ref: { kind: 'pods', namespace: 'shop', name: 'web-0', uid: 'pod-1' },
    namespace: 'shop',
    name: 'web-0',
    phase: 'Pending',
    status: 'Init:1/3',
    nodeName: 'kwok-node-0',
    volumeTypes: { persistentVolumeClaim: 1, emptyDir: 1, configMap: 1 },
    claims: ['data-00001'],
    initDone: 1,
    initTotal: 3,
    restarts: 2,
    ready: '0/1',
    createdAt: '2026-11-28T09:50:00Z',
  },
];

export const fakeNodes: NodeRow[] = [
  { ref: { kind: 'nodes', name: 'kwok-node-0' }, name: 'kwok-node-0', ready: true, zone: 'zone-a', csiDrivers: [], pods: 12, attachedVolumes: 3 },
];

export const fakeEvents: EventRow[] = [
  {
    uid: 'ev-1',
    type: 'Warning',
    reason: 'ProvisioningFailed',
    message: 'storageclass.storage.k8s.io "missing-class" not found',
    count: 4,
    lastSeen: '2026-11-28T09:59:40Z',
    source: 'persistentvolume-controller',
    object: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00003' },
  },
];

export const fakePodDetail: Pick<ObjectDetail, 'volumes' | 'initSteps'> = {
  volumes: [
    {
      name: 'data',
      type: 'persistentVolumeClaim',
      source: [{ fact: 'ref', value: 'data-00001' }],
      target: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00001' },
      mounts: [
        { container: 'init-perms', init: true, mountPath: '/data', readOnly: false },
        { container: 'web', init: false, mountPath: '/var/lib/web', readOnly: false },
      ],
    },
    { name: 'config', type: 'configMap', source: [{ fact: 'ref', value: 'web-config' }], mounts: [{ container: 'web', init: false, mountPath: '/etc/web', readOnly: true }] },
    { name: 'scratch', type: 'emptyDir', source: [{ fact: 'memory' }, { fact: 'sizeLimit', value: '64Mi' }], mounts: [] },
  ],
  initSteps: [
    { name: 'init-perms', index: 0, state: 'done', sidecar: false, restarts: 0, exitCode: 0, runAsUser: 0, mounts: ['/data'], startedAt: '2026-11-28T09:50:10Z', finishedAt: '2026-11-28T09:50:12Z' },
    { name: 'wait-db', index: 1, state: 'running', sidecar: false, restarts: 2, runAsUser: 1000, mounts: [], startedAt: '2026-11-28T09:51:00Z', message: 'waiting for db:5432' },
    { name: 'migrate', index: 2, state: 'waiting', sidecar: false, restarts: 0, mounts: [] },
  ],
};

export const fakeGraph: StorageGraph = {
  nodes: [
    { id: 'pod', type: 'pod', label: 'web-0', sublabel: 'Init:1/3', ref: { kind: 'pods', namespace: 'shop', name: 'web-0' } },
    { id: 'pvc', type: 'claim', label: 'data-00003', sublabel: 'Pending · 1Gi', ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00003' }, severity: 'problem' },
    { id: 'pvc2', type: 'claim', label: 'data-00001', sublabel: 'Bound · 1Gi', ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00001' } },
    { id: 'pv', type: 'volume', label: 'pvc-1', sublabel: 'Bound · 1Gi', ref: { kind: 'persistentvolumes', name: 'pvc-1' } },
    { id: 'sc-missing', type: 'class', label: 'missing-class', missing: true },
    { id: 'sc', type: 'class', label: 'standard', sublabel: 'WaitForFirstConsumer', ref: { kind: 'storageclasses', name: 'standard' } },
    { id: 'prov', type: 'provisioner', label: 'rancher.io/local-path', provisioner: 'rancher.io/local-path', verdict: 'alive', ref: { kind: 'csidrivers', name: 'rancher.io/local-path' } },
    { id: 'node', type: 'node', label: 'kwok-node-0', ref: { kind: 'nodes', name: 'kwok-node-0' } },
  ],
  edges: [
    { id: 'e1', from: 'pod', to: 'pvc', state: 'waiting' },
    { id: 'e2', from: 'pod', to: 'pvc2', state: 'bound' },
    { id: 'e3', from: 'pvc', to: 'sc-missing', state: 'missing', findingCode: 'claim.class-not-found' },
    { id: 'e4', from: 'pvc2', to: 'pv', state: 'bound' },
    { id: 'e5', from: 'pv', to: 'sc', state: 'bound' },
    { id: 'e6', from: 'sc', to: 'prov', state: 'bound' },
    { id: 'e7', from: 'pv', to: 'node', state: 'bound', relation: 'pinned-to' },
  ],
  rootId: 'pod',
};
