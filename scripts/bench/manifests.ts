/**
 * The objects the benchmark seeds, object i of each kind. Claims are bound statically: each PV names its claim in
 * claimRef (with the claim's UID) and each claim names its PV in volumeName; seeding then writes what the PV
 * controller would (bind-completed annotation, both phases Bound), so the controller, whose API client is
 * limited to 20 requests/s, finds nothing to do. Pods name their node (no scheduling), spread over the lab's fake nodes, and one pod
 * in four mounts a claim, so the store's pod <-> claim relations are exercised.
 */
import type { KubeObject } from '../../e2e/cluster/kube';

export const BENCH_CLASS = 'kse-bench-static';
export const BENCH_LABEL = 'bench.kse.dev/run';
/** Objects spread over this many namespaces: kubectl and kse both list across all of them. */
export const BENCH_NAMESPACES = 20;

export const benchNamespace = (i: number): string => `kse-bench-${i % BENCH_NAMESPACES}`;
export const claimName = (i: number): string => `data-${i}`;
export const volumeName = (i: number): string => `kse-bench-pv-${i}`;
/** Size varies, so sorting claims by size has work to do. */
export const claimSize = (i: number): string => `${1 + (i % 50)}Gi`;

const labels = { [BENCH_LABEL]: 'true' };

export function namespaceManifest(index: number): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `kse-bench-${index}`, labels } };
}

/** A class with no provisioner: nothing but our static PVs ever belongs to it. */
export function classManifest(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: BENCH_CLASS, labels },
    provisioner: 'kubernetes.io/no-provisioner',
    volumeBindingMode: 'Immediate',
    reclaimPolicy: 'Retain',
  } as KubeObject;
}

/** The annotation the PV controller puts on a claim once the binding is complete. */
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';

/** PV i, pre-bound to claim i (whose UID is known once the claim exists). */
export function volumeManifest(i: number, claimUid?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: volumeName(i), labels },
    spec: {
      capacity: { storage: claimSize(i) },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: BENCH_CLASS,
      // Never mounted for real (kwok nodes); the path only has to be valid.
      hostPath: { path: `/tmp/kse-bench/${volumeName(i)}`, type: 'DirectoryOrCreate' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: benchNamespace(i), name: claimName(i), ...(claimUid ? { uid: claimUid } : {}) },
    },
  };
}

/** The status a bound claim i has (what the PV controller writes). */
export function boundClaimStatus(i: number): Record<string, unknown> {
  return { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: claimSize(i) } };
}

export function claimManifest(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: claimName(i), namespace: benchNamespace(i), labels },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: BENCH_CLASS,
      volumeName: volumeName(i),
      resources: { requests: { storage: claimSize(i) } },
    },
  };
}

/**
 * Pod j of 2N. Pods 4k mount claim 2k when that claim exists (claim index < n), in the claim's namespace; the
 * others have an emptyDir. Every pod is in namespace benchNamespace(j) unless it mounts a claim.
 */
export function podManifest(j: number, n: number, nodes: readonly string[]): KubeObject {
  const claimIndex = j % 4 === 0 && j / 2 < n ? j / 2 : undefined;
  const namespace = claimIndex === undefined ? benchNamespace(j) : benchNamespace(claimIndex);
  const volume =
    claimIndex === undefined
      ? { name: 'scratch', emptyDir: {} }
      : { name: 'data', persistentVolumeClaim: { claimName: claimName(claimIndex) } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `app-${j}`, namespace, labels: { ...labels, app: 'kse-bench' } },
    spec: {
      nodeName: nodes[j % nodes.length],
      automountServiceAccountToken: false,
      containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', volumeMounts: [{ name: volume.name, mountPath: '/data' }] }],
      volumes: [volume],
    },
  };
}
