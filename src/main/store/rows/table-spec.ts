/**
 * What every table supplies: how to build a row from an object, the searchable text of a row, and per column
 * the value it sorts by (numbers for sizes, counts and dates) and the text an exact filter compares with.
 * Column ids are the ones the UI's column definitions use (src/renderer/src/tables/*-columns.tsx).
 */
import type { Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import type { FindingBadge } from '../../../shared/model/findings';
import { SEVERITY_ORDER } from '../../../shared/model/findings';
import type { ProvisionerRow, RowBase } from '../../../shared/model/rows';
import type { ObjectStore } from '../object-store';

/** What row builders may read. */
export interface RowContext {
  store: ObjectStore;
  badge(kind: Resource, key: string): FindingBadge | undefined;
  provisioner(name: string): ProvisionerRow | undefined;
}

export type SortValue = string | number | undefined;

export interface ColumnSpec<Row> {
  /** What the column sorts by: numbers sort numerically, strings naturally ("pod-2" before "pod-10"). */
  sort: (row: Row) => SortValue;
  /** What an exact filter on this column compares with (defaults to the sort value as text). */
  filter?: (row: Row) => string;
}

export interface TableSpec<Row, Column extends string = string> {
  /** The kind whose objects the rows show (provisioners have none: they come from health assessments). */
  kind?: Resource;
  build?: (ctx: RowContext, obj: KubeObject, key: string) => Row;
  /** The row's visible text, lower-cased by the caller, for the search box. */
  text: (row: Row) => string;
  /** The namespace of a row, for the namespace filter (volumes: their claim's). */
  namespace: (row: Row) => string | undefined;
  /** False for tables the namespace filter does not apply to (classes, nodes, provisioners). */
  namespaced: boolean;
  /** Every column id of the table (ColumnId in shared/model/rows.ts), shown or query-only. */
  columns: Record<Column, ColumnSpec<Row>>;
}

/** Milliseconds of an ISO time, for sorting by age or time. */
export function timeValue(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Badge column: sorts by severity (most severe first when ascending), filters by severity name. */
export function badgeColumn<Row extends { badge?: FindingBadge }>(): ColumnSpec<Row> {
  return {
    sort: (r) => (r.badge ? SEVERITY_ORDER.indexOf(r.badge.severity) * 10_000 - r.badge.count : undefined),
    filter: (r) => r.badge?.severity ?? '',
  };
}

/** Age column: the newest object is the youngest; sorting by age ascending shows the youngest first. */
export function ageColumn<Row extends RowBase>(): ColumnSpec<Row> {
  return { sort: (r) => { const t = timeValue(r.createdAt); return t === undefined ? undefined : -t; }, filter: (r) => r.createdAt ?? '' };
}

export function joinText(parts: readonly (string | number | undefined | null | false)[]): string {
  return parts.filter((p) => p !== undefined && p !== null && p !== false && p !== '').join(' ');
}

/** RowBase fields of an object. */
export function rowBase(ref: RowBase['ref'], obj: KubeObject, badge: FindingBadge | undefined): RowBase {
  const base: RowBase = { ref };
  if (obj.metadata?.creationTimestamp) base.createdAt = obj.metadata.creationTimestamp;
  if (badge) base.badge = badge;
  return base;
}
