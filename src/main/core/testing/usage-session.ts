/**
 * A live cluster session for unit tests of usage: a real store fed with claims and the pods that mount them, and
 * an in-memory API server answering the SelfSubjectAccessReview and each node's `/stats/summary` in the kubelet's
 * shape (k8s.io/kubelet/pkg/apis/stats/v1alpha1 Summary, as captured on the lab in usage-source.int.test.ts).
 * The test sets the used bytes per volume and which nodes fail, then runs a poll round (`session.pollUsage()`).
 * What the real API server and kubelet answer is proven on the lab (kube/usage-source.int.test.ts).
 */
import type { Notice } from '../../../shared/contract';
import type { KubeObject, PersistentVolumeClaim, Pod } from '../../../shared/kube/objects';
import type { UsageClient } from '../../kube/usage-source';
import { ClusterStore } from '../../store/cluster-store';
import { ClusterSession } from '../cluster-session';
import { FakeSource, context } from './fakes';

export const GI = 1024 ** 3;

/** A Bound claim of `sizeGi`. */
export function boundClaim(namespace: string, name: string, sizeGi = 1): PersistentVolumeClaim {
  const size = `${sizeGi}Gi`;
  return { metadata: { namespace, name, uid: `${namespace}-${name}`, creationTimestamp: '2026-11-01T00:00:00Z' }, spec: { resources: { requests: { storage: size } }, volumeName: `pv-${name}` }, status: { phase: 'Bound', capacity: { storage: size } } };
}

/** A running pod on `node` mounting `claims` (and emptyDirs named in `emptyDirs`, with their sizeLimit). */
export function mountingPod(namespace: string, name: string, node: string, claims: string[], emptyDirs: Record<string, string> = {}): Pod {
  return {
    metadata: { namespace, name, uid: `${namespace}-${name}`, creationTimestamp: '2026-11-01T00:00:00Z' },
    spec: {
      nodeName: node,
      containers: [{ name: 'app' }],
      volumes: [...claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })), ...Object.entries(emptyDirs).map(([v, limit]) => ({ name: v, emptyDir: { sizeLimit: limit } }))],
    },
    status: { phase: 'Running' },
  };
}

class UsageFakeSource extends FakeSource {
  constructor(private readonly client: UsageClient, objects: Partial<Record<'persistentvolumeclaims' | 'pods' | 'nodes', KubeObject[]>>) {
    super(context('lab', { connection: 'connected' }), objects);
    this.settleAll = true;
  }
  usageClient(): UsageClient {
    return this.client;
  }
}

export interface UsageLab {
  session: ClusterSession;
  notices: Notice[];
  /** Used bytes per claim ("ns/claim") or emptyDir ("ns/pod/volume"); a volume not set is not reported. */
  used: Map<string, number>;
  /** Nodes whose kubelet does not answer. */
  failing: Set<string>;
}

/**
 * A live source over `claims` and `pods` (and their nodes) whose usage client answers as the kubelets of the pods'
 * nodes would: each pod's volumes with the bytes set in `used`, a node in `failing` answering 503.
 */
export function usageFakeSource(claims: PersistentVolumeClaim[], pods: Pod[]): { source: FakeSource; used: Map<string, number>; failing: Set<string> } {
  const used = new Map<string, number>();
  const failing = new Set<string>();
  const capacity = new Map(claims.map((c) => [`${c.metadata?.namespace}/${c.metadata?.name}`, Number.parseInt(c.status?.capacity?.['storage'] ?? '1', 10) * GI]));
  const client: UsageClient = {
    async json<T>(path: string): Promise<T> {
      if (path.includes('selfsubjectaccessreviews')) return { status: { allowed: true } } as T;
      const node = decodeURIComponent(/nodes\/([^/]+)\/proxy/.exec(path)?.[1] ?? '');
      if (failing.has(node)) throw Object.assign(new Error(`${path} answered 503: error trying to reach service: dial tcp: connection refused.`), { status: 503 });
      const onNode = pods.filter((p) => p.spec?.nodeName === node);
      return {
        node: { nodeName: node, fs: { capacityBytes: 100 * GI, usedBytes: 10 * GI, availableBytes: 90 * GI } },
        pods: onNode.map((p) => {
          const ns = p.metadata?.namespace ?? '';
          const pod = p.metadata?.name ?? '';
          const volume = (p.spec?.volumes ?? []).flatMap((v) => {
            const claim = v.persistentVolumeClaim?.claimName;
            const bytes = used.get(claim ? `${ns}/${claim}` : `${ns}/${pod}/${v.name}`);
            if (bytes === undefined) return [];
            const cap = claim ? (capacity.get(`${ns}/${claim}`) ?? GI) : 10 * GI;
            return [{ name: v.name, usedBytes: bytes, capacityBytes: cap, availableBytes: cap - bytes, inodes: 1000, inodesUsed: 10, inodesFree: 990, ...(claim ? { pvcRef: { name: claim, namespace: ns } } : {}) }];
          });
          return { podRef: { name: pod, namespace: ns, uid: p.metadata?.uid }, volume };
        }),
      } as T;
    },
  };
  const nodes = [...new Set(pods.map((p) => p.spec?.nodeName ?? ''))].map((name) => ({ metadata: { name, uid: name } }));
  return { source: new UsageFakeSource(client, { persistentvolumeclaims: claims, pods, nodes }), used, failing };
}

/** Opens a session over `claims` and `pods`; the kubelet of each pod's node reports the pod's volumes. */
export async function usageLab(claims: PersistentVolumeClaim[], pods: Pod[]): Promise<UsageLab> {
  const { source, used, failing } = usageFakeSource(claims, pods);
  const notices: Notice[] = [];
  const session = new ClusterSession(source.info, source, new ClusterStore(source.info.id), (n) => notices.push(n));
  await session.start();
  return { session, notices, used, failing };
}
