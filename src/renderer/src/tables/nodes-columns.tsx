/** Nodes: readiness, zone, CSI drivers registered on the node, pods and attached volumes. */
import type { NodeRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { yesNo, type Column } from './column';

export const nodeColumns: readonly Column<NodeRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'ready', label: 'col.ready', width: 64, essential: true, floor: 48, uiText: true, value: (r, ctx) => yesNo(r.ready, ctx) },
  { id: 'zone', label: 'col.zone', width: 90, grow: 1, priority: 2, value: (r) => r.zone ?? '' },
  { id: 'drivers', label: 'col.drivers', width: 150, grow: 2, priority: 1, value: (r) => r.csiDrivers.join(', ') },
  { id: 'pods', label: 'col.pods', width: 56, align: 'end', priority: 3, value: (r) => String(r.pods) },
  { id: 'attached', label: 'col.attached', width: 72, align: 'end', priority: 4, value: (r) => String(r.attachedVolumes) },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 5, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
];
