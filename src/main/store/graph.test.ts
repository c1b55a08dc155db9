import { describe, expect, it } from 'vitest';
import type { StorageGraph } from '../../shared/model/detail';
import { boundPair, nodeObj, pod, pv, pvc, sc, syncedStore, TEST_NOW } from './testing/fixtures';
import { GRAPH_NODE_CAP } from './graph';

const NOW = TEST_NOW;
const store = () => syncedStore();

function edges(graph: StorageGraph): string[] {
  return graph.edges.map((e) => `${e.from} -> ${e.to} ${e.state}`).sort();
}

describe('storage graph', () => {
  it('pod -> claim -> volume -> class -> provisioner, and the node, all bound', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' })]);
    // The provisioner's leader lease, renewed 5 s ago: it is alive.
    s.replace('leases', [{ kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(NOW - 5000).toISOString() } }]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'pods', name: 'db-0', namespace: 'shop' } });
    const pvId = `persistentvolumes:${volume.metadata?.name}`;
    expect(graph.rootId).toBe('pods:shop/db-0');
    expect(edges(graph)).toEqual(
      [
        'pods:shop/db-0 -> nodes:node-1 bound',
        'pods:shop/db-0 -> persistentvolumeclaims:shop/data bound',
        `persistentvolumeclaims:shop/data -> ${pvId} bound`,
        `${pvId} -> storageclasses:fast bound`,
        'storageclasses:fast -> provisioner:example.com/nfs bound',
      ].sort(),
    );
    expect(graph.nodes.find((n) => n.id === 'persistentvolumeclaims:shop/data')).toMatchObject({ type: 'claim', label: 'data', sublabel: 'Bound · 1Gi' });
    expect(graph.nodes.find((n) => n.type === 'provisioner')).toMatchObject({ verdict: 'alive', provisioner: 'example.com/nfs' });
    expect(graph.truncated).toBeUndefined();
  });

  it('a dead provisioner (stale lease) makes the class -> provisioner edge missing, explained', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('leases', [{ kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(NOW - 600_000).toISOString() } }]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'storageclasses', name: 'fast' } });
    expect(graph.edges).toEqual([expect.objectContaining({ from: 'storageclasses:fast', to: 'provisioner:example.com/nfs', state: 'missing', findingCode: 'class.provisioner-dead' })]);
    expect(graph.nodes.find((n) => n.type === 'provisioner')).toMatchObject({ verdict: 'dead', severity: 'problem' });
  });

  it('a missing claim is a missing node with a missing edge explained by the pod finding', () => {
    const s = store();
    s.replace('pods', [pod('shop', 'web', ['nope'], { nodeName: 'node-1', phase: 'Pending' })]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'pods', name: 'web', namespace: 'shop' } });
    const edge = graph.edges.find((e) => e.to === 'persistentvolumeclaims:shop/nope');
    expect(edge).toMatchObject({ state: 'missing', findingCode: 'pod.claim-missing' });
    expect(graph.nodes.find((n) => n.id === 'persistentvolumeclaims:shop/nope')?.missing).toBe(true);
    // The node object is not known either.
    expect(graph.edges.find((e) => e.to === 'nodes:node-1')?.state).toBe('missing');
  });

  it('pending claim waits on its class; a claim naming a missing class has a missing edge', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'a'), pvc('shop', 'b', { storageClassName: 'ghost' })]);
    const a = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', name: 'a', namespace: 'shop' } });
    expect(a.edges.find((e) => e.from === 'persistentvolumeclaims:shop/a')).toMatchObject({ to: 'storageclasses:fast', state: 'waiting' });
    const b = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', name: 'b', namespace: 'shop' } });
    expect(b.edges.find((e) => e.from === 'persistentvolumeclaims:shop/b')).toMatchObject({ to: 'storageclasses:ghost', state: 'missing', findingCode: 'claim.class-missing' });
  });

  it('mismatch: a claim naming a volume whose claimRef points at another claim; a volume left from an earlier claim', () => {
    const s = store();
    s.replace('persistentvolumes', [
      pv('taken', { claimRef: { namespace: 'shop', name: 'other', uid: 'x' } }, 'Bound'),
      pv('stale', { claimRef: { namespace: 'shop', name: 'again', uid: 'old-uid' } }, 'Released'),
    ]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'mine', { volumeName: 'taken' }), pvc('shop', 'again')]);
    const mine = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', name: 'mine', namespace: 'shop' } });
    expect(mine.edges.find((e) => e.to === 'persistentvolumes:taken')?.state).toBe('mismatch');
    const again = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', name: 'again', namespace: 'shop' } });
    expect(again.edges.find((e) => e.to === 'persistentvolumes:stale')).toMatchObject({ state: 'mismatch', relation: 'earlier-claim' });
  });

  it('local volumes are tied to their node', () => {
    const s = store();
    s.replace('persistentvolumes', [pv('local-1', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-9'] }] }] } } })]);
    s.replace('nodes', [nodeObj('node-9')]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumes', name: 'local-1' } });
    expect(graph.edges.find((e) => e.to === 'nodes:node-9')).toMatchObject({ state: 'bound', relation: 'pinned-to' });
    s.replace('persistentvolumes', [pv('zonal', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-1b'] }] }] } } })]);
    const zonal = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumes', name: 'zonal' } });
    expect(zonal.nodes.find((n) => n.id === 'persistentvolumes:zonal')).toMatchObject({ sublabel: 'Available · 1Gi', zones: ['eu-1b'] });
  });

  it('namespace graph covers every chain of the namespace and is capped', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    const pairs = Array.from({ length: 3 }, (_, i) => boundPair('shop', `d${i}`));
    s.replace('persistentvolumeclaims', [...pairs.map(([c]) => c), pvc('other', 'x')]);
    s.replace('persistentvolumes', pairs.map(([, v]) => v));
    s.replace('pods', pairs.map((_, i) => pod('shop', `p${i}`, [`d${i}`])));
    // The three chains are alike, so they are drawn as one group each of pods, claims and volumes (graph-fold.ts)
    // unless the groups are expanded.
    const folded = s.getGraph({ clusterId: 't', namespace: 'shop' });
    const groups = folded.nodes.filter((n) => n.group).map((n) => n.id);
    expect(groups).toHaveLength(3);
    const graph = s.getGraph({ clusterId: 't', namespace: 'shop', expand: groups });
    expect(graph.nodes.filter((n) => n.type === 'claim').map((n) => n.label).sort()).toEqual(['d0', 'd1', 'd2']);
    expect(graph.nodes.filter((n) => n.type === 'pod')).toHaveLength(3);
    expect(graph.truncated).toBeUndefined();

    // Chains that differ (each claim names its own missing class) cannot fold: the graph is cut.
    const many = Array.from({ length: GRAPH_NODE_CAP }, (_, i) => pvc('big', `c${i}`, { storageClassName: `ghost-${i}` }));
    s.replace('persistentvolumeclaims', many, 'big');
    const big = s.getGraph({ clusterId: 't', namespace: 'big' });
    expect(big.truncated).toBe(true);
    expect(big.nodes.length).toBeLessThanOrEqual(GRAPH_NODE_CAP);
  });

  it('provisioner graph: its classes, their volumes and claims', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data');
    s.replace('storageclasses', [sc('fast'), sc('other', { provisioner: 'other.io/x' })]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    const graph = s.getGraph({ clusterId: 't', provisioner: 'example.com/nfs' });
    expect(graph.rootId).toBe('provisioner:example.com/nfs');
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(['claim', 'class', 'provisioner', 'volume']);
    expect(graph.nodes.some((n) => n.label === 'other')).toBe(false);
  });
});
