/** Events about storage objects and pods, newest first by default. */
import type { EventRow } from '../../../shared/model/rows';
import { ago } from '../format/time';
import type { Column } from './column';

export function eventObject(row: EventRow): string {
  if (!row.object) return '';
  const path = row.object.namespace ? `${row.object.namespace}/${row.object.name}` : row.object.name;
  return `${row.object.kind}/${path}`;
}

export const eventColumns: readonly Column<EventRow>[] = [
  {
    id: 'type',
    label: 'col.type',
    width: '76px',
    value: (r) => r.type,
    render: (r) => <span className={r.type === 'Warning' ? 'tone-text-bad' : undefined}>{r.type}</span>,
  },
  { id: 'reason', label: 'col.reason', width: 'minmax(130px, 1fr)', value: (r) => r.reason },
  { id: 'object', label: 'col.object', width: 'minmax(180px, 2fr)', value: eventObject },
  { id: 'message', label: 'col.message', width: 'minmax(240px, 4fr)', value: (r) => r.message },
  { id: 'count', label: 'col.count', width: '56px', align: 'end', value: (r) => String(r.count) },
  { id: 'lastSeen', label: 'col.lastSeen', width: '90px', align: 'end', value: (r, ctx) => ago(r.lastSeen, ctx.now, ctx.t) },
];
