import { describe, expect, it } from 'vitest';
import type { ClaimRow } from '../../shared/model/rows';
import { compareText, naturalKey, pageRows, patchSorted, rowComparator, sortRows, sortRowsBy, type IndexedRow } from './query';
import { claimsTable } from './rows/claims';

function row(name: string, extra: Partial<ClaimRow> = {}): IndexedRow<ClaimRow> {
  const r: ClaimRow = { ref: { kind: 'persistentvolumeclaims', name, namespace: 'ns' }, namespace: 'ns', name, phase: 'Bound', accessModes: ['ReadWriteOnce'], pods: [], ...extra };
  return { key: `${r.namespace}/${name}`, row: r, text: claimsTable.text(r).toLowerCase() };
}

const names = (rows: readonly (IndexedRow<ClaimRow> | ClaimRow)[]) => rows.map((r) => ('row' in r ? r.row.name : r.name));

describe('natural order', () => {
  it('puts pod-2 before pod-10 and ignores case', () => {
    expect(compareText('pod-2', 'pod-10')).toBeLessThan(0);
    expect(compareText('Alpha', 'beta')).toBeLessThan(0);
    expect(naturalKey('a10')).toBe(naturalKey('A10'));
  });
});

describe('sortRows', () => {
  const rows = [
    row('data-10', { requestedBytes: 10, createdAt: '2026-01-03T00:00:00Z' }),
    row('data-2', { requestedBytes: 2 ** 30, createdAt: '2026-01-01T00:00:00Z' }),
    row('data-1', { createdAt: '2026-01-02T00:00:00Z' }),
    row('data-3', { requestedBytes: 10, createdAt: '2026-01-04T00:00:00Z' }),
  ];

  it('sorts names naturally', () => {
    expect(names(sortRows(claimsTable, rows, 'name', 'asc'))).toEqual(['data-1', 'data-2', 'data-3', 'data-10']);
    expect(names(sortRows(claimsTable, rows, 'name', 'desc'))).toEqual(['data-10', 'data-3', 'data-2', 'data-1']);
  });

  it('sorts sizes numerically, is stable for ties and keeps rows without a value last in both directions', () => {
    expect(names(sortRows(claimsTable, rows, 'size', 'asc'))).toEqual(['data-10', 'data-3', 'data-2', 'data-1']);
    expect(names(sortRows(claimsTable, rows, 'size', 'desc'))).toEqual(['data-2', 'data-10', 'data-3', 'data-1']);
  });

  it('sorts by age: youngest first when ascending', () => {
    expect(names(sortRows(claimsTable, rows, 'age', 'asc'))).toEqual(['data-3', 'data-10', 'data-1', 'data-2']);
  });

  it('sorts by several columns and rejects unknown columns with what to use instead', () => {
    const mixed = [row('b', { phase: 'Pending' }), row('a', { phase: 'Pending' }), row('c', { phase: 'Bound' })];
    expect(names(sortRowsBy(claimsTable, mixed, [['phase', 'asc'], ['name', 'asc']]))).toEqual(['c', 'a', 'b']);
    expect(() => sortRows(claimsTable, rows, 'colour', 'asc')).toThrow(/cannot be sorted by "colour".*name/);
  });

  it('patching a sorted list equals sorting it again', () => {
    const order = [['size', 'desc'], ['name', 'asc']] as const;
    const sorted = sortRowsBy(claimsTable, rows, order);
    const changed = row('data-1', { requestedBytes: 5 });
    const added = row('data-7', { requestedBytes: 2 ** 31 });
    const patched = patchSorted(sorted, new Set(['ns/data-1', 'ns/data-3', 'ns/data-7']), [changed, added], rowComparator(claimsTable, order));
    const expected = sortRowsBy(claimsTable, [rows[0]!, rows[1]!, changed, added], order);
    expect(names(patched)).toEqual(names(expected));
  });
});

describe('pageRows', () => {
  const rows = Array.from({ length: 25 }, (_, i) =>
    row(`claim-${i}`, {
      namespace: i % 2 ? 'odd' : 'even',
      phase: i % 5 === 0 ? 'Pending' : 'Bound',
      ...(i % 5 === 0 ? { badge: { severity: 'problem' as const, count: 1, code: 'claim.class-missing' } } : {}),
      ...(i % 7 === 0 ? { badge: { severity: 'info' as const, count: 1, code: 'x' } } : {}),
    }),
  ).map((r) => ({ ...r, text: claimsTable.text(r.row).toLowerCase() }));

  it('counts every match and cuts one page', () => {
    const page = pageRows(claimsTable, rows, { offset: 10, limit: 5 });
    expect(page.total).toBe(25);
    expect(names(page.rows)).toEqual(['claim-10', 'claim-11', 'claim-12', 'claim-13', 'claim-14']);
    expect(pageRows(claimsTable, rows, { offset: 30, limit: 5 })).toEqual({ total: 25, rows: [] });
  });

  it('filters by namespace, exact column value, case-insensitive search and severity', () => {
    expect(pageRows(claimsTable, rows, { namespaces: ['odd'], offset: 0, limit: 100 }).total).toBe(12);
    expect(names(pageRows(claimsTable, rows, { filters: { phase: 'Pending' }, offset: 0, limit: 100 }).rows)).toEqual(['claim-0', 'claim-5', 'claim-10', 'claim-15', 'claim-20']);
    expect(names(pageRows(claimsTable, rows, { search: 'CLAIM-2', offset: 0, limit: 100 }).rows)).toEqual(['claim-2', 'claim-20', 'claim-21', 'claim-22', 'claim-23', 'claim-24']);
    // claim-0 has the info badge (7 divides 0), so four problems remain.
    expect(pageRows(claimsTable, rows, { minSeverity: 'problem', offset: 0, limit: 100 }).total).toBe(4);
    expect(pageRows(claimsTable, rows, { minSeverity: 'info', offset: 0, limit: 100 }).total).toBe(8);
    expect(pageRows(claimsTable, rows, { filters: { badge: 'info' }, offset: 0, limit: 100 }).total).toBe(4);
    expect(() => pageRows(claimsTable, rows, { filters: { colour: 'red' }, offset: 0, limit: 1 })).toThrow(/no column "colour"/);
  });
});
