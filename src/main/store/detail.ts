/**
 * One object with everything the details panel shows: the object and its YAML, findings, events (newest
 * first), related objects, and for pods their volumes and init steps. Provisioners are not objects: a ref
 * naming one (as a CSIDriver or, as ProvisionerRow.ref does, a StorageClass name that no class has) gets the
 * provisioner's health, its classes and their recent provisioning events.
 */
import { stringify } from 'yaml';
import { eventMillis } from '../../shared/diagnose/objects';
import { KINDS } from '../../shared/kube/kinds';
import type { KubeEvent, KubeObject, Pod } from '../../shared/kube/objects';
import type { ObjectDetail, RelatedObject } from '../../shared/model/detail';
import type { Finding } from '../../shared/model/findings';
import type { ObjectRef } from '../../shared/model/refs';
import type { EventRow } from '../../shared/model/rows';
import { DIAGNOSED_KINDS } from './findings-cache';
import { initSteps } from './init-steps';
import { podVolumeViews } from './pod-volumes';
import { refOf, relatedObjects, RELATED_CAP } from './related';
import { nsKey } from './relations';
import { buildEventRow } from './rows/events';
import { provisionerRow } from './rows/provisioners';
import type { StoreContext } from './store-context';

/** At most this many events in a detail view. */
export const DETAIL_EVENTS_CAP = 100;

const PROVISIONING_REASONS = new Set(['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning']);

export function toYaml(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Events about this object: by kind/namespace/name (this incarnation only, when UIDs are known) and by UID. */
export function objectEvents(ctx: StoreContext, kind: ObjectRef['kind'], obj: KubeObject): EventRow[] {
  const uid = obj.metadata?.uid;
  const byName = ctx.store
    .eventsFor(KINDS[kind].objectKind, obj.metadata?.name ?? '', obj.metadata?.namespace)
    .filter((e) => !uid || !e.involvedObject?.uid || e.involvedObject.uid === uid);
  const seen = new Set<KubeEvent>(byName);
  const all = [...byName];
  if (uid) for (const e of ctx.store.eventsForUid(uid)) if (!seen.has(e)) all.push(e);
  return newestEvents(all);
}

function newestEvents(events: KubeEvent[]): EventRow[] {
  return events
    .sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0))
    .slice(0, DETAIL_EVENTS_CAP)
    .map(buildEventRow);
}

export function objectDetail(ctx: StoreContext, ref: ObjectRef): ObjectDetail | null {
  const key = KINDS[ref.kind].namespaced ? nsKey(ref.namespace ?? '', ref.name) : ref.name;
  const obj = ctx.store.table(ref.kind).get(key);
  if (!obj) {
    if (ref.kind === 'storageclasses' || ref.kind === 'csidrivers') return provisionerDetail(ctx, ref);
    return null;
  }
  const findings: Finding[] = DIAGNOSED_KINDS.has(ref.kind) ? ctx.findings.of(ref.kind, key) : [];
  const detail: ObjectDetail = {
    ref: refOf(ref.kind, obj),
    kind: ref.kind,
    object: obj,
    yaml: toYaml(obj),
    findings,
    events: objectEvents(ctx, ref.kind, obj),
    related: relatedObjects(ctx.store, ref.kind, obj),
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

function provisionerDetail(ctx: StoreContext, ref: ObjectRef): ObjectDetail | null {
  const health = ctx.findings.provisioner(ref.name);
  if (!health) return null;
  const row = provisionerRow(health);
  const related: RelatedObject[] = [];
  const classes = ctx.store.classesOfProvisioner(ref.name);
  for (const sc of classes) related.push({ ref: refOf('storageclasses', sc), relation: 'storage class using it' });
  const driver = ctx.store.get('csidrivers', ref.name);
  if (driver) related.push({ ref: refOf('csidrivers', driver), relation: 'CSI driver' });
  for (const node of ctx.store.csiNodesWithDriver(ref.name).slice(0, RELATED_CAP)) related.push({ ref: refOf('csinodes', node), relation: 'registered on node' });
  if (row.leaseNamespace && row.leaseHolder) {
    const podName = row.leaseHolder.split('_')[0] ?? row.leaseHolder;
    const pod = ctx.store.get('pods', podName, row.leaseNamespace);
    if (pod) related.push({ ref: refOf('pods', pod), relation: 'leader pod' });
  }
  const findings: Finding[] = [];
  const events: KubeEvent[] = [];
  for (const sc of classes) {
    const className = sc.metadata?.name ?? '';
    findings.push(...ctx.findings.of('storageclasses', className));
    for (const claim of ctx.store.claimsOfClass(className).slice(0, 500)) {
      const name = claim.metadata?.name ?? '';
      events.push(...ctx.store.eventsFor('PersistentVolumeClaim', name, claim.metadata?.namespace).filter((e) => PROVISIONING_REASONS.has(e.reason ?? '')));
    }
  }
  return {
    ref: row.ref,
    kind: row.ref.kind,
    object: row,
    yaml: toYaml(row),
    findings,
    events: newestEvents(events),
    related,
    provisioner: row,
  };
}
