/**
 * Identical chains drawn once: in a namespace of 2,000 claims made alike ("2,000 claims -> class X -> provisioner
 * Y"), a node per object is unreadable and slow. Pods, claims and volumes whose chains are the same (same type and
 * state, same secondary line, same links to the same next objects, same kinds of links arriving) become one node
 * that stands for all of them (GraphNode.group), folded from the far end of the chain inwards (volumes, then
 * claims, then pods), so "40 pods -> 40 claims -> 40 volumes -> class" folds to three nodes.
 * Pure: StorageGraph in, StorageGraph out.
 */
import type { GraphEdge, GraphNode, GraphNodeKind, StorageGraph } from '../../shared/model/detail';
import type { ObjectRef } from '../../shared/model/refs';

/** Fewer objects than this with one chain are drawn one by one. */
export const GROUP_MIN = 3;

/** The types folded, in the order they are folded: from the class end of the chain towards the pods. */
const FOLD_ORDER: readonly GraphNodeKind[] = ['volume', 'claim', 'pod'];

/**
 * Folds identical chains. `keep` holds node ids never folded (the root); `expand` group ids the user opened,
 * whose members are drawn one by one. Group ids are stable for the same members' chain: `group:<type>:<hash>`,
 * the hash of what makes the chain (not of the members), so a group opened stays open when one more claim joins it.
 */
export function foldChains(graph: StorageGraph, keep: ReadonlySet<string> = new Set(), expand: ReadonlySet<string> = new Set()): StorageGraph {
  let nodes = graph.nodes;
  let edges = graph.edges;
  for (const type of FOLD_ORDER) {
    const folded = foldType(nodes, edges, type, keep, expand);
    nodes = folded.nodes;
    edges = folded.edges;
  }
  const out: StorageGraph = { ...graph, nodes, edges };
  return out;
}

function foldType(nodes: GraphNode[], edges: GraphEdge[], type: GraphNodeKind, keep: ReadonlySet<string>, expand: ReadonlySet<string>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const outOf = new Map<string, GraphEdge[]>();
  const inOf = new Map<string, GraphEdge[]>();
  for (const e of edges) {
    (outOf.get(e.from) ?? outOf.set(e.from, []).get(e.from)!).push(e);
    (inOf.get(e.to) ?? inOf.set(e.to, []).get(e.to)!).push(e);
  }
  const byKey = new Map<string, GraphNode[]>();
  for (const node of nodes) {
    if (node.type !== type || keep.has(node.id) || node.group || !node.ref) continue;
    const key = chainKey(node, outOf.get(node.id) ?? [], inOf.get(node.id) ?? []);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(node);
  }
  const groupOf = new Map<string, string>();
  const groups = new Map<string, GraphNode>();
  for (const [key, members] of byKey) {
    const id = `group:${type}:${hash(key)}`;
    if (members.length < GROUP_MIN || expand.has(id)) continue;
    const refs = members.map((m) => m.ref as ObjectRef).sort((a, b) => a.name.localeCompare(b.name));
    const first = members[0]!;
    const group: GraphNode = { id, type, label: `${refs[0]!.name} … ${refs[refs.length - 1]!.name}`, group: { count: refs.length, members: refs } };
    // The secondary line when all share it ("Bound · 10Gi"), else the phase they share ("Pending").
    const sublabel = members.every((m) => m.sublabel === first.sublabel) ? first.sublabel : phaseOf(first.sublabel);
    if (sublabel) group.sublabel = sublabel;
    if (first.zones) group.zones = first.zones;
    if (first.severity) group.severity = first.severity;
    groups.set(first.id, group);
    for (const m of members) groupOf.set(m.id, id);
  }
  if (groupOf.size === 0) return { nodes, edges };
  // The group takes the place of its first member, so the graph keeps its order.
  const outNodes: GraphNode[] = [];
  for (const node of nodes) {
    const group = groups.get(node.id);
    if (group) outNodes.push(group);
    else if (!groupOf.has(node.id)) outNodes.push(node);
  }
  const outEdges = new Map<string, GraphEdge>();
  for (const e of edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const to = groupOf.get(e.to) ?? e.to;
    const id = `${from}->${to}`;
    if (!outEdges.has(id)) outEdges.set(id, from === e.from && to === e.to ? e : { ...e, id, from, to });
  }
  return { nodes: outNodes, edges: [...outEdges.values()] };
}

/** What makes two objects' chains the same: their own state, where their links go and what kinds of links arrive. */
function chainKey(node: GraphNode, out: GraphEdge[], inbound: GraphEdge[]): string {
  // Sizes may differ within a group; the phase may not.
  const own = [node.type, node.severity ?? '', node.missing ? 'missing' : '', phaseOf(node.sublabel) ?? '', (node.zones ?? []).join(',')].join('|');
  const to = out.map((e) => `${e.relation ?? ''}:${e.state}:${e.findingCode ?? ''}:${(e.differs ?? []).join(',')}>${e.to}`).sort();
  const from = [...new Set(inbound.map((e) => `${e.relation ?? ''}:${e.state}:${e.findingCode ?? ''}`))].sort();
  return JSON.stringify([own, to, from]);
}

/** The first part of a secondary line ("Pending · 10Gi" -> "Pending"): the phase of claims and volumes, a pod's status. */
function phaseOf(sublabel: string | undefined): string | undefined {
  return sublabel?.split(' · ')[0];
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable id for a chain key. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
