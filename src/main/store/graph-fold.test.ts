import { describe, expect, it } from 'vitest';
import type { GraphNode, StorageGraph } from '../../shared/model/detail';
import { boundPair, pod, pv, pvc, sc, syncedStore } from './testing/fixtures';
import { foldChains, GROUP_MIN } from './graph-fold';
import { GRAPH_NODE_CAP } from './graph';
import { healthySet, webSet } from './testing/statefulsets';

const groupsOf = (g: StorageGraph): GraphNode[] => g.nodes.filter((n) => n.group);

describe('identical chains are grouped', () => {
  it('2,000 alike claims in one namespace read as "2,000 claims -> class -> provisioner", with their pods and volumes', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('fast')]);
    const pairs = Array.from({ length: 2000 }, (_, i) => boundPair('big', `data-${String(i).padStart(4, '0')}`));
    s.replace('persistentvolumeclaims', pairs.map(([c]) => c));
    s.replace('persistentvolumes', pairs.map(([, v]) => v));
    s.replace('pods', pairs.map(([c], i) => pod('big', `app-${i}`, [c.metadata?.name ?? ''])));
    const graph = s.getGraph({ clusterId: 't', namespace: 'big' });
    expect(graph.truncated).toBeUndefined();
    expect(graph.nodes.map((n) => `${n.type}${n.group ? ` x${n.group.count}` : ''}`).sort()).toEqual(['claim x2000', 'class', 'pod x2000', 'provisioner', 'volume x2000']);
    // Near-miss volumes are drawn in the graph of one claim only (in a namespace they would bury the chains).
    expect(graph.edges.some((e) => e.relation === 'near-miss')).toBe(false);
    const claims = graph.nodes.find((n) => n.type === 'claim');
    expect(claims).toMatchObject({ label: 'data-0000 … data-1999', sublabel: 'Bound · 1Gi' });
    expect(claims?.group?.members[0]).toMatchObject({ kind: 'persistentvolumeclaims', namespace: 'big', name: 'data-0000' });
    expect(graph.edges.map((e) => `${e.from.split(':')[0]}:${e.from.split(':')[1]} -> ${e.to.split(':')[0]}:${e.to.split(':')[1]} ${e.state}`).sort()).toEqual([
      'group:claim -> group:volume bound',
      'group:pod -> group:claim bound',
      'group:volume -> storageclasses:fast bound',
      // No lease in this store: the provisioner's verdict is unknown, so its link waits.
      'storageclasses:fast -> provisioner:example.com/nfs waiting',
    ]);
  });

  it('chains that differ in state or target stay apart: Pending claims are not grouped with Bound ones', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('fast')]);
    const pairs = Array.from({ length: 5 }, (_, i) => boundPair('shop', `b${i}`));
    // Sizes differ within a group (its line then says only the phase); the phase may not.
    const pending = Array.from({ length: 4 }, (_, i) => pvc('shop', `p${i}`, { storageClassName: 'fast', resources: { requests: { storage: `${i + 1}Gi` } } }));
    const ghost = Array.from({ length: 4 }, (_, i) => pvc('shop', `g${i}`, { storageClassName: 'ghost' }));
    s.replace('persistentvolumeclaims', [...pairs.map(([c]) => c), ...pending, ...ghost]);
    s.replace('persistentvolumes', pairs.map(([, v]) => v));
    const graph = s.getGraph({ clusterId: 't', namespace: 'shop' });
    const claimGroups = groupsOf(graph).filter((n) => n.type === 'claim');
    expect(claimGroups.map((n) => `${n.group?.count} ${n.sublabel}`).sort()).toEqual(['4 Pending', '4 Pending · 1Gi', '5 Bound · 1Gi']);
    const ghostGroup = claimGroups.find((n) => n.group?.members[0]?.name === 'g0');
    expect(graph.edges.find((e) => e.from === ghostGroup?.id)).toMatchObject({ to: 'storageclasses:ghost', state: 'missing', findingCode: 'claim.class-missing' });
  });

  it('fewer than GROUP_MIN alike objects and the root are drawn one by one; an expanded group is drawn whole', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', Array.from({ length: GROUP_MIN - 1 }, (_, i) => pvc('few', `c${i}`, { storageClassName: 'fast' })));
    expect(groupsOf(s.getGraph({ clusterId: 't', namespace: 'few' }))).toEqual([]);

    s.replace('persistentvolumeclaims', Array.from({ length: 6 }, (_, i) => pvc('few', `c${i}`, { storageClassName: 'fast' })));
    const byClass = s.getGraph({ clusterId: 't', root: { kind: 'storageclasses', name: 'fast' } });
    expect(byClass.rootId).toBe('storageclasses:fast');
    const [group] = groupsOf(byClass);
    expect(group?.group?.count).toBe(6);
    const expanded = s.getGraph({ clusterId: 't', root: { kind: 'storageclasses', name: 'fast' }, expand: [group?.id ?? ''] });
    expect(groupsOf(expanded)).toEqual([]);
    expect(expanded.nodes.filter((n) => n.type === 'claim')).toHaveLength(6);
    // The group id depends on the chain, not on the members: one more claim keeps it.
    s.replace('persistentvolumeclaims', Array.from({ length: 7 }, (_, i) => pvc('few', `c${i}`, { storageClassName: 'fast' })));
    expect(groupsOf(s.getGraph({ clusterId: 't', namespace: 'few' }))[0]?.id).toBe(group?.id);
    // The root of a claim's graph is never folded into its neighbours.
    const one = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', namespace: 'few', name: 'c0' } });
    expect(one.nodes.find((n) => n.id === one.rootId)?.label).toBe('c0');
  });

  it('a graph that still has too many nodes after folding is cut to GRAPH_NODE_CAP, keeping its edges consistent', () => {
    const nodes: GraphNode[] = Array.from({ length: GRAPH_NODE_CAP + 50 }, (_, i) => ({ id: `c${i}`, type: 'class', label: `c${i}` }));
    expect(foldChains({ nodes, edges: [] }).nodes).toHaveLength(GRAPH_NODE_CAP + 50);
    const s = syncedStore();
    s.replace('persistentvolumeclaims', Array.from({ length: GRAPH_NODE_CAP }, (_, i) => pvc('big', `c${i}`, { storageClassName: `ghost-${i}` })));
    const big = s.getGraph({ clusterId: 't', namespace: 'big' });
    expect(big.truncated).toBe(true);
    expect(big.nodes.length).toBe(GRAPH_NODE_CAP);
    const ids = new Set(big.nodes.map((n) => n.id));
    expect(big.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
  });
});

describe('near-miss edges', () => {
  it('a Pending claim of a static class has a mismatch edge to each near-miss volume, naming the fields that differ', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('manual', { provisioner: 'kubernetes.io/no-provisioner' })]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'data', { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } })]);
    s.replace('persistentvolumes', [pv('small', { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } })]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' } });
    const edge = graph.edges.find((e) => e.to === 'persistentvolumes:small');
    expect(edge).toMatchObject({ from: 'persistentvolumeclaims:shop/data', state: 'mismatch', relation: 'near-miss', differs: ['spec.capacity.storage'] });
    expect(edge?.findingCode).toBe('claim.static-near-miss');
  });
});

describe('the chains with problems (the graph with no object and no namespace chosen)', () => {
  it('draws only claims and volumes with a problem or warning, in the namespaces asked for', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('fast')]);
    const [ok, okPv] = boundPair('shop', 'fine');
    s.replace('persistentvolumeclaims', [ok, pvc('shop', 'lost-class', { storageClassName: 'ghost' }), pvc('other', 'also-lost', { storageClassName: 'ghost' })]);
    s.replace('persistentvolumes', [okPv]);
    const all = s.getGraph({ clusterId: 't', problems: true });
    expect(all.nodes.filter((n) => n.type === 'claim').map((n) => n.label).sort()).toEqual(['also-lost', 'lost-class']);
    expect(all.nodes.some((n) => n.label === 'fine')).toBe(false);
    const shop = s.getGraph({ clusterId: 't', problems: true, namespaces: ['shop'] });
    expect(shop.nodes.filter((n) => n.type === 'claim').map((n) => n.label)).toEqual(['lost-class']);
    // A healthy cluster has no problem chain: the graph is empty (the UI says so).
    const healthy = syncedStore();
    healthy.replace('storageclasses', [sc('fast')]);
    healthy.replace('persistentvolumeclaims', [ok]);
    healthy.replace('persistentvolumes', [okPv]);
    expect(healthy.getGraph({ clusterId: 't', problems: true }).nodes).toEqual([]);
  });
});

describe('StatefulSets fold under their set', () => {
  it('a 50-replica set reads "set -> 50 pods -> 50 claims -> 50 volumes -> class"; 50 refused claims fold into one missing group', () => {
    const s = healthySet(50);
    const graph = s.getGraph({ clusterId: 't', namespace: 'shop' });
    expect(graph.nodes.map((n) => `${n.type}${n.group ? ` x${n.group.count}` : ''}`).sort()).toEqual(['claim x50', 'class', 'pod x50', 'provisioner', 'statefulset', 'volume x50']);
    const fromSet = graph.edges.filter((e) => e.from === 'statefulsets:shop/web').map((e) => `${e.to.split(':').slice(0, 2).join(':')} ${e.state}`).sort();
    expect(fromSet).toEqual(['group:claim bound', 'group:pod bound']);

    const refused = syncedStore();
    refused.replace('storageclasses', [sc('fast')]);
    refused.replace('limitranges', [{ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'pvc-size', namespace: 'shop', uid: 'lr' }, spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '1Gi' } }] } }]);
    refused.replace('statefulsets', [webSet(50, 'web', '2Gi')]);
    const missing = refused.getGraph({ clusterId: 't', namespace: 'shop' });
    const group = missing.nodes.find((n) => n.group);
    expect(missing.nodes).toHaveLength(2);
    expect(group).toMatchObject({ type: 'claim', group: { count: 50 } });
    expect(missing.edges).toEqual([expect.objectContaining({ from: 'statefulsets:shop/web', to: group?.id, state: 'missing', findingCode: 'statefulset.claim-over-limit' })]);
  });
});
