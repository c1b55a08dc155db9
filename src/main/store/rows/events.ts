/** Events table and the events of a detail view: type, reason, object, message, count, first and last seen. */
import { eventMillis } from '../../../shared/diagnose/object-helpers';
import { DESCRIPTOR_OF_RESOURCE, resourceOfKind } from '../../../shared/kube/resource-registry';
import type { KubeEvent } from '../../../shared/kube/objects';
import type { EventRow } from '../../../shared/model/rows';
import { joinText, timeValue, type TableSpec } from './table-spec';

function iso(value: string | null | undefined): string | undefined {
  return value ? value : undefined;
}

export function buildEventRow(event: KubeEvent): EventRow {
  const last = eventMillis(event);
  const row: EventRow = {
    uid: event.metadata?.uid ?? `${event.metadata?.namespace ?? ''}/${event.metadata?.name ?? ''}`,
    type: event.type ?? 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.series?.count ?? event.count ?? 1,
  };
  if (last !== undefined) row.lastSeen = new Date(last).toISOString();
  const first = iso(event.firstTimestamp) ?? iso(event.eventTime) ?? iso(event.metadata?.creationTimestamp);
  if (first) row.firstSeen = first;
  const source = event.source?.component ?? event.reportingComponent;
  if (source) row.source = event.source?.host ? `${source}, ${event.source.host}` : source;
  const involved = event.involvedObject;
  const kind = involved?.kind ? resourceOfKind(involved.kind) : undefined;
  if (kind && involved?.name) {
    row.object = { kind, name: involved.name };
    if (DESCRIPTOR_OF_RESOURCE[kind].namespaced && involved.namespace) row.object.namespace = involved.namespace;
    if (involved.uid) row.object.uid = involved.uid;
  } else if (involved?.kind && involved.name) {
    // A kind the app does not model (StatefulSet, ReplicaSet...): named as the event names it, never a blank.
    row.unmodeled = { kind: involved.kind, name: involved.name, ...(involved.namespace ? { namespace: involved.namespace } : {}) };
  }
  return row;
}

const objectText = (r: EventRow) => {
  const o = r.object ?? r.unmodeled;
  return o ? `${o.kind}/${o.namespace ? `${o.namespace}/` : ''}${o.name}` : '';
};

export const eventsTable: TableSpec<EventRow> = {
  kind: 'events',
  build: (_ctx, obj) => buildEventRow(obj as KubeEvent),
  namespace: (r) => r.object?.namespace,
  namespaced: true,
  text: (r) => joinText([r.type, r.reason, objectText(r), r.message, r.source]),
  columns: {
    type: { sort: (r) => r.type },
    reason: { sort: (r) => r.reason },
    object: { sort: objectText, filter: objectText },
    message: { sort: (r) => r.message },
    count: { sort: (r) => r.count },
    source: { sort: (r) => r.source },
    lastSeen: { sort: (r) => timeValue(r.lastSeen), filter: (r) => r.lastSeen ?? '' },
    firstSeen: { sort: (r) => timeValue(r.firstSeen), filter: (r) => r.firstSeen ?? '' },
  },
};
