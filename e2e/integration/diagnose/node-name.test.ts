/**
 * Pods that skip the scheduler (spec.nodeName set at creation), diagnosed by the app on the real lab through its
 * pipeline. What the lab is first seen to do (the rules rely on it): a WaitForFirstConsumer claim of such a pod gets
 * the PV controller's "waiting for first consumer to be created before binding" and never the scheduler's
 * volume.kubernetes.io/selected-node, so it stays Pending; the same claim used by a pod the scheduler places gets
 * selected-node and binds. Then the findings: on the claim and on the pod (never an "expected wait"), and a nodeName pod
 * on a node its bound local volume's node affinity excludes. Healthy setups not reported: a nodeName pod with an
 * Immediate bound claim on an allowed node, and a scheduled WaitForFirstConsumer pod binding normally.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { PROVISIONER_NAME } from '../../cluster/bootstrap';
import { apply, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, podRef, until, useLab } from './live';
import { claim, pod, staticClass, volume } from './manifests';
import type { Finding } from '../../../src/shared/model/findings';

let lab: Lab;
let live: LiveCluster;

useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

const serious = (findings: Finding[]) => findings.filter((f) => f.severity === 'problem' || f.severity === 'warning').map((f) => f.code);
const wffcClass: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'dx-wffc' }, provisioner: PROVISIONER_NAME, volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' };

describe('pods that skip the scheduler', () => {
  it('a nodeName pod with a WaitForFirstConsumer claim: never bound, reported on the claim and the pod; a scheduled one binds', async () => {
    const ns = await namespace(lab, 'dx-nodename');
    await apply(lab, wffcClass, claim(ns, 'pinned-data', { className: 'dx-wffc' }), pod(ns, 'pinned', { claims: ['pinned-data'], nodeName: 'lab-node-a1' }));
    await apply(lab, claim(ns, 'normal-data', { className: 'dx-wffc' }), pod(ns, 'normal', { claims: ['normal-data'] }));

    // The lab's behaviour: the scheduled pod's claim gets selected-node and binds; the pinned one only the PV
    // controller's "waiting for first consumer" event, and no node.
    await until('the scheduled pod bound', () => live.store.get('persistentvolumeclaims', 'normal-data', ns)?.status?.phase === 'Bound', 60_000);
    expect(live.store.get('persistentvolumeclaims', 'normal-data', ns)?.metadata?.annotations?.['volume.kubernetes.io/selected-node']).toBeTruthy();
    await until('the PV controller waits for a first consumer', () =>
      live.store.eventsFor('PersistentVolumeClaim', 'pinned-data', ns).some((e) => e.reason === 'WaitForFirstConsumer' && e.message === 'waiting for first consumer to be created before binding'),
    );
    const pinnedClaim = live.store.get('persistentvolumeclaims', 'pinned-data', ns);
    expect(pinnedClaim?.status?.phase).toBe('Pending');
    expect(pinnedClaim?.metadata?.annotations?.['volume.kubernetes.io/selected-node']).toBeUndefined();
    expect(live.store.get('pods', 'pinned', ns)?.spec?.nodeName).toBe('lab-node-a1');

    const onClaim = await live.waitFor(claimRef(ns, 'pinned-data'), 'claim.consumer-skips-scheduler');
    expect(onClaim.severity).toBe('problem');
    expect(onClaim.cause.en).toContain('pod pinned was given its node in spec.nodeName (lab-node-a1) and never goes through the scheduler');
    expect(onClaim.cause.en).toContain('stays Pending for ever');
    // First see the pod (a read), then the change, in words: a pod's spec.nodeName cannot be changed in place.
    expect(onClaim.fix[0]?.command).toBe(`kubectl get pod pinned -n ${ns} -o yaml`);
    expect(onClaim.fix[1]?.text.en).toContain('Remove spec.nodeName');
    expect(onClaim.fix[1]?.text.en).toContain('nodeSelector or node affinity');
    expect(codes(live.findingsOf(claimRef(ns, 'pinned-data')))).not.toContain('claim.pending');
    const onPod = await live.waitFor(podRef(ns, 'pinned'), 'pod.node-name-wffc-claim');
    expect(onPod.cause.en).toBe('The pod was put on node lab-node-a1 by spec.nodeName, skipping the scheduler; claim pinned-data binds only when the scheduler places a pod (WaitForFirstConsumer), so it is never bound and the pod\'s containers never start.');
    expect(codes(live.findingsOf(podRef(ns, 'pinned')))).not.toContain('pod.claim-pending');
    expect(onPod.fix[0]?.command).toBe(`kubectl get pod pinned -n ${ns} -o yaml`);
    expectCacheAgrees(live, podRef(ns, 'pinned'));

    // Healthy: the scheduled WaitForFirstConsumer pod.
    for (const ref of [claimRef(ns, 'normal-data'), podRef(ns, 'normal')]) expect(serious(live.findingsOf(ref)), ref.name).toEqual([]);
  });

  it('a nodeName pod on a node its bound volume excludes; a nodeName pod with an Immediate claim on an allowed node is fine', async () => {
    const ns = await namespace(lab, 'dx-nodename-local');
    await apply(
      lab,
      staticClass('dx-local'),
      volume('dx-local-a2', { className: 'dx-local', nodeAffinityHostnames: ['lab-node-a2'] }),
      volume('dx-local-b1', { className: 'dx-local', nodeAffinityHostnames: ['lab-node-b1'] }),
      claim(ns, 'on-a2', { className: 'dx-local', volumeName: 'dx-local-a2' }),
      claim(ns, 'on-b1', { className: 'dx-local', volumeName: 'dx-local-b1' }),
    );
    await until('both claims bound', () => ['on-a2', 'on-b1'].every((n) => live.store.get('persistentvolumeclaims', n, ns)?.status?.phase === 'Bound'), 30_000);
    await apply(lab, pod(ns, 'wrong-node', { claims: ['on-a2'], nodeName: 'lab-node-b1' }), pod(ns, 'right-node', { claims: ['on-b1'], nodeName: 'lab-node-b1' }));
    const f = await live.waitFor(podRef(ns, 'wrong-node'), 'pod.node-name-volume-affinity');
    expect(f.cause.en).toContain('The pod is on node lab-node-b1, but volume dx-local-a2 (claim on-a2) may only be used on node lab-node-a2');
    expect(f.cause.en).toContain('kubernetes.io/hostname');
    expect(f.cause.en).toContain('It never resolves by itself.');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Nodes it allows: lab-node-a2']));
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl get pod wrong-node -n ${ns} -o yaml`, undefined, undefined]);
    expect(f.fix[2]?.text.en).toContain('Or set spec.nodeName to lab-node-a2, where the data is');
    await until('the right-node pod in the store', () => live.store.get('pods', 'right-node', ns));
    expect(serious(live.findingsOf(podRef(ns, 'right-node')))).toEqual([]);
    expect(serious(live.findingsOf(claimRef(ns, 'on-b1')))).toEqual([]);
  });
});
