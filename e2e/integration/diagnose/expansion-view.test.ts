/**
 * The expansion block of a claim's Summary (shared/diagnose/expansion-facts.ts) on the lab's CSI stack
 * (e2e/cluster/csi.ts: the lab's CSI driver with the upstream external-resizer; kube-controller-manager's expand
 * controller hands CSI volumes to it), read through the app's pipeline (live context -> reflectors -> ClusterStore ->
 * getObject's Summary, as the details panel reads it). One lab for the file, not seeded.
 *
 * What makes each state: the external-resizer stopped (the request waits: next is the resizer, its Lease not held),
 * then started (the claim grows: done); a class whose volumes need the node's step (the lab driver's
 * nodeExpansionRequired parameter: NodeResizePending, next is the kubelet, which the lab does not run, so it stays);
 * the driver's settable failure on ControllerExpandVolume (InvalidArgument: ControllerResizeInfeasible, next is the
 * user, who lowers the request back to recover, KEP-1790).
 */
import { expect, it } from 'vitest';
import { CSI_DRIVER_NAME, CSI_NAMESPACE, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { sidecarLease } from '../../../src/shared/diagnose/sidecar-leases';
import type { ExpansionView } from '../../../src/shared/model/summary';
import { apply, claimRef, type LiveCluster, namespace, until, useLab } from './live';
import { claim, pod } from './manifests';

let lab: Lab;
let live: LiveCluster;
const RESIZER_LEASE = 'external-resizer-csi-lab-kse-dev';
const GI = 1024 ** 3;

function csiClass(name: string, parameters: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name },
    provisioner: CSI_DRIVER_NAME, parameters, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true,
  };
}

useLab({ seedScenarios: false, csi: true }, (l, lv) => ((lab = l), (live = lv)), async (l) => {
  lab = l;
  await apply(lab, csiClass('csi-ev'), csiClass('csi-ev-fs', { nodeExpansionRequired: 'true' }));
});

async function bound(ns: string, name: string): Promise<void> {
  await until(`claim ${ns}/${name} bound`, () => live.store.get('persistentvolumeclaims', name, ns)?.status?.phase === 'Bound', 60_000);
}

/** The expansion block of a claim's Summary, as getObject gives it to the details panel. */
function expansionOf(ns: string, name: string): ExpansionView | undefined {
  const field = live.store.getObject(claimRef(ns, name))?.summary.find((f) => f.id === 'expansion');
  return field?.value.type === 'expansion' ? field.value.expansion : undefined;
}

const size = (quantity: string, gi: number) => ({ quantity, bytes: gi * GI });

it('resizer stopped, then started: the request waits for the external-resizer (its Lease not held), then the claim grows', async () => {
  const ns = await namespace(lab, 'ev-resizer');
  await apply(lab, claim(ns, 'data', { className: 'csi-ev' }));
  await bound(ns, 'data');
  // Never expanded: no block.
  expect(expansionOf(ns, 'data')).toBeUndefined();
  await until('the resizer holds its Lease', () => sidecarLease(live.store, 'external-resizer', CSI_DRIVER_NAME).state === 'held', 60_000);

  await lab.stopCsiSidecar('csi-resizer');
  try {
    await apply(lab, claim(ns, 'data', { className: 'csi-ev', size: '2Gi' }));
    // The Lease goes stale some 30 s after the resizer stopped (twice its 15 s duration).
    const waiting = await until('waiting for a resizer whose Lease is not held', () => {
      const v = expansionOf(ns, 'data');
      return v?.next.kind === 'external-resizer' && v.next.lease !== 'held' ? v : undefined;
    }, 90_000, () => JSON.stringify(expansionOf(ns, 'data')));
    expect(waiting).toMatchObject({ state: 'waiting', requested: size('2Gi', 2), capacity: size('1Gi', 1), volume: size('1Gi', 1), conditions: [] });
    expect(waiting.allocated).toBeUndefined();
    expect(waiting.resizeStatus).toBeUndefined();
    expect(waiting.next).toMatchObject({ kind: 'external-resizer', driver: CSI_DRIVER_NAME, lease: 'stale', leaseRef: { kind: 'leases', name: RESIZER_LEASE, namespace: CSI_NAMESPACE } });
  } finally {
    await lab.startCsiSidecar('csi-resizer');
  }
  const done = await until('done once the resizer runs', () => (expansionOf(ns, 'data')?.state === 'done' ? expansionOf(ns, 'data') : undefined), 90_000, () => JSON.stringify(expansionOf(ns, 'data')));
  expect(done).toEqual({ state: 'done', requested: size('2Gi', 2), capacity: size('2Gi', 2), allocated: size('2Gi', 2), volume: size('2Gi', 2), conditions: [], next: { kind: 'none' } });
});

it('a volume that needs the node\'s step: NodeResizePending, next the kubelet, on the node of the pod that mounts it', async () => {
  const ns = await namespace(lab, 'ev-node');
  await apply(lab, claim(ns, 'data', { className: 'csi-ev-fs' }));
  await bound(ns, 'data');
  await until('the resizer holds its Lease', () => sidecarLease(live.store, 'external-resizer', CSI_DRIVER_NAME).state === 'held', 90_000);
  await apply(lab, claim(ns, 'data', { className: 'csi-ev-fs', size: '2Gi' }));
  const pending = await until('the node step pending', () => (expansionOf(ns, 'data')?.state === 'node-pending' ? expansionOf(ns, 'data') : undefined), 90_000, () => JSON.stringify(expansionOf(ns, 'data')));
  expect(pending).toMatchObject({ requested: size('2Gi', 2), capacity: size('1Gi', 1), allocated: size('2Gi', 2), volume: size('2Gi', 2), resizeStatus: 'NodeResizePending' });
  // markForPendingNodeExpansion keeps the older resize conditions (resize_status.go, keepOldResizeConditions).
  expect(pending.conditions.map((c) => [c.type, c.status])).toEqual(expect.arrayContaining([['FileSystemResizePending', 'True']]));
  // No pod uses the claim: the kubelet grows the file system only once one mounts it.
  expect(pending.next).toEqual({ kind: 'kubelet', nodes: [], pods: [] });

  await apply(lab, pod(ns, 'app', { claims: ['data'], nodeName: 'lab-node-a1' }));
  const onNode = await until('the kubelet of the pod\'s node', () => {
    const next = expansionOf(ns, 'data')?.next;
    return next?.kind === 'kubelet' && next.nodes.length > 0 ? next : undefined;
  }, 60_000);
  expect(onNode).toMatchObject({ kind: 'kubelet', nodes: ['lab-node-a1'], pods: [{ kind: 'pods', namespace: ns, name: 'app' }] });
  expect(expansionOf(ns, 'data')?.state).toBe('node-pending');
});

it('the driver calls the size infeasible: next the user; lowering the request back recovers (KEP-1790)', async () => {
  const ns = await namespace(lab, 'ev-infeasible');
  await apply(lab, claim(ns, 'data', { className: 'csi-ev' }));
  await bound(ns, 'data');
  lab.setCsiFault('ControllerExpandVolume', { code: 'InvalidArgument', message: 'lab fault: volumes of this class cannot exceed 4Gi' });
  try {
    await apply(lab, claim(ns, 'data', { className: 'csi-ev', size: '8Gi' }));
    const infeasible = await until('infeasible', () => (expansionOf(ns, 'data')?.state === 'controller-infeasible' ? expansionOf(ns, 'data') : undefined), 90_000, () => JSON.stringify(expansionOf(ns, 'data')));
    expect(infeasible).toMatchObject({ requested: size('8Gi', 8), capacity: size('1Gi', 1), allocated: size('8Gi', 8), resizeStatus: 'ControllerResizeInfeasible' });
    expect(infeasible.conditions.map((c) => c.type)).toContain('ControllerResizeError');
    expect(infeasible.conditions.find((c) => c.type === 'ControllerResizeError')?.message).toContain('cannot exceed 4Gi');
    expect(infeasible.next).toEqual({ kind: 'user', minimum: size('1Gi', 1) });
  } finally {
    lab.setCsiFault('ControllerExpandVolume', undefined);
  }
  // The user lowers the request to a size the storage can give (above the capacity): the resizer expands to it.
  await apply(lab, claim(ns, 'data', { className: 'csi-ev', size: '3Gi' }));
  const done = await until('done at the lowered size', () => (expansionOf(ns, 'data')?.state === 'done' ? expansionOf(ns, 'data') : undefined), 120_000, () => JSON.stringify(expansionOf(ns, 'data')));
  expect(done).toMatchObject({ requested: size('3Gi', 3), capacity: size('3Gi', 3), allocated: size('3Gi', 3), next: { kind: 'none' } });
});
