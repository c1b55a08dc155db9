/**
 * "node(s) did not have enough free storage", explained: the scheduler's VolumeBinding filter checks an unbound
 * WaitForFirstConsumer claim against the CSIStorageCapacity objects its CSI driver publishes (only for a driver
 * whose CSIDriver sets storageCapacity: true). A node passes when one object of the claim's class has room
 * (maximumVolumeSize, else capacity, at least the request) and its nodeTopology selects the node
 * (kubernetes/kubernetes pkg/scheduler/framework/plugins/volumebinding/binder.go hasEnoughCapacity,
 * capacitySufficient, nodeHasAccess). Upstream logs nothing about which segments it considered; this says it.
 */
import type { CSIStorageCapacity, KubeNode, PersistentVolumeClaim, Pod } from '../kube/objects';
import { compareQuantities, parseQuantity, storageQuantity } from '../quantity';
import type { DiagnoseContext } from './context';
import { podExclusion } from './pod-placement';
import { selectorMatches } from './selectors';
import { claimClassName } from './view';

/** One CSIStorageCapacity of the claim's class: what it offers and which nodes it covers. */
export interface CapacitySegment {
  capacity: CSIStorageCapacity;
  /** The limit the scheduler compares with the request: maximumVolumeSize, else capacity; undefined when neither is set. */
  limit: string | undefined;
  /** Nodes its nodeTopology selects. */
  nodes: string[];
  /** Whether the limit holds the request. */
  enough: boolean;
}

export interface CapacityShortfall {
  claim: PersistentVolumeClaim;
  className: string;
  driver: string;
  /** The claim's storage request, as written. */
  requested: string;
  /** The class's segments, those with room first (at most 5). */
  segments: CapacitySegment[];
  /** Nodes the pod may run on. */
  podNodes: string[];
  /** Segments with room that the pod's constraints keep it away from (their nodes are not in podNodes). */
  roomElsewhere: CapacitySegment[];
}

function limitOf(c: CSIStorageCapacity): string | undefined {
  return c.maximumVolumeSize ?? c.capacity;
}

/**
 * The first unbound WaitForFirstConsumer claim of a pod (not yet on a node) for which no node the pod may use has
 * a CSIStorageCapacity with room, or undefined (also when the driver does not publish capacity, or a kind is not
 * readable: then the scheduler's message is all there is).
 */
export function capacityShortfall(ctx: DiagnoseContext, pod: Pod, claims: PersistentVolumeClaim[]): CapacityShortfall | undefined {
  const view = ctx.view;
  if (pod.spec?.nodeName) return undefined;
  for (const kind of ['nodes', 'csidrivers', 'csistoragecapacities', 'storageclasses'] as const) if (view.kindState(kind) !== 'synced') return undefined;
  const nodes: KubeNode[] = [...view.list('nodes')];
  const podNodes = nodes.filter((n) => !podExclusion(pod, n));
  for (const claim of claims) {
    if (claim.spec?.volumeName || claim.status?.phase === 'Bound') continue;
    const className = claimClassName(claim);
    const sc = className ? view.get('storageclasses', className) : undefined;
    if (!sc || sc.volumeBindingMode !== 'WaitForFirstConsumer' || !sc.provisioner) continue;
    if (view.get('csidrivers', sc.provisioner)?.spec?.storageCapacity !== true) continue;
    const request = storageQuantity(claim.spec?.resources?.requests);
    if (!request) continue;
    const segments: CapacitySegment[] = view
      .list('csistoragecapacities')
      .filter((c) => c.storageClassName === className)
      .map((c) => {
        const limit = limitOf(c);
        const q = parseQuantity(limit);
        return {
          capacity: c,
          limit,
          // No nodeTopology: no node can reach it (nodeHasAccess).
          nodes: c.nodeTopology ? nodes.filter((n) => selectorMatches(c.nodeTopology, n.metadata?.labels ?? {})).map((n) => n.metadata?.name ?? '') : [],
          enough: q !== undefined && compareQuantities(q, request) >= 0,
        };
      });
    const podNames = new Set(podNodes.map((n) => n.metadata?.name ?? ''));
    const usable = segments.some((s) => s.enough && s.nodes.some((n) => podNames.has(n)));
    if (usable) continue;
    segments.sort((a, b) => Number(b.enough) - Number(a.enough) || (a.capacity.metadata?.name ?? '').localeCompare(b.capacity.metadata?.name ?? ''));
    return {
      claim,
      className: className ?? '',
      driver: sc.provisioner,
      requested: claim.spec?.resources?.requests?.['storage'] ?? '',
      segments: segments.slice(0, 5),
      podNodes: [...podNames],
      roomElsewhere: segments.filter((s) => s.enough && s.nodes.length > 0),
    };
  }
  return undefined;
}
