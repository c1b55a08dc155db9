/** Every table the store serves, by table id. */
import type { ColumnId, TableId, TableRows } from '../../../shared/model/rows';
import { attributesClassesTable } from './attributes-classes';
import { capacitiesTable } from './capacities';
import { claimsTable } from './claims';
import { classesTable } from './classes';
import { eventsTable } from './events';
import { nodesTable } from './nodes';
import { podsTable } from './pods';
import { provisionersTable } from './provisioners';
import { snapshotsTable } from './snapshots';
import type { TableSpec } from './table-spec';
import { volumesTable } from './volumes';

/** Typed by column id: a table that lacks a column the contract names does not compile. */
export const TABLES: { [T in TableId]: TableSpec<TableRows[T], ColumnId<T>> } = {
  claims: claimsTable,
  volumes: volumesTable,
  classes: classesTable,
  provisioners: provisionersTable,
  pods: podsTable,
  snapshots: snapshotsTable,
  nodes: nodesTable,
  capacities: capacitiesTable,
  attributesclasses: attributesClassesTable,
  events: eventsTable,
};
