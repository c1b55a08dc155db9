/**
 * The large test cluster (large-cluster.ts) plus one namespace of 2,000 claims, for the binding graph at scale
 * (issue 9): 1,960 alike claims Bound to volumes of class "standard", each mounted by a Running pod spread over the
 * six nodes, and 40 Pending on "fast-replicated", whose provisioner does not run. Names are longer than a graph
 * card holds, so the journey sees whether any is cut. Deterministic.
 */
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../../shared/kube/objects';
import type { Snapshot } from '../../../shared/snapshot-format';
import { largeSnapshot } from './large-cluster';

export const GRAPH_SCALE = {
  namespace: 'order-archive-bulk-import',
  claims: 2000,
  pending: 40,
  boundName: (i: number) => `order-archive-ingest-worker-data-${String(i).padStart(4, '0')}`,
  pendingName: (i: number) => `app-waiting-for-claim-provisioning-${String(i).padStart(2, '0')}`,
  podName: (i: number) => `order-archive-ingest-worker-${String(i).padStart(4, '0')}`,
} as const;

const T = '2026-11-20T10:00:00Z';

export function graphScaleSnapshot(): Snapshot {
  const snap = largeSnapshot();
  const ns = GRAPH_SCALE.namespace;
  const nodes = (snap.kinds.nodes?.items ?? []).map((n) => n.metadata?.name ?? '');
  const meta = (name: string, uid: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), uid, creationTimestamp: T, resourceVersion: '1' });
  const claims: PersistentVolumeClaim[] = [];
  const volumes: PersistentVolume[] = [];
  const pods: Pod[] = [];
  const bound = GRAPH_SCALE.claims - GRAPH_SCALE.pending;
  for (let i = 0; i < bound; i++) {
    const name = GRAPH_SCALE.boundName(i);
    const uid = `scale-claim-${i}`;
    const pvName = `pvc-5ca1e000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    claims.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(name, uid, ns),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'standard', volumeName: pvName, volumeMode: 'Filesystem' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
    });
    volumes.push({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: meta(pvName, `scale-pv-${i}`),
      spec: {
        capacity: { storage: '10Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        csi: { driver: 'hostpath.csi.k8s.io', volumeHandle: `handle-${pvName}` },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name, uid },
      },
      status: { phase: 'Bound' },
    });
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(GRAPH_SCALE.podName(i), `scale-pod-${i}`, ns),
      spec: {
        nodeName: nodes[i % nodes.length],
        containers: [{ name: 'main', image: 'registry.example.com/ingest:2.1', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: name } }],
      },
      status: {
        phase: 'Running',
        conditions: [
          { type: 'PodScheduled', status: 'True' },
          { type: 'Ready', status: 'True' },
        ],
        containerStatuses: [{ name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: T } } }],
      },
    });
  }
  for (let k = 0; k < GRAPH_SCALE.pending; k++) {
    claims.push({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: meta(GRAPH_SCALE.pendingName(k), `scale-pending-${k}`, ns),
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'fast-replicated', volumeMode: 'Filesystem' },
      status: { phase: 'Pending' },
    });
  }
  const add = (kind: 'persistentvolumeclaims' | 'persistentvolumes' | 'pods', items: KubeObject[]) => {
    const entry = snap.kinds[kind];
    if (entry && 'items' in entry) entry.items.push(...items);
  };
  add('persistentvolumeclaims', claims);
  add('persistentvolumes', volumes);
  add('pods', pods);
  return { ...snap, context: 'graph-scale-2000' };
}
