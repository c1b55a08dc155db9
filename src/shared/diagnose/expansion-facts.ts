/**
 * Where a claim's expansion stands and who acts next, for the claim's Summary (shared/model/summary.ts
 * ExpansionView). Pure: objects in, plain data out; the renderer words it.
 *
 * The state machine it reads (Kubernetes 1.34+, RecoverVolumeExpansionFailure GA; KEP-1790):
 * - kube-controller-manager's expand controller (pkg/controller/volume/expand/expand_controller.go syncHandler) sees
 *   spec.resources.requests.storage above status.capacity.storage; for a CSI volume it finds no in-tree plugin and
 *   records ExternalExpanding "waiting for an external controller to expand this PVC" (migrated in-tree volumes get
 *   the annotation volume.kubernetes.io/storage-resizer naming their CSI driver).
 * - kubernetes-csi/external-resizer (pkg/controller/expand_and_recover.go expandAndRecover, resize_status.go) takes
 *   it: markControllerResizeInProgress sets status.allocatedResources.storage to the new size,
 *   allocatedResourceStatuses.storage = ControllerResizeInProgress and the condition Resizing; ControllerExpandVolume
 *   then either finishes (markOverallExpansionAsFinished: capacity = allocated, status and conditions cleared), or
 *   asks the node (markForPendingNodeExpansion: NodeResizePending + FileSystemResizePending), or fails: an infeasible
 *   error (InvalidArgument, OutOfRange, ...) gives ControllerResizeInfeasible + ControllerResizeError, any other error
 *   keeps ControllerResizeInProgress with ControllerResizeError and retries.
 * - The kubelet (pkg/kubelet/volumemanager, operation_generator.go) grows the file system on the node where a pod
 *   mounts the claim: NodeResizeInProgress, then done, or NodeResizeInfeasible / NodeResizeError. Nothing grows it
 *   while no pod uses the claim.
 * - Recovery: while infeasible, the user may lower spec.resources.requests.storage back to a size above
 *   status.capacity (the API server refuses the capacity itself), and the resizer expands to that instead.
 * Without the recovery fields (older API servers) only the conditions say it; they are read the same way.
 */
import type { Condition, PersistentVolume, PersistentVolumeClaim } from '../kube/objects';
import type { ConditionView, ExpansionActor, ExpansionState, ExpansionView, SizeValue } from '../model/summary';
import { canonicalQuantity, compareQuantities, parseQuantity, quantityBytes } from '../quantity';
import { csiDriverOf } from './attachment-facts';
import { isPodFinished, refTo } from './object-helpers';
import { sidecarLease } from './sidecar-leases';
import type { ClusterView } from './view';

/** The resize conditions of a claim, in the order the Summary lists them. */
export const RESIZE_CONDITIONS = ['Resizing', 'FileSystemResizePending', 'ControllerResizeError', 'NodeResizeError'] as const;

/** A size as the Summary carries it, or undefined for a missing or unparsable quantity. */
export function sizeValue(text: string | undefined | null): SizeValue | undefined {
  const quantity = canonicalQuantity(text);
  if (!quantity) return undefined;
  const bytes = quantityBytes(text);
  return bytes === undefined ? { quantity } : { quantity, bytes };
}

function conditionTrue(conditions: readonly Condition[], type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

/** The state, from allocatedResourceStatuses first (KEP-1790), else the conditions, else the sizes. */
export function expansionState(claim: PersistentVolumeClaim): ExpansionState | undefined {
  const conditions = claim.status?.conditions ?? [];
  const controllerError = conditionTrue(conditions, 'ControllerResizeError');
  const nodeError = conditionTrue(conditions, 'NodeResizeError');
  switch (claim.status?.allocatedResourceStatuses?.['storage']) {
    case 'ControllerResizeInfeasible':
      return 'controller-infeasible';
    case 'ControllerResizeInProgress':
      return controllerError ? 'controller-error' : 'controller-in-progress';
    case 'NodeResizePending':
      return 'node-pending';
    case 'NodeResizeInProgress':
      return nodeError ? 'node-error' : 'node-in-progress';
    case 'NodeResizeInfeasible':
      return 'node-infeasible';
  }
  if (conditionTrue(conditions, 'FileSystemResizePending')) return 'node-pending';
  if (controllerError) return 'controller-error';
  if (nodeError) return 'node-error';
  if (conditionTrue(conditions, 'Resizing')) return 'controller-in-progress';
  const requested = parseQuantity(claim.spec?.resources?.requests?.['storage']);
  const capacity = parseQuantity(claim.status?.capacity?.['storage']);
  if (claim.status?.phase === 'Bound' && requested && capacity && compareQuantities(requested, capacity) > 0) return 'waiting';
  if (claim.status?.allocatedResources?.['storage']) return 'done';
  return undefined;
}

/** The external-resizer of the volume's driver, with its leader Lease. */
function resizerActor(view: ClusterView, pv: PersistentVolume | undefined, claim: PersistentVolumeClaim): ExpansionActor {
  const driver = (pv && csiDriverOf(pv)) ?? claim.metadata?.annotations?.['volume.kubernetes.io/storage-resizer'];
  if (!driver) return { kind: 'no-resizer' };
  const lease = sidecarLease(view, 'external-resizer', driver);
  if (lease.state === 'unreadable' || lease.state === 'not-found') return { kind: 'external-resizer', driver, lease: lease.state };
  const l = lease.lease;
  return {
    kind: 'external-resizer',
    driver,
    lease: lease.state,
    leaseRef: refTo('leases', l),
    ...(l.spec?.holderIdentity ? { holder: l.spec.holderIdentity } : {}),
    ...((l.spec?.renewTime ?? l.spec?.acquireTime) ? { renewedAt: (l.spec?.renewTime ?? l.spec?.acquireTime)! } : {}),
  };
}

/** The kubelets of the nodes where a pod (not finished) mounts the claim; none when no pod uses it. */
function kubeletActor(view: ClusterView, claim: PersistentVolumeClaim): ExpansionActor {
  const pods = view.podsUsingClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '').filter((p) => !isPodFinished(p) && p.spec?.nodeName);
  const nodes = [...new Set(pods.map((p) => p.spec!.nodeName!))].sort();
  return { kind: 'kubelet', nodes, pods: pods.map((p) => refTo('pods', p)) };
}

function nextActor(view: ClusterView, state: ExpansionState, claim: PersistentVolumeClaim, pv: PersistentVolume | undefined): ExpansionActor {
  switch (state) {
    case 'waiting':
    case 'controller-in-progress':
    case 'controller-error':
      return resizerActor(view, pv, claim);
    case 'node-pending':
    case 'node-in-progress':
    case 'node-error':
      return kubeletActor(view, claim);
    case 'controller-infeasible':
    case 'node-infeasible': {
      const minimum = sizeValue(claim.status?.capacity?.['storage']);
      return minimum ? { kind: 'user', minimum } : { kind: 'user' };
    }
    case 'done':
      return { kind: 'none' };
  }
}

/**
 * A claim's expansion block, or undefined when it has never been expanded (no allocated size, no resize status or
 * condition, and a request not above its capacity).
 */
export function expansionView(view: ClusterView, claim: PersistentVolumeClaim): ExpansionView | undefined {
  const state = expansionState(claim);
  if (!state) return undefined;
  const status = claim.status ?? {};
  const pvName = claim.spec?.volumeName;
  const pv = pvName ? view.get('persistentvolumes', pvName) : undefined;
  const conditions: ConditionView[] = (status.conditions ?? [])
    .filter((c) => (RESIZE_CONDITIONS as readonly string[]).includes(c.type ?? ''))
    .map((c) => ({
      type: c.type ?? '',
      status: c.status ?? '',
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.message ? { message: c.message } : {}),
      ...(c.lastTransitionTime ? { lastTransitionTime: c.lastTransitionTime } : {}),
    }));
  const out: ExpansionView = { state, conditions, next: nextActor(view, state, claim, pv) };
  const requested = sizeValue(claim.spec?.resources?.requests?.['storage']);
  if (requested) out.requested = requested;
  const capacity = sizeValue(status.capacity?.['storage']);
  if (capacity) out.capacity = capacity;
  const allocated = sizeValue(status.allocatedResources?.['storage']);
  if (allocated) out.allocated = allocated;
  const volume = sizeValue(pv?.spec?.capacity?.['storage']);
  if (volume) out.volume = volume;
  const resizeStatus = status.allocatedResourceStatuses?.['storage'];
  if (resizeStatus) out.resizeStatus = resizeStatus;
  return out;
}
