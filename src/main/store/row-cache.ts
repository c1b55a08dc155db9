/**
 * Table rows cached per object: a change marks the rows of the objects it touches, and the next query rebuilds
 * only those. Sorted orders are cached per table and column until a row of that table changes.
 */
import { ROW_TABLE_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { ListRequest, Page, TableId, TableRows } from '../../shared/model/rows';
import type { ProvisionerRow } from '../../shared/model/rows';
import type { FindingsCache } from './findings-cache';
import type { ObjectStore } from './object-store';
import type { ObjectRef, TargetRef } from '../../shared/model/refs';
import { sameRef } from '../../shared/model/refs';
import { pageRows, patchSorted, rowComparator, rowFilter, sortRowsBy, type IndexedRow, type SortSpec } from './query';
import { provisionerRow } from './rows/provisioners';
import { TABLES } from './rows/registry';
import type { RowContext, TableSpec } from './rows/table-spec';


/** The order rows have before (and under) any sort the user asks for. */
const DEFAULT_ORDER: Partial<Record<TableId, SortSpec>> = {
  events: [['lastSeen', 'desc']],
};

/** Past this many changed rows, cached orders are dropped and sorted again rather than patched. */
const PATCH_LIMIT = 64;
/** Cached orders per table (default order plus recently used column sorts). */
const MAX_ORDERS = 8;

class TableCache<Row> {
  readonly rows = new Map<string, IndexedRow<Row>>();
  readonly dirty = new Set<string>();
  allDirty = true;
  /** Keys rebuilt (or removed) since the cached orders were last brought up to date; 'all' drops them. */
  rebuilt: Set<string> | 'all' = new Set();
  private readonly sorted = new Map<string, { order: SortSpec; list: IndexedRow<Row>[] }>();

  constructor(readonly id: TableId, readonly spec: TableSpec<Row>) {}

  /** True while some row or cached order is out of date. */
  get stale(): boolean {
    return this.allDirty || this.dirty.size > 0 || this.rebuilt === 'all' || this.rebuilt.size > 0;
  }

  /** Rows of the keys rebuilt since the last call changed: patch the cached orders, or drop them. */
  settleOrders(): void {
    const keys = this.rebuilt;
    this.rebuilt = new Set();
    if (keys === 'all' || keys.size > PATCH_LIMIT) {
      this.sorted.clear();
      return;
    }
    if (keys.size === 0) return;
    const fresh = [...keys].map((k) => this.rows.get(k)).filter((r): r is IndexedRow<Row> => r !== undefined);
    for (const entry of this.sorted.values()) {
      entry.list = patchSorted(entry.list, keys, fresh, rowComparator(this.spec, entry.order));
    }
  }

  private defaultOrder(): SortSpec {
    return DEFAULT_ORDER[this.id] ?? (this.spec.columns['namespace'] ? [['namespace', 'asc'], ['name', 'asc']] : [['name', 'asc']]);
  }

  /** Rows in default order, or sorted by one column (ties in default order). */
  ordered(sort?: { column: string; direction: 'asc' | 'desc' }): IndexedRow<Row>[] {
    const key = sort ? `${sort.column}\u0000${sort.direction}` : '';
    const cached = this.sorted.get(key);
    if (cached) return cached.list;
    const order: SortSpec = sort ? [[sort.column, sort.direction], ...this.defaultOrder()] : this.defaultOrder();
    const list = sortRowsBy(this.spec, [...this.rows.values()], order);
    if (this.sorted.size >= MAX_ORDERS) this.sorted.clear();
    this.sorted.set(key, { order, list });
    return list;
  }
}

type Caches = { [T in TableId]: TableCache<TableRows[T]> };

export class RowCache {
  private readonly tables: Caches;
  private readonly ctx: RowContext;
  /** Tables a query has read: refreshSlice keeps these up to date ahead of the next query. */
  private readonly inUse = new Set<TableId>();

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

  markObject(kind: Resource, key: string): void {
    const table = ROW_TABLE_OF_RESOURCE[kind];
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

  /**
   * One page of a table, after rebuilding the rows that changed.
   * @param keys when given, only rows with these object keys (the objects of a finding group).
   */
  list<T extends TableId>(req: Omit<ListRequest<T>, 'clusterId' | 'finding'>, revision: number, keys?: ReadonlySet<string>): Page<TableRows[T]> {
    const table = this.table(req.table);
    const { total, rows } = pageRows(table.spec, table.ordered(req.sort), keys ? { ...req, keys } : req);
    return { total, offset: Math.max(0, Math.floor(req.offset)), rows, revision };
  }

  /**
   * Index of the first row standing for `ref` among the rows the request shows (same filters and order as
   * `list`), or -1. A row stands for its object (events: the object they are about; provisioners: the
   * provisioner's ref).
   */
  locate<T extends TableId>(req: Omit<ListRequest<T>, 'clusterId' | 'offset' | 'limit'>, ref: TargetRef): { index: number; total: number } {
    const table = this.table(req.table);
    const pass = rowFilter(table.spec, req);
    let total = 0;
    let index = -1;
    for (const r of table.ordered(req.sort)) {
      if (!pass(r)) continue;
      if (index < 0) {
        const row = r.row as { ref?: TargetRef; object?: ObjectRef };
        const own = row.ref ?? row.object;
        if (own && sameRef(own, ref)) index = total;
      }
      total += 1;
    }
    return { index, total };
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
    this.inUse.add(id);
    const table = this.tables[id] as TableCache<TableRows[T]>;
    this.refresh(table);
    return table;
  }

  /**
   * Rebuilds dirty rows for about `budgetMs` (ms), table by table, and sorts a finished table's default order;
   * returns true when every table is up to date. Only tables some query has read: a table nobody shows (a class's
   * row sums all its claims) is built when first asked for, not on every change. ClusterStore.settle calls it between event-loop turns, so the
   * query after a relist of 10,000 claims finds its rows built and sorted.
   */
  refreshSlice(budgetMs: number): boolean {
    const start = performance.now();
    for (const id of this.inUse) {
      const table = this.tables[id] as TableCache<unknown>;
      if (!table.stale) continue;
      if (table.id === 'provisioners' || !table.spec.kind || !table.spec.build) {
        this.refresh(table);
      } else {
        if (table.allDirty) this.expandAllDirty(table);
        let done = 0;
        for (const key of table.dirty) {
          table.dirty.delete(key);
          this.rebuild(table, key);
          done += 1;
          if (done % 32 === 0 && performance.now() - start >= budgetMs) return false;
        }
        table.settleOrders();
        table.ordered();
      }
      if (performance.now() - start >= budgetMs) return false;
    }
    return true;
  }

  private refresh<Row>(table: TableCache<Row>): void {
    if (!table.stale) return;
    if (table.id === 'provisioners') {
      this.refreshProvisioners(table as unknown as TableCache<ProvisionerRow>);
      return;
    }
    if (!table.spec.kind || !table.spec.build) return;
    if (table.allDirty) this.expandAllDirty(table);
    for (const key of table.dirty) this.rebuild(table, key);
    table.dirty.clear();
    table.settleOrders();
  }

  /** Every row is dirty: name each key (held rows and current objects), and drop the cached orders. */
  private expandAllDirty<Row>(table: TableCache<Row>): void {
    const kind = table.spec.kind;
    if (kind) for (const key of [...table.rows.keys(), ...this.store.table(kind).keys()]) table.dirty.add(key);
    table.allDirty = false;
    table.rebuilt = 'all';
  }

  private rebuild<Row>(table: TableCache<Row>, key: string): void {
    const kind = table.spec.kind;
    const build = table.spec.build;
    if (!kind || !build) return;
    if (table.rebuilt !== 'all') table.rebuilt.add(key);
    const obj = this.store.table(kind).get(key);
    if (!obj) {
      table.rows.delete(key);
      return;
    }
    try {
      const row = build(this.ctx, obj, key);
      table.rows.set(key, { key, row, text: table.spec.text(row).toLowerCase() });
    } catch {
      // A malformed object (hand-edited snapshot) gets no row rather than breaking the whole table.
      table.rows.delete(key);
    }
  }

  private refreshProvisioners(table: TableCache<ProvisionerRow>): void {
    const names = new Set(table.allDirty ? [...table.rows.keys(), ...this.findings.provisionerRows().map((r) => r.name)] : table.dirty);
    for (const name of names) {
      const health = this.findings.provisioner(name);
      if (!health) {
        table.rows.delete(name);
        continue;
      }
      const row = provisionerRow(health);
      table.rows.set(name, { key: name, row, text: table.spec.text(row).toLowerCase() });
    }
    table.allDirty = false;
    table.dirty.clear();
    table.rebuilt = 'all';
    table.settleOrders();
  }
}
