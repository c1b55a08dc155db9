import { describe, expect, it } from 'vitest';
import { DirtySet, markChange } from './change-reach';
import { boundPair, event, nodeObj, pod, pv, pvc, sc } from './testing/fixtures';
import { ObjectStore } from './object-store';

function world() {
  const store = new ObjectStore();
  store.add('storageclasses', sc('fast'));
  store.add('storageclasses', sc('legacy', { provisioner: 'kubernetes.io/aws-ebs' }));
  const [bound, volume] = boundPair('shop', 'bound');
  store.add('persistentvolumeclaims', bound);
  store.add('persistentvolumes', volume);
  store.add('persistentvolumeclaims', pvc('shop', 'pending'));
  store.add('pods', pod('shop', 'app', ['bound', 'pending'], { nodeName: 'node-1' }));
  store.add('pods', pod('shop', 'other', [], { nodeName: 'node-2' }));
  store.add('nodes', nodeObj('node-1'));
  return { store, volume };
}

function marked(run: (dirty: DirtySet) => void): { objects: string[]; provisioners: string[] } {
  const dirty = new DirtySet();
  run(dirty);
  return { objects: [...dirty.objects].sort(), provisioners: [...dirty.provisioners].sort() };
}

describe('what a change re-examines', () => {
  it('an event about a pod marks the pod and, through it, its claims', () => {
    const { store } = world();
    const e = event({ kind: 'Pod', name: 'app', namespace: 'shop' }, 'FailedScheduling', '0/3 nodes are available');
    const { objects } = marked((d) => markChange(store, 'events', undefined, e, d));
    expect(objects).toEqual(expect.arrayContaining(['events|shop/' + e.metadata?.name, 'pods|shop/app', 'persistentvolumeclaims|shop/bound', 'persistentvolumeclaims|shop/pending', 'nodes|node-1']));
    expect(objects).not.toContain('pods|shop/other');
  });

  it('a node heartbeat refreshes only its row; a label change reaches its pods', () => {
    const { store } = world();
    const node = nodeObj('node-1');
    const heartbeat = { ...node, metadata: { ...node.metadata, resourceVersion: '9' }, status: { ...node.status, capacity: { cpu: '4' } } };
    expect(marked((d) => markChange(store, 'nodes', node, heartbeat, d)).objects).toEqual(['nodes|node-1']);
    const relabelled = { ...node, metadata: { ...node.metadata, labels: { ...node.metadata?.labels, 'topology.kubernetes.io/zone': 'b' } } };
    expect(marked((d) => markChange(store, 'nodes', node, relabelled, d)).objects).toEqual(['nodes|node-1', 'pods|shop/app']);
  });

  it('a free volume reaches the pending claims of its class, not the bound ones', () => {
    const { store } = world();
    const free = pv('spare', { storageClassName: 'fast' });
    store.add('persistentvolumes', free);
    const { objects } = marked((d) => markChange(store, 'persistentvolumes', undefined, free, d));
    expect(objects).toEqual(['persistentvolumeclaims|shop/pending', 'persistentvolumes|spare', 'storageclasses|fast']);
  });

  it('a pod waiting for a node: node changes, free volumes and published capacity reach it and its claims', () => {
    const { store } = world();
    store.add('pods', pod('shop', 'waiting', ['pending']));
    const node = nodeObj('node-1');
    const tainted = { ...node, spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } };
    const waiting = ['pods|shop/waiting', 'persistentvolumeclaims|shop/pending'];
    expect(marked((d) => markChange(store, 'nodes', node, tainted, d)).objects).toEqual(expect.arrayContaining(waiting));
    const free = pv('spare', { storageClassName: 'fast' });
    store.add('persistentvolumes', free);
    expect(marked((d) => markChange(store, 'persistentvolumes', undefined, free, d)).objects).toEqual(expect.arrayContaining(waiting));
    const capacity = { kind: 'CSIStorageCapacity', metadata: { name: 'cap-a', namespace: 'kube-system', uid: 'cap' }, storageClassName: 'fast', capacity: '5Gi' };
    expect(marked((d) => markChange(store, 'csistoragecapacities', undefined, capacity, d)).objects).toEqual(['csistoragecapacities|kube-system/cap-a', ...waiting].sort());
    // Placed pods are not re-examined by capacity: the scheduler is done with them.
    expect(marked((d) => markChange(store, 'csistoragecapacities', undefined, { ...capacity, storageClassName: 'other' }, d)).objects).toEqual(['csistoragecapacities|kube-system/cap-a']);
  });

  it('a class change reaches its claims, volumes and provisioner', () => {
    const { store, volume } = world();
    const fast = store.get('storageclasses', 'fast')!;
    const result = marked((d) => markChange(store, 'storageclasses', fast, { ...fast, allowVolumeExpansion: true }, d));
    expect(result.objects).toEqual(['persistentvolumeclaims|shop/bound', 'persistentvolumeclaims|shop/pending', `persistentvolumes|${volume.metadata?.name}`, 'storageclasses|fast']);
    expect(result.provisioners).toEqual(['example.com/nfs']);
  });

  it('leases reach the provisioners they may belong to; the controller manager lease reaches in-tree ones', () => {
    const { store } = world();
    const lease = (name: string) => ({ kind: 'Lease', metadata: { name, namespace: 'kube-system', uid: name } });
    expect(marked((d) => markChange(store, 'leases', undefined, lease('example-com-nfs'), d)).provisioners).toEqual(['example.com/nfs']);
    expect(marked((d) => markChange(store, 'leases', undefined, lease('kube-controller-manager'), d)).provisioners).toEqual(['kubernetes.io/aws-ebs']);
    expect(marked((d) => markChange(store, 'leases', undefined, lease('kube-scheduler'), d)).provisioners).toEqual([]);
  });

  it('a CSINode reaches the drivers it lists, its node and the pods there', () => {
    const { store } = world();
    const csiNode = { kind: 'CSINode', metadata: { name: 'node-1', uid: 'c' }, spec: { drivers: [{ name: 'example.com/nfs' }] } };
    const result = marked((d) => markChange(store, 'csinodes', undefined, csiNode, d));
    expect(result.provisioners).toEqual(['example.com/nfs']);
    expect(result.objects).toEqual(['csinodes|node-1', 'nodes|node-1', 'pods|shop/app']);
  });

  it('a pod that moves to another claim marks the old and the new claim', () => {
    const { store } = world();
    const before = store.get('pods', 'other', 'shop')!;
    const after = { ...pod('shop', 'other', ['pending']), metadata: before.metadata };
    store.update('pods', after);
    const { objects } = marked((d) => markChange(store, 'pods', before, after, d));
    expect(objects).toEqual(expect.arrayContaining(['persistentvolumeclaims|shop/pending', 'pods|shop/app', 'pods|shop/other', 'nodes|node-2']));
  });
});

describe('what reaches a StatefulSet (issue 12 part 4)', () => {
  const set = (ns: string, name: string) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: ns, uid: `${ns}-${name}` }, spec: { replicas: 1 } });
  const limits = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'size', namespace: 'shop' }, spec: { limits: [] } };

  it("a LimitRange, a ResourceQuota, a claim or an event about it re-examine the namespace's StatefulSets only; a class reaches them all", () => {
    const { store } = world();
    store.add('statefulsets', set('shop', 'web'));
    store.add('statefulsets', set('other', 'db'));
    for (const [kind, obj] of [['limitranges', limits], ['resourcequotas', { ...limits, kind: 'ResourceQuota' }], ['persistentvolumeclaims', pvc('shop', 'data-web-0')]] as const) {
      const { objects } = marked((d) => markChange(store, kind, undefined, obj, d));
      expect(objects, kind).toContain('statefulsets|shop/web');
      expect(objects, kind).not.toContain('statefulsets|other/db');
    }
    const e = event({ kind: 'StatefulSet', name: 'web', namespace: 'shop' }, 'FailedCreate', 'Create Claim data-web-0 for Pod web-0 in StatefulSet web failed error: no');
    expect(marked((d) => markChange(store, 'events', undefined, e, d)).objects).toContain('statefulsets|shop/web');
    expect(marked((d) => markChange(store, 'storageclasses', undefined, sc('new'), d)).objects).toEqual(expect.arrayContaining(['statefulsets|shop/web', 'statefulsets|other/db']));
  });
});

describe('what reaches a VolumeSnapshot and a restored claim (issue 15 part 2)', () => {
  const snap = (name: string, claim: string, className = 'snaps', content?: string) => ({
    apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name, namespace: 'shop', uid: `snap-${name}` },
    spec: { volumeSnapshotClassName: className, source: { persistentVolumeClaimName: claim } },
    ...(content ? { status: { boundVolumeSnapshotContentName: content } } : {}),
  });
  const restored = (name: string, kind: string, source: string) => ({ ...pvc('shop', name), spec: { ...pvc('shop', name).spec, dataSource: { apiGroup: kind === 'VolumeSnapshot' ? 'snapshot.storage.k8s.io' : undefined, kind, name: source } } });

  it('its class, its content, its claim and the claim\'s volume reach the snapshot; the snapshot reaches claims restored from it, not its source', () => {
    const { store, volume } = world();
    store.add('volumesnapshots', snap('s1', 'bound', 'snaps', 'content-1'));
    store.add('volumesnapshots', snap('s2', 'pending', 'other'));
    store.add('persistentvolumeclaims', restored('from-s1', 'VolumeSnapshot', 's1'));
    const snapClass = { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'snaps' }, driver: 'd' };
    expect(marked((d) => markChange(store, 'volumesnapshotclasses', undefined, snapClass, d)).objects).toEqual(['volumesnapshotclasses|snaps', 'volumesnapshots|shop/s1']);
    const content = { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotContent', metadata: { name: 'content-1' }, spec: { driver: 'd', volumeSnapshotRef: { namespace: 'shop', name: 's1' } } };
    expect(marked((d) => markChange(store, 'volumesnapshotcontents', undefined, content, d)).objects).toEqual(['volumesnapshotcontents|content-1', 'volumesnapshots|shop/s1']);
    expect(marked((d) => markChange(store, 'persistentvolumes', undefined, volume, d)).objects).toContain('volumesnapshots|shop/s1');
    expect(marked((d) => markChange(store, 'persistentvolumeclaims', undefined, store.get('persistentvolumeclaims', 'bound', 'shop'), d)).objects).toContain('volumesnapshots|shop/s1');
    const onSnapshot = marked((d) => markChange(store, 'volumesnapshots', undefined, snap('s1', 'bound'), d)).objects;
    expect(onSnapshot).toContain('persistentvolumeclaims|shop/from-s1');
    // Its source claim's verdict does not read it (no rule or row declares VolumeSnapshot -> its claim).
    expect(onSnapshot).not.toContain('persistentvolumeclaims|shop/bound');
    expect(onSnapshot).not.toContain('volumesnapshots|shop/s2');
  });

  it('a source claim turning Bound (its "before" is Pending) reaches its clones; a bound one\'s relabel does not scan for them', () => {
    const { store } = world();
    store.add('persistentvolumeclaims', restored('clone', 'PersistentVolumeClaim', 'pending'));
    const pending = store.get('persistentvolumeclaims', 'pending', 'shop')!;
    const nowBound = { ...pending, status: { phase: 'Bound' } };
    expect(marked((d) => markChange(store, 'persistentvolumeclaims', pending, nowBound, d)).objects).toContain('persistentvolumeclaims|shop/clone');
    const bound = store.get('persistentvolumeclaims', 'bound', 'shop')!;
    store.add('persistentvolumeclaims', restored('clone-of-bound', 'PersistentVolumeClaim', 'bound'));
    const relabelled = { ...bound, metadata: { ...bound.metadata, labels: { a: 'b' } } };
    expect(marked((d) => markChange(store, 'persistentvolumeclaims', bound, relabelled, d)).objects).not.toContain('persistentvolumeclaims|shop/clone-of-bound');
  });
});
