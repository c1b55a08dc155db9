import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim } from '../kube/objects';
import { expansionState, expansionView, sizeValue } from './expansion-facts';
import { sidecarLeaseName } from './sidecar-leases';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, lease, minutesAgo, runningPod } from './testing/fixtures';

const DRIVER = 'hostpath.csi.k8s.io';
const RESIZER_LEASE = 'external-resizer-hostpath-csi-k8s-io';

/** The fixture claim asking for `requested`, with the given status fields. */
function claim(requested: string, status: Partial<NonNullable<PersistentVolumeClaim['status']>> = {}): PersistentVolumeClaim {
  return { ...boundClaim, spec: { ...boundClaim.spec, resources: { requests: { storage: requested } } }, status: { ...boundClaim.status, ...status } };
}
const cond = (type: string, message?: string) => ({ type, status: 'True', lastTransitionTime: minutesAgo(1), ...(message ? { message } : {}) });
const world = (c: PersistentVolumeClaim, extra: FixtureObjects = {}): FixtureObjects => ({ persistentvolumeclaims: [c], persistentvolumes: [boundVolume], pods: [], leases: [], ...extra });
const viewOf = (c: PersistentVolumeClaim, extra: FixtureObjects = {}) => expansionView(fixtureView(world(c, extra)), c);

describe('sidecar lease names (csi-lib-utils sanitizeName of each main.go lock name)', () => {
  it('names the four sidecars\' Leases', () => {
    expect(sidecarLeaseName('external-resizer', DRIVER)).toBe(RESIZER_LEASE);
    expect(sidecarLeaseName('external-attacher', 'csi.lab.kse.dev')).toBe('external-attacher-leader-csi-lab-kse-dev');
    expect(sidecarLeaseName('external-provisioner', 'csi.lab.kse.dev')).toBe('csi-lab-kse-dev');
    expect(sidecarLeaseName('csi-snapshotter', 'csi.lab.kse.dev')).toBe('external-snapshotter-leader-csi-lab-kse-dev');
    expect(sidecarLeaseName('external-provisioner', 'example.com/')).toBe('example-com-X');
  });
});

describe('expansion state', () => {
  it('a claim never expanded has no block', () => {
    expect(expansionState(boundClaim)).toBeUndefined();
    expect(viewOf(boundClaim)).toBeUndefined();
  });

  it('reads allocatedResourceStatuses first, then the conditions, then the sizes', () => {
    const at = (s: string, conditions: ReturnType<typeof cond>[] = []) => expansionState(claim('2Gi', { allocatedResourceStatuses: { storage: s }, allocatedResources: { storage: '2Gi' }, conditions }));
    expect(at('ControllerResizeInProgress')).toBe('controller-in-progress');
    expect(at('ControllerResizeInProgress', [cond('ControllerResizeError')])).toBe('controller-error');
    expect(at('ControllerResizeInfeasible', [cond('ControllerResizeError')])).toBe('controller-infeasible');
    expect(at('NodeResizePending', [cond('FileSystemResizePending')])).toBe('node-pending');
    expect(at('NodeResizeInProgress')).toBe('node-in-progress');
    expect(at('NodeResizeInProgress', [cond('NodeResizeError')])).toBe('node-error');
    expect(at('NodeResizeInfeasible')).toBe('node-infeasible');
    // Older API servers: conditions only.
    expect(expansionState(claim('2Gi', { conditions: [cond('FileSystemResizePending')] }))).toBe('node-pending');
    expect(expansionState(claim('2Gi', { conditions: [cond('Resizing')] }))).toBe('controller-in-progress');
    // Nothing took it yet.
    expect(expansionState(claim('2Gi'))).toBe('waiting');
    // Done: the allocated size stays once the resizer finished.
    expect(expansionState(claim('2Gi', { capacity: { storage: '2Gi' }, allocatedResources: { storage: '2Gi' } }))).toBe('done');
    // 2048Mi is 2Gi: exact comparison, no expansion waits.
    expect(expansionState(claim('2048Mi', { capacity: { storage: '2Gi' } }))).toBeUndefined();
  });
});

describe('who acts next', () => {
  it('waiting, resizer stopped: the external-resizer of the volume\'s driver, its Lease stale, with holder and time', () => {
    const v = viewOf(claim('2Gi'), { leases: [lease(RESIZER_LEASE, 'kube-system', 'csi-resizer-0', 300)] })!;
    expect(v).toMatchObject({ state: 'waiting', requested: { quantity: '2Gi', bytes: 2 * 1024 ** 3 }, capacity: { quantity: '1Gi', bytes: 1024 ** 3 }, volume: { quantity: '1Gi' }, conditions: [] });
    expect(v.allocated).toBeUndefined();
    expect(v.next).toMatchObject({ kind: 'external-resizer', driver: DRIVER, lease: 'stale', holder: 'csi-resizer-0', leaseRef: { kind: 'leases', name: RESIZER_LEASE, namespace: 'kube-system' } });
  });

  it('the resizer at work holds its Lease; no Lease at all is said so', () => {
    const inProgress = claim('2Gi', { allocatedResourceStatuses: { storage: 'ControllerResizeInProgress' }, allocatedResources: { storage: '2Gi' }, conditions: [cond('Resizing')] });
    expect(viewOf(inProgress, { leases: [lease(RESIZER_LEASE, 'kube-system', 'csi-resizer-0', 2)] })!.next).toMatchObject({ kind: 'external-resizer', lease: 'held' });
    const v = viewOf(inProgress)!;
    expect(v.next).toEqual({ kind: 'external-resizer', driver: DRIVER, lease: 'not-found' });
    expect(v.allocated).toEqual({ quantity: '2Gi', bytes: 2 * 1024 ** 3 });
    expect(v.resizeStatus).toBe('ControllerResizeInProgress');
    expect(v.conditions.map((c) => c.type)).toEqual(['Resizing']);
  });

  it('node pending: the kubelet of the node where a pod mounts it, or none while no pod uses it', () => {
    const pending = claim('2Gi', { allocatedResourceStatuses: { storage: 'NodeResizePending' }, allocatedResources: { storage: '2Gi' }, conditions: [cond('FileSystemResizePending')] });
    const grown = { ...boundVolume, spec: { ...boundVolume.spec, capacity: { storage: '2Gi' } } };
    expect(viewOf(pending, { persistentvolumes: [grown] })).toMatchObject({ state: 'node-pending', volume: { quantity: '2Gi' }, next: { kind: 'kubelet', nodes: [], pods: [] } });
    expect(viewOf(pending, { persistentvolumes: [grown], pods: [runningPod] })!.next).toEqual({ kind: 'kubelet', nodes: ['node-1'], pods: [{ kind: 'pods', namespace: 'shop', name: 'db-0', uid: 'pod-db-uid' }] });
  });

  it('infeasible: the user, who may lower the request back above the capacity (KEP-1790)', () => {
    const v = viewOf(claim('8Gi', { allocatedResourceStatuses: { storage: 'ControllerResizeInfeasible' }, allocatedResources: { storage: '8Gi' }, conditions: [cond('ControllerResizeError', 'too big')] }))!;
    expect(v.state).toBe('controller-infeasible');
    expect(v.next).toEqual({ kind: 'user', minimum: { quantity: '1Gi', bytes: 1024 ** 3 } });
    expect(v.conditions).toMatchObject([{ type: 'ControllerResizeError', message: 'too big' }]);
  });

  it('done: nobody; a volume that is not CSI has no external-resizer', () => {
    expect(viewOf(claim('2Gi', { capacity: { storage: '2Gi' }, allocatedResources: { storage: '2Gi' } }))!.next).toEqual({ kind: 'none' });
    const hostPath = { ...boundVolume, spec: { ...boundVolume.spec, csi: undefined, hostPath: { path: '/data' } } };
    expect(viewOf(claim('2Gi'), { persistentvolumes: [hostPath] })!.next).toEqual({ kind: 'no-resizer' });
  });

  it('sizes are canonical and exact', () => {
    expect(sizeValue('1024Mi')).toEqual({ quantity: '1Gi', bytes: 1024 ** 3 });
    // Not a quantity: kept verbatim, without bytes (the renderer shows the text).
    expect(sizeValue('bogus')).toEqual({ quantity: 'bogus' });
    expect(sizeValue(undefined)).toBeUndefined();
  });
});
