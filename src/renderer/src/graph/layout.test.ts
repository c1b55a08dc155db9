import { plainText } from '../../../shared/verbatim';
import { describe, expect, it } from 'vitest';
import type { StorageGraph } from '../../../shared/model/detail';
import { translate } from '../i18n/i18n';
import { layoutGraph, NODE_HEIGHT } from './layout';
import { graphWords } from './words';

const chain: StorageGraph = {
  nodes: [
    { id: 'pod', type: 'pod', label: 'web-0' },
    { id: 'pvc', type: 'claim', label: 'data' },
    { id: 'pv', type: 'volume', label: 'pv-1' },
    { id: 'sc', type: 'class', label: 'fast' },
    { id: 'prov', type: 'provisioner', label: 'hostpath.csi.k8s.io', verdict: 'alive' },
  ],
  edges: [
    { id: 'a', from: 'pod', to: 'pvc', state: 'bound' },
    { id: 'b', from: 'pvc', to: 'pv', state: 'bound' },
    { id: 'c', from: 'pv', to: 'sc', state: 'mismatch', findingCode: 'claim.class-mismatch' },
    { id: 'd', from: 'sc', to: 'prov', state: 'waiting' },
    { id: 'e', from: 'pod', to: 'sc', state: 'bound', relation: 'uses' },
    { id: 'dangling', from: 'sc', to: 'nowhere', state: 'missing' },
  ],
  rootId: 'pvc',
};

describe('layoutGraph', () => {
  const { nodes, edges } = layoutGraph(chain, graphWords((key, params) => translate('en', key, params)));
  const x = (id: string) => nodes.find((n) => n.id === id)!.position.x;

  it('places the chain left to right', () => {
    expect(x('pod')).toBeLessThan(x('pvc'));
    expect(x('pvc')).toBeLessThan(x('pv'));
    expect(x('pv')).toBeLessThan(x('sc'));
    expect(x('sc')).toBeLessThan(x('prov'));
  });

  it('marks the root and keeps node data', () => {
    expect(nodes.find((n) => n.id === 'pvc')!.data.root).toBe(true);
    expect(nodes.find((n) => n.id === 'prov')!.data.node.verdict).toBe('alive');
  });

  it('labels broken edges with their state (no rule id: trial 3 defect 6), leaves bound ones quiet', () => {
    expect(edges.find((e) => e.id === 'a')!.label).toBeUndefined();
    expect(edges.find((e) => e.id === 'c')!.label).toBe('mismatch');
    expect(edges.find((e) => e.id === 'd')!.label).toBe('waiting');
    expect(edges.find((e) => e.id === 'd')!.animated).toBe(true);
    expect(edges.find((e) => e.id === 'c')!.className).toBe('edge-mismatch');
  });

  it('says what an edge means when the core names its relation, in the UI language', () => {
    expect(edges.find((e) => e.id === 'e')!.label).toBe('uses');
    const ru = layoutGraph(chain, graphWords((key, params) => translate('ru', key, params)));
    expect(ru.edges.find((e) => e.id === 'e')!.label).toBe('использует');
    expect(ru.edges.find((e) => e.id === 'd')!.label).toBe('ожидание');
    // The name is the cluster's: marked with isolates (shared/verbatim.ts), as in tooltips.
    expect(plainText(ru.nodes.find((n) => n.id === 'prov')!.ariaLabel ?? '')).toBe('Провизионер, hostpath.csi.k8s.io');
    // Edges say what they are in the UI language, not React Flow's "Edge from a to b".
    for (const edge of ru.edges) expect(edge.ariaLabel).toMatch(/^Связь /);
  });

  it('skips edges to nodes that were not sent', () => {
    expect(edges.map((e) => e.id)).not.toContain('dangling');
  });
});

describe('layoutGraph top to bottom', () => {
  const { nodes } = layoutGraph(chain, graphWords((key, params) => translate('en', key, params)), 'TB');
  const y = (id: string) => nodes.find((n) => n.id === id)!.position.y;

  it('stacks the chain and tells the nodes where their handles go', () => {
    expect(y('pod')).toBeLessThan(y('pvc'));
    expect(y('pvc')).toBeLessThan(y('pv'));
    expect(y('pv')).toBeLessThan(y('sc'));
    expect(y('sc')).toBeLessThan(y('prov'));
    expect(nodes.every((n) => n.data.direction === 'TB')).toBe(true);
  });

  it('leaves room between ranks for a label line', () => {
    expect(y('pvc') - y('pod') - NODE_HEIGHT).toBeGreaterThanOrEqual(30);
  });
});

describe('a StatefulSet in the graph', () => {
  const setGraph: StorageGraph = {
    nodes: [
      { id: 'sts', type: 'statefulset', label: 'web', sublabel: '0/2' },
      { id: 'pod', type: 'pod', label: 'web-0' },
      { id: 'pvc', type: 'claim', label: 'data-web-0' },
      { id: 'gone', type: 'claim', label: 'data-web-1', missing: true },
    ],
    edges: [
      { id: 's1', from: 'sts', to: 'pod', state: 'bound', relation: 'creates' },
      { id: 's2', from: 'sts', to: 'pvc', state: 'bound', relation: 'creates' },
      { id: 's3', from: 'sts', to: 'gone', state: 'missing', relation: 'creates', findingCode: 'statefulset.claim-over-limit' },
      { id: 'u', from: 'pod', to: 'pvc', state: 'bound', relation: 'uses' },
    ],
    rootId: 'sts',
  };

  it('is ranked before its pods and claims, both directions, and its missing claims are dashed', () => {
    for (const direction of ['LR', 'TB'] as const) {
      const { nodes } = layoutGraph(setGraph, graphWords((key, params) => translate('en', key, params)), direction);
      const at = (id: string) => nodes.find((n) => n.id === id)!.position[direction === 'LR' ? 'x' : 'y'];
      expect(at('sts')).toBeLessThan(at('pod'));
      expect(at('pod')).toBeLessThan(at('pvc'));
      expect(at('sts')).toBeLessThan(at('gone'));
    }
    const { edges } = layoutGraph(setGraph, graphWords((key, params) => translate('en', key, params)));
    expect(edges.find((e) => e.id === 's3')!.style?.strokeDasharray).toBe('6 4');
  });

  it('names the node and its edges in the UI language', () => {
    const ru = layoutGraph(setGraph, graphWords((key, params) => translate('ru', key, params)));
    expect(ru.edges.find((e) => e.id === 's1')!.label).toBe('создаёт');
    expect(plainText(ru.nodes.find((n) => n.id === 'sts')!.ariaLabel ?? '')).toBe('StatefulSet, web, 0/2');
    const en = layoutGraph(setGraph, graphWords((key, params) => translate('en', key, params)));
    // The bound edge to a claim skips the pods' rank: no label (it would lie under a pod's card); its aria says it.
    expect(en.edges.find((e) => e.id === 's2')!.label).toBeUndefined();
    expect(en.edges.find((e) => e.id === 's2')!.ariaLabel).toMatch(/creates$/);
    expect(en.edges.find((e) => e.id === 's3')!.label).toBe('creates');
    expect(plainText(en.nodes.find((n) => n.id === 'gone')!.ariaLabel ?? '')).toBe('PVC, data-web-1, missing');
  });
});
