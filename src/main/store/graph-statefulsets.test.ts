import { describe, expect, it } from 'vitest';
import type { LimitRange } from '../../shared/kube/objects-owners';
import type { StorageGraph } from '../../shared/model/detail';
import { pod, sc, syncedStore } from './testing/fixtures';
import { healthySet, webSet } from './testing/statefulsets';

const ns = 'shop';

const pvcMax1Gi: LimitRange = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'pvc-size', namespace: ns, uid: 'lr' }, spec: { limits: [{ type: 'PersistentVolumeClaim', max: { storage: '1Gi' } }] } };

function setEdges(graph: StorageGraph): string[] {
  return graph.edges.filter((e) => e.from.startsWith('statefulsets:')).map((e) => `${e.to} ${e.state} ${e.relation}${e.findingCode ? ` ${e.findingCode}` : ''}`).sort();
}

describe('StatefulSets in the graph', () => {
  it('the set creates the pod and the claim of each ordinal; drawn above them (its edges leave it, none arrive)', () => {
    const s = healthySet(2);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'statefulsets', name: 'web', namespace: ns } });
    expect(graph.rootId).toBe('statefulsets:shop/web');
    expect(graph.nodes.find((n) => n.id === graph.rootId)).toMatchObject({ type: 'statefulset', label: 'web', sublabel: '2/2' });
    expect(setEdges(graph)).toEqual([
      'persistentvolumeclaims:shop/data-web-0 bound creates',
      'persistentvolumeclaims:shop/data-web-1 bound creates',
      'pods:shop/web-0 bound creates',
      'pods:shop/web-1 bound creates',
    ]);
    expect(graph.edges.some((e) => e.to === graph.rootId)).toBe(false);
    // The chains below go on to the volumes and the class.
    expect(graph.nodes.map((n) => n.type).sort()).toEqual(['claim', 'claim', 'class', 'pod', 'pod', 'provisioner', 'statefulset', 'volume', 'volume']);
  });

  it('claims refused by admission are missing nodes under the set, their edges explained by the set finding', () => {
    const s = syncedStore();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('limitranges', [pvcMax1Gi]);
    s.replace('statefulsets', [webSet(2, 'web', '2Gi')]);
    const graph = s.getGraph({ clusterId: 't', root: { kind: 'statefulsets', name: 'web', namespace: ns } });
    expect(setEdges(graph)).toEqual([
      'persistentvolumeclaims:shop/data-web-0 missing creates statefulset.claim-over-limit',
      'persistentvolumeclaims:shop/data-web-1 missing creates statefulset.claim-over-limit',
    ]);
    expect(graph.nodes.filter((n) => n.type === 'claim').every((n) => n.missing)).toBe(true);
    expect(graph.nodes.find((n) => n.type === 'statefulset')?.severity).toBe('problem');
    // No claim exists, so only the set can bring the refusal into the problems' graph.
    const problems = s.getGraph({ clusterId: 't', problems: true });
    expect(problems.nodes.some((n) => n.id === 'statefulsets:shop/web')).toBe(true);
    expect(problems.edges.some((e) => e.findingCode === 'statefulset.claim-over-limit')).toBe(true);
  });

  it('a healthy set is not in the problems graph; it is in its namespace graph', () => {
    const s = healthySet(2);
    expect(s.getGraph({ clusterId: 't', problems: true }).nodes.some((n) => n.type === 'statefulset')).toBe(false);
    const graph = s.getGraph({ clusterId: 't', namespace: ns, expand: [] });
    expect(graph.nodes.filter((n) => n.type === 'statefulset').map((n) => n.label)).toEqual(['web']);
  });

  it('the graph of one pod or one claim shows its set above it, and only that ordinal', () => {
    const s = healthySet(3);
    const podGraph = s.getGraph({ clusterId: 't', root: { kind: 'pods', name: 'web-1', namespace: ns } });
    expect(setEdges(podGraph)).toEqual(['persistentvolumeclaims:shop/data-web-1 bound creates', 'pods:shop/web-1 bound creates']);
    const claimGraph = s.getGraph({ clusterId: 't', root: { kind: 'persistentvolumeclaims', name: 'data-web-2', namespace: ns } });
    expect(setEdges(claimGraph)).toEqual(['persistentvolumeclaims:shop/data-web-2 bound creates', 'pods:shop/web-2 bound creates']);
    // A pod of the same name that the set does not own is not linked to it.
    s.replace('pods', [pod(ns, 'web-0', ['data-web-0'])]);
    expect(setEdges(s.getGraph({ clusterId: 't', root: { kind: 'statefulsets', name: 'web', namespace: ns } }))).not.toContain('pods:shop/web-0 bound creates');
  });
});
