import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_COLUMN_IDS, TABLE_IDS, type TableId, type TableRows } from '../../shared/model/rows';
import { deliverSnapshot } from '../kube/snapshot-source';
import { ClusterStore } from './cluster-store';
import { compareValues } from './query';
import { TABLES } from './rows/registry';
import { LARGE, LARGE_CAPTURED_AT, largeSnapshot } from './testing/large-cluster';

let store: ClusterStore;
beforeAll(() => {
  store = new ClusterStore('large', { now: () => Date.parse(LARGE_CAPTURED_AT), provisionerRefreshMs: 0 });
  deliverSnapshot(largeSnapshot(), store);
});

function all<T extends TableId>(table: T, extra: Partial<Parameters<ClusterStore['listRows']>[0]> = {}): TableRows[T][] {
  return store.listRows<T>({ table, offset: 0, limit: 100_000, ...extra } as Parameters<ClusterStore['listRows']>[0] & { table: T }).rows;
}

describe('every column of every table sorts in the core', () => {
  it('by the value the column stands for, both ways, rows without a value last', () => {
    for (const table of TABLE_IDS) {
      const spec = TABLES[table] as { columns: Record<string, { sort: unknown } | undefined> };
      for (const column of TABLE_COLUMN_IDS[table]) {
        const col = spec.columns[column];
        expect(col, `${table}.${column} has a sort value in the store`).toBeDefined();
        if (!col) continue;
        const value = col.sort as (row: TableRows[TableId]) => string | number | undefined;
        for (const direction of ['asc', 'desc'] as const) {
          const rows = all(table, { sort: { column, direction } });
          const values = rows.map(value);
          const present = values.filter((v) => v !== undefined && v !== '');
          // Values first (in order), then the rows without one.
          const firstBlank = values.findIndex((v) => v === undefined || v === '');
          expect(firstBlank === -1 || firstBlank === present.length, `${table}.${column} ${direction}: values before blanks`).toBe(true);
          const wrong = present.findIndex((v, i) => i > 0 && (direction === 'asc' ? compareValues(present[i - 1], v) > 0 : compareValues(present[i - 1], v) < 0));
          expect(wrong, `${table}.${column} ${direction}: out of order at ${wrong}: ${present[wrong - 1]} then ${present[wrong]}`).toBe(-1);
        }
      }
    }
  });
});

describe('filters of the list request', () => {
  it('namespaces: a list, any of them matches; empty means all', () => {
    const two = ['shop', 'payments-processing-eu-west-production'];
    const rows = all('claims', { namespaces: two });
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.namespace))).toEqual(new Set(two));
    const one = all('claims', { namespaces: ['shop'] }).length;
    expect(rows.length).toBe(one + all('claims', { namespaces: ['payments-processing-eu-west-production'] }).length);
    expect(all('claims', { namespaces: [] }).length).toBe(LARGE.claims);
    // Volumes belong to their claim's namespace; pods, snapshots and events to their own.
    expect(all('volumes', { namespaces: ['shop'] }).every((r) => r.claim?.namespace === 'shop')).toBe(true);
    expect(all('pods', { namespaces: two }).every((r) => two.includes(r.namespace))).toBe(true);
    // Tables of cluster-wide objects ignore it.
    expect(all('classes', { namespaces: ['shop'] }).length).toBe(4);
  });

  it('search matches "namespace/name" as well as either part', () => {
    const target = all('claims', { namespaces: ['shop'] })[0]!;
    const exact = all('claims', { search: `shop/${target.name}` });
    expect(exact.map((r) => `${r.namespace}/${r.name}`)).toContain(`shop/${target.name}`);
    expect(exact.every((r) => `${r.namespace}/${r.name}`.includes(`shop/${target.name}`))).toBe(true);
    expect(all('claims', { search: 'SHOP/' }).every((r) => r.namespace === 'shop')).toBe(true);
    expect(all('pods', { search: 'shop/' }).every((r) => r.namespace === 'shop')).toBe(true);
    expect(all('events', { search: `shop/${target.name}` }).every((r) => r.object?.namespace === 'shop')).toBe(true);
  });

  it('events: Warning only', () => {
    const warnings = all('events', { filters: { type: 'Warning' } });
    expect(warnings.length).toBe(LARGE.missingClassClaims);
    expect(warnings.every((e) => e.type === 'Warning')).toBe(true);
    expect(all('events').length).toBeGreaterThan(warnings.length);
  });
});
