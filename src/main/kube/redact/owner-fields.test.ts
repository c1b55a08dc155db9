/**
 * A snapshot carries StatefulSets, ResourceQuotas and LimitRanges with what the StatefulSet rules read
 * (diagnose/statefulsets.ts): claim templates, replicas, retention policy, quota hard and used, limit items; and
 * nothing of the pod template's containers (env values, commands), which may hold credentials. Support staff read
 * a customer's snapshot offline and must get the same verdict as on the live cluster.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseObject } from '../../../shared/diagnose';
import { fixtureView, type FixtureObjects } from '../../../shared/diagnose/testing/fixture-view';
import { eventAbout } from '../../../shared/diagnose/testing/fixtures';
import type { KubeObject } from '../../../shared/kube/objects';
import type { LimitRange, ResourceQuota, StatefulSet } from '../../../shared/kube/objects-owners';
import type { ObjectRef } from '../../../shared/model/refs';
import { buildSnapshot } from '../export-snapshot';

const set: StatefulSet = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'shop', uid: 's1', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"password":"hunter2"}' } },
  spec: {
    replicas: 2,
    persistentVolumeClaimRetentionPolicy: { whenScaled: 'Retain', whenDeleted: 'Delete' },
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'fast', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } }],
    template: { spec: { containers: [{ name: 'db', env: [{ name: 'PASSWORD', value: 'hunter2' }], args: ['--token=hunter2'] }] } },
  } as unknown as StatefulSet['spec'],
};
const quota: ResourceQuota = { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'storage', namespace: 'shop' }, spec: { hard: { 'requests.storage': '3Gi' } }, status: { hard: { 'requests.storage': '3Gi' }, used: { 'requests.storage': '2Gi' } } };
const range: LimitRange = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'size', namespace: 'shop' }, spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '1Gi' } }] } };
const objects: FixtureObjects = {
  storageclasses: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/disk' }],
  statefulsets: [set],
  resourcequotas: [quota],
  limitranges: [range],
  events: [eventAbout(set, 'FailedCreate', 'Create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: persistentvolumeclaims "data-web-0" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi', { type: 'Warning' })],
};
const ref: ObjectRef = { kind: 'statefulsets', name: 'web', namespace: 'shop' };

describe('snapshots carry the owners of claims and the limits on them', () => {
  it('the same StatefulSet findings from the redacted snapshot as from the objects; no pod template secrets', () => {
    const kinds = Object.fromEntries(Object.entries(objects).map(([k, items]) => [k, { state: 'synced' as const, items: items as KubeObject[] }]));
    const snapshot = buildSnapshot({ context: 'ctx', capturedAt: '2026-11-28T10:00:00Z', kinds });
    const fromSnapshot = Object.fromEntries(Object.entries(snapshot.kinds).map(([k, v]) => [k, v?.items ?? []])) as FixtureObjects;
    expect(Object.keys(snapshot.kinds)).toEqual(expect.arrayContaining(['statefulsets', 'resourcequotas', 'limitranges']));
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
    const kept = fromSnapshot.statefulsets?.[0] as StatefulSet;
    expect(kept.spec?.volumeClaimTemplates).toEqual(set.spec?.volumeClaimTemplates);
    expect(kept.spec?.persistentVolumeClaimRetentionPolicy).toEqual(set.spec?.persistentVolumeClaimRetentionPolicy);
    expect(fromSnapshot.resourcequotas?.[0]).toEqual(quota);
    expect(fromSnapshot.limitranges?.[0]).toEqual(range);
    const live = diagnoseObject(fixtureView(objects), ref);
    const offline = diagnoseObject(fixtureView(fromSnapshot), ref);
    expect(live.map((f) => f.code).sort()).toEqual(['statefulset.claim-over-limit', 'statefulset.claim-over-quota']);
    expect(offline.map((f) => [f.code, f.cause, f.evidence])).toEqual(live.map((f) => [f.code, f.cause, f.evidence]));
  });
});
