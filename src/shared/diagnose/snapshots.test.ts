import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, VolumeSnapshot, VolumeSnapshotClass, VolumeSnapshotContent } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, csiHostpathClass, minutesAgo } from './testing/fixtures';
import { diagnoseAll, diagnoseObject } from './index';
import { parseCommand } from './fix-commands';

const NS = 'shop';
const DRIVER = 'hostpath.csi.k8s.io';
const snapClass: VolumeSnapshotClass = { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'csi-snaps', uid: 'vsclass-uid' }, driver: DRIVER, deletionPolicy: 'Delete' };

function snapshot(name: string, over: { className?: string; claim?: string; status?: VolumeSnapshot['status']; ageMinutes?: number } = {}): VolumeSnapshot {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: { name, namespace: NS, uid: `${name}-uid`, creationTimestamp: minutesAgo(over.ageMinutes ?? 1) },
    spec: { volumeSnapshotClassName: over.className ?? 'csi-snaps', source: { persistentVolumeClaimName: over.claim ?? boundClaim.metadata!.name! } },
    ...(over.status ? { status: over.status } : {}),
  };
}

function content(name: string, snap: string, status: VolumeSnapshotContent['status'] = {}): VolumeSnapshotContent {
  return {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotContent',
    metadata: { name, uid: `${name}-uid` },
    spec: { driver: DRIVER, deletionPolicy: 'Delete', volumeSnapshotClassName: 'csi-snaps', volumeSnapshotRef: { namespace: NS, name: snap }, source: { volumeHandle: 'h' } },
    status,
  };
}

function restored(name: string, source: { kind: string; name: string; apiGroup?: string }): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: NS, uid: `${name}-uid`, creationTimestamp: minutesAgo(1) },
    spec: { storageClassName: 'csi-hostpath-sc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, dataSource: source, dataSourceRef: source },
    status: { phase: 'Pending' },
  };
}

const base: FixtureObjects = { storageclasses: [csiHostpathClass], persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], volumesnapshotclasses: [snapClass] };
const codesOf = (objects: FixtureObjects, ref: Parameters<typeof diagnoseObject>[1]) => diagnoseObject(fixtureView({ ...base, ...objects }), ref).map((f) => f.code);
const snapRef = (name: string) => ({ kind: 'volumesnapshots' as const, namespace: NS, name });
const claimRef = (name: string) => ({ kind: 'persistentvolumeclaims' as const, namespace: NS, name });

describe('VolumeSnapshot diagnosis', () => {
  it('says nothing about a ready snapshot', () => {
    expect(codesOf({ volumesnapshots: [snapshot('ok', { status: { readyToUse: true, boundVolumeSnapshotContentName: 'c-ok' } })], volumesnapshotcontents: [content('c-ok', 'ok', { readyToUse: true })] }, snapRef('ok'))).toEqual([]);
  });

  it('names a missing VolumeSnapshotClass and offers a class for the volume\'s driver as a manifest', () => {
    const snap = snapshot('missing-class', { className: 'lab-csi-missing', status: { readyToUse: false, error: { message: 'Failed to get snapshot class with error volumesnapshotclass.snapshot.storage.k8s.io "lab-csi-missing" not found' } } });
    const [f] = diagnoseObject(fixtureView({ ...base, volumesnapshotclasses: [], volumesnapshots: [snap] }), snapRef('missing-class'));
    expect(f?.code).toBe('snapshot.class-missing');
    expect(f?.cause.en).toContain('lab-csi-missing');
    const manifest = f?.fix.find((s) => s.command?.startsWith('kubectl apply'))?.command;
    expect(parseCommand(manifest!)?.stdin).toBe(`apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshotClass\nmetadata:\n  name: lab-csi-missing\ndriver: ${DRIVER}\ndeletionPolicy: Delete\n`);
    // With a class of the driver present, the fix names it instead of creating one.
    const other = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snap] }), snapRef('missing-class'))[0];
    expect(other?.fix[0]?.text.en).toContain('csi-snaps');
    expect(other?.fix[0]?.command).toBeUndefined();
  });

  it('cannot tell a class is missing when VolumeSnapshotClasses cannot be read', () => {
    const snap = snapshot('missing-class', { className: 'nope' });
    const codes = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snap] }, { states: { volumesnapshotclasses: 'forbidden' } }), snapRef('missing-class')).map((f) => f.code);
    expect(codes).not.toContain('snapshot.class-missing');
  });

  it('says a non-CSI volume cannot be snapshotted, and a class of another driver cannot snapshot a CSI one', () => {
    const hostPathVolume: PersistentVolume = { ...boundVolume, spec: { ...boundVolume.spec, csi: undefined, hostPath: { path: '/data' } } };
    const snap = snapshot('other', { status: { readyToUse: false, error: { message: 'Failed to create snapshot content with error cannot find CSI PersistentVolumeSource for volume pvc-db-uid' } } });
    const [f] = diagnoseObject(fixtureView({ ...base, persistentvolumes: [hostPathVolume], volumesnapshots: [snap] }), snapRef('other'));
    expect(f?.code).toBe('snapshot.driver-mismatch');
    expect(f?.cause.en).toContain('not a CSI volume');
    expect(f?.evidence.map((e) => e.note?.en)).toContain('not a CSI volume (hostPath)');
    const otherDriver = { ...snapClass, driver: 'ebs.csi.aws.com' };
    const [g] = diagnoseObject(fixtureView({ ...base, volumesnapshotclasses: [otherDriver], volumesnapshots: [snapshot('other')] }), snapRef('other'));
    expect(g?.code).toBe('snapshot.driver-mismatch');
    expect(g?.cause.en).toMatch(/ebs\.csi\.aws\.com.*hostpath\.csi\.k8s\.io/);
  });

  it('names a missing source claim and a deleted content', () => {
    expect(codesOf({ volumesnapshots: [snapshot('orphan', { claim: 'gone' })] }, snapRef('orphan'))).toEqual(['snapshot.source-claim-missing']);
    expect(codesOf({ volumesnapshots: [snapshot('lost', { status: { readyToUse: false, boundVolumeSnapshotContentName: 'c-gone' } })] }, snapRef('lost'))).toEqual(['snapshot.content-missing']);
    // Still marked ready, its content deleted: it cannot be restored from.
    expect(codesOf({ volumesnapshots: [snapshot('stale', { status: { readyToUse: true, boundVolumeSnapshotContentName: 'c-gone' } })] }, snapRef('stale'))).toEqual(['snapshot.content-missing']);
    const unreadableContents = fixtureView({ ...base, volumesnapshots: [snapshot('stale', { status: { readyToUse: true, boundVolumeSnapshotContentName: 'c-gone' } })] }, { states: { volumesnapshotcontents: 'forbidden' } });
    expect(diagnoseObject(unreadableContents, snapRef('stale'))).toEqual([]);
  });

  it('repeats another error verbatim, and its content\'s error when the snapshot has none', () => {
    const [f] = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snapshot('err', { status: { readyToUse: false, error: { message: 'rpc error: code = Internal desc = disk full' } } })] }), snapRef('err'));
    expect(f?.code).toBe('snapshot.failed');
    expect(f?.evidence.map((e) => e.value)).toContain('rpc error: code = Internal desc = disk full');
    const [g] = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snapshot('err2', { status: { readyToUse: false, boundVolumeSnapshotContentName: 'c2' } })], volumesnapshotcontents: [content('c2', 'err2', { readyToUse: false, error: { message: 'quota exceeded' } })] }), snapRef('err2'));
    expect(g?.code).toBe('snapshot.failed');
    expect(g?.evidence.find((e) => e.value === 'quota exceeded')?.source).toBe('VolumeSnapshotContent.status.error.message');
  });

  it('waits for the component that acts next, and turns into a warning when the wait is long', () => {
    const young = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snapshot('young')] }), snapRef('young'))[0];
    expect(young).toMatchObject({ code: 'snapshot.not-ready', severity: 'expected-wait' });
    expect(young?.cause.en).toContain('snapshot-controller has not created');
    const cut = diagnoseObject(fixtureView({ ...base, volumesnapshots: [snapshot('cut', { ageMinutes: 30, status: { readyToUse: false, boundVolumeSnapshotContentName: 'c3' } })], volumesnapshotcontents: [content('c3', 'cut')] }), snapRef('cut'))[0];
    expect(cut).toMatchObject({ code: 'snapshot.not-ready', severity: 'warning' });
    expect(cut?.cause.en).toContain('csi-snapshotter sidecar of driver');
  });

  it('diagnoseAll covers snapshots, within a namespace too', () => {
    const view = fixtureView({ ...base, volumesnapshots: [snapshot('young')] });
    expect(diagnoseAll(view).map((f) => f.code)).toContain('snapshot.not-ready');
    expect(diagnoseAll(view, { namespace: 'elsewhere' }).map((f) => f.code)).not.toContain('snapshot.not-ready');
  });
});

describe('claims filled from a data source', () => {
  const fromSnap = (name: string) => restored('restored', { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name });

  it('a missing snapshot: the claim waits for ever, said as a problem', () => {
    expect(codesOf({ persistentvolumeclaims: [boundClaim, fromSnap('nope')] }, claimRef('restored'))).toEqual(['claim.restore-source-missing']);
  });

  it('a snapshot not ready is a wait; a failed one a problem; a ready one leaves provisioning to speak', () => {
    const pending = snapshot('s1');
    const failedSnap = snapshot('s2', { status: { readyToUse: false, error: { message: 'boom' } } });
    const ready = snapshot('s3', { status: { readyToUse: true } });
    const view = fixtureView({ ...base, persistentvolumeclaims: [boundClaim, { ...fromSnap('s1'), metadata: { name: 'r1', namespace: NS, uid: 'r1' } }, { ...fromSnap('s2'), metadata: { name: 'r2', namespace: NS, uid: 'r2' } }, { ...fromSnap('s3'), metadata: { name: 'r3', namespace: NS, uid: 'r3' } }], volumesnapshots: [pending, failedSnap, ready] });
    expect(diagnoseObject(view, claimRef('r1'))[0]).toMatchObject({ code: 'claim.restore-source-not-ready', severity: 'expected-wait' });
    expect(diagnoseObject(view, claimRef('r2'))[0]).toMatchObject({ code: 'claim.restore-source-not-ready', severity: 'problem' });
    expect(diagnoseObject(view, claimRef('r3')).map((f) => f.code)).not.toContain('claim.restore-source-not-ready');
  });

  it('a clone waits for its source claim to be bound, and names a missing one', () => {
    const clone = restored('clone', { kind: 'PersistentVolumeClaim', name: 'data-db-0' });
    expect(codesOf({ persistentvolumeclaims: [boundClaim, clone] }, claimRef('clone'))).not.toContain('claim.restore-source-not-ready');
    const pendingSource = { ...boundClaim, spec: { ...boundClaim.spec, volumeName: undefined }, status: { phase: 'Pending' } };
    expect(codesOf({ persistentvolumeclaims: [pendingSource, clone], persistentvolumes: [] }, claimRef('clone'))).toEqual(['claim.restore-source-not-ready']);
    expect(codesOf({ persistentvolumeclaims: [restored('clone', { kind: 'PersistentVolumeClaim', name: 'gone' })] }, claimRef('clone'))).toEqual(['claim.restore-source-missing']);
  });

  it('leaves a populator\'s kind and another namespace\'s source alone', () => {
    const populated = restored('pop', { apiGroup: 'hello.example.com', kind: 'Hello', name: 'h' });
    expect(codesOf({ persistentvolumeclaims: [boundClaim, populated] }, claimRef('pop'))).not.toContain('claim.restore-source-missing');
  });
});
