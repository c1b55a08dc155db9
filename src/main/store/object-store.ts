/**
 * Objects and relations of one cluster: the plain data half of the store. It applies list and watch updates
 * (tracking UIDs, so a delete + re-create under one name is two objects), keeps the indices current, and answers
 * the ClusterView the diagnosis rules read. Every change is reported to `onChange` with the object before and after.
 */
import type { ObjectsByResource } from '../../shared/kube/by-resource';
import { ALL_RESOURCES, DESCRIPTOR_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type {
  CSINode,
  KubeEvent,
  KubeObject,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
  VolumeSnapshot,
} from '../../shared/kube/objects';
import type { ClusterView } from '../../shared/diagnose/view';
import type { KindStatus, KindSyncState } from '../../shared/model/status';
import { EventWriter, type WatchEventType } from '../kube/source';
import { attributesClassKey, SPECS_BY_KIND, type IndexName } from './indices';
import { KindTable, MultiIndex } from './kind-table';
import { eventMillis } from '../../shared/diagnose/object-helpers';
import { involvedKey, nsKey, objectKey } from './object-keys';
import { mentionKey, sidecarKey } from '../../shared/diagnose/provisioner-pods';

export type ObjectChangeListener = (kind: Resource, key: string, before: KubeObject | undefined, after: KubeObject | undefined) => void;

/** Written through ObjectWriter's verbs (add/update/delete from EventWriter, replace below). */
export class ObjectStore extends EventWriter implements ClusterView {
  private readonly tables = new Map<Resource, KindTable>();
  private readonly indices = new Map<IndexName, MultiIndex>();
  /** Each kind's sync state as its source last reported it: the one copy (the cluster session reads it). */
  private readonly states = new Map<Resource, KindStatus>();
  /** The clock; tests and recordings replace it. */
  now: () => number = () => Date.now();
  /** Whether now() is a capture's time (a snapshot, a report): times before it read "before the capture". */
  nowIsCapture: () => boolean = () => false;

  constructor(private readonly onChange: ObjectChangeListener = () => {}) {
    super();
    for (const kind of ALL_RESOURCES) this.tables.set(kind, new KindTable());
  }

  table<K extends Resource>(kind: K): KindTable<ObjectsByResource[K]> {
    return this.tables.get(kind) as KindTable<ObjectsByResource[K]>;
  }

  index(name: IndexName): MultiIndex {
    let index = this.indices.get(name);
    if (!index) {
      index = new MultiIndex();
      this.indices.set(name, index);
    }
    return index;
  }

  setKindStatus(status: KindStatus): void {
    this.states.set(status.kind, status);
  }

  /** The status its source last reported for a kind; undefined when it reported none. */
  kindStatusOf(kind: Resource): KindStatus | undefined {
    return this.states.get(kind);
  }

  anyKindIn(state: KindSyncState): boolean {
    for (const s of this.states.values()) if (s.state === state) return true;
    return false;
  }

  // --- updates ---------------------------------------------------------------------------------------------

  /** One watch event. An ADDED or MODIFIED with a new UID under a known name replaces the old object. */
  protected event(kind: Resource, type: WatchEventType, obj: KubeObject): void {
    if (!obj.metadata?.name) return;
    const key = objectKey(obj);
    const before = this.table(kind).get(key);
    if (type === 'DELETED') {
      // A late delete of an earlier object with this name must not remove its successor.
      const uid = obj.metadata.uid;
      if (!before || (uid && before.metadata?.uid && uid !== before.metadata.uid)) return;
      this.write(kind, key, before, undefined);
      return;
    }
    if (before && before.metadata?.uid && obj.metadata.uid && before.metadata.uid !== obj.metadata.uid) {
      this.write(kind, key, before, undefined);
      this.write(kind, key, undefined, obj);
      return;
    }
    this.write(kind, key, before, obj);
  }

  /** Replaces every object of a kind (or of one namespace of it), removing those that vanished. */
  replace(kind: Resource, objects: readonly KubeObject[], namespace?: string): void {
    const table = this.table(kind);
    const incoming = new Map<string, KubeObject>();
    for (const obj of objects) {
      if (!obj.metadata?.name) continue;
      if (namespace !== undefined && DESCRIPTOR_OF_RESOURCE[kind].namespaced && obj.metadata.namespace !== namespace) continue;
      incoming.set(objectKey(obj), obj);
    }
    const existing = namespace !== undefined && DESCRIPTOR_OF_RESOURCE[kind].namespaced ? [...table.keysIn(namespace)] : [...table.keys()];
    const rejected: string[] = [];
    for (const key of existing) {
      if (!incoming.has(key)) this.write(kind, key, table.get(key), undefined);
    }
    for (const [key, obj] of incoming) {
      const before = table.get(key);
      // An unchanged resourceVersion means an unchanged object: a relist costs nothing for it.
      if (before && before.metadata?.uid === obj.metadata?.uid && before.metadata?.resourceVersion !== undefined &&
        before.metadata.resourceVersion === obj.metadata?.resourceVersion) continue;
      try {
        this.event(kind, 'ADDED', obj);
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (rejected.length > 0) throw new Error(`${rejected.length} object(s) were skipped: ${rejected.slice(0, 3).join(' ')}`);
  }

  private write(kind: Resource, key: string, before: KubeObject | undefined, after: KubeObject | undefined): void {
    const specs = SPECS_BY_KIND.get(kind) ?? [];
    // Index keys of the new version first: a malformed object (a hand-edited snapshot) is refused whole, never
    // half-indexed. The stored version, if any, stays.
    let afterKeys: string[][];
    try {
      afterKeys = specs.map((spec) => (after ? spec.keys(after) : []));
    } catch (error) {
      throw new Error(`${DESCRIPTOR_OF_RESOURCE[kind].kind} ${key} is malformed and was skipped (${error instanceof Error ? error.message : String(error)}). Check the source (snapshot file) for this object.`);
    }
    const table = this.table(kind);
    if (after) table.set(key, after);
    else table.delete(key);
    specs.forEach((spec, i) => this.index(spec.name).update(key, before ? spec.keys(before) : [], afterKeys[i] ?? []));
    this.onChange(kind, key, before, after);
  }

  // --- lookups by index -------------------------------------------------------------------------------------

  /** Objects of a kind whose keys an index holds under one index key. */
  lookup<K extends Resource>(kind: K, index: IndexName, indexKey: string): ObjectsByResource[K][] {
    const table = this.table(kind);
    const out: ObjectsByResource[K][] = [];
    for (const key of this.index(index).get(indexKey)) {
      const obj = table.get(key);
      if (obj) out.push(obj);
    }
    return out;
  }

  keysOf(index: IndexName, indexKey: string): ReadonlySet<string> {
    return this.index(index).get(indexKey);
  }

  // --- ClusterView ------------------------------------------------------------------------------------------

  kindState(kind: Resource): KindSyncState {
    return this.states.get(kind)?.state ?? 'idle';
  }

  kindStateIn(kind: Resource, namespace: string): KindSyncState {
    const status = this.states.get(kind);
    // A namespace-limited user's kind is watched in the listed namespaces only (kube/kind-status.ts).
    if (status?.namespaces && !status.namespaces.includes(namespace)) return 'forbidden';
    return status?.state ?? 'idle';
  }

  list<K extends Resource>(kind: K, namespace?: string): readonly ObjectsByResource[K][] {
    return this.table(kind).list(namespace);
  }

  get<K extends Resource>(kind: K, name: string, namespace?: string): ObjectsByResource[K] | undefined {
    return this.table(kind).get(DESCRIPTOR_OF_RESOURCE[kind].namespaced ? nsKey(namespace ?? '', name) : name);
  }

  defaultClasses(): readonly StorageClass[] {
    return this.lookup('storageclasses', 'defaultClasses', 'default');
  }

  claimsOfClass(className: string): readonly PersistentVolumeClaim[] {
    return this.lookup('persistentvolumeclaims', 'claimsByClass', className);
  }

  /** Claims whose spec.volumeAttributesClassName ('wanted') or status.currentVolumeAttributesClassName ('current') is this class. */
  claimsOfAttributesClass(className: string, which: 'wanted' | 'current'): readonly PersistentVolumeClaim[] {
    return this.lookup('persistentvolumeclaims', 'claimsByAttributesClass', attributesClassKey(which, className));
  }

  volumesOfClass(className: string): readonly PersistentVolume[] {
    return this.lookup('persistentvolumes', 'volumesByClass', className);
  }

  volumesClaiming(namespace: string, claimName: string): readonly PersistentVolume[] {
    return this.lookup('persistentvolumes', 'volumesByClaimRef', nsKey(namespace, claimName));
  }

  podsUsingClaim(namespace: string, claimName: string): readonly Pod[] {
    return this.lookup('pods', 'podsByClaim', nsKey(namespace, claimName));
  }

  podsOnNode(nodeName: string): readonly Pod[] {
    return this.lookup('pods', 'podsByNode', nodeName);
  }

  /** Pods without spec.nodeName: those the scheduler has yet to place (few, normally). */
  podsNotOnNode(): readonly Pod[] {
    return this.lookup('pods', 'podsNotOnNode', 'unscheduled');
  }

  eventsFor(objectKind: string, name: string, namespace?: string): readonly KubeEvent[] {
    return newestFirst(this.lookup('events', 'eventsByInvolved', involvedKey(objectKind, namespace, name)));
  }

  csiNodesWithDriver(driver: string): readonly CSINode[] {
    return this.lookup('csinodes', 'csiNodesByDriver', driver);
  }

  attachmentsOfVolume(pvName: string): readonly VolumeAttachment[] {
    return this.lookup('volumeattachments', 'attachmentsByVolume', pvName);
  }

  leasesNamed(name: string): readonly Lease[] {
    return this.lookup('leases', 'leasesByName', name);
  }

  podsRunningProvisioner(name: string, leaseNamespace: string | undefined): readonly Pod[] {
    const named = this.lookup('pods', 'podsByProvisionerMention', mentionKey(name));
    if (leaseNamespace === undefined) return named;
    const sidecars = this.lookup('pods', 'podsByProvisionerMention', sidecarKey(leaseNamespace));
    return sidecars.length === 0 ? named : [...new Set([...named, ...sidecars])];
  }

  // --- lookups beyond ClusterView, for rows, details and the graph ---------------------------------------------

  /** Claims whose spec.volumeName names this PV. */
  claimsNamingVolume(pvName: string): PersistentVolumeClaim[] {
    return this.lookup('persistentvolumeclaims', 'claimsByVolumeName', pvName);
  }

  /** Events about an object by its UID (survives renames of the involved kind's text). */
  eventsForUid(uid: string): KubeEvent[] {
    return newestFirst(this.lookup('events', 'eventsByUid', uid));
  }

  volumesOnNode(nodeName: string): PersistentVolume[] {
    return this.lookup('persistentvolumes', 'volumesByNode', nodeName);
  }

  attachmentsOnNode(nodeName: string): VolumeAttachment[] {
    return this.lookup('volumeattachments', 'attachmentsByNode', nodeName);
  }

  classesOfProvisioner(provisioner: string): StorageClass[] {
    return this.lookup('storageclasses', 'classesByProvisioner', provisioner);
  }

  /** Every provisioner some StorageClass names. */
  provisionerNames(): string[] {
    return [...this.index('classesByProvisioner').indexKeys()].sort();
  }

  podsOwnedBy(ownerKind: string, namespace: string, name: string): Pod[] {
    return this.lookup('pods', 'podsByOwner', involvedKey(ownerKind, namespace, name));
  }

  snapshotsOfClaim(namespace: string, claimName: string): VolumeSnapshot[] {
    return this.lookup('volumesnapshots', 'snapshotsByClaim', nsKey(namespace, claimName));
  }

  /** The default class a claim without one gets: the newest of the default classes, as the admission plugin picks. */
  defaultClassName(): string | undefined {
    let best: StorageClass | undefined;
    for (const sc of this.defaultClasses()) {
      const a = sc.metadata?.creationTimestamp ?? '';
      const b = best?.metadata?.creationTimestamp ?? '';
      if (!best || a > b || (a === b && (sc.metadata?.name ?? '') < (best.metadata?.name ?? ''))) best = sc;
    }
    return best?.metadata?.name;
  }

  count(kind: Resource): number {
    return this.table(kind).size;
  }

  namespaces(): string[] {
    const out = new Set<string>();
    for (const kind of ALL_RESOURCES) {
      if (!DESCRIPTOR_OF_RESOURCE[kind].namespaced) continue;
      for (const ns of this.table(kind).namespaces()) if (ns) out.add(ns);
    }
    return [...out].sort();
  }
}

function newestFirst(events: KubeEvent[]): KubeEvent[] {
  return events.sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0));
}
