/**
 * StorageGraph (from the core) -> React Flow nodes and edges placed by dagre, left to right
 * (StatefulSet -> Pod -> PVC -> PV -> StorageClass -> provisioner, and nodes: a set ranks before the pods and
 * claims it creates, so it is drawn above them in the chain), or top to bottom where the visible canvas is too
 * narrow for the row (graph/fit.ts chooses). Pure, so the placement is unit-tested.
 */
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import type { EdgeState, GraphEdge, GraphNode, StorageGraph } from '../../../shared/model/detail';

/**
 * A node's size, px (styles/panels.css .storage-node matches). 232 wide: the longest Russian head
 * («ПРОВИЗИОНЕР НЕ РАБОТАЕТ», «STORAGECLASS НЕ СУЩЕСТВУЕТ») and a ~28-character name fit uncut.
 */
export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 54;

/** A type alias (not an interface) so React Flow accepts it as node data. */
export type StorageNodeData = { node: GraphNode; root: boolean; direction: GraphDirection };

/** dagre's rank direction: LR is the chain read as a sentence; TB stacks it for a tall, narrow canvas. */
export type GraphDirection = 'LR' | 'TB';

/** Space between ranks stacked top to bottom, px: an edge label's line (11 px text, 2 px pad) with air both sides. */
const TB_RANKSEP = 36;
export type StorageFlowNode = Node<StorageNodeData, 'storage'>;

/** Edge colours are theme variables, so they follow light and dark. */
export const EDGE_COLOR: Record<EdgeState, string> = {
  bound: 'var(--edge-bound)',
  waiting: 'var(--edge-waiting)',
  mismatch: 'var(--edge-mismatch)',
  missing: 'var(--edge-missing)',
};

/** Edge labels are text, so they take the darker text variant of the edge's colour (4.5:1 in the light theme). */
export const EDGE_TEXT_COLOR: Record<EdgeState, string> = {
  bound: 'var(--edge-bound-text)',
  waiting: 'var(--edge-waiting-text)',
  mismatch: 'var(--edge-mismatch-text)',
  missing: 'var(--edge-missing-text)',
};

/** The words the layout puts on the graph, in the UI language. */
export interface GraphWords {
  /** An edge's label: its relation for bound edges ("uses"), its state and finding for broken ones; undefined for none. */
  edgeLabel(edge: GraphEdge): string | undefined;
  /** What a screen reader says for a node: type, name, secondary line, "missing". */
  nodeLabel(node: GraphNode): string;
  /** What a screen reader says for an edge (React Flow's own default is English: "Edge from a to b"). */
  edgeAria(edge: GraphEdge, from: GraphNode | undefined, to: GraphNode | undefined): string;
}

/** Room left each side of an edge label before the nodes, px (its background pad is 2 px). */
const LABEL_MARGIN = 16;

/**
 * Upper estimate of an edge label's width, px: 0.62 em a character covers Cyrillic and Latin in the UI's sans-serif
 * (10 px for bound edges, 11 px for the others, see labelStyle below).
 */
export function labelWidth(label: string | undefined, state: EdgeState): number {
  return label ? Math.ceil(label.length * (state === 'bound' ? 10 : 11) * 0.62) : 0;
}

export function layoutGraph(graph: StorageGraph, words: GraphWords, direction: GraphDirection = 'LR'): { nodes: StorageFlowNode[]; edges: Edge[] } {
  const ids = new Set(graph.nodes.map((n) => n.id));
  // An edge to a node the core did not send would break the layout; it is skipped.
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // A StatefulSet's bound edge to a claim spans two ranks (set, pods, claims): its label would sit at the pods' rank,
  // under a pod's card (the 1280x720 journey showed «созда» cut). The set's edge to the pod says "creates" already;
  // the screen reader still hears the claim's edge (edgeAria). A missing claim's edge keeps its label.
  const quiet = (e: GraphEdge) => e.relation === 'creates' && e.state === 'bound' && byId.get(e.to)?.type === 'claim';
  const labels = new Map(edges.map((e) => [e.id, quiet(e) ? undefined : words.edgeLabel(e)]));
  // Ranks sit far enough apart for every edge label to show whole between them: a bound edge's too (trial 4 of
  // issue 8, N5: «работает на» drawn under both nodes read «аботает н»). Labels are SVG text, drawn under the nodes.
  // Stacked top to bottom, a label lies across its edge: the ranks need its height, the nodes of a rank room for
  // the labels of the edges that fan out to them.
  const ranksep = direction === 'TB' ? TB_RANKSEP : Math.max(56, ...edges.map((e) => labelWidth(labels.get(e.id), e.state) + LABEL_MARGIN));
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: direction, nodesep: direction === 'TB' ? 24 : 12, ranksep, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);

  const nodes: StorageFlowNode[] = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return {
      id: node.id,
      type: 'storage',
      // dagre gives centres; React Flow wants the top-left corner.
      position: { x: (placed?.x ?? 0) - NODE_WIDTH / 2, y: (placed?.y ?? 0) - NODE_HEIGHT / 2 },
      data: { node, root: node.id === graph.rootId, direction },
      // Read by screen readers when a node gets keyboard focus.
      ariaLabel: words.nodeLabel(node),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    };
  });
  const flowEdges: Edge[] = edges.map((edge) => ({
    id: edge.id,
    source: edge.from,
    target: edge.to,
    label: labels.get(edge.id),
    ariaLabel: words.edgeAria(edge, byId.get(edge.from), byId.get(edge.to)),
    animated: edge.state === 'waiting',
    className: `edge-${edge.state}`,
    style: { stroke: EDGE_COLOR[edge.state], strokeWidth: edge.state === 'bound' ? 1.5 : 2, strokeDasharray: edge.state === 'missing' ? '6 4' : undefined },
    labelStyle: { fill: EDGE_TEXT_COLOR[edge.state], fontSize: edge.state === 'bound' ? 10 : 11 },
    labelBgStyle: { fill: 'var(--bg-panel)' },
    data: { state: edge.state, findingCode: edge.findingCode },
  }));
  return { nodes, edges: flowEdges };
}
