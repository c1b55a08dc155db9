/**
 * Fixture objects for the store's tests: small builders giving a realistic base object, varied with spreads.
 * Shapes follow what the API server returns (see src/shared/diagnose/fixtures.ts for objects derived from
 * upstream documentation, which the tests also use).
 */
import type {
  KubeEvent,
  KubeNode,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
} from '../../../shared/kube/objects';
import { ClusterStore } from '../cluster-store';

export const T0 = '2026-11-28T09:00:00Z';
/** "Now" of the store tests: an hour after T0. */
export const TEST_NOW = Date.parse('2026-11-28T10:00:00Z');

/** A store whose core kinds are all listed (synced), so a reference to an absent object counts as missing. */
export function syncedStore(now = TEST_NOW): ClusterStore {
  const s = new ClusterStore('t', { now: () => now });
  for (const kind of ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'events', 'nodes', 'csidrivers', 'csinodes', 'volumeattachments', 'leases'] as const) {
    s.kindStatus({ kind, state: 'synced', count: 0 });
  }
  return s;
}
let seq = 0;
const uid = (prefix: string) => `${prefix}-${(seq += 1)}`;

export function sc(name: string, extra: Partial<StorageClass> = {}, isDefault = false): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      uid: uid(`sc-${name}`),
      creationTimestamp: T0,
      ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}),
    },
    provisioner: 'example.com/nfs',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    ...extra,
  };
}

export function pvc(namespace: string, name: string, spec: PersistentVolumeClaim['spec'] = {}, status: PersistentVolumeClaim['status'] = { phase: 'Pending' }): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace, uid: uid(`pvc-${name}`), creationTimestamp: T0, resourceVersion: '1' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast', volumeMode: 'Filesystem', ...spec },
    status,
  };
}

/** A claim and its volume, bound both ways as the PV controller leaves them. */
export function boundPair(namespace: string, name: string, size = '1Gi', className = 'fast'): [PersistentVolumeClaim, PersistentVolume] {
  const claim = pvc(namespace, name, { storageClassName: className, resources: { requests: { storage: size } } }, { phase: 'Bound', capacity: { storage: size }, accessModes: ['ReadWriteOnce'] });
  const pvName = `pvc-${claim.metadata?.uid}`;
  claim.spec = { ...claim.spec, volumeName: pvName };
  const volume = pv(pvName, {
    storageClassName: className,
    capacity: { storage: size },
    claimRef: { kind: 'PersistentVolumeClaim', namespace, name, uid: claim.metadata?.uid, apiVersion: 'v1' },
  }, 'Bound');
  return [claim, volume];
}

export function pv(name: string, spec: PersistentVolume['spec'] = {}, phase = 'Available'): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, uid: uid(`pv-${name}`), creationTimestamp: T0, resourceVersion: '1' },
    spec: {
      capacity: { storage: '1Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      volumeMode: 'Filesystem',
      csi: { driver: 'example.com/nfs', volumeHandle: name },
      ...spec,
    },
    status: { phase },
  };
}

export function pod(namespace: string, name: string, claims: string[] = [], extra: { nodeName?: string; phase?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, uid: uid(`pod-${name}`), creationTimestamp: T0, resourceVersion: '1' },
    spec: {
      ...(extra.nodeName ? { nodeName: extra.nodeName } : {}),
      volumes: claims.map((c, i) => ({ name: `v${i}`, persistentVolumeClaim: { claimName: c } })),
      containers: [{ name: 'app', image: 'busybox', volumeMounts: claims.map((_c, i) => ({ name: `v${i}`, mountPath: `/data/${i}` })) }],
    },
    status: {
      phase: extra.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'app', ready: true, restartCount: 0, state: { running: { startedAt: T0 } } }],
    },
  };
}

export function nodeObj(name: string, zone?: string): KubeNode {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: uid(`node-${name}`), creationTimestamp: T0, labels: { 'kubernetes.io/hostname': name, ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}) } },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export function event(involved: { kind: string; name: string; namespace?: string; uid?: string }, reason: string, message: string, at = T0, type = 'Normal'): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.name}.${(seq += 1)}`, namespace: involved.namespace ?? 'default', uid: uid('event') },
    involvedObject: involved,
    reason,
    message,
    type,
    count: 1,
    firstTimestamp: at,
    lastTimestamp: at,
    source: { component: 'persistentvolume-controller' },
  };
}

export function attachment(pvName: string, nodeName: string, attached = true): VolumeAttachment {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'VolumeAttachment',
    metadata: { name: `csi-${pvName}-${nodeName}`, uid: uid('va') },
    spec: { attacher: 'example.com/nfs', nodeName, source: { persistentVolumeName: pvName } },
    status: { attached },
  };
}
