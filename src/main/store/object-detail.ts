/**
 * One object with everything the details panel shows: its Summary, the object and its YAML (in kubectl's
 * order), findings, events (newest first), the storage chain around it with the chain's events, and for pods
 * their volumes and init steps. Provisioners are not objects: their details are provisioner-detail.ts's (a
 * CSIDriver's details carry its provisioner's row).
 */
import { eventMillis } from '../../shared/diagnose/object-helpers';
import { DESCRIPTOR_OF_RESOURCE } from '../../shared/kube/resource-registry';
import type { KubeEvent, KubeObject, Pod } from '../../shared/kube/objects';
import type { ObjectDetail, RelatedObject } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import type { EventRow } from '../../shared/model/rows';
import { DIAGNOSED_RESOURCES } from './findings-cache';
import { initSteps } from './init-steps';
import { podVolumeViews } from './pod-volumes';
import { refOf, RelatedList, relatedObjects } from './related-chain';
import { nsKey } from './object-keys';
import { objectSummary } from './summary/index';
import { toKubectlYaml } from './yaml';
import { buildEventRow } from './rows/events';
import { provisionerRow } from './rows/provisioners';
import type { StoreContext } from './store-context';

/** At most this many events in a detail view. */
export const DETAIL_EVENTS_CAP = 100;
/** At most this many events of the chain in the Related tab. */
export const CHAIN_EVENTS_CAP = 30;

/** Events about this object: by kind/namespace/name (this incarnation only, when UIDs are known) and by UID. */
export function objectEvents(ctx: StoreContext, kind: ObjectRef['kind'], obj: KubeObject): EventRow[] {
  const uid = obj.metadata?.uid;
  const byName = ctx.store
    .eventsFor(DESCRIPTOR_OF_RESOURCE[kind].kind, obj.metadata?.name ?? '', obj.metadata?.namespace)
    .filter((e) => !uid || !e.involvedObject?.uid || e.involvedObject.uid === uid);
  const seen = new Set<KubeEvent>(byName);
  const all = [...byName];
  if (uid) for (const e of ctx.store.eventsForUid(uid)) if (!seen.has(e)) all.push(e);
  return newestEvents(all);
}

function newestEvents(events: KubeEvent[], cap = DETAIL_EVENTS_CAP): EventRow[] {
  return events
    .sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0))
    .slice(0, cap)
    .map(buildEventRow);
}

/** Kinds whose events tell the chain's story in the Related tab (nodes' own events are mostly about the node). */
const CHAIN_EVENT_KINDS: ReadonlySet<ObjectRef['kind']> = new Set(['pods', 'persistentvolumeclaims', 'persistentvolumes', 'storageclasses', 'volumeattachments', 'volumesnapshots']);

/** Events about the object and the objects of its chain that exist (near misses excepted), newest first. */
function chainEvents(ctx: StoreContext, kind: ObjectRef['kind'], obj: KubeObject, related: readonly RelatedObject[]): EventRow[] {
  const all = new Set<KubeEvent>();
  const collect = (k: ObjectRef['kind'], o: KubeObject) => {
    const uid = o.metadata?.uid;
    for (const e of ctx.store.eventsFor(DESCRIPTOR_OF_RESOURCE[k].kind, o.metadata?.name ?? '', o.metadata?.namespace)) {
      if (!uid || !e.involvedObject?.uid || e.involvedObject.uid === uid) all.add(e);
    }
  };
  if (CHAIN_EVENT_KINDS.has(kind)) collect(kind, obj);
  for (const r of related) {
    if (r.missing || r.view || r.relation === 'near-miss-volume' || !CHAIN_EVENT_KINDS.has(r.ref.kind)) continue;
    const other = ctx.store.get(r.ref.kind, r.ref.name, r.ref.namespace);
    if (other) collect(r.ref.kind, other);
  }
  return newestEvents([...all], CHAIN_EVENTS_CAP);
}

export function objectDetail(ctx: StoreContext, ref: ObjectRef): ObjectDetail | null {
  const key = DESCRIPTOR_OF_RESOURCE[ref.kind].namespaced ? nsKey(ref.namespace ?? '', ref.name) : ref.name;
  const obj = ctx.store.table(ref.kind).get(key);
  if (!obj) {
    return missingDetail(ctx, ref);
  }
  const findings: Finding[] = DIAGNOSED_RESOURCES.has(ref.kind) ? ctx.findings.of(ref.kind, key) : [];
  const related = relatedObjects(ctx.store, ref.kind, obj, ctx.findings);
  const detail: ObjectDetail = {
    ref: refOf(ref.kind, obj),
    kind: ref.kind,
    object: obj,
    yaml: toKubectlYaml(obj),
    summary: objectSummary(ctx.store, ctx.findings, ref.kind, obj),
    findings,
    events: objectEvents(ctx, ref.kind, obj),
    related,
    relatedEvents: chainEvents(ctx, ref.kind, obj, related),
  };
  if (ref.kind === 'pods') {
    detail.volumes = podVolumeViews(ctx.store, obj as Pod);
    detail.initSteps = initSteps(obj as Pod);
  }
  if (ref.kind === 'csidrivers') {
    const health = ctx.findings.provisioner(ref.name);
    if (health) detail.provisioner = provisionerRow(health);
  }
  return detail;
}

/**
 * An object that does not exist but is referred to: a class a claim names, the volume a claim asks for, a claim
 * a pod mounts, a node a volume is pinned to. What refers to it is the useful part; null when nothing does,
 * or when its kind could not be read (then nobody knows whether it exists).
 */
function missingDetail(ctx: StoreContext, ref: ObjectRef): ObjectDetail | null {
  const store = ctx.store;
  if (store.kindState(ref.kind) !== 'synced') return null;
  const list = new RelatedList(store);
  const ns = ref.namespace ?? '';
  switch (ref.kind) {
    case 'storageclasses':
      list.many('persistentvolumeclaims', store.claimsOfClass(ref.name), 'class-claim');
      list.many('persistentvolumes', store.volumesOfClass(ref.name), 'class-volume');
      break;
    case 'persistentvolumes':
      list.many('persistentvolumeclaims', store.claimsNamingVolume(ref.name), 'claim-naming-it');
      break;
    case 'persistentvolumeclaims':
      list.many('pods', store.podsUsingClaim(ns, ref.name), 'mounted-by');
      list.many('persistentvolumes', store.volumesClaiming(ns, ref.name), 'reserved-volume');
      break;
    case 'nodes':
      list.many('pods', store.podsOnNode(ref.name), 'pod-on-node');
      list.many('persistentvolumes', store.volumesOnNode(ref.name), 'pinned-volume');
      break;
    default:
      break;
  }
  if (list.items.length === 0) return null;
  const related = list.ordered();
  const target: ObjectRef = DESCRIPTOR_OF_RESOURCE[ref.kind].namespaced ? { kind: ref.kind, name: ref.name, namespace: ns } : { kind: ref.kind, name: ref.name };
  return {
    ref: target,
    kind: ref.kind,
    object: null,
    yaml: '',
    summary: [],
    findings: [],
    events: newestEvents([...store.eventsFor(DESCRIPTOR_OF_RESOURCE[ref.kind].kind, ref.name, DESCRIPTOR_OF_RESOURCE[ref.kind].namespaced ? ns : undefined)]),
    related,
    relatedEvents: [],
    missing: true,
  };
}
