/** Events about storage objects and pods, newest first by default. */
import { DESCRIPTOR_OF_RESOURCE, SHORT_NAME_OF_RESOURCE, type Resource } from '../../../shared/kube/resource-registry';
import type { EventRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import { refKey } from '../../../shared/model/refs';
import type { Column } from './column';
import { MiddleText } from '../components/MiddleText';
import { UnmodeledObject, unmodeledText, unmodeledTitle } from '../components/UnmodeledObject';

export function eventObject(row: EventRow): string {
  if (row.unmodeled) return unmodeledText(row.unmodeled);
  if (!row.object) return '';
  const path = row.object.namespace ? `${row.object.namespace}/${row.object.name}` : row.object.name;
  return `${DESCRIPTOR_OF_RESOURCE[row.object.kind].kind}/${path}`;
}

/**
 * The word before an event's object, one form for every kind: kubectl's short name where it has one ("pvc", "pv",
 * "sc"), else the kind in lower case ("pod", "node"), never a plural resource ("pods") beside a singular one.
 */
export function objectWord(kind: Resource): string {
  const short = SHORT_NAME_OF_RESOURCE[kind];
  return short === kind ? DESCRIPTOR_OF_RESOURCE[kind].kind.toLowerCase() : short;
}

/** What the Object cell draws: kubectl's short kind, then namespace/name ("pvc shop/data-17"). */
export function eventObjectShort(row: EventRow): string {
  // A kind the app does not model: the event's kind in the same lower-case form ("statefulset shop/web").
  if (row.unmodeled) return `${row.unmodeled.kind.toLowerCase()} ${row.unmodeled.namespace ? `${row.unmodeled.namespace}/` : ''}${row.unmodeled.name}`;
  return row.object ? `${objectWord(row.object.kind)} ${refKey(row.object)}` : '';
}

/**
 * Columns by what a reader needs in a narrow pane (side by side, beside a lesson: about 440 px), where «War…»,
 * «Nor…» and «Provisioning…» said nothing (trial 9 of issue 8): the reason, object and message stay; the type goes
 * first (a warning's reason is in the warning colour, and its tooltip says "Warning"), then the count, then the
 * time last seen.
 */
export const eventColumns: readonly Column<EventRow>[] = [
  {
    id: 'type',
    label: 'col.type',
    width: 76,
    priority: 3,
    value: (r) => r.type,
    // A coloured word, no chip padding.
    decoration: 0,
    render: (r) => <span className={r.type === 'Warning' ? 'tone-text-bad' : undefined}>{r.type}</span>,
  },
  {
    id: 'reason',
    label: 'col.reason',
    width: 140,
    grow: 1,
    essential: true,
    floor: 80,
    value: (r) => r.reason,
    // The event's type (Kubernetes' word), whether or not its column has room.
    title: (r) => `${r.type}: ${r.reason}`,
    decoration: 0,
    render: (r) => <span className={r.type === 'Warning' ? 'tone-text-bad' : undefined}>{r.reason}</span>,
  },
  {
    id: 'object',
    label: 'col.object',
    width: 170,
    grow: 2,
    essential: true,
    floor: 96,
    value: eventObject,
    shown: eventObjectShort,
    decoration: 0,
    // kubectl's short kind, then the name cut in the middle: "pvc shop/data-…-17" (the title has it whole).
    // A kind the app does not show: the same text, not a link, its title saying so (UnmodeledObject).
    title: (r, ctx) => (r.unmodeled ? `${eventObject(r)}: ${unmodeledTitle(r.unmodeled, ctx.t)}` : undefined),
    render: (r, ctx, room) =>
      r.unmodeled ? (
        <UnmodeledObject target={r.unmodeled}>
          <MiddleText text={eventObjectShort(r)} room={room} measure={ctx.measure} />
        </UnmodeledObject>
      ) : r.object ? (
        <MiddleText text={eventObjectShort(r)} room={room} measure={ctx.measure} />
      ) : (
        ''
      ),
  },
  { id: 'message', label: 'col.message', width: 200, grow: 4, essential: true, floor: 96, value: (r) => r.message },
  { id: 'count', label: 'col.count', width: 56, align: 'end', priority: 2, value: (r) => String(r.count) },
  { id: 'lastSeen', label: 'col.lastSeen', width: 80, align: 'end', priority: 1, uiText: true, value: (r, ctx) => ago(r.lastSeen, ctx.now, ctx) },
];
