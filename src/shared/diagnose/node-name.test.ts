import { describe, expect, it } from 'vitest';
import type { PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { node, taskPod } from './testing/fixtures';
import { diagnoseObject } from './index';
import type { ObjectRef } from '../model/refs';
import { plainText } from '../verbatim';

const on = (objects: FixtureObjects, ref: ObjectRef) => diagnoseObject(fixtureView(objects), ref).map((f) => f.code);
const wffc: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'wffc' }, provisioner: 'example.com/disk', volumeBindingMode: 'WaitForFirstConsumer' };
const pendingClaim: PersistentVolumeClaim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'c1' }, spec: { storageClassName: 'wffc', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } };
const usingData = (nodeName?: string): Pod => ({ ...taskPod, spec: { ...taskPod.spec, ...(nodeName ? { nodeName } : {}), volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] }, status: { phase: 'Pending' } });
const claimRef: ObjectRef = { kind: 'persistentvolumeclaims', name: 'data', namespace: 'default' };
const podRef: ObjectRef = { kind: 'pods', name: taskPod.metadata!.name!, namespace: 'default' };

describe('pods that skip the scheduler', () => {
  it('a nodeName pod and its WaitForFirstConsumer claim: problems on both, not waits', () => {
    const objects = { storageclasses: [wffc], persistentvolumeclaims: [pendingClaim], pods: [usingData('node-1')] };
    expect(on(objects, claimRef)).toEqual(['claim.consumer-skips-scheduler']);
    expect(on(objects, podRef)).toEqual(['pod.node-name-wffc-claim']);
    const [f] = diagnoseObject(fixtureView(objects), podRef);
    expect(plainText(f!.cause.ru)).toContain('spec.nodeName');
  });

  it('not when the scheduler chose the node (selected-node), nor for a pod not on a node yet', () => {
    const selected = { ...pendingClaim, metadata: { ...pendingClaim.metadata, annotations: { 'volume.kubernetes.io/selected-node': 'node-1' } } };
    expect(on({ storageclasses: [wffc], persistentvolumeclaims: [selected], pods: [usingData('node-1')] }, podRef)).not.toContain('pod.node-name-wffc-claim');
    expect(on({ storageclasses: [wffc], persistentvolumeclaims: [pendingClaim], pods: [usingData()] }, claimRef)).toEqual(['claim.wait-for-pod-scheduled']);
  });

  it('a nodeName pod on a node its bound volume excludes; none on an allowed node', () => {
    const pv: PersistentVolume = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'local-a' }, spec: { storageClassName: 'local', claimRef: { namespace: 'default', name: 'data', uid: 'c1' }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-a'] }] }] } }, local: { path: '/mnt/a' } }, status: { phase: 'Bound' } };
    const bound = { ...pendingClaim, spec: { ...pendingClaim.spec, storageClassName: 'local', volumeName: 'local-a' }, status: { phase: 'Bound' } };
    const nodes = [node('node-a', { 'kubernetes.io/hostname': 'node-a' }), node('node-b', { 'kubernetes.io/hostname': 'node-b' })];
    expect(on({ persistentvolumes: [pv], persistentvolumeclaims: [bound], pods: [usingData('node-b')], nodes }, podRef)).toEqual(['pod.node-name-volume-affinity']);
    expect(on({ persistentvolumes: [pv], persistentvolumeclaims: [bound], pods: [usingData('node-a')], nodes }, podRef)).toEqual([]);
  });
});
