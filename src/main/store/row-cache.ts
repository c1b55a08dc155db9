/**
 * Table rows cached per object: a change marks the rows of the objects it touches, and the next query rebuilds
 * only those. Sorted orders are cached per table and column until a row of that table changes.
 */
import type { Kind } from '../../shared/kube/kinds';
import type { ListRequest, Page, TableId, TableRows } from '../../shared/model/rows';
import type { ProvisionerRow } from '../../shared/model/rows';
import type { FindingsCache } from './findings-cache';
import type { ObjectStore } from './object-store';
import { pageRows, sortRows, type IndexedRow } from './query';
import { provisionerRow } from './rows/provisioners';
import { TABLES } from './rows/registry';
import type { RowContext, TableSpec } from './rows/table-spec';

const TABLE_OF_KIND: Partial<Record<Kind, TableId>> = {
  persistentvolumeclaims: 'claims',
  persistentvolumes: 'volumes',
  storageclasses: 'classes',
  pods: 'pods',
  volumesnapshots: 'snapshots',
  nodes: 'nodes',
  events: 'events',
};

/** The order rows have before (and under) any sort the user asks for. */
const DEFAULT_ORDER: Partial<Record<TableId, [string, 'asc' | 'desc'][]>> = {
  events: [['lastSeen', 'desc']],
};

class TableCache<Row> {
  readonly rows = new Map<string, IndexedRow<Row>>();
  readonly dirty = new Set<string>();
  allDirty = true;
  private readonly sorted = new Map<string, IndexedRow<Row>[]>();

  constructor(readonly id: TableId, readonly spec: TableSpec<Row>) {}

  changed(): void {
    this.sorted.clear();
  }

  /** Rows in default order, or sorted by one column (ties keep the default order). */
  ordered(sort?: { column: string; direction: 'asc' | 'desc' }): IndexedRow<Row>[] {
    const key = sort ? `${sort.column}\u0000${sort.direction}` : '';
    let list = this.sorted.get(key);
    if (list) return list;
    if (sort) {
      list = sortRows(this.spec, this.ordered(), sort.column, sort.direction);
    } else {
      list = [...this.rows.values()];
      const order = DEFAULT_ORDER[this.id] ?? [['name', 'asc'], ...(this.spec.columns['namespace'] ? [['namespace', 'asc'] as [string, 'asc']] : [])];
      for (const [column, direction] of order) list = sortRows(this.spec, list, column, direction);
    }
    this.sorted.set(key, list);
    return list;
  }
}

type Caches = { [T in TableId]: TableCache<TableRows[T]> };

export class RowCache {
  private readonly tables: Caches;
  private readonly ctx: RowContext;

  constructor(private readonly store: ObjectStore, private readonly findings: FindingsCache) {
    this.ctx = {
      store,
      badge: (kind, key) => findings.badge(kind, key),
      provisioner: (name) => findings.provisioner(name),
    };
    const tables = {} as Record<TableId, TableCache<unknown>>;
    for (const id of Object.keys(TABLES) as TableId[]) tables[id] = new TableCache(id, TABLES[id] as TableSpec<unknown>);
    this.tables = tables as Caches;
  }

  markObject(kind: Kind, key: string): void {
    const table = TABLE_OF_KIND[kind];
    if (table) this.tables[table].dirty.add(key);
  }

  markProvisioner(name: string): void {
    this.tables.provisioners.dirty.add(name);
    // A class row shows its provisioner's verdict.
    for (const sc of this.store.classesOfProvisioner(name)) this.tables.classes.dirty.add(sc.metadata?.name ?? '');
  }

  markAll(): void {
    for (const table of Object.values(this.tables) as TableCache<unknown>[]) table.allDirty = true;
  }

  /** One page of a table, after rebuilding the rows that changed. */
  list<T extends TableId>(req: ListRequest<T>, revision: number): Page<TableRows[T]> {
    const table = this.table(req.table);
    const { total, rows } = pageRows(table.spec, table.ordered(req.sort), req);
    return { total, offset: Math.max(0, Math.floor(req.offset)), rows, revision };
  }

  /** Every current row of a table (rebuilt where dirty), in default order. */
  rows<T extends TableId>(id: T): readonly TableRows[T][] {
    return this.table(id).ordered().map((r) => r.row);
  }

  /** One row by object key (provisioners: by name). */
  row<T extends TableId>(id: T, key: string): TableRows[T] | undefined {
    return this.table(id).rows.get(key)?.row;
  }

  private table<T extends TableId>(id: T): TableCache<TableRows[T]> {
    const table = this.tables[id] as TableCache<TableRows[T]>;
    this.refresh(table);
    return table;
  }

  private refresh<Row>(table: TableCache<Row>): void {
    if (!table.allDirty && table.dirty.size === 0) return;
    if (table.id === 'provisioners') {
      this.refreshProvisioners(table as unknown as TableCache<ProvisionerRow>);
      return;
    }
    const kind = table.spec.kind;
    const build = table.spec.build;
    if (!kind || !build) return;
    const objects = this.store.table(kind);
    const keys = table.allDirty ? new Set([...table.rows.keys(), ...objects.keys()]) : table.dirty;
    for (const key of keys) {
      const obj = objects.get(key);
      if (!obj) {
        table.rows.delete(key);
        continue;
      }
      const row = build(this.ctx, obj, key);
      table.rows.set(key, { row, text: table.spec.text(row).toLowerCase() });
    }
    table.allDirty = false;
    table.dirty.clear();
    table.changed();
  }

  private refreshProvisioners(table: TableCache<ProvisionerRow>): void {
    const names = table.allDirty ? new Set([...table.rows.keys(), ...this.findings.provisionerRows().map((r) => r.name)]) : table.dirty;
    for (const name of names) {
      const health = this.findings.provisioner(name);
      if (!health) {
        table.rows.delete(name);
        continue;
      }
      const row = provisionerRow(health);
      table.rows.set(name, { row, text: table.spec.text(row).toLowerCase() });
    }
    table.allDirty = false;
    table.dirty.clear();
    table.changed();
  }
}
