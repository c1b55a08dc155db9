import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, StorageClass } from '../kube/objects';
import type { LimitRange, ResourceQuota, StatefulSet } from '../kube/objects-owners';
import type { ObjectRef } from '../model/refs';
import { plainText } from '../verbatim';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { eventAbout } from './testing/fixtures';
import { diagnoseAll, diagnoseObject } from './index';

const ns = 'shop';
const sts = (replicas: number, template: Partial<NonNullable<StatefulSet['spec']>> = {}, storage = '2Gi', className: string | null | undefined = 'fast'): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: ns, uid: 'sts-1' },
  spec: {
    replicas,
    serviceName: 'web',
    volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], ...(className === undefined ? {} : { storageClassName: className }), resources: { requests: { storage } } } }],
    ...template,
  },
});
const fast: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/disk' };
const claim = (name: string, storage = '2Gi'): PersistentVolumeClaim => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: ns }, spec: { storageClassName: 'fast', resources: { requests: { storage } } }, status: { phase: 'Bound' } });
const limitRange = (max?: string, min?: string): LimitRange => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'pvc-size', namespace: ns }, spec: { limits: [{ type: 'Container', max: { memory: '1Gi' } }, { type: 'PersistentVolumeClaim', ...(max ? { max: { storage: max } } : {}), ...(min ? { min: { storage: min } } : {}) }] } });
const quota = (hard: Record<string, string>, used: Record<string, string>): ResourceQuota => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'storage', namespace: ns }, spec: { hard }, status: { hard, used } });
const ref: ObjectRef = { kind: 'statefulsets', name: 'web', namespace: ns };
const on = (objects: FixtureObjects) => diagnoseObject(fixtureView({ storageclasses: [fast], ...objects }), ref);
const codes = (objects: FixtureObjects) => on(objects).map((f) => f.code);

describe('StatefulSet claims refused by admission', () => {
  it('a template above the LimitRange max: which template, which limit, request vs max, the event as evidence, quoted commands', () => {
    const set = sts(2);
    const event = eventAbout(set, 'FailedCreate', 'create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: persistentvolumeclaims "data-web-0" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi', { type: 'Warning', component: 'statefulset-controller' });
    const [f, ...rest] = on({ statefulsets: [set], limitranges: [limitRange('1Gi')], events: [event] });
    expect(rest).toEqual([]);
    expect(f!.code).toBe('statefulset.claim-over-limit');
    expect(plainText(f!.cause.en)).toBe('Claim template data asks for 2Gi, but LimitRange pvc-size allows a PersistentVolumeClaim in namespace shop a maximum of 1Gi, so the API server refuses claim data-web-0 and the StatefulSet never creates its pod. Nothing retries into success until the template or the limit changes.');
    expect(plainText(f!.cause.ru)).toContain('LimitRange pvc-size');
    const sources = f!.evidence.map((e) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['spec.volumeClaimTemplates[0].spec.resources.requests.storage', 'spec.limits[1].max.storage', 'spec.volumeClaimTemplates[0]']));
    expect(f!.evidence.some((e) => e.event === 'FailedCreate' && e.value.includes('maximum storage usage'))).toBe(true);
    expect(f!.evidence.find((e) => e.source === 'spec.volumeClaimTemplates[0]')?.value).toBe('data-web-0, data-web-1');
    expect(f!.fix.map((s) => s.command)).toEqual(['kubectl get limitrange pvc-size -n shop -o yaml', 'kubectl delete statefulset web -n shop --cascade=orphan']);
  });

  it('computed from the objects, without any event; below the min and a template without a size also break', () => {
    expect(codes({ statefulsets: [sts(1)], limitranges: [limitRange('1Gi')] })).toEqual(['statefulset.claim-over-limit']);
    const [min] = on({ statefulsets: [sts(1, {}, '500Mi')], limitranges: [limitRange(undefined, '1Gi')] });
    expect(plainText(min!.cause.en)).toContain('a minimum of 1Gi');
    const noSize: StatefulSet = { ...sts(1), spec: { ...sts(1).spec, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'fast' } }] } };
    const [none] = on({ statefulsets: [noSize], limitranges: [limitRange('1Gi')] });
    expect(plainText(none!.cause.en)).toContain('asks for no storage size');
  });

  it('not when the template fits (exact quantities: 1024Mi is 1Gi), nor when every claim already exists', () => {
    expect(codes({ statefulsets: [sts(1, {}, '1024Mi')], limitranges: [limitRange('1Gi', '1Gi')] })).toEqual([]);
    expect(codes({ statefulsets: [sts(1)], limitranges: [limitRange('1Gi')], persistentvolumeclaims: [claim('data-web-0')] })).toEqual([]);
  });

  it('a quota on requests.storage: used versus hard, and what the new claim adds', () => {
    const [f] = on({ statefulsets: [sts(3)], persistentvolumeclaims: [claim('data-web-0'), claim('data-web-1')], resourcequotas: [quota({ 'requests.storage': '5Gi' }, { 'requests.storage': '4Gi' })] });
    expect(f!.code).toBe('statefulset.claim-over-quota');
    expect(plainText(f!.cause.en)).toBe('ResourceQuota storage in namespace shop limits requests.storage to 5Gi and 4Gi is used; claim data-web-2 from template data would add 2Gi, so the API server refuses it and the StatefulSet never creates its pod. It stays so until the quota is raised or other claims free their share.');
    expect(f!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['status.hard[requests.storage]', 'status.used[requests.storage]']));
    expect(f!.fix[0]?.command).toBe('kubectl describe resourcequota storage -n shop');
  });

  it('claim count and per-class quotas, with the default class when the template names none', () => {
    expect(codes({ statefulsets: [sts(2)], persistentvolumeclaims: [claim('data-web-0')], resourcequotas: [quota({ persistentvolumeclaims: '1' }, { persistentvolumeclaims: '1' })] })).toEqual(['statefulset.claim-over-quota']);
    const perClass = quota({ 'fast.storageclass.storage.k8s.io/requests.storage': '1Gi' }, { 'fast.storageclass.storage.k8s.io/requests.storage': '0' });
    const [f] = on({ statefulsets: [sts(1)], resourcequotas: [perClass] });
    expect(plainText(f!.cause.en)).toContain('limits fast.storageclass.storage.k8s.io/requests.storage to 1Gi and 0 is used');
    const defaultFast = { ...fast, metadata: { name: 'fast', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } };
    expect(diagnoseObject(fixtureView({ storageclasses: [defaultFast], statefulsets: [sts(1, {}, '2Gi', undefined)], resourcequotas: [perClass] }), ref).map((x) => x.code)).toEqual(['statefulset.claim-over-quota']);
    // Another class's quota does not count this claim.
    const slow = quota({ 'slow.storageclass.storage.k8s.io/requests.storage': '1Gi' }, {});
    expect(codes({ statefulsets: [sts(1)], resourcequotas: [slow] })).toEqual([]);
  });

  it('not for a quota with room, nor a scoped quota; a FailedCreate the objects do not explain is reported as such', () => {
    expect(codes({ statefulsets: [sts(2)], resourcequotas: [quota({ 'requests.storage': '10Gi', persistentvolumeclaims: '5' }, { 'requests.storage': '2Gi', persistentvolumeclaims: '1' })], persistentvolumeclaims: [claim('data-web-0')] })).toEqual([]);
    const scoped: ResourceQuota = { ...quota({ 'requests.storage': '1Gi' }, {}), spec: { hard: { 'requests.storage': '1Gi' }, scopeSelector: { matchExpressions: [{ scopeName: 'VolumeAttributesClass', operator: 'In', values: ['gold'] }] } } };
    expect(codes({ statefulsets: [sts(1)], resourcequotas: [scoped] })).toEqual([]);
    const set = sts(1);
    const webhook = eventAbout(set, 'FailedCreate', 'create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: admission webhook "pvc.example.com" denied the request: no', { type: 'Warning' });
    const [f] = on({ statefulsets: [set], events: [webhook] });
    expect(f!.code).toBe('statefulset.claim-create-failed');
    expect(plainText(f!.cause.en)).toContain('The API server said: admission webhook "pvc.example.com" denied the request: no.');
    // v1.37's capitalised verb, and the pod's event when only that one is kept.
    const capital = eventAbout(set, 'FailedCreate', 'Create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: denied', { type: 'Warning' });
    expect(on({ statefulsets: [set], events: [capital] }).map((x) => plainText(x.cause.en))).toEqual([expect.stringContaining('The API server said: denied.')]);
    const podEvent = eventAbout(set, 'FailedCreate', 'Create Pod web-0 in StatefulSet web failed error: failed to create PVC data-web-0: denied too', { type: 'Warning' });
    expect(on({ statefulsets: [set], events: [podEvent] }).map((x) => plainText(x.cause.en))).toEqual([expect.stringContaining('The API server said: denied too.')]);
    expect(codes({ statefulsets: [set], events: [eventAbout(set, 'FailedCreate', 'Create Pod web-0 in StatefulSet web failed error: pods "web-0" is forbidden: no', { type: 'Warning' })] })).toEqual([]);
    // Limits the app may not read are not ruled out.
    const [unchecked] = diagnoseObject(fixtureView({ storageclasses: [fast], statefulsets: [set], events: [webhook] }, { states: { limitranges: 'forbidden' } }), ref);
    expect(plainText(unchecked!.cause.en)).toContain("The namespace's limits could not be checked (LimitRanges cannot be read (no permission)).");
    // A refusal by a quota that, as it is now, has room: it changed since; the next retry should pass.
    const byQuota = eventAbout(set, 'FailedCreate', 'Create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: persistentvolumeclaims "data-web-0" is forbidden: exceeded quota: storage, requested: requests.storage=2Gi, used: requests.storage=2Gi, limited: requests.storage=3Gi', { type: 'Warning' });
    const [stale] = on({ statefulsets: [set], events: [byQuota], resourcequotas: [quota({ 'requests.storage': '3Gi' }, { 'requests.storage': '0' })] });
    expect(stale!.severity).toBe('warning');
    expect(plainText(stale!.cause.en)).toContain('they changed after the refusal');
    // Once the claim exists, the old event explains nothing.
    expect(codes({ statefulsets: [set], events: [webhook], persistentvolumeclaims: [claim('data-web-0')] })).toEqual([]);
  });
});

describe('StatefulSet templates and retained claims', () => {
  it('a template naming a missing class; "" (static volumes only) and an existing class are fine', () => {
    const [f] = on({ statefulsets: [sts(1, {}, '1Gi', 'nope')] });
    expect(f!.code).toBe('statefulset.class-missing');
    expect(f!.evidence[0]?.source).toBe('spec.volumeClaimTemplates[0].spec.storageClassName');
    expect(codes({ statefulsets: [sts(1, {}, '1Gi', '')], persistentvolumeclaims: [claim('data-web-0')] })).toEqual([]);
    expect(diagnoseObject(fixtureView({ statefulsets: [sts(1, {}, '1Gi', 'nope')] }, { states: { storageclasses: 'forbidden' } }), ref).map((x) => x.code)).not.toContain('statefulset.class-missing');
  });

  it('claims beyond the replicas after a scale-down are info under Retain, nothing under Delete', () => {
    const claims = ['data-web-0', 'data-web-1', 'data-web-2', 'data-web-10', 'data-webx-3', 'other'].map((n) => claim(n));
    const [f] = on({ statefulsets: [sts(1)], persistentvolumeclaims: claims });
    expect(f!.code).toBe('statefulset.claims-retained');
    expect(f!.severity).toBe('info');
    expect(plainText(f!.cause.en)).toContain('(3: data-web-1, data-web-2, data-web-10)');
    expect(f!.fix[0]?.command).toBe('kubectl delete pvc data-web-1 -n shop');
    expect(f!.fix.at(-1)?.command).toBe(`kubectl patch statefulset web -n shop --type=merge -p '{"spec":{"persistentVolumeClaimRetentionPolicy":{"whenScaled":"Delete"}}}'`);
    expect(codes({ statefulsets: [sts(1, { persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete' } })], persistentvolumeclaims: claims })).toEqual([]);
  });

  it('diagnoseAll includes StatefulSets, also for one namespace; a hostile replica count is bounded', () => {
    const objects = { storageclasses: [fast], statefulsets: [sts(1)], limitranges: [limitRange('1Gi')] };
    expect(diagnoseAll(fixtureView(objects), { namespace: ns }).map((f) => f.code)).toEqual(['statefulset.claim-over-limit']);
    const [f] = on({ statefulsets: [sts(1e9)], limitranges: [limitRange('1Gi')] });
    expect(f!.evidence.find((e) => e.source === 'spec.volumeClaimTemplates[0]')?.value).toContain('(+995)');
  });
});
