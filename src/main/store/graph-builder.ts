/**
 * The graph under construction: nodes and edges keyed by object, each node labelled with its kind, name, status
 * line and findings, each edge with its state and the finding that explains it; growth stops at a cap
 * (`truncated`). What to add is decided by graph.ts (namespace, provisioner, problem chains, one object's
 * neighbourhood) and graph-statefulsets.ts (a set's ordinals).
 */
import { isNearMissEvidence } from '../../shared/diagnose/static-binding';
import { claimClassName } from '../../shared/diagnose/view';
import { DESCRIPTOR_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../../shared/kube/objects';
import type { StatefulSet } from '../../shared/kube/objects-owners';
import type { EdgeState, GraphEdge, GraphNode, GraphNodeKind, GraphRelation, StorageGraph } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import { canonicalQuantity } from '../../shared/quantity';
import { refOf } from './related-chain';
import { claimRefKey, nsKey, objectKey, podClaimNames, volumeNodes, volumeZones } from './object-keys';
import { podStatus } from './rows/pod-status';
import type { StoreContext } from './store-context';

const NODE_TYPE: Partial<Record<Resource, GraphNodeKind>> = {
  statefulsets: 'statefulset',
  pods: 'pod',
  persistentvolumeclaims: 'claim',
  persistentvolumes: 'volume',
  storageclasses: 'class',
  nodes: 'node',
  volumesnapshots: 'snapshot',
};

export class GraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  truncated = false;
  /**
   * Draw waiting claims' near-miss volumes (set for the graph of one object): in a namespace's or the problems'
   * graph, five near misses a claim would bury the chains; the broken-links list names the finding there.
   */
  withNearMisses = false;

  constructor(private readonly ctx: StoreContext, private readonly cap = Number.POSITIVE_INFINITY) {}

  get full(): boolean {
    return this.nodes.size >= this.cap;
  }

  result(rootId?: string): StorageGraph {
    const graph: StorageGraph = { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
    if (rootId && this.nodes.has(rootId)) graph.rootId = rootId;
    if (this.truncated) graph.truncated = true;
    return graph;
  }

  private findingsOf(kind: Resource, obj: KubeObject): Finding[] {
    return this.ctx.findings.of(kind, objectKey(obj));
  }

  /** The node of an existing object, or of a dangling reference (missing). Undefined when the graph is full. */
  object(kind: Resource, name: string, namespace?: string): string | undefined {
    const key = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? nsKey(namespace ?? '', name) : name;
    const id = `${kind}:${key}`;
    if (this.nodes.has(id)) return id;
    if (this.full) {
      this.truncated = true;
      return undefined;
    }
    const obj = this.ctx.store.table(kind).get(key);
    const type = NODE_TYPE[kind] ?? 'node';
    if (!obj) {
      const ref: ObjectRef = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? { kind, name, namespace: namespace ?? '' } : { kind, name };
      this.nodes.set(id, { id, type, label: name, ref, missing: true });
      return id;
    }
    const node: GraphNode = { id, type, label: name, ref: refOf(kind, obj) };
    const sublabel = sublabelOf(kind, obj);
    if (sublabel) node.sublabel = sublabel;
    // Zonal volumes name their zone (a node per zone would crowd the graph); node-pinned ones get a node edge.
    const zones = kind === 'persistentvolumes' ? volumeZones(obj as PersistentVolume) : [];
    if (zones.length > 0) node.zones = zones;
    const severity = this.ctx.findings.badge(kind, key)?.severity;
    if (severity) node.severity = severity;
    this.nodes.set(id, node);
    return id;
  }

  provisioner(name: string): string | undefined {
    const id = `provisioner:${name}`;
    if (this.nodes.has(id)) return id;
    if (this.full) {
      this.truncated = true;
      return undefined;
    }
    const health = this.ctx.findings.provisioner(name);
    const node: GraphNode = { id, type: 'provisioner', label: name, provisioner: name };
    if (health) {
      // The verdict is shown in words by the UI (GraphNode.verdict), not as a sublabel.
      node.verdict = health.verdict;
      node.ref = health.ref;
      if (health.verdict === 'dead') node.severity = 'problem';
      else if (health.verdict === 'degraded') node.severity = 'warning';
    }
    this.nodes.set(id, node);
    return id;
  }

  edge(from: string | undefined, to: string | undefined, state: EdgeState, relation: GraphRelation, explain?: Finding): void {
    if (!from || !to) return;
    const id = `${from}->${to}`;
    if (this.edges.has(id)) return;
    const edge: GraphEdge = { id, from, to, state, relation };
    if (state !== 'bound' && explain) {
      edge.findingId = explain.id;
      edge.findingCode = explain.code;
    }
    this.edges.set(id, edge);
  }

  /** The finding that explains a broken link: one naming the other end in its evidence, else the most severe. */
  explain(kind: Resource, obj: KubeObject | undefined, other?: string): Finding | undefined {
    if (!obj) return undefined;
    const list = this.findingsOf(kind, obj);
    return list.find((f) => f.evidence.some((e) => e.ref?.name === other || e.value === other)) ?? list[0];
  }

  // --- chains ---------------------------------------------------------------------------------------------------

  pod(pod: Pod, withClaims = true): string | undefined {
    const ns = pod.metadata?.namespace ?? '';
    const podId = this.object('pods', pod.metadata?.name ?? '', ns);
    if (pod.spec?.nodeName) this.edge(podId, this.object('nodes', pod.spec.nodeName), this.ctx.store.get('nodes', pod.spec.nodeName) ? 'bound' : 'missing', 'runs-on', this.explain('pods', pod, pod.spec.nodeName));
    if (!withClaims) return podId;
    for (const claimName of podClaimNames(pod)) {
      const claim = this.ctx.store.get('persistentvolumeclaims', claimName, ns);
      const state: EdgeState = !claim ? 'missing' : claim.status?.phase === 'Bound' ? 'bound' : claim.status?.phase === 'Lost' ? 'mismatch' : 'waiting';
      const claimId = this.object('persistentvolumeclaims', claimName, ns);
      this.edge(podId, claimId, state, 'uses', state === 'missing' ? this.explain('pods', pod, claimName) : this.explain('persistentvolumeclaims', claim) ?? this.explain('pods', pod, claimName));
      if (claim) this.claim(claim, false);
    }
    return podId;
  }

  claim(claim: PersistentVolumeClaim, withPods = true): string | undefined {
    const ns = claim.metadata?.namespace ?? '';
    const name = claim.metadata?.name ?? '';
    const claimId = this.object('persistentvolumeclaims', name, ns);
    if (withPods) {
      const state: EdgeState = claim.status?.phase === 'Bound' ? 'bound' : claim.status?.phase === 'Lost' ? 'mismatch' : 'waiting';
      for (const pod of this.ctx.store.podsUsingClaim(ns, name)) {
        this.edge(this.pod(pod, false), claimId, state, 'uses', this.explain('persistentvolumeclaims', claim));
      }
    }
    const volumeName = claim.spec?.volumeName;
    if (volumeName) {
      const pv = this.ctx.store.get('persistentvolumes', volumeName);
      const points = pv ? claimRefKey(pv) === nsKey(ns, name) && (!pv.spec?.claimRef?.uid || pv.spec.claimRef.uid === claim.metadata?.uid) : false;
      const state: EdgeState = !pv ? 'missing' : !points ? 'mismatch' : claim.status?.phase === 'Bound' ? 'bound' : 'waiting';
      this.edge(claimId, this.object('persistentvolumes', volumeName), state, 'bound-to', this.explain('persistentvolumeclaims', claim, volumeName));
      if (pv) this.volume(pv, false);
    } else {
      // Volumes pre-bound to it (claimRef set, binding not finished), or left from an earlier claim of this name.
      for (const pv of this.ctx.store.volumesClaiming(ns, name)) {
        const earlier = pv.spec?.claimRef?.uid && claim.metadata?.uid && pv.spec.claimRef.uid !== claim.metadata.uid;
        this.edge(claimId, this.object('persistentvolumes', pv.metadata?.name ?? ''), earlier ? 'mismatch' : 'waiting', earlier ? 'earlier-claim' : 'reserved', this.explain('persistentvolumeclaims', claim, pv.metadata?.name));
        this.volume(pv, false);
      }
      const className = claimClassName(claim) ?? this.ctx.store.defaultClassName();
      if (className) {
        const exists = this.ctx.store.get('storageclasses', className) !== undefined;
        this.edge(claimId, this.object('storageclasses', className), exists ? 'waiting' : 'missing', 'class', this.explain('persistentvolumeclaims', claim, className));
        if (exists) this.storageClass(className);
      }
      if (this.withNearMisses) this.nearMisses(claimId, claim);
    }
    return claimId;
  }

  /**
   * A waiting claim's near-miss volumes (from its diagnosis' evidence, static-binding.ts): a mismatch edge to each,
   * naming the fields that differ (the evidence's source paths).
   */
  private nearMisses(claimId: string | undefined, claim: PersistentVolumeClaim): void {
    for (const finding of this.findingsOf('persistentvolumeclaims', claim)) {
      for (const e of finding.evidence) {
        if (!isNearMissEvidence(e) || !e.ref) continue;
        const pv = this.ctx.store.get('persistentvolumes', e.ref.name);
        if (!pv) continue;
        const pvId = this.object('persistentvolumes', e.ref.name);
        this.edge(claimId, pvId, 'mismatch', 'near-miss', finding);
        const edge = claimId && pvId ? this.edges.get(`${claimId}->${pvId}`) : undefined;
        if (edge?.relation === 'near-miss' && e.source) edge.differs = e.source.split(', ').filter(Boolean);
        this.volume(pv, false);
      }
    }
  }

  volume(pv: PersistentVolume, withClaim = true): string | undefined {
    const pvId = this.object('persistentvolumes', pv.metadata?.name ?? '');
    if (withClaim && pv.spec?.claimRef?.name) {
      const claim = this.ctx.store.get('persistentvolumeclaims', pv.spec.claimRef.name, pv.spec.claimRef.namespace ?? '');
      if (claim) this.claim(claim);
      else this.edge(this.object('persistentvolumeclaims', pv.spec.claimRef.name, pv.spec.claimRef.namespace ?? ''), pvId, 'missing', 'bound-to', this.explain('persistentvolumes', pv));
    }
    const className = pv.spec?.storageClassName;
    if (className) {
      const exists = this.ctx.store.get('storageclasses', className) !== undefined;
      this.edge(pvId, this.object('storageclasses', className), exists ? 'bound' : 'missing', 'class', this.explain('persistentvolumes', pv, className));
      if (exists) this.storageClass(className);
    }
    for (const nodeName of volumeNodes(pv)) {
      const exists = this.ctx.store.get('nodes', nodeName) !== undefined;
      this.edge(pvId, this.object('nodes', nodeName), exists ? 'bound' : 'missing', 'pinned-to', this.explain('persistentvolumes', pv, nodeName));
    }
    return pvId;
  }

  storageClass(name: string): string | undefined {
    const classId = this.object('storageclasses', name);
    const sc = this.ctx.store.get('storageclasses', name);
    if (sc?.provisioner) {
      const verdict = this.ctx.findings.provisioner(sc.provisioner)?.verdict;
      const state: EdgeState = verdict === 'dead' ? 'missing' : verdict === 'alive' || verdict === 'static' || verdict === undefined ? 'bound' : 'waiting';
      this.edge(classId, this.provisioner(sc.provisioner), state, 'provisioned-by', this.explain('storageclasses', sc));
    }
    return classId;
  }
}

function sublabelOf(kind: Resource, obj: KubeObject): string | undefined {
  switch (kind) {
    case 'pods':
      return podStatus(obj as Pod).status;
    case 'persistentvolumeclaims': {
      const claim = obj as PersistentVolumeClaim;
      const size = canonicalQuantity(claim.status?.capacity?.['storage'] ?? claim.spec?.resources?.requests?.['storage']);
      return [claim.metadata?.deletionTimestamp ? 'Terminating' : claim.status?.phase ?? 'Pending', size].filter(Boolean).join(' · ');
    }
    case 'persistentvolumes': {
      const pv = obj as PersistentVolume;
      return [pv.status?.phase, canonicalQuantity(pv.spec?.capacity?.['storage'])].filter(Boolean).join(' · ');
    }
    case 'storageclasses':
      return (obj as { provisioner?: string }).provisioner;
    case 'statefulsets': {
      // Ready of wanted replicas, as `kubectl get statefulset` shows it ("2/3").
      const set = obj as StatefulSet;
      return `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 1}`;
    }
    default:
      return undefined;
  }
}
