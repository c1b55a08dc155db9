/**
 * StatefulSets that cannot get their claims (issue 12 part 4), made to happen on the real lab: the apiserver's default
 * admission plugins (LimitRanger and ResourceQuota are on by default; the lab sets no --enable-admission-plugins) and
 * kube-controller-manager's statefulset and resourcequota controllers (--controllers=*). What the lab is first seen
 * to do: the claim is refused, no claim and no pod exist, and the StatefulSet gets a Warning FailedCreate "create Claim
 * <claim> for Pod <pod> in StatefulSet <set> failed error: <admission message>" (v1.37 capitalises the verb; older
 * releases' stateful_pod_control.go says "create"). Then the finding on the StatefulSet,
 * computed from the LimitRange or ResourceQuota, through the app's store and `kse doctor`. Also: a template naming a
 * missing class, claims retained after a scale-down (gone when scaled up again), and each ordinal's pod and claims
 * linked in the Summary. Healthy setups not reported: a template that fits the LimitRange, a quota with room.
 * Pods refused for their ephemeral storage: a quota on requests.ephemeral-storage, a LimitRange max per Container
 * (the lab's kube-controller-manager makes the StatefulSet retry and record FailedCreate "Create Pod ..."); healthy:
 * a quota with room, a container that states nothing under a LimitRange whose default fits.
 * The binding graph (the core's getGraph, as the UI draws it): each set above the pods and claims it creates, a
 * refused claim as a missing node under its set, a set's ordinals folded in the namespace graph.
 *
 * Not producible here: statefulset.claim-create-failed (a refusal no LimitRange or unscoped ResourceQuota explains
 * needs an admission webhook or policy the lab does not run; covered by statefulsets.test.ts in src/shared/diagnose).
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { PROVISIONER_NAME } from '../../cluster/bootstrap';
import { apply, codes, evidenceLines, expectCacheAgrees, kse, namespace, until, useLab, type DoctorReport, type LiveCluster } from './live';
import type { Finding } from '../../../src/shared/model/findings';
import type { StorageGraph } from '../../../src/shared/model/detail';
import type { ObjectRef } from '../../../src/shared/model/refs';

let lab: Lab;
let live: LiveCluster;

useLab(
  { seedScenarios: false },
  (l, v) => {
    lab = l;
    live = v;
  },
  (l) => apply(l, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sts-fast' }, provisioner: PROVISIONER_NAME, volumeBindingMode: 'Immediate', reclaimPolicy: 'Delete' }),
);

const setRef = (ns: string, name: string): ObjectRef => ({ kind: 'statefulsets', namespace: ns, name });
/** The edges leaving a set in the graph: "<target id> <state> <relation> [finding code]", sorted. */
const setEdges = (graph: StorageGraph, ns: string, set: string) =>
  graph.edges
    .filter((e) => e.from === `statefulsets:${ns}/${set}`)
    .map((e) => `${e.to} ${e.state} ${e.relation}${e.findingCode ? ` ${e.findingCode}` : ''}`)
    .sort();
const serious = (findings: Finding[]) => findings.filter((f) => f.severity === 'problem' || f.severity === 'warning').map((f) => f.code);

function statefulSet(ns: string, name: string, opts: { replicas?: number; size?: string; className?: string; whenScaled?: 'Retain' | 'Delete'; resources?: Record<string, Record<string, string>> } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: ns },
    spec: {
      replicas: opts.replicas ?? 1,
      serviceName: name,
      // Parallel: the controller does not wait for a pod to be Ready before the next ordinal.
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: name } },
      ...(opts.whenScaled ? { persistentVolumeClaimRetentionPolicy: { whenScaled: opts.whenScaled, whenDeleted: 'Retain' } } : {}),
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10', ...(opts.resources ? { resources: opts.resources } : {}), volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: opts.className ?? 'sts-fast', resources: { requests: { storage: opts.size ?? '1Gi' } } } }],
    },
  };
}

/** The StatefulSet controller's FailedCreate about a claim of this set, as the lab records it. */
function failedCreate(ns: string, set: string) {
  return until(
    `FailedCreate on StatefulSet ${ns}/${set}`,
    () => live.store.eventsFor('StatefulSet', set, ns).find((e) => e.reason === 'FailedCreate' && /^Create Claim /.test(e.message ?? '')),
    60_000,
    () => `events: ${JSON.stringify(live.store.list('events', ns).map((e) => [e.involvedObject?.kind, e.involvedObject?.name, e.reason, e.message]))}; claims: ${live.store.list('persistentvolumeclaims', ns).map((c) => c.metadata?.name).join(', ') || 'none'}`,
  );
}

function quota(ns: string, name: string, hard: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: ns }, spec: { hard } };
}

/** Admission refuses everything while a new quota has no status; the resourcequota controller fills it. */
async function quotaCounted(ns: string, name: string) {
  await until(`quota ${ns}/${name} counted`, () => live.store.get('resourcequotas', name, ns)?.status?.hard, 60_000);
}

describe('StatefulSets whose claims admission refuses', () => {
  it('a template asking 2Gi under a LimitRange max of 1Gi: no claim, no pod, the finding on the StatefulSet; a 1Gi template is fine', async () => {
    const ns = await namespace(lab, 'sts-limit');
    await apply(lab, { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'pvc-size', namespace: ns }, spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '1Gi' }, min: { storage: '100Mi' } }] } });
    await until('the LimitRange in the store', () => live.store.get('limitranges', 'pvc-size', ns));
    await apply(lab, statefulSet(ns, 'web', { size: '2Gi' }), statefulSet(ns, 'small', { size: '1Gi' }));

    // The lab: the controller's event carries LimitRanger's message; neither the claim nor the pod exists.
    const event = await failedCreate(ns, 'web');
    expect(event.type).toBe('Warning');
    expect(event.message).toBe('Create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: persistentvolumeclaims "data-web-0" is forbidden: maximum storage usage per PersistentVolumeClaim is 1Gi, but request is 2Gi');
    expect(live.store.get('persistentvolumeclaims', 'data-web-0', ns)).toBeUndefined();
    expect(live.store.get('pods', 'web-0', ns)).toBeUndefined();

    const f = await live.waitFor(setRef(ns, 'web'), 'statefulset.claim-over-limit');
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toBe(`Claim template data asks for 2Gi, but LimitRange pvc-size allows a PersistentVolumeClaim in namespace ${ns} a maximum of 1Gi, so the API server refuses claim data-web-0 and the StatefulSet never creates its pod. Nothing retries into success until the template or the limit changes.`);
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Template asks for: 2Gi template data', 'Largest claim allowed: 1Gi LimitRange pvc-size, type PersistentVolumeClaim', 'Claims not created: data-web-0 pod web-0 is not created without it']));
    expect(f.evidence.find((e) => e.event === 'FailedCreate')?.value).toBe(event.message);
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl get limitrange pvc-size -n ${ns} -o yaml`, `kubectl delete statefulset web -n ${ns} --cascade=orphan`]);
    expectCacheAgrees(live, setRef(ns, 'web'));
    // Its Related tab: ordinal 0's pod and claim, both flagged missing (never created), and the template's class.
    const related = live.store.getObject(setRef(ns, 'web'))?.related.map((r) => `${r.relation} ${r.ref.name}${r.missing ? ' missing' : ''}`);
    expect(related).toEqual(['ordinal-pod web-0 missing', 'ordinal-claim data-web-0 missing', 'template-class sts-fast']);
    // The graph: the set above the claim it cannot create, a missing node whose edge names the finding; in the
    // problems' graph too (no claim exists to bring it there).
    const graph = live.store.getGraph({ clusterId: live.store.clusterId, root: setRef(ns, 'web') });
    expect(graph.rootId).toBe(`statefulsets:${ns}/web`);
    expect(setEdges(graph, ns, 'web')).toEqual([`persistentvolumeclaims:${ns}/data-web-0 missing creates statefulset.claim-over-limit`]);
    expect(graph.nodes.find((n) => n.id === `persistentvolumeclaims:${ns}/data-web-0`)).toMatchObject({ type: 'claim', missing: true });
    const problems = live.store.getGraph({ clusterId: live.store.clusterId, problems: true, namespaces: [ns] });
    expect(problems.nodes.map((n) => n.id)).toContain(`statefulsets:${ns}/web`);
    expect(problems.nodes.map((n) => n.id)).not.toContain(`statefulsets:${ns}/small`);

    // Healthy: the template that fits gets its claim and pod, and no finding.
    await until('the fitting claim and pod', () => live.store.get('persistentvolumeclaims', 'data-small-0', ns) && live.store.get('pods', 'small-0', ns), 60_000);
    expect(serious(live.findingsOf(setRef(ns, 'small')))).toEqual([]);

    // kse doctor names the set, the template, the limit and both values.
    const doctor = await kse(lab, ['doctor', '--context', 'lab-admin', '--namespace', ns, '--json', '--timeout', '90']);
    expect(doctor.code, doctor.stderr).toBe(1);
    const report = JSON.parse(doctor.stdout) as DoctorReport;
    const onSet = report.findings.find((x) => x.object.kind === 'statefulsets' && x.object.name === 'web');
    expect(onSet?.code).toBe('statefulset.claim-over-limit');
    expect(report.findings.filter((x) => x.object.name === 'small').map((x) => x.code)).toEqual([]);
  });

  it('a quota on requests.storage: the second claim is refused; used versus hard from the quota; a quota with room is fine', async () => {
    const ns = await namespace(lab, 'sts-quota');
    await apply(lab, quota(ns, 'storage', { 'requests.storage': '3Gi', persistentvolumeclaims: '5' }));
    await quotaCounted(ns, 'storage');
    await apply(lab, statefulSet(ns, 'db', { replicas: 2, size: '2Gi' }));

    const event = await failedCreate(ns, 'db');
    expect(event.message).toMatch(/^Create Claim data-db-[01] for Pod db-[01] in StatefulSet db failed error: persistentvolumeclaims "data-db-[01]" is forbidden: exceeded quota: storage, requested: requests.storage=2Gi, used: requests.storage=2Gi, limited: requests.storage=3Gi$/);
    const f = await live.waitFor(setRef(ns, 'db'), 'statefulset.claim-over-quota', 60_000);
    expect(f.cause.en).toMatch(new RegExp(`^ResourceQuota storage in namespace ${ns} limits requests\\.storage to 3Gi and 2Gi is used; claim data-db-[01] from template data would add 2Gi, so the API server refuses it`));
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Quota hard limit: requests.storage=3Gi ResourceQuota storage', 'Quota used: requests.storage=2Gi + 2Gi for the new claim']));
    expect(f.fix[0]?.command).toBe(`kubectl describe resourcequota storage -n ${ns}`);
    expect(codes(live.findingsOf(setRef(ns, 'db')))).not.toContain('statefulset.claim-over-limit');

    // Healthy: a per-class quota with room in another namespace.
    const roomy = await namespace(lab, 'sts-quota-room');
    await apply(lab, quota(roomy, 'storage', { 'requests.storage': '10Gi', 'sts-fast.storageclass.storage.k8s.io/requests.storage': '10Gi', persistentvolumeclaims: '4' }));
    await quotaCounted(roomy, 'storage');
    await apply(lab, statefulSet(roomy, 'db', { replicas: 2, size: '2Gi' }));
    await until('both claims created under the roomy quota', () => ['data-db-0', 'data-db-1'].every((n) => live.store.get('persistentvolumeclaims', n, roomy)), 60_000);
    await until('the quota counts them', () => live.store.get('resourcequotas', 'storage', roomy)?.status?.used?.['requests.storage'] === '4Gi', 60_000);
    expect(serious(live.findingsOf(setRef(roomy, 'db')))).toEqual([]);
  });

  it('a per-class claim count quota names the class key', async () => {
    const ns = await namespace(lab, 'sts-class-quota');
    const key = 'sts-fast.storageclass.storage.k8s.io/persistentvolumeclaims';
    await apply(lab, quota(ns, 'per-class', { [key]: '1' }));
    await quotaCounted(ns, 'per-class');
    await apply(lab, statefulSet(ns, 'kv', { replicas: 2 }));
    const event = await failedCreate(ns, 'kv');
    expect(event.message).toContain(`exceeded quota: per-class, requested: ${key}=1, used: ${key}=1, limited: ${key}=1`);
    const f = await live.waitFor(setRef(ns, 'kv'), 'statefulset.claim-over-quota', 60_000);
    expect(f.cause.en).toContain(`limits ${key} to 1 and 1 is used`);
  });
});

describe('StatefulSet templates and ordinals', () => {
  it('a template naming a missing class', async () => {
    const ns = await namespace(lab, 'sts-class');
    await apply(lab, statefulSet(ns, 'nope', { className: 'sts-no-such-class' }));
    const f = await live.waitFor(setRef(ns, 'nope'), 'statefulset.class-missing', 60_000);
    expect(f.cause.en).toContain('Claim template data asks for StorageClass sts-no-such-class, which does not exist: every claim made from it (data-nope-0…) stays Pending');
    expect(evidenceLines(f)).toEqual(['Class asked for: sts-no-such-class does not exist']);
  });

  it('claims kept after a scale-down are info, gone when scaled up again; pods and claims of each ordinal linked', async () => {
    const ns = await namespace(lab, 'sts-retain');
    await apply(lab, statefulSet(ns, 'cache', { replicas: 3 }));
    await until('three claims', () => [0, 1, 2].every((n) => live.store.get('persistentvolumeclaims', `data-cache-${n}`, ns)), 60_000);

    const detail = await until('the Summary links each ordinal', () => {
      const d = live.store.getObject(setRef(ns, 'cache'));
      const pods = d?.summary.find((s) => s.id === 'ordinalPods');
      return pods && pods.value.type === 'refs' && pods.value.refs.every((r) => !r.missing) ? d : undefined;
    }, 60_000);
    const refs = (id: string) => {
      const field = detail.summary.find((s) => s.id === id);
      return field?.value.type === 'refs' ? field.value.refs.map((r) => r.ref.name) : [];
    };
    expect(refs('ordinalPods')).toEqual(['cache-0', 'cache-1', 'cache-2']);
    expect(refs('ordinalClaims')).toEqual(['data-cache-0', 'data-cache-1', 'data-cache-2']);

    // The graph of the set: it creates each ordinal's pod and claim, drawn above them (no edge arrives at it); the
    // three alike claims fold under it (graph-fold.ts; the pods too when the lab puts them alike), and drawn one by one (expanded) each claim goes on to the
    // volume the lab's provisioner made.
    const folded = await until('the set graph folded, the volumes bound', () => {
      const g = live.store.getGraph({ clusterId: live.store.clusterId, root: setRef(ns, 'cache') });
      return g.nodes.some((n) => n.type === 'volume' && n.group?.count === 3) ? g : undefined;
    }, 60_000);
    expect(folded.nodes.find((n) => n.id === folded.rootId)).toMatchObject({ type: 'statefulset', label: 'cache' });
    expect(setEdges(folded, ns, 'cache').map((e) => e.replace(/:[0-9a-f]{8} /, ' '))).toContain('group:claim bound creates');
    const expand = folded.nodes.filter((n) => n.group).map((n) => n.id);
    const graph = live.store.getGraph({ clusterId: live.store.clusterId, root: setRef(ns, 'cache'), expand });
    expect(setEdges(graph, ns, 'cache')).toEqual([0, 1, 2].flatMap((n) => [`persistentvolumeclaims:${ns}/data-cache-${n} bound creates`, `pods:${ns}/cache-${n} bound creates`]).sort());
    expect(graph.edges.some((e) => e.to === `statefulsets:${ns}/cache`)).toBe(false);
    expect(graph.edges.filter((e) => e.from.startsWith(`persistentvolumeclaims:${ns}/data-cache-`) && e.relation === 'bound-to' && e.state === 'bound')).toHaveLength(3);
    // A pod's graph shows its set above that ordinal only.
    const podGraph = live.store.getGraph({ clusterId: live.store.clusterId, root: { kind: 'pods', namespace: ns, name: 'cache-1' } });
    expect(setEdges(podGraph, ns, 'cache')).toEqual([`persistentvolumeclaims:${ns}/data-cache-1 bound creates`, `pods:${ns}/cache-1 bound creates`]);

    await apply(lab, statefulSet(ns, 'cache', { replicas: 1 }));
    const f = await live.waitFor(setRef(ns, 'cache'), 'statefulset.claims-retained', 60_000);
    expect(f.severity).toBe('info');
    expect(f.cause.en).toContain('(2: data-cache-1, data-cache-2)');
    expect(f.cause.en).toContain('whenScaled: Retain');
    expect(f.fix.map((s) => s.command)).toContain(`kubectl delete pvc data-cache-1 -n ${ns}`);
    expect(serious(live.findingsOf(setRef(ns, 'cache')))).toEqual([]);

    // Healthy again: scaled back up, the kept claims are used.
    await apply(lab, statefulSet(ns, 'cache', { replicas: 3 }));
    await live.waitGone(setRef(ns, 'cache'), 'statefulset.claims-retained', 60_000);
  });
});

describe('StatefulSet pods refused for their ephemeral storage', () => {
  /** The controller's FailedCreate about a pod of this set that admission refused. */
  function podRefused(ns: string, set: string) {
    return until(
      `pod FailedCreate on StatefulSet ${ns}/${set}`,
      () => live.store.eventsFor('StatefulSet', set, ns).find((e) => e.reason === 'FailedCreate' && /^Create Pod \S+ in StatefulSet \S+ failed error: pods /.test(e.message ?? '')),
      60_000,
      () => `events: ${JSON.stringify(live.store.list('events', ns).map((e) => [e.involvedObject?.kind, e.involvedObject?.name, e.reason, e.message]))}`,
    );
  }

  it('a quota on requests.ephemeral-storage lets one pod in and refuses the second: used versus hard on the set; a roomy quota is fine', async () => {
    const ns = await namespace(lab, 'sts-eph-quota');
    await apply(lab, quota(ns, 'eph', { 'requests.ephemeral-storage': '1Gi' }));
    await quotaCounted(ns, 'eph');
    await apply(lab, statefulSet(ns, 'web', { replicas: 2, resources: { requests: { 'ephemeral-storage': '600Mi' } } }));

    const event = await podRefused(ns, 'web');
    expect(event.message).toMatch(/^Create Pod web-[01] in StatefulSet web failed error: pods "web-[01]" is forbidden: exceeded quota: eph, requested: requests.ephemeral-storage=600Mi, used: requests.ephemeral-storage=600Mi, limited: requests.ephemeral-storage=1Gi$/);
    const f = await live.waitFor(setRef(ns, 'web'), 'statefulset.pod-over-quota', 60_000);
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toMatch(new RegExp(`^ResourceQuota eph in namespace ${ns} limits requests\\.ephemeral-storage to 1Gi and 600Mi is used; pod web-[01] of the StatefulSet would add 600Mi`));
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Container requests: ephemeral-storage=600Mi container app', 'Quota hard limit: requests.ephemeral-storage=1Gi ResourceQuota eph']));
    expect(f.evidence.find((e) => e.event === 'FailedCreate')?.value).toBe(event.message);
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl describe resourcequota eph -n ${ns}`, `kubectl edit resourcequota eph -n ${ns}`]);
    expectCacheAgrees(live, setRef(ns, 'web'));

    const roomy = await namespace(lab, 'sts-eph-room');
    await apply(lab, quota(roomy, 'eph', { 'requests.ephemeral-storage': '10Gi', 'limits.ephemeral-storage': '10Gi' }));
    await quotaCounted(roomy, 'eph');
    await apply(lab, statefulSet(roomy, 'web', { replicas: 2, resources: { requests: { 'ephemeral-storage': '600Mi' }, limits: { 'ephemeral-storage': '1Gi' } } }));
    await until('both pods under the roomy quota', () => live.store.get('pods', 'web-0', roomy) && live.store.get('pods', 'web-1', roomy), 60_000);
    expect(serious(live.findingsOf(setRef(roomy, 'web')))).toEqual([]);
  });

  it('a LimitRange max per Container: a 2Gi limit is refused; a container stating nothing gets the default and runs', async () => {
    const ns = await namespace(lab, 'sts-eph-limit');
    await apply(lab, { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'eph', namespace: ns }, spec: { limits: [{ type: 'Container', max: { 'ephemeral-storage': '1Gi' }, default: { 'ephemeral-storage': '500Mi' } }] } });
    await until('the LimitRange in the store', () => live.store.get('limitranges', 'eph', ns));
    await apply(lab, statefulSet(ns, 'big', { resources: { limits: { 'ephemeral-storage': '2Gi' } } }), statefulSet(ns, 'fits'));

    const event = await podRefused(ns, 'big');
    expect(event.message).toBe('Create Pod big-0 in StatefulSet big failed error: pods "big-0" is forbidden: maximum ephemeral-storage usage per Container is 1Gi, but limit is 2Gi');
    const f = await live.waitFor(setRef(ns, 'big'), 'statefulset.pod-over-limit', 60_000);
    expect(f.cause.en).toBe(`The container app of the pod template has an ephemeral-storage limit of 2Gi, but LimitRange eph allows a Container in namespace ${ns} a maximum of 1Gi ephemeral-storage, so the API server refuses pod big-0 and the StatefulSet cannot create it. It retries in vain until the template or the limit changes.`);
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl get limitrange eph -n ${ns} -o yaml`, `kubectl set resources statefulset big -n ${ns} -c app --limits=ephemeral-storage=1Gi`]);

    // Healthy: the pod that states nothing is admitted with the default limit (the lab shows it on the pod).
    const pod = await until('the fitting pod', () => live.store.get('pods', 'fits-0', ns), 60_000);
    expect(pod.spec?.containers?.[0]?.resources?.limits?.['ephemeral-storage']).toBe('500Mi');
    expect(serious(live.findingsOf(setRef(ns, 'fits')))).toEqual([]);

    // kse doctor names the set, the limit and both values.
    const doctor = await kse(lab, ['doctor', '--context', 'lab-admin', '--namespace', ns, '--json', '--timeout', '90']);
    const report = JSON.parse(doctor.stdout) as DoctorReport;
    const onSet = report.findings.find((x) => x.object.kind === 'statefulsets' && x.object.name === 'big');
    expect(onSet?.code).toBe('statefulset.pod-over-limit');
    expect(report.findings.filter((x) => x.object.name === 'fits').map((x) => x.code)).toEqual([]);
  });
});
