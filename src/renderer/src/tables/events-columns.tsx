/** Events about storage objects and pods, newest first by default. */
import { KINDS } from '../../../shared/kube/kinds';
import type { EventRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import type { Column } from './column';

export function eventObject(row: EventRow): string {
  if (!row.object) return '';
  const path = row.object.namespace ? `${row.object.namespace}/${row.object.name}` : row.object.name;
  return `${KINDS[row.object.kind].objectKind}/${path}`;
}

export const eventColumns: readonly Column<EventRow>[] = [
  {
    id: 'type',
    label: 'col.type',
    width: 76,
    value: (r) => r.type,
    render: (r) => <span className={r.type === 'Warning' ? 'tone-text-bad' : undefined}>{r.type}</span>,
  },
  { id: 'reason', label: 'col.reason', width: 160, grow: 1, value: (r) => r.reason },
  { id: 'object', label: 'col.object', width: 180, grow: 2, value: eventObject },
  { id: 'message', label: 'col.message', width: 240, grow: 4, value: (r) => r.message },
  { id: 'count', label: 'col.count', width: 56, align: 'end', value: (r) => String(r.count) },
  { id: 'lastSeen', label: 'col.lastSeen', width: 90, align: 'end', value: (r, ctx) => ago(r.lastSeen, ctx.now, ctx.t) },
];
