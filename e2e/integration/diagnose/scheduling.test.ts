/**
 * The scheduler's verdict on pods held back by their volumes, explained by the app from the objects (issue 12
 * part 3), on the real lab: kube-scheduler v1.37 writes the PodScheduled condition and the FailedScheduling event,
 * the app takes the "0/N nodes are available" sentence apart and names the volume, the topology key and both
 * values, and gives the fix in both directions. One lab for the file; each case has its own namespace.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import { apply, claimRef, evidenceLines, expectCacheAgrees, namespace, podRef, until, useLab, type LiveCluster } from './live';
import { claim, pod, staticClass, volume } from './manifests';

let lab: Lab;
let live: LiveCluster;

useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

/** Waits for the pod's volume finding to carry the explained cause (the condition may come before the objects). */
async function explained(ns: string, name: string, starts: string) {
  return until(
    `pod.unschedulable-volumes on ${ns}/${name} explained`,
    () => {
      const f = live.finding(podRef(ns, name), 'pod.unschedulable-volumes');
      return f?.cause.en.startsWith(starts) ? f : undefined;
    },
    45_000,
    () => JSON.stringify(live.finding(podRef(ns, name), 'pod.unschedulable-volumes')?.cause.en ?? live.findingsOf(podRef(ns, name)).map((f) => f.code)),
  );
}

describe("the scheduler's volume verdict, explained", () => {
  it('a bound local volume on lab-node-a2, a pod whose nodeSelector asks for lab-node-b1', async () => {
    const ns = await namespace(lab, 'sc-affinity');
    await apply(lab, staticClass('sc-local'), volume('sc-local-a2', { className: 'sc-local', nodeAffinityHostnames: ['lab-node-a2'] }), claim(ns, 'data', { className: 'sc-local' }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.phase === 'Bound');
    const p = pod(ns, 'app', { claims: ['data'] });
    (p.spec as Record<string, unknown>).nodeSelector = { 'kubernetes.io/hostname': 'lab-node-b1' };
    await apply(lab, p);
    const f = await explained(ns, 'app', 'Volume sc-local-a2');
    // What the real scheduler said, taken apart into its node groups.
    const message = live.store.get('pods', 'app', ns)?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message ?? '';
    console.info(`[scheduling] the scheduler said: ${message}`);
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([
      "Nodes rejected: 1/3 · node(s) didn't match PersistentVolume's node affinity",
      "Nodes rejected: 2/3 · node(s) didn't match Pod's node affinity/selector",
      'Volume node affinity: kubernetes.io/hostname in (lab-node-a2)',
      "Pod's nodeSelector: kubernetes.io/hostname=lab-node-b1",
      'Nodes the pod allows: lab-node-b1',
    ]));
    expect(f.cause.en).toBe(
      'Volume sc-local-a2 of claim data can be used only on node lab-node-a2 (its node affinity), and the pod cannot run there: its nodeSelector asks for kubernetes.io/hostname=lab-node-b1, and node lab-node-a2 has kubernetes.io/hostname=lab-node-a2. The pod may run only on lab-node-b1. No node suits both, so the scheduler rejects every node; this does not resolve by itself.',
    );
    expect(f.cause.ru).toContain('его nodeSelector требует kubernetes.io/hostname=lab-node-b1, а у узла lab-node-a2 kubernetes.io/hostname=lab-node-a2');
    // A change the app cannot make is said in words; what it is about is seen first, with a read command.
    expect(f.fix.map((s) => [s.text.en.split(':')[0], s.command])).toEqual([
      ["See node lab-node-a2's labels and taints", 'kubectl describe node lab-node-a2'],
      ['Move the pod to its data', undefined],
      ['Or move the data to the pod', undefined],
      ['See the volume', 'kubectl get pv sc-local-a2 -o yaml'],
      ['See the pod and its events', `kubectl describe pod app -n ${ns}`],
    ]);
    expectCacheAgrees(live, podRef(ns, 'app'));
  });

  it('a taint on the node the volume allows; once it is removed the pod runs next to its data', async () => {
    const ns = await namespace(lab, 'sc-taint');
    const admin = lab.client('admin');
    await apply(lab, staticClass('sc-taint'), volume('sc-taint-a1', { className: 'sc-taint', nodeAffinityHostnames: ['lab-node-a1'] }), claim(ns, 'data', { className: 'sc-taint' }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.phase === 'Bound');
    await admin.mergePatch('/api/v1/nodes/lab-node-a1', { spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } });
    try {
      await apply(lab, pod(ns, 'app', { claims: ['data'] }));
      const f = await explained(ns, 'app', 'Volume sc-taint-a1');
      expect(f.cause.en).toContain('and the pod cannot run there: node lab-node-a1 has taint dedicated=db:NoSchedule, which the pod does not tolerate. The pod may run only on lab-node-a2, lab-node-b1.');
      expect(f.fix[0]?.command).toBe('kubectl describe node lab-node-a1');
      expect(f.fix[1]?.text.en).toContain('add a toleration for taint dedicated=db:NoSchedule');
    } finally {
      await admin.mergePatch('/api/v1/nodes/lab-node-a1', { spec: { taints: null } });
    }
    // Without the taint the scheduler places the pod next to its data, and the finding goes.
    await live.waitGone(podRef(ns, 'app'), 'pod.unschedulable-volumes', 60_000);
    await until('the pod on lab-node-a1', () => live.store.get('pods', 'app', ns)?.spec?.nodeName === 'lab-node-a1', 60_000);
  });

  it('a WaitForFirstConsumer claim whose only fitting volumes are in zone a, a pod required in zone b', async () => {
    const ns = await namespace(lab, 'sc-wffc');
    await apply(
      lab,
      staticClass('sc-wffc', 'WaitForFirstConsumer'),
      volume('sc-wffc-a1', { className: 'sc-wffc', nodeAffinityHostnames: ['lab-node-a1'] }),
      volume('sc-wffc-a2', { className: 'sc-wffc', nodeAffinityHostnames: ['lab-node-a2'] }),
      claim(ns, 'data', { className: 'sc-wffc' }),
    );
    const p = pod(ns, 'app', { claims: ['data'] });
    (p.spec as Record<string, unknown>).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['lab-zone-b'] }] }] } } };
    await apply(lab, p);
    const f = await explained(ns, 'app', 'Claim data binds on first use');
    expect(f.cause.en).toMatch(/the only volumes that fit it \(sc-wffc-a1, sc-wffc-a2\) can be used only on nodes lab-node-a1, lab-node-a2, and the pod cannot run there: its required node affinity \(topology\.kubernetes\.io\/zone in \(lab-zone-b\)\) excludes node lab-node-a1\. The pod may run only on lab-node-b1\./);
    expect(evidenceLines(f)).toContain("Nodes rejected: 1/3 · node(s) didn't find available persistent volumes to bind");
    const onClaim = await live.waitFor(claimRef(ns, 'data'), 'claim.consumer-unschedulable');
    expect(onClaim.cause.en).toContain('and it cannot be. Claim data binds on first use');
  });

  it('not enough free storage: the CSIStorageCapacity of each segment against the request', async () => {
    const ns = await namespace(lab, 'sc-capacity');
    const driver = 'capacity.lab.kse.dev';
    // The CSIStorageCapacity objects are written here as the external-provisioner's capacity controller
    // (--enable-capacity) writes them: one per class and topology segment, in the driver's namespace. The lab's own
    // CSI driver does not publish capacity; no provisioner runs for this one, and none needs to: the scheduler
    // decides before provisioning starts.
    const capacity = (name: string, zone: string, free: string, max: string) => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', metadata: { name, namespace: 'kube-system' },
      storageClassName: 'sc-capacity', capacity: free, maximumVolumeSize: max, nodeTopology: { matchLabels: { 'topology.kubernetes.io/zone': zone } },
    });
    await apply(
      lab,
      { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: driver }, spec: { storageCapacity: true, attachRequired: false } },
      { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sc-capacity' }, provisioner: driver, volumeBindingMode: 'WaitForFirstConsumer' },
      capacity('sc-capacity-a', 'lab-zone-a', '40Gi', '4Gi'),
      capacity('sc-capacity-b', 'lab-zone-b', '100Gi', '100Gi'),
      claim(ns, 'data', { className: 'sc-capacity', size: '10Gi' }),
    );
    const p = pod(ns, 'app', { claims: ['data'] });
    (p.spec as Record<string, unknown>).affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['lab-zone-a'] }] }] } } };
    await apply(lab, p);
    const f = await explained(ns, 'app', 'Claim data asks for 10Gi');
    const message = live.store.get('pods', 'app', ns)?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message ?? '';
    console.info(`[scheduling] the scheduler said: ${message}`);
    expect(f.cause.en).toBe(
      `Claim data asks for 10Gi of class sc-capacity, and CSI driver ${driver} reports its free space per topology segment (CSIStorageCapacity): on the nodes the pod may use it has room for at most 4Gi per volume. The scheduler rejects every node until the request fits or space is freed. There is room on lab-node-b1, where the pod may not run.`,
    );
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([
      'Nodes rejected: 2/3 · node(s) did not have enough free storage',
      'Free / largest volume: 40Gi / 4Gi → lab-node-a1, lab-node-a2 not enough',
      'Free / largest volume: 100Gi / 100Gi → lab-node-b1 enough',
    ]));
    const onClaim = await live.waitFor(claimRef(ns, 'data'), 'claim.consumer-unschedulable');
    expect(onClaim.cause.en).toContain('and it cannot be. Claim data asks for 10Gi');
  });
});
