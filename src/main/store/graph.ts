/**
 * The binding graph: StatefulSet -> Pod -> PVC -> PV -> StorageClass -> provisioner, plus the node of scheduled
 * pods and of node-pinned volumes (StatefulSets: graph-statefulsets.ts; the builder: graph-builder.ts). Each edge says whether the link holds (bound), is yet to be made (waiting), points at
 * the wrong object (mismatch) or at nothing (missing), with the finding that explains a broken one.
 * Graphs of a namespace or a provisioner are capped (`truncated`) to stay readable.
 */
import type { Resource } from '../../shared/kube/resource-registry';
import type { PersistentVolume, PersistentVolumeClaim, Pod } from '../../shared/kube/objects';
import type { StatefulSet } from '../../shared/kube/objects-owners';
import type { GraphRequest, StorageGraph } from '../../shared/model/detail';
import type { ObjectRef } from '../../shared/model/refs';
import { foldChains } from './graph-fold';
import { ordinalEdges, setOfClaim, setOfPod, statefulSetChains } from './graph-statefulsets';
import { GraphBuilder } from './graph-builder';
import { objectKey, podClaimNames } from './object-keys';
import type { StoreContext } from './store-context';

/** Graphs of a namespace or provisioner stop growing past this many nodes. */
export const GRAPH_NODE_CAP = 300;


/**
 * Graphs are built whole up to this many nodes, then identical chains are folded (graph-fold.ts) and the result
 * cut to GRAPH_NODE_CAP: a namespace of 2,000 alike claims folds to a few nodes instead of being cut at 300.
 */
export const GRAPH_BUILD_CAP = 30_000;

export function storageGraph(ctx: StoreContext, req: GraphRequest): StorageGraph {
  const expand = new Set(req.expand ?? []);
  if ('root' in req) return finish(rootGraph(ctx, req.root), expand);
  const builder = new GraphBuilder(ctx, GRAPH_BUILD_CAP);
  if ('namespace' in req) {
    // Sets first: their pods and claims are then drawn under them, and a set is never the node cut by the cap.
    for (const set of ctx.store.list('statefulsets', req.namespace)) {
      if (builder.full) break;
      statefulSetChains(builder, ctx, set);
    }
    for (const pod of ctx.store.list('pods', req.namespace)) {
      if (builder.full) break;
      if (podClaimNames(pod).length > 0) builder.pod(pod);
    }
    for (const claim of ctx.store.list('persistentvolumeclaims', req.namespace)) {
      if (builder.full) break;
      builder.claim(claim);
    }
    if (builder.full) builder.truncated = true;
    return finish(builder.result(), expand);
  }
  if ('problems' in req) return finish(problemChains(ctx, builder, req.namespaces), expand);
  const rootId = builder.provisioner(req.provisioner);
  for (const sc of ctx.store.classesOfProvisioner(req.provisioner)) {
    const name = sc.metadata?.name ?? '';
    builder.storageClass(name);
    for (const pv of ctx.store.volumesOfClass(name)) {
      if (builder.full) break;
      builder.volume(pv);
    }
    for (const claim of ctx.store.claimsOfClass(name)) {
      if (builder.full) break;
      builder.claim(claim);
    }
  }
  return finish(builder.result(rootId), expand);
}

/**
 * The chains of every StatefulSet, claim and volume whose diagnosis is a problem or a warning (not an expected wait), in
 * `namespaces` when given (volumes are cluster-wide: those bound or reserved to a claim there): what a support
 * engineer opens the graph for when no object and no namespace is chosen.
 */
function problemChains(ctx: StoreContext, builder: GraphBuilder, namespaces: string[] | undefined): StorageGraph {
  const serious = (kind: Resource, key: string) => {
    const severity = ctx.findings.badge(kind, key)?.severity;
    return severity === 'problem' || severity === 'warning';
  };
  const scopes = namespaces && namespaces.length > 0 ? namespaces : [undefined];
  for (const ns of scopes) {
    // A set whose claims admission refuses has no claim to be serious: the set carries the finding.
    for (const set of ctx.store.list('statefulsets', ns)) {
      if (builder.full) break;
      if (serious('statefulsets', objectKey(set))) statefulSetChains(builder, ctx, set);
    }
    for (const claim of ctx.store.list('persistentvolumeclaims', ns)) {
      if (builder.full) break;
      if (serious('persistentvolumeclaims', objectKey(claim))) builder.claim(claim);
    }
  }
  const wanted = namespaces && namespaces.length > 0 ? new Set(namespaces) : undefined;
  for (const pv of ctx.store.list('persistentvolumes')) {
    if (builder.full) break;
    if (wanted && !wanted.has(pv.spec?.claimRef?.namespace ?? '')) continue;
    if (serious('persistentvolumes', objectKey(pv))) builder.volume(pv);
  }
  if (builder.full) builder.truncated = true;
  return builder.result();
}

/** Folds identical chains (never the root, never an expanded group), then cuts the graph to GRAPH_NODE_CAP nodes. */
function finish(graph: StorageGraph, expand: ReadonlySet<string>): StorageGraph {
  const folded = foldChains(graph, new Set(graph.rootId ? [graph.rootId] : []), expand);
  if (folded.nodes.length <= GRAPH_NODE_CAP) return folded;
  const nodes = folded.nodes.slice(0, GRAPH_NODE_CAP);
  const ids = new Set(nodes.map((n) => n.id));
  if (folded.rootId && !ids.has(folded.rootId)) {
    const root = folded.nodes.find((n) => n.id === folded.rootId);
    if (root) {
      nodes[nodes.length - 1] = root;
      ids.clear();
      for (const n of nodes) ids.add(n.id);
    }
  }
  return { ...folded, nodes, edges: folded.edges.filter((e) => ids.has(e.from) && ids.has(e.to)), truncated: true };
}

function rootGraph(ctx: StoreContext, root: ObjectRef): StorageGraph {
  const builder = new GraphBuilder(ctx, GRAPH_BUILD_CAP);
  builder.withNearMisses = true;
  const obj = ctx.store.get(root.kind, root.name, root.namespace);
  let rootId: string | undefined;
  if (!obj) {
    if (root.kind === 'storageclasses' || root.kind === 'csidrivers') {
      if (ctx.findings.provisioner(root.name)) return storageGraph(ctx, { clusterId: ctx.clusterId, provisioner: root.name });
    }
    rootId = builder.object(root.kind, root.name, root.namespace);
    return builder.result(rootId);
  }
  switch (root.kind) {
    case 'pods': {
      rootId = builder.pod(obj as Pod);
      const owner = setOfPod(ctx, obj as Pod);
      if (owner) ordinalEdges(builder, ctx, owner.set, owner.ordinal, false);
      break;
    }
    case 'persistentvolumeclaims': {
      rootId = builder.claim(obj as PersistentVolumeClaim);
      const owner = setOfClaim(ctx, obj as PersistentVolumeClaim);
      if (owner) ordinalEdges(builder, ctx, owner.set, owner.ordinal, false);
      break;
    }
    case 'statefulsets':
      rootId = statefulSetChains(builder, ctx, obj as StatefulSet);
      break;
    case 'persistentvolumes':
      rootId = builder.volume(obj as PersistentVolume);
      break;
    case 'storageclasses': {
      rootId = builder.storageClass(root.name);
      for (const pv of ctx.store.volumesOfClass(root.name)) builder.volume(pv);
      for (const claim of ctx.store.claimsOfClass(root.name)) builder.claim(claim);
      break;
    }
    case 'nodes': {
      rootId = builder.object('nodes', root.name);
      for (const pod of ctx.store.podsOnNode(root.name)) builder.pod(pod);
      for (const pv of ctx.store.volumesOnNode(root.name)) builder.volume(pv);
      break;
    }
    default:
      rootId = builder.object(root.kind, root.name, root.namespace);
  }
  return builder.result(rootId);
}
