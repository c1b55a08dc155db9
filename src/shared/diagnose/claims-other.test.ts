import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, eventAbout, minutesAgo, runningPod } from './testing/fixtures';
import { diagnoseObject } from './index';
import { plainText } from '../verbatim';

const ref = { kind: 'persistentvolumeclaims' as const, name: 'data-db-0', namespace: 'shop' };
const diagnose = (objects: FixtureObjects) => diagnoseObject(fixtureView(objects), ref);
function claimWith(status: NonNullable<PersistentVolumeClaim['status']>, spec: Partial<NonNullable<PersistentVolumeClaim['spec']>> = {}): PersistentVolumeClaim {
  return { ...boundClaim, spec: { ...boundClaim.spec, ...spec }, status: { ...boundClaim.status, ...status } };
}

describe('bound claims', () => {
  it('a healthy bound claim has no findings', () => {
    expect(diagnose({ persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], pods: [runningPod] })).toEqual([]);
  });

  it('lost: its volume is gone (ClaimLost event text from pv_controller.go)', () => {
    const lost = claimWith({ phase: 'Lost' });
    const [f] = diagnose({ persistentvolumeclaims: [lost], events: [eventAbout(lost, 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', { type: 'Warning' })] });
    expect(f?.code).toBe('claim.lost');
    expect(f?.cause.en).toContain('pvc-db-uid');
    expect(f?.evidence.map((e) => e.event)).toContain('ClaimLost');
  });

  it('misbound: the volume names another claim uid', () => {
    const pv = { ...boundVolume, spec: { ...boundVolume.spec, claimRef: { ...boundVolume.spec!.claimRef, uid: 'someone-else' } } };
    const [f] = diagnose({ persistentvolumeclaims: [boundClaim], persistentvolumes: [pv] });
    expect(f?.code).toBe('claim.misbound');
    expect(f?.evidence.map((e) => e.value)).toContain('shop/data-db-0 uid=someone-else');
  });

  it('volumes unreadable: says nothing rather than "lost"', () => {
    expect(diagnoseObject(fixtureView({ persistentvolumeclaims: [boundClaim] }, { states: { persistentvolumes: 'forbidden' } }), ref)).toEqual([]);
  });
});

describe('expansion', () => {
  it('resizing: expected, a warning when it lasts', () => {
    const fresh = claimWith({ conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: minutesAgo(1) }] }, { resources: { requests: { storage: '2Gi' } } });
    expect(diagnose({ persistentvolumeclaims: [fresh], persistentvolumes: [boundVolume] })[0]).toMatchObject({ code: 'claim.resizing', severity: 'expected-wait' });
    const old = claimWith({ conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: minutesAgo(45) }] });
    expect(diagnose({ persistentvolumeclaims: [old], persistentvolumes: [boundVolume] })[0]).toMatchObject({ code: 'claim.resizing', severity: 'warning' });
  });

  it('file system resize pending with no pod: says to start one', () => {
    const claim = claimWith({ conditions: [{ type: 'FileSystemResizePending', status: 'True', message: 'Waiting for user to (re-)start a pod to finish file system resize of volume on node.' }] });
    const [f] = diagnose({ persistentvolumeclaims: [claim], persistentvolumes: [boundVolume] });
    expect(f?.code).toBe('claim.fs-resize-pending');
    expect(f?.fix).toHaveLength(1);
  });

  it('a bigger request that no resizer takes (as on the lab: hostPath volume, only ExternalExpanding): waits, then warns', () => {
    const asked = claimWith({ capacity: { storage: '1Gi' } }, { resources: { requests: { storage: '2Gi' } } });
    const waitingSince = (minutes: number) => eventAbout(asked, 'ExternalExpanding', 'waiting for an external controller to expand this PVC', { minutesAgo: minutes });
    const [fresh] = diagnose({ persistentvolumeclaims: [asked], persistentvolumes: [boundVolume], events: [waitingSince(1)] });
    expect(fresh).toMatchObject({ code: 'claim.resizing', severity: 'expected-wait', fix: [] });
    expect(plainText(fresh?.cause.en ?? '')).toBe('The claim asks for 2Gi, its volume has 1Gi: the expansion waits for the volume\'s resizer, which has not reported progress yet.');
    expect(fresh?.evidence.map((e) => e.value)).toEqual(['2Gi / 1Gi', 'waiting for an external controller to expand this PVC']);

    const [stuck] = diagnose({ persistentvolumeclaims: [asked], persistentvolumes: [boundVolume], events: [waitingSince(40)] });
    expect(stuck).toMatchObject({ code: 'claim.resizing', severity: 'warning' });
    expect(plainText(stuck?.cause.en ?? '')).toMatch(/^The claim asks for 2Gi, its volume has 1Gi, and for 40 min no resizer has taken the request/);
    // No command that the API server would refuse (a request equal to the capacity is rejected).
    expect(stuck?.fix.map((s) => s.command ?? '')).not.toContain(`kubectl patch pvc data-db-0 -n shop --type merge -p '{"spec":{"resources":{"requests":{"storage":"1Gi"}}}}'`);

    const [failed] = diagnose({ persistentvolumeclaims: [asked], persistentvolumes: [boundVolume], events: [waitingSince(3), eventAbout(asked, 'VolumeResizeFailed', 'resize failed: no space left on pool', { type: 'Warning' })] });
    expect(failed).toMatchObject({ code: 'claim.resizing', severity: 'warning' });
    expect(plainText(failed?.cause.en ?? '')).toContain('the last expansion attempt failed: resize failed: no space left on pool');

    // Request equal to the capacity: nothing to say.
    expect(diagnose({ persistentvolumeclaims: [claimWith({ capacity: { storage: '2Gi' } }, { resources: { requests: { storage: '2Gi' } } })], persistentvolumes: [boundVolume] })).toEqual([]);
  });

  it('failed: from the ControllerResizeError condition or an infeasible status', () => {
    const err = claimWith({ conditions: [{ type: 'ControllerResizeError', status: 'True', message: 'resize volume "pvc-db-uid" by resizer "hostpath.csi.k8s.io" failed: rpc error: code = OutOfRange' }] });
    const [f] = diagnose({ persistentvolumeclaims: [err], persistentvolumes: [boundVolume] });
    expect(f?.code).toBe('claim.resize-failed');
    expect(f?.cause.en).toContain('OutOfRange');
    // The API server accepts only a request above status.capacity when shrinking back (validation.go): never the capacity itself.
    const capacity = err.status?.capacity?.['storage'];
    expect(f?.fix.map((s) => s.command)).toContain(`kubectl patch pvc data-db-0 -n shop --type merge -p '{"spec":{"resources":{"requests":{"storage":"<more than ${capacity}>"}}}}'`);
    const infeasible = claimWith({ allocatedResourceStatuses: { storage: 'ControllerResizeInfeasible' } });
    expect(diagnose({ persistentvolumeclaims: [infeasible], persistentvolumes: [boundVolume] })[0]?.code).toBe('claim.resize-failed');
  });
});

describe('sharing and deletion', () => {
  const other = { ...runningPod, metadata: { ...runningPod.metadata, name: 'db-1', uid: 'pod-db1' }, spec: { ...runningPod.spec, nodeName: 'node-2' } };
  it('a ReadWriteOnce claim used on two nodes', () => {
    const [f] = diagnose({ persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], pods: [runningPod, other] });
    expect(f?.code).toBe('claim.rwo-multi-node');
    expect(f?.evidence.map((e) => e.value)).toEqual(expect.arrayContaining(['db-0 @ node-1', 'db-1 @ node-2']));
  });
  it('two pods on one node are fine for ReadWriteOnce', () => {
    const same = { ...other, spec: { ...other.spec, nodeName: 'node-1' } };
    expect(diagnose({ persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], pods: [runningPod, same] })).toEqual([]);
  });
  it('a claim being deleted waits for its pods', () => {
    const deleting = { ...boundClaim, metadata: { ...boundClaim.metadata, deletionTimestamp: minutesAgo(30), finalizers: ['kubernetes.io/pvc-protection'] } };
    const [f] = diagnose({ persistentvolumeclaims: [deleting], persistentvolumes: [boundVolume], pods: [runningPod] });
    expect(f).toMatchObject({ code: 'claim.terminating-in-use', severity: 'warning' });
  });
});
