import { describe, expect, it } from 'vitest';
import type { Pod } from '../kube/objects';
import type { LimitRange, ResourceQuota, StatefulSet, TemplateContainer } from '../kube/objects-owners';
import type { ObjectRef } from '../model/refs';
import { plainText } from '../verbatim';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { eventAbout } from './testing/fixtures';
import { diagnoseObject } from './index';

const ns = 'shop';
/** StatefulSet `web` without claim templates; its pod template's containers as given. */
const sts = (replicas: number, containers: TemplateContainer[], initContainers: TemplateContainer[] = []): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: ns, uid: 'sts-1' },
  spec: { replicas, serviceName: 'web', template: { spec: { containers, initContainers } } },
});
const eph = (requests?: string, limits?: string): TemplateContainer => ({
  name: 'app',
  resources: { ...(requests ? { requests: { 'ephemeral-storage': requests } } : {}), ...(limits ? { limits: { 'ephemeral-storage': limits } } : {}) },
});
const quota = (hard: Record<string, string>, used: Record<string, string>): ResourceQuota => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'disk', namespace: ns }, spec: { hard }, status: { hard, used } });
const range = (item: NonNullable<LimitRange['spec']>['limits']): LimitRange => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'eph', namespace: ns }, spec: { limits: item } });
const pod = (name: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, ownerReferences: [{ kind: 'StatefulSet', name: 'web', controller: true }] }, spec: { containers: [] }, status: { phase: 'Running' } });
const ref: ObjectRef = { kind: 'statefulsets', name: 'web', namespace: ns };
const on = (objects: FixtureObjects) => diagnoseObject(fixtureView(objects), ref);
const codes = (objects: FixtureObjects) => on(objects).map((f) => f.code);

describe('StatefulSet pods refused by admission for ephemeral storage', () => {
  it('a quota on requests.ephemeral-storage: which quota, used versus hard, what the pod adds, the event, quoted commands', () => {
    const set = sts(2, [eph('2Gi', '4Gi')]);
    const event = eventAbout(set, 'FailedCreate', 'Create Pod web-1 in StatefulSet web failed error: pods "web-1" is forbidden: exceeded quota: disk, requested: requests.ephemeral-storage=2Gi, used: requests.ephemeral-storage=2Gi, limited: requests.ephemeral-storage=3Gi', { type: 'Warning' });
    const [f, ...rest] = on({ statefulsets: [set], pods: [pod('web-0')], resourcequotas: [quota({ 'requests.ephemeral-storage': '3Gi' }, { 'requests.ephemeral-storage': '2Gi' })], events: [event] });
    expect(rest).toEqual([]);
    expect(f!.code).toBe('statefulset.pod-over-quota');
    expect(plainText(f!.cause.en)).toBe('ResourceQuota disk in namespace shop limits requests.ephemeral-storage to 3Gi and 2Gi is used; pod web-1 of the StatefulSet would add 2Gi, so the API server refuses it and the StatefulSet cannot create it. It stays so until the quota is raised, other pods free their share or the template asks for less.');
    expect(plainText(f!.cause.ru)).toContain('ResourceQuota disk');
    expect(f!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['spec.template.spec.containers[0].resources.requests.ephemeral-storage', 'status.hard[requests.ephemeral-storage]', 'status.used[requests.ephemeral-storage]', 'spec.replicas']));
    expect(f!.evidence.find((e) => e.source === 'spec.replicas')?.value).toBe('web-1');
    expect(f!.evidence.some((e) => e.event === 'FailedCreate' && e.value.includes('exceeded quota: disk'))).toBe(true);
    expect(f!.fix.map((s) => s.command)).toEqual(['kubectl describe resourcequota disk -n shop', 'kubectl edit resourcequota disk -n shop']);
  });

  it('limits.ephemeral-storage counts the limits; an init container larger than the app containers counts alone', () => {
    const [f] = on({ statefulsets: [sts(1, [eph('1Gi', '1Gi')])], resourcequotas: [quota({ 'limits.ephemeral-storage': '1500Mi' }, { 'limits.ephemeral-storage': '1Gi' })] });
    expect(plainText(f!.cause.en)).toContain('limits limits.ephemeral-storage to 1500Mi and 1Gi is used; pod web-0 of the StatefulSet would add 1Gi');
    const init = on({ statefulsets: [sts(1, [eph('100Mi')], [{ name: 'seed', resources: { requests: { 'ephemeral-storage': '3Gi' } } }])], resourcequotas: [quota({ 'requests.ephemeral-storage': '2Gi' }, { 'requests.ephemeral-storage': '0' })] });
    expect(plainText(init[0]!.cause.en)).toContain('would add 3Gi');
  });

  it('a LimitRange max per Container: the container, its limit, the max, and kubectl set resources naming them', () => {
    const [f] = on({ statefulsets: [sts(1, [eph('1Gi', '2Gi')])], limitranges: [range([{ type: 'Container', max: { 'ephemeral-storage': '1Gi' } }])] });
    expect(f!.code).toBe('statefulset.pod-over-limit');
    expect(plainText(f!.cause.en)).toBe('The container app of the pod template has an ephemeral-storage limit of 2Gi, but LimitRange eph allows a Container in namespace shop a maximum of 1Gi ephemeral-storage, so the API server refuses pod web-0 and the StatefulSet cannot create it. It retries in vain until the template or the limit changes.');
    expect(f!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['spec.template.spec.containers[0].resources.limits.ephemeral-storage', 'spec.limits[0].max.ephemeral-storage']));
    expect(f!.fix.map((s) => s.command)).toEqual(['kubectl get limitrange eph -n shop -o yaml', 'kubectl set resources statefulset web -n shop -c app --limits=ephemeral-storage=1Gi']);
  });

  it('a request under the min; a Pod-type max on the containers together', () => {
    const [min] = on({ statefulsets: [sts(1, [eph('100Mi', '1Gi')])], limitranges: [range([{ type: 'Container', min: { 'ephemeral-storage': '200Mi' } }])] });
    expect(plainText(min!.cause.en)).toContain('has an ephemeral-storage request of 100Mi, but LimitRange eph allows a Container in namespace shop a minimum of 200Mi');
    const two = [{ ...eph('600Mi', '600Mi'), name: 'a' }, { ...eph('600Mi', '600Mi'), name: 'b' }];
    const [pod] = on({ statefulsets: [sts(1, two)], limitranges: [range([{ type: 'Pod', max: { 'ephemeral-storage': '1Gi' } }])] });
    expect(plainText(pod!.cause.en)).toContain('The pod template (all its containers together) has an ephemeral-storage limit of 1200Mi, but LimitRange eph allows a Pod');
    expect(pod!.fix.map((s) => s.command)).toContain('kubectl edit statefulset web -n shop');
  });

  it('healthy but unusual, not reported: a quota with room, a quota a pod stating nothing adds 0 to, a LimitRange default that fits, pods that exist', () => {
    expect(codes({ statefulsets: [sts(2, [eph('1Gi')])], resourcequotas: [quota({ 'requests.ephemeral-storage': '10Gi' }, { 'requests.ephemeral-storage': '1Gi' })] })).toEqual([]);
    expect(codes({ statefulsets: [sts(2, [eph()])], resourcequotas: [quota({ 'requests.ephemeral-storage': '1Gi', 'limits.ephemeral-storage': '1Gi' }, { 'requests.ephemeral-storage': '1Gi', 'limits.ephemeral-storage': '1Gi' })] })).toEqual([]);
    // The container states nothing: LimitRanger fills in the default (500Mi, under the max).
    expect(codes({ statefulsets: [sts(1, [eph()])], limitranges: [range([{ type: 'Container', max: { 'ephemeral-storage': '1Gi' }, default: { 'ephemeral-storage': '500Mi' } }])] })).toEqual([]);
    // Nor with only a max: the API server defaults the limit to it.
    expect(codes({ statefulsets: [sts(1, [eph()])], limitranges: [range([{ type: 'Container', max: { 'ephemeral-storage': '1Gi' } }])] })).toEqual([]);
    // Every pod exists: admission let them in (the quota filled up since, which does not evict).
    expect(codes({ statefulsets: [sts(1, [eph('2Gi')])], pods: [pod('web-0')], resourcequotas: [quota({ 'requests.ephemeral-storage': '2Gi' }, { 'requests.ephemeral-storage': '2Gi' })] })).toEqual([]);
    // A quota not counted yet (no status) says nothing.
    expect(codes({ statefulsets: [sts(1, [eph('2Gi')])], resourcequotas: [{ ...quota({ 'requests.ephemeral-storage': '1Gi' }, {}), status: {} }] })).toEqual([]);
  });

  it('a default limit over the max is the limit LimitRanger filled in', () => {
    const [f] = on({ statefulsets: [sts(1, [eph()])], limitranges: [range([{ type: 'Container', max: { 'ephemeral-storage': '1Gi' }, default: { 'ephemeral-storage': '2Gi' } }])] });
    expect(f!.evidence.find((e) => e.source?.endsWith('limits.ephemeral-storage'))?.note?.en).toContain('filled in by the LimitRange default');
  });
});
