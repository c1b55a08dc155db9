/** CSIStorageCapacities: class, the nodes of the segment, free capacity and the largest volume a driver reports. */
import type { CapacityRow } from '../../../shared/model/rows';
import { age } from '../format/time';
import { Verbatim } from '../i18n/Verbatim';
import { NOT_KNOWN, type Column, type ColumnContext } from './column';

/** The nodes that reach the segment: the selector as kubectl prints it, or in words when it names no label. */
export function capacityTopology(row: CapacityRow, ctx: ColumnContext): string {
  if (row.topology.scope === 'selector') return row.topology.text;
  return ctx.t(row.topology.scope === 'all' ? 'capacity.topologyAll' : 'capacity.topologyNone');
}

export const capacityColumns: readonly Column<CapacityRow>[] = [
  { id: 'name', label: 'col.name', width: 150, grow: 2, essential: true, floor: 96, middle: true, value: (r) => r.name },
  { id: 'namespace', label: 'col.namespace', width: 100, grow: 1, priority: 2, value: (r) => r.namespace },
  { id: 'class', label: 'col.class', width: 100, grow: 1, essential: true, floor: 64, identifier: true, value: (r) => r.className ?? '' },
  {
    id: 'topology',
    label: 'col.nodeTopology',
    width: 140,
    grow: 2,
    priority: 1,
    uiText: true,
    decoration: 0,
    value: capacityTopology,
    // "every node" / "no node" are ours; a selector is the cluster's text.
    render: (r, ctx) => (r.topology.scope === 'selector' ? <Verbatim>{r.topology.text}</Verbatim> : capacityTopology(r, ctx)),
  },
  {
    id: 'capacity',
    label: 'col.capacity',
    width: 80,
    align: 'end',
    essential: true,
    floor: 56,
    value: (r) => r.capacity ?? NOT_KNOWN,
    title: (r, ctx) => (r.capacity ? undefined : ctx.t('capacity.notReported')),
  },
  {
    id: 'maximumVolumeSize',
    label: 'col.maximumVolumeSize',
    width: 90,
    align: 'end',
    priority: 3,
    value: (r) => r.maximumVolumeSize ?? NOT_KNOWN,
    title: (r, ctx) => (r.maximumVolumeSize ? undefined : ctx.t('capacity.maxNotReported')),
  },
  { id: 'age', label: 'col.age', width: 56, align: 'end', uiText: true, priority: 4, value: (r, ctx) => age(r.createdAt, ctx.now, ctx.lang) },
];
