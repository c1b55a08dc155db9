/** Nodes: readiness, zone, CSI drivers registered on the node, pods and attached volumes. */
import type { NodeRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { yesNo, type Column } from './column';

export const nodeColumns: readonly Column<NodeRow>[] = [
  { id: 'name', label: 'col.name', width: 160, grow: 2, value: (r) => r.name },
  { id: 'ready', label: 'col.ready', width: 64, value: (r, ctx) => yesNo(r.ready, ctx) },
  { id: 'zone', label: 'col.zone', width: 90, grow: 1, value: (r) => r.zone ?? '' },
  { id: 'drivers', label: 'col.drivers', width: 160, grow: 2, value: (r) => r.csiDrivers.join(', ') },
  { id: 'pods', label: 'col.pods', width: 64, align: 'end', value: (r) => String(r.pods) },
  { id: 'attached', label: 'col.attached', width: 80, align: 'end', value: (r) => String(r.attachedVolumes) },
  { id: 'age', label: 'col.age', width: 56, align: 'end', value: (r, ctx) => age(r.createdAt, ctx.now) },
];
