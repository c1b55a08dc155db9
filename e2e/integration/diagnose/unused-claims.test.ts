/**
 * Claims no pod uses (issue 12 part 5), and the claim's `Unused` condition on the lab (v1.37.2, feature
 * PersistentVolumeClaimUnusedSinceTime beta and on by default). Who sets it, found here: kube-controller-manager's
 * PVC protection controller (pvc_protection_controller.go, updateUnusedCondition), with no kubelet involved: True
 * with reason NoPodsUsingPVC once the claim is Bound and no non-terminal pod references it, False with PodUsingPVC
 * as soon as a pod naming it is created (even one not scheduled), True again when that pod is deleted, each time with
 * a new lastTransitionTime. The finding (claim.unused, from a day on) is read with the store's clock moved forward
 * (ObjectStore.now, as attachments.test.ts does), never by waiting a day.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import { apply, claimRef, type LiveCluster, namespace, until, useLab } from './live';
import { claim } from './manifests';

let lab: Lab;
let live: LiveCluster;
useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

const DAY_MS = 24 * 3600_000;
const unusedCondition = (ns: string, name: string) => live.store.get('persistentvolumeclaims', name, ns)?.status?.conditions?.find((c) => c.type === 'Unused');

/** Moves the store's clock forward (never back: its schedules remember the last time they ran). */
function advanceClock(ms: number): void {
  live.store.objects.now = () => Date.now() + ms;
}

describe('unused claims', () => {
  it('the PVC protection controller sets Unused: True when bound, False while a pod names it, True again after; the finding reads it', async () => {
    const ns = await namespace(lab, 'unused-claim');
    await apply(
      lab,
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: `${ns}-pv` }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: '', persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/tmp/kse-unused' }, claimRef: { namespace: ns, name: 'idle' } } },
      claim(ns, 'idle', { className: '' }),
    );
    await until('claim bound', () => live.store.get('persistentvolumeclaims', 'idle', ns)?.status?.phase === 'Bound', 60_000);
    const first = await until('Unused: True', () => (unusedCondition(ns, 'idle')?.status === 'True' ? unusedCondition(ns, 'idle') : undefined), 60_000);
    expect(first).toMatchObject({ reason: 'NoPodsUsingPVC', message: 'No pods are currently referencing this PVC' });

    // A pod naming the claim, never scheduled (no node fits its selector): it is not terminal, so it uses the claim.
    await apply(lab, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user', namespace: ns }, spec: { nodeSelector: { 'kse.dev/none': 'x' }, containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'idle' } }] } });
    const used = await until('Unused: False', () => (unusedCondition(ns, 'idle')?.status === 'False' ? unusedCondition(ns, 'idle') : undefined), 60_000);
    expect(used).toMatchObject({ reason: 'PodUsingPVC', message: 'A pod is currently referencing this PVC' });
    advanceClock(2 * DAY_MS);
    expect(live.finding(claimRef(ns, 'idle'), 'claim.unused')).toBeUndefined();

    const deletedAt = Date.now();
    await lab.client('admin').delete(`/api/v1/namespaces/${ns}/pods/user`);
    const again = await until('Unused: True again', () => (unusedCondition(ns, 'idle')?.status === 'True' ? unusedCondition(ns, 'idle') : undefined), 60_000);
    // lastTransitionTime has second precision.
    expect(Date.parse(again.lastTransitionTime!)).toBeGreaterThanOrEqual(Math.floor(deletedAt / 1000) * 1000);

    const f = await live.waitFor(claimRef(ns, 'idle'), 'claim.unused', 60_000);
    expect(f.severity).toBe('info');
    expect(f.cause.en).toContain(`since ${again.lastTransitionTime}`);
    expect(f.evidence.find((e) => e.source === 'status.conditions[type=Unused].lastTransitionTime')?.value).toBe(again.lastTransitionTime);
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl get pvc idle -n ${ns} -o yaml`, `kubectl delete pvc idle -n ${ns}`]);
    expect(f.fix[1]?.text.en).toContain('retained');

    // Healthy: a claim a pod uses, however old on the moved clock, gets no such finding.
    await apply(lab, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'user2', namespace: ns }, spec: { nodeSelector: { 'kse.dev/none': 'x' }, containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'idle' } }] } });
    await live.waitGone(claimRef(ns, 'idle'), 'claim.unused', 60_000);
  });
});
