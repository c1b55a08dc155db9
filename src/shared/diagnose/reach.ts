/**
 * Which changes reach which verdicts, declared by the rules themselves: each rule (rules.ts) says, for every
 * resource it reads, which of its subjects a change of that resource reaches, naming relations from the
 * vocabulary below. The store implements each relation over its indices (store/change-reach.ts, typed by this
 * vocabulary, so a relation cannot be declared without being implemented) and marks exactly what the rules
 * declared; a cluster snapshot or a new rule needs no second list. rules-reads.test.ts runs every rule against a
 * view that records what it reads, and fails when a rule reads a resource it did not declare.
 *
 * A relation is named from the changed object: `claims-of-volume` is, for a changed PersistentVolume, the claims
 * it is bound or reserved for. `provisioners` are not a resource: their health is assessed from several
 * (provisioners.ts declares which), and a change of verdict reaches the rules that read it.
 */
import type { Resource } from '../kube/resource-registry';

export const REACH = {
  persistentvolumeclaims: [
    /** The StatefulSets of its namespace (a claim of theirs appearing or staying after a scale-down). */
    'statefulsets-in-namespace',
    /** spec.volumeName's volume and the volumes whose claimRef names it. */
    'volumes-of-claim',
    /** The pods that use it, directly or through a generic ephemeral volume. */
    'pods-using-claim',
    /** Its class, or the default class when it names none. */
    'class-of-claim',
    /** While not Bound: the provisioner of its class. */
    'provisioner-of-pending-claim',
    /** While its expansion waits for the controller step (before or after the change): its class's provisioner (its external-resizer's work). */
    'provisioner-of-resizing-claim',
    /** The other claims of the pods that use it (a pod's verdict reads all its claims). */
    'claims-sharing-pods',
    /** The snapshots taken of it (their verdict reads it and its volume). */
    'snapshots-of-claim',
    /** When it turns Bound or goes away: the claims not Bound to be cloned from it (spec.dataSource). */
    'clones-of-claim',
    /** The VolumeAttributesClasses it asks for and has (their rows count claims). */
    'attributes-classes-of-claim',
  ],
  persistentvolumes: [
    /** The claim of its claimRef and the claims whose spec.volumeName names it. */
    'claims-of-volume',
    /** The pods that use its claimRef's claim. */
    'pods-using-volume',
    /** The pods not yet placed that use its claimRef's claim, and their claims (node affinity decides where). */
    'waiting-pods-of-volume-claim',
    /** Its spec.storageClassName. */
    'class-of-volume',
    /** A volume free for binding: the claims not Bound of its class (of no class: the claims naming none). */
    'pending-claims-for-free-volume',
    /** A volume free for binding: the pods not yet placed of those claims, and the claims. */
    'waiting-pods-for-free-volume',
    /** The snapshots of its claimRef's claim (whether it is a CSI volume of the class's driver). */
    'snapshots-of-volume-claim',
  ],
  storageclasses: [
    /** Its provisioner. */
    'provisioner-of-class',
    /** Its claims, and the claims that name no class (they follow the default). */
    'claims-of-class',
    /** The volumes of the class. */
    'volumes-of-class',
    /** Every default class (several defaults see each other). */
    'default-classes',
    /** Every StatefulSet (claim templates name classes, or the default one). */
    'statefulsets',
    /** The pods not yet placed of its claims not Bound, and those claims. */
    'waiting-pods-of-class',
  ],
  pods: [
    /** The claims it uses. */
    'claims-of-pod',
    /** The other pods using its claims (a ReadWriteOnce claim on several nodes). */
    'pods-sharing-claims',
    /** The node it is scheduled to. */
    'node-of-pod',
    /** The provisioners it may run: named in its container arguments, or in a namespace holding their Lease. */
    'provisioners-run-by-pod',
    /** The StatefulSet that owns it (its controller owner reference): a pod of the set appearing or going. */
    'statefulset-of-pod',
  ],
  events: [
    /** The object the event is about, and what a change of that object reaches. */
    'subject-of-event',
    /** For a provisioning event about a claim: the provisioner of the claim's class. */
    'provisioner-of-claim-event',
  ],
  nodes: [
    /** The pods scheduled to it. */
    'pods-on-node',
    /** Every pod not yet placed, and its claims (where it may run reads every node's labels and taints). */
    'waiting-pods',
    /** The volumes of the VolumeAttachments naming it (a detach from a node that is gone). */
    'volumes-attached-to-node',
  ],
  csinodes: [
    /** The drivers it lists, as provisioners. */
    'provisioners-of-csinode',
    /** Its node. */
    'node-of-csinode',
    /** The pods on its node. */
    'pods-on-csinode-node',
  ],
  csidrivers: [
    /** The provisioner of the same name. */
    'provisioner-of-driver',
    /** Every claim not Bound (a missing class's stub names the drivers there are). Drivers change rarely. */
    'pending-claims',
    /** Every pod not yet placed, and its claims (whether a driver publishes capacity decides the verdict). */
    'waiting-pods',
  ],
  leases: [
    /** The provisioners whose leader Lease, or whose CSI sidecar's Lease, it may be (kube-controller-manager's for in-tree ones). */
    'provisioners-of-lease',
  ],
  volumeattachments: [
    /** The volume it attaches. */
    'volume-of-attachment',
    /** The node it attaches to. */
    'node-of-attachment',
    /** The pods that use its volume's claim (their attach and mount events). */
    'pods-using-attached-volume',
    /** The CSI driver of spec.attacher, as a provisioner (its external-attacher's work). */
    'provisioner-of-attachment',
  ],
  configmaps: [
    /** Every pod of its namespace (a pod's volumes may name it). */
    'pods-in-namespace',
  ],
  secrets: [
    /** Every pod of its namespace (a pod's volumes may name it). */
    'pods-in-namespace',
    /** The CSI volumes whose secret references name it. */
    'volumes-naming-secret',
    /** The classes whose parameters name secrets. */
    'classes-with-secret-parameters',
    /** The claims not Bound of those classes (provisioning reads the secret). */
    'pending-claims-of-secret-classes',
  ],
  csistoragecapacities: [
    /** The pods not yet placed of the claims not Bound of its class, and those claims. */
    'waiting-pods-of-class',
  ],
  volumesnapshots: [
    /** The claims not Bound of its namespace to be restored from it (spec.dataSource or dataSourceRef). */
    'claims-restored-from-snapshot',
  ],
  volumesnapshotcontents: [
    /** The snapshot it is bound to (spec.volumeSnapshotRef), and any snapshot whose status names it. */
    'snapshot-of-content',
    /** The CSI driver of spec.driver, as a provisioner (its csi-snapshotter's work). */
    'provisioner-of-snapshot-content',
  ],
  volumesnapshotclasses: [
    /** The snapshots naming it. */
    'snapshots-of-class',
  ],
  volumeattributesclasses: [
    /** The claims that ask for it (spec.volumeAttributesClassName). */
    'claims-of-attributes-class',
  ],
  volumepopulators: [
    /** Every claim not Bound (whether the kind of its dataSourceRef is registered). Registrations change rarely. */
    'pending-claims',
  ],
  limitranges: ['statefulsets-in-namespace'],
  resourcequotas: ['statefulsets-in-namespace'],
  provisioners: [
    /** The classes naming the provisioner. */
    'classes-of-provisioner',
    /** The claims not Bound of those classes. */
    'pending-claims-of-provisioner',
    /** Released volumes it made (it deletes them). */
    'released-volumes-of-provisioner',
  ],
} as const satisfies { readonly [K in Resource | 'provisioners']?: readonly string[] };

/** What may change: a resource, or a provisioner's assessed health. */
export type ReachSource = keyof typeof REACH;

/** A relation from a changed object of `K` to the objects its change reaches. */
export type Reach<K extends ReachSource = ReachSource> = (typeof REACH)[K][number];

/**
 * For each resource a rule reads: the relations by which a change of it reaches the rule's subjects, or, when no
 * change of it can change the verdict of another object than the one changed, why not (`none`).
 */
export type Reads = { readonly [K in ReachSource]?: readonly [Reach<K>, ...Reach<K>[]] | { readonly none: string } };

/** The relations of a declaration, per source (a `none` declares none). */
export function reachesOf(reads: Reads): { [K in ReachSource]?: readonly Reach<K>[] } {
  const out: Record<string, readonly string[]> = {};
  for (const [source, declared] of Object.entries(reads) as [ReachSource, readonly string[] | { none: string }][]) {
    out[source] = Array.isArray(declared) ? declared : [];
  }
  return out as { [K in ReachSource]?: readonly Reach<K>[] };
}

/** The union of several declarations' relations, per source, each once. */
export function unionOfReads(all: readonly Reads[]): { [K in ReachSource]?: readonly Reach<K>[] } {
  const out = new Map<string, Set<string>>();
  for (const reads of all) {
    for (const [source, list] of Object.entries(reachesOf(reads))) {
      const set = out.get(source) ?? new Set<string>();
      for (const reach of list as readonly string[]) set.add(reach);
      out.set(source, set);
    }
  }
  return Object.fromEntries([...out].map(([source, set]) => [source, [...set]])) as { [K in ReachSource]?: readonly Reach<K>[] };
}

/** The kinds the rules diagnose (their descriptors say `diagnosed: true`). */
export type DiagnosedKind = 'persistentvolumeclaims' | 'persistentvolumes' | 'pods' | 'storageclasses' | 'statefulsets' | 'volumesnapshots';
