import { describe, expect, it } from 'vitest';
import type { KubeNode, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../kube/objects';
import { plainText } from '../verbatim';
import { diagnoseObject } from './index';
import { podExclusion, tolerates } from './pod-placement';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { node, taskPod } from './testing/fixtures';
import type { ObjectRef } from '../model/refs';

const nodes = [node('node-a1', { zone: 'a' }), node('node-a2', { zone: 'a' }), node('node-b1', { zone: 'b' })];
const affinity = (host: string) => ({ required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } });
const localPv = (name: string, host: string, claim?: string): PersistentVolume => ({
  apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name },
  spec: { storageClassName: 'local', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/x' }, nodeAffinity: affinity(host), ...(claim ? { claimRef: { namespace: 'default', name: claim, uid: 'c1' } } : {}) },
  status: { phase: claim ? 'Bound' : 'Available' },
});
const claim = (bound?: string): PersistentVolumeClaim => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'c1' },
  spec: { storageClassName: 'local', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(bound ? { volumeName: bound } : {}) },
  status: { phase: bound ? 'Bound' : 'Pending' },
});
const unschedulable = (message: string, spec: Partial<NonNullable<Pod['spec']>>): Pod => ({
  ...taskPod,
  spec: { ...taskPod.spec, ...spec, volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }] },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] },
});
const podRef: ObjectRef = { kind: 'pods', name: taskPod.metadata!.name!, namespace: 'default' };
const claimRef: ObjectRef = { kind: 'persistentvolumeclaims', name: 'data', namespace: 'default' };
const on = (objects: FixtureObjects, ref: ObjectRef) => diagnoseObject(fixtureView(objects), ref);
const AFFINITY_MSG = "0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";

describe("the scheduler's volume verdict, explained from the objects", () => {
  it('a bound local volume on one node, a nodeSelector asking for another: both values, both fixes', () => {
    const pod = unschedulable(AFFINITY_MSG, { nodeSelector: { 'kubernetes.io/hostname': 'node-b1' } });
    const [f, ...rest] = on({ nodes, persistentvolumes: [localPv('local-a2', 'node-a2', 'data')], persistentvolumeclaims: [claim('local-a2')], pods: [pod] }, podRef);
    expect(rest).toEqual([]);
    expect(f?.code).toBe('pod.unschedulable-volumes');
    expect(plainText(f!.cause.en)).toBe(
      'Volume local-a2 of claim data can be used only on node node-a2 (its node affinity), and the pod cannot run there: its nodeSelector asks for kubernetes.io/hostname=node-b1, and node node-a2 has kubernetes.io/hostname=node-a2. The pod may run only on node-b1. No node suits both, so the scheduler rejects every node; this does not resolve by itself.',
    );
    expect(plainText(f!.cause.ru)).toContain('kubernetes.io/hostname=node-b1');
    // The scheduler's node groups, one row each, and the two directions of the fix.
    expect(f!.evidence.map((e) => `${e.label.en}: ${e.value}`)).toEqual(expect.arrayContaining([
      'Volume node affinity: kubernetes.io/hostname in (node-a2)',
      'Nodes the volume allows: node-a2',
      "Pod's nodeSelector: kubernetes.io/hostname=node-b1",
      'Nodes the pod allows: node-b1',
      "Nodes rejected: 1/3 · node(s) didn't match PersistentVolume's node affinity",
      "Nodes rejected: 2/3 · node(s) didn't match Pod's node affinity/selector",
    ]));
    // A change the app cannot make is said in words; the node and the volume it is about are seen first (trial 9 defect 1).
    expect(f!.fix.map((s) => [plainText(s.text.en).split(':')[0], s.command])).toEqual([
      ["See node node-a2's labels and taints", 'kubectl describe node node-a2'],
      ['Move the pod to its data', undefined],
      ['Or move the data to the pod', undefined],
      ['See the volume', 'kubectl get pv local-a2 -o yaml'],
      ['See the pod and its events', `kubectl describe pod ${taskPod.metadata!.name} -n default`],
    ]);
    expect(plainText(f!.fix[2]!.text.en)).toContain('on node node-b1');
  });

  it('a taint on the only node the volume allows', () => {
    const tainted: KubeNode = { ...nodes[1]!, spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } };
    const pod = unschedulable("0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 node(s) didn't match PersistentVolume's node affinity.", {});
    const [f] = on({ nodes: [nodes[0]!, tainted, nodes[2]!], persistentvolumes: [localPv('local-a2', 'node-a2', 'data')], persistentvolumeclaims: [claim('local-a2')], pods: [pod] }, podRef);
    expect(plainText(f!.cause.en)).toContain('node node-a2 has taint dedicated=db:NoSchedule, which the pod does not tolerate');
    expect(plainText(f!.fix[1]!.text.en)).toContain('add a toleration for taint dedicated=db:NoSchedule');
    // Tolerated, there is no conflict: the verdict is quoted as the scheduler gave it.
    const tolerant = unschedulable(pod.status!.conditions![0]!.message!, { tolerations: [{ key: 'dedicated', operator: 'Exists' }] });
    const [g] = on({ nodes: [nodes[0]!, tainted, nodes[2]!], persistentvolumes: [localPv('local-a2', 'node-a2', 'data')], persistentvolumeclaims: [claim('local-a2')], pods: [tolerant] }, podRef);
    expect(plainText(g!.cause.en)).toMatch(/^The scheduler cannot place the pod because of its volumes\. It says: “0\/3 nodes.*”$/);
  });

  it('an unbound WaitForFirstConsumer claim whose only fitting volumes are elsewhere: on the pod and on the claim', () => {
    const wffc: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };
    const pod = unschedulable("0/3 nodes are available: 1 node(s) didn't find available persistent volumes to bind, 2 node(s) didn't match Pod's node affinity/selector.", {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } },
    });
    const objects = { storageclasses: [wffc], nodes, persistentvolumes: [localPv('local-a1', 'node-a1'), localPv('local-a2', 'node-a2')], persistentvolumeclaims: [claim()], pods: [pod] };
    const [f] = on(objects, podRef);
    expect(plainText(f!.cause.en)).toMatch(/^Claim data binds on first use, and the only volumes that fit it \(local-a1, local-a2\) can be used only on nodes node-a1, node-a2, and the pod cannot run there: its required node affinity \(zone in \(b\)\) excludes node node-a1\. The pod may run only on node-b1\./);
    const onClaim = on(objects, claimRef).find((x) => x.code === 'claim.consumer-unschedulable');
    expect(plainText(onClaim!.cause.en)).toContain('and it cannot be. Claim data binds on first use');
  });

  it("no volume to bind: the nearest volumes and what differs, since the scheduler names none", () => {
    const wffc: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local' }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' };
    const small = { ...localPv('small', 'node-a1'), spec: { ...localPv('small', 'node-a1').spec, capacity: { storage: '512Mi' } } };
    const pod = unschedulable("0/3 nodes are available: 3 node(s) didn't find available persistent volumes to bind.", {});
    const [f] = on({ storageclasses: [wffc], nodes, persistentvolumes: [small], persistentvolumeclaims: [claim()], pods: [pod] }, podRef);
    expect(f!.evidence.find((e) => e.ref?.name === 'small')?.source).toBe('spec.capacity.storage');
  });

  it('no conflict the objects show (room elsewhere): the message is quoted, with its groups', () => {
    const pod = unschedulable(AFFINITY_MSG, {});
    const [f] = on({ nodes, persistentvolumes: [localPv('local-a2', 'node-a2', 'data')], persistentvolumeclaims: [claim('local-a2')], pods: [pod] }, podRef);
    expect(plainText(f!.cause.en)).toContain("didn't match PersistentVolume's node affinity");
    expect(f!.evidence.filter((e) => e.label.en.startsWith('Nodes rejected'))).toHaveLength(2);
  });
});

describe('not enough free storage, from the CSIStorageCapacity objects', () => {
  const driver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'disk.example.com' }, spec: { storageCapacity: true } };
  const sc: StorageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'disk.example.com', volumeBindingMode: 'WaitForFirstConsumer' };
  const cap = (name: string, zone: string, capacity: string, max?: string) => ({
    apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', metadata: { name, namespace: 'kube-system' },
    storageClassName: 'fast', capacity, ...(max ? { maximumVolumeSize: max } : {}), nodeTopology: { matchLabels: { zone } },
  });
  const big: PersistentVolumeClaim = { ...claim(), spec: { ...claim().spec, storageClassName: 'fast', resources: { requests: { storage: '10Gi' } } } };
  const MSG = "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) did not have enough free storage.";
  const inZoneA = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } } };

  it('the most the driver offers where the pod may run, and the room it may not use', () => {
    const pod = unschedulable(MSG, inZoneA);
    const objects = { csidrivers: [driver], storageclasses: [sc], nodes, csistoragecapacities: [cap('cap-a', 'a', '50Gi', '5Gi'), cap('cap-b', 'b', '100Gi')], persistentvolumeclaims: [big], pods: [pod] };
    const [f] = on(objects, podRef);
    expect(plainText(f!.cause.en)).toBe(
      'Claim data asks for 10Gi of class fast, and CSI driver disk.example.com reports its free space per topology segment (CSIStorageCapacity): on the nodes the pod may use it has room for at most 5Gi per volume. The scheduler rejects every node until the request fits or space is freed. There is room on node-b1, where the pod may not run.',
    );
    expect(f!.evidence.map((e) => `${e.label.en}: ${e.value}${e.note ? ` (${e.note.en})` : ''}`)).toEqual(expect.arrayContaining([
      'Requested: 10Gi',
      'Free / largest volume: 100Gi / — → node-b1 (enough)',
      'Free / largest volume: 50Gi / 5Gi → node-a1, node-a2 (not enough)',
    ]));
    // Lowering an unbound claim's request is a recreation, command by command (trial 9 defect 1).
    expect(f!.fix.map((x) => plainText(x.text.en))[0]).toMatch(/^See the capacity/);
    expect(f!.fix.map((x) => plainText(x.text.en))[2]).toMatch(/^In data\.yaml, set resources\.requests\.storage to at most 5Gi/);
    expect(f!.fix.map((x) => x.command)).toEqual(expect.arrayContaining(['kubectl delete pvc data -n default', 'kubectl apply -f data.yaml']));
    expect(plainText(on(objects, claimRef).find((x) => x.code === 'claim.consumer-unschedulable')!.cause.en)).toContain('and it cannot be. Claim data asks for 10Gi');
  });

  it('not when a node the pod may use has room, nor when the driver does not publish capacity', () => {
    const objects = { csidrivers: [driver], storageclasses: [sc], nodes, csistoragecapacities: [cap('cap-a', 'a', '50Gi', '5Gi'), cap('cap-b', 'b', '100Gi')], persistentvolumeclaims: [big] };
    const [f] = on({ ...objects, pods: [unschedulable(MSG, {})] }, podRef);
    expect(plainText(f!.cause.en)).toMatch(/^The scheduler cannot place the pod because of its volumes/);
    const [g] = on({ ...objects, csidrivers: [{ ...driver, spec: { storageCapacity: false } }], pods: [unschedulable(MSG, inZoneA)] }, podRef);
    expect(plainText(g!.cause.en)).toMatch(/^The scheduler cannot place the pod because of its volumes/);
  });
});

describe('pod constraints as the scheduler filters them', () => {
  it('tolerations (ToleratesTaint)', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoSchedule' };
    expect(tolerates({ key: 'k', value: 'v' }, taint)).toBe(true);
    expect(tolerates({ key: 'k', operator: 'Equal', value: 'w' }, taint)).toBe(false);
    expect(tolerates({ key: 'k', operator: 'Exists', effect: 'NoExecute' }, taint)).toBe(false);
    expect(tolerates({ operator: 'Exists' }, taint)).toBe(true);
    expect(tolerates({ key: 'other', operator: 'Exists' }, taint)).toBe(false);
  });

  it('cordoned, nodeSelector, affinity and taints, in filter order; PreferNoSchedule never excludes', () => {
    const n: KubeNode = { ...node('n1'), spec: { unschedulable: true, taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] } };
    expect(podExclusion(taskPod, n)).toEqual({ by: 'unschedulable' });
    const ok: Pod = { ...taskPod, spec: { ...taskPod.spec, tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] } };
    expect(podExclusion(ok, n)).toBeUndefined();
    const sel: Pod = { ...taskPod, spec: { ...taskPod.spec, nodeSelector: { disk: 'ssd' } } };
    expect(podExclusion(sel, node('n2'))).toEqual({ by: 'nodeSelector', key: 'disk', want: 'ssd', have: undefined });
  });
});
