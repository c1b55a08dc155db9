/** Every table the UI shows: its columns, its phase filter choices, and how a row names its object. */
import type { TargetRef } from '../../../shared/model/refs';
import { refKey } from '../../../shared/model/refs';
import type { TableId, TableRows } from '../../../shared/model/rows';
import type { MessageKey } from '../i18n/i18n';
import { attributesClassColumns } from './attributes-classes-columns';
import { capacityColumns } from './capacities-columns';
import { claimColumns } from './claims-columns';
import { classColumns } from './classes-columns';
import type { ColumnsOf } from './column';
import { eventColumns } from './events-columns';
import { nodeColumns } from './nodes-columns';
import { podColumns } from './pods-columns';
import { provisionerColumns } from './provisioners-columns';
import { snapshotColumns } from './snapshots-columns';
import { volumeColumns } from './volumes-columns';

export interface TableSpec<T extends TableId> {
  columns: ColumnsOf<T>;
  label: MessageKey;
  /** Values offered by the phase filter (filters.phase); empty when the table has no phase. */
  phases: readonly string[];
  namespaced: boolean;
  /** Whether rows carry finding badges (the severity filter applies). */
  findings: boolean;
}

export const TABLES: { [T in TableId]: TableSpec<T> } = {
  claims: { columns: claimColumns, label: 'nav.claims', phases: ['Pending', 'Bound', 'Lost', 'Terminating'], namespaced: true, findings: true },
  volumes: {
    columns: volumeColumns,
    label: 'nav.volumes',
    phases: ['Available', 'Bound', 'Released', 'Failed', 'Pending', 'Terminating'],
    namespaced: false,
    findings: true,
  },
  classes: { columns: classColumns, label: 'nav.classes', phases: [], namespaced: false, findings: true },
  provisioners: { columns: provisionerColumns, label: 'nav.provisioners', phases: [], namespaced: false, findings: true },
  pods: { columns: podColumns, label: 'nav.pods', phases: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'], namespaced: true, findings: true },
  snapshots: { columns: snapshotColumns, label: 'nav.snapshots', phases: [], namespaced: true, findings: true },
  nodes: { columns: nodeColumns, label: 'nav.nodes', phases: [], namespaced: false, findings: false },
  capacities: { columns: capacityColumns, label: 'nav.capacities', phases: [], namespaced: true, findings: false },
  attributesclasses: { columns: attributesClassColumns, label: 'nav.attributesclasses', phases: [], namespaced: false, findings: false },
  events: { columns: eventColumns, label: 'nav.events', phases: [], namespaced: true, findings: false },
};

export type AnyRow = TableRows[TableId];

/** The object a row stands for (events: the object the event is about). */
export function rowRef(row: AnyRow): TargetRef | undefined {
  if ('ref' in row) return row.ref;
  return row.object;
}

/** A key that stays the same for one row across refetches. */
export function rowKey(row: AnyRow): string {
  if (!('ref' in row)) return `event:${row.uid}`;
  return ('uid' in row.ref ? row.ref.uid : undefined) ?? `${row.ref.kind}:${refKey(row.ref)}`;
}

/** Which table lists a kind's objects and back (derived from the resource descriptors). */
export { RESOURCE_OF_TABLE, TABLE_OF_RESOURCE } from '../../../shared/kube/resource-registry';
