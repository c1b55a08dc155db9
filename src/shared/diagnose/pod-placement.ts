/**
 * Where a pod may run and where its volumes may be used, computed from the objects the way the scheduler's
 * filters decide it, so that a volume conflict can be explained rather than repeated:
 * - NodeUnschedulable (plugins/nodeunschedulable): a cordoned node, unless the pod tolerates
 *   node.kubernetes.io/unschedulable:NoSchedule;
 * - NodeAffinity (plugins/nodeaffinity): every nodeSelector label, and the required node affinity terms;
 * - TaintToleration (plugins/tainttoleration): every NoSchedule and NoExecute taint tolerated
 *   (v1helper.TolerationsTolerateTaint semantics);
 * - VolumeBinding (plugins/volumebinding): a bound volume's node affinity; for an unbound WaitForFirstConsumer claim,
 *   the node affinity of the static volumes that fit it.
 * Resource fit, pod (anti-)affinity and topology spread are not evaluated: a conflict is reported only when the
 * constraints above already leave no node, which they decide alone.
 */
import type { KubeNode, NodeSelectorTerm, PersistentVolume, PersistentVolumeClaim, Pod, Taint, Toleration } from '../kube/objects';
import type { DiagnoseContext } from './context';
import { nodeMatchesTerms, type NodeFacts } from './selectors';

/** Why the pod's own constraints exclude a node (the first that does, in the scheduler's filter order). */
export type PodExclusion =
  | { by: 'unschedulable' }
  | { by: 'nodeSelector'; key: string; want: string; have: string | undefined }
  | { by: 'nodeAffinity'; terms: NodeSelectorTerm[] }
  | { by: 'taint'; taint: Taint };

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** Whether a toleration tolerates a taint (k8s.io/api core/v1 toleration.go ToleratesTaint). */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  // An empty key matches every key (validation allows it only with Exists).
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      // Lt/Gt (numeric, alpha in 1.35) are not evaluated: count the taint as not tolerated.
      return false;
  }
}

/** The first of the pod's constraints that excludes the node, or undefined when the pod may run there. */
export function podExclusion(pod: Pod, node: KubeNode): PodExclusion | undefined {
  const tolerations = pod.spec?.tolerations ?? [];
  if (node.spec?.unschedulable && !tolerations.some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) return { by: 'unschedulable' };
  const labels = node.metadata?.labels ?? {};
  for (const [key, want] of Object.entries(pod.spec?.nodeSelector ?? {})) {
    if (labels[key] !== want) return { by: 'nodeSelector', key, want, have: labels[key] };
  }
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length > 0 && !nodeMatchesTerms(facts(node), terms)) return { by: 'nodeAffinity', terms };
  for (const taint of node.spec?.taints ?? []) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerations.some((t) => tolerates(t, taint))) return { by: 'taint', taint };
  }
  return undefined;
}

function facts(node: KubeNode): NodeFacts {
  return { name: node.metadata?.name ?? '', labels: node.metadata?.labels ?? {} };
}

/** One claim of the pod whose volumes may be used only on nodes the pod's constraints exclude. */
export interface VolumeConflict {
  claim: PersistentVolumeClaim;
  /** The volumes the claim can use: its bound volume, or the static volumes that fit it (WaitForFirstConsumer). */
  volumes: PersistentVolume[];
  /** Whether the claim is bound (`volumes` is its one volume) or waits for one of `volumes`. */
  bound: boolean;
  /** Nodes the volumes' node affinity allows, each with what excludes the pod from it. */
  volumeNodes: { node: string; exclusion: PodExclusion }[];
  /** Nodes the pod's constraints allow (none of them suits the volumes). */
  podNodes: string[];
}

/**
 * The first claim of a pod not yet on a node whose volumes' node affinity and the pod's constraints leave no
 * node in common, or undefined. `candidates(claim)` gives the static volumes that fit an unbound claim (the
 * caller's static-binding analysis); an unbound claim with no candidate, or a candidate without node affinity, is
 * no conflict here (the provisioner or the binding rules explain it).
 */
export function volumeConflict(ctx: DiagnoseContext, pod: Pod, claims: PersistentVolumeClaim[], candidates: (claim: PersistentVolumeClaim) => PersistentVolume[]): VolumeConflict | undefined {
  const view = ctx.view;
  if (pod.spec?.nodeName || view.kindState('nodes') !== 'synced' || view.kindState('persistentvolumes') !== 'synced') return undefined;
  const nodes = view.list('nodes');
  const podNodes = nodes.filter((n) => !podExclusion(pod, n)).map((n) => n.metadata?.name ?? '');
  for (const claim of claims) {
    const bound = Boolean(claim.spec?.volumeName) && claim.status?.phase === 'Bound';
    const pv = bound ? view.get('persistentvolumes', claim.spec?.volumeName ?? '') : undefined;
    const volumes = bound ? (pv ? [pv] : []) : candidates(claim);
    if (volumes.length === 0) continue;
    const termsOf = (v: PersistentVolume) => v.spec?.nodeAffinity?.required?.nodeSelectorTerms;
    if (volumes.some((v) => !termsOf(v)?.length)) continue;
    const allowed = nodes.filter((n) => volumes.some((v) => nodeMatchesTerms(facts(n), termsOf(v))));
    const volumeNodes = allowed.flatMap((n) => {
      const exclusion = podExclusion(pod, n);
      return exclusion ? [{ node: n.metadata?.name ?? '', exclusion }] : [];
    });
    if (volumeNodes.length < allowed.length) continue; // some node suits both
    return { claim, volumes, bound, volumeNodes, podNodes };
  }
  return undefined;
}
