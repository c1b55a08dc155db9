import { describe, expect, it } from 'vitest';
import type { ClaimRow, ListRequest, Page } from '../../shared/model/rows';
import type { UsageReport, VolumeUsage } from '../../shared/model/usage';
import type { Finding } from '../../shared/model/findings';
import { listClaimsWithUsage, locateClaimWithUsage, usageFindingsByClaim } from './claim-rows';

const row = (name: string): ClaimRow => ({ ref: { kind: 'persistentvolumeclaims', namespace: 'ns', name }, namespace: 'ns', name, phase: 'Bound', accessModes: [], pods: [`${name}-pod`] });
const rows = ['a', 'b', 'c', 'd'].map(row);
const vol = (claim: string, used: number): VolumeUsage => ({ key: `claim:ns/${claim}`, kind: 'claim', namespace: 'ns', pod: `${claim}-pod`, volume: 'v', claim, node: 'n1', usedBytes: used, capacityBytes: 100, availableBytes: 100 - used });
const report: UsageReport = { access: 'allowed', intervalMs: 1000, nodes: [{ node: 'n1', state: 'ok' }, { node: 'n2', state: 'error', error: 'timeout' }], volumes: [vol('a', 10), vol('c', 90), vol('d', 50)] };
const nodeOf = (_ns: string, pod: string) => (pod === 'b-pod' ? 'n2' : 'n1');
const list = (req: Omit<ListRequest<'claims'>, 'clusterId'>): Page<ClaimRow> => {
  const sorted = req.sort?.column === 'name' && req.sort.direction === 'desc' ? [...rows].reverse() : rows;
  return { total: rows.length, offset: req.offset, revision: 7, rows: sorted.slice(req.offset, req.offset + req.limit) };
};

describe('claims with usage', () => {
  it('sorts by Use % both ways, the unknown last, and pages after sorting', () => {
    const asc = listClaimsWithUsage(list, { table: 'claims', sort: { column: 'usePercent', direction: 'asc' }, offset: 0, limit: 10 }, report, nodeOf);
    expect(asc.rows.map((r) => r.name)).toEqual(['a', 'd', 'c', 'b']);
    const desc = listClaimsWithUsage(list, { table: 'claims', sort: { column: 'free', direction: 'desc' }, offset: 0, limit: 10 }, report, nodeOf);
    expect(desc.rows.map((r) => r.name)).toEqual(['a', 'd', 'c', 'b']);
    const page = listClaimsWithUsage(list, { table: 'claims', sort: { column: 'used', direction: 'desc' }, offset: 1, limit: 2 }, report, nodeOf);
    expect(page).toMatchObject({ total: 4, offset: 1, revision: 7 });
    expect(page.rows.map((r) => r.name)).toEqual(['d', 'a']);
  });
  it("joins usage to the store's page otherwise, the unknown with why", () => {
    const page = listClaimsWithUsage(list, { table: 'claims', sort: { column: 'name', direction: 'desc' }, offset: 0, limit: 2 }, report, nodeOf);
    expect(page.rows.map((r) => [r.name, r.usage?.state])).toEqual([['d', 'known'], ['c', 'known']]);
    const b = listClaimsWithUsage(list, { table: 'claims', offset: 1, limit: 1 }, report, nodeOf).rows[0];
    expect(b?.usage).toEqual({ state: 'unknown', reason: 'node-error', node: 'n2', message: 'timeout' });
  });
  it("counts a claim's usage findings in its row's badge, the most severe deciding", () => {
    const f = (name: string, severity: Finding['severity'], code: string) => ({ code, severity, object: { kind: 'persistentvolumeclaims', namespace: 'ns', name } }) as Finding;
    const findings = usageFindingsByClaim([f('a', 'problem', 'claim.nearly-full'), f('c', 'info', 'claim.over-provisioned'), f('c', 'warning', 'claim.predicted-full')]);
    const withBadges = (base: Record<string, ClaimRow['badge']>) => (req: Omit<ListRequest<'claims'>, 'clusterId'>) => {
      const page = list(req);
      return { ...page, rows: page.rows.map((r) => ({ ...r, ...(base[r.name] ? { badge: base[r.name] } : {}) })) };
    };
    const rows = listClaimsWithUsage(withBadges({ a: { severity: 'warning', count: 1, code: 'claim.oversized' }, d: { severity: 'info', count: 2, code: 'x' } }), { table: 'claims', offset: 0, limit: 10 }, report, nodeOf, findings).rows;
    const badge = (name: string) => rows.find((r) => r.name === name)?.badge;
    expect(badge('a')).toEqual({ severity: 'problem', count: 2, code: 'claim.nearly-full' });
    expect(badge('b')).toBeUndefined();
    expect(badge('c')).toEqual({ severity: 'warning', count: 2, code: 'claim.predicted-full' });
    expect(badge('d')).toEqual({ severity: 'info', count: 2, code: 'x' });
  });
});

describe('usage findings order and filter claims like any finding', () => {
  const f = (name: string, severity: Finding['severity'], code: string) => ({ code, severity, object: { kind: 'persistentvolumeclaims', namespace: 'ns', name } }) as Finding;
  // b has a store finding (info); c's only finding is usage (nearly full, a warning); a and d have none.
  const stored = (req: Omit<ListRequest<'claims'>, 'clusterId'>): Page<ClaimRow> => {
    const withBadge = rows.map((r) => (r.name === 'b' ? { ...r, badge: { severity: 'info' as const, count: 1, code: 'claim.x' } } : r));
    const rank = (r: ClaimRow) => (r.badge ? ['problem', 'warning', 'info'].indexOf(r.badge.severity) : 99);
    let out = req.sort?.column === 'badge' ? [...withBadge].sort((x, y) => rank(x) - rank(y)) : withBadge;
    if (req.sort?.column === 'name' && req.sort.direction === 'desc') out = [...out].reverse();
    if (req.minSeverity) out = out.filter((r) => r.badge && rank(r) <= ['problem', 'warning', 'info'].indexOf(req.minSeverity!));
    if (req.filters?.['badge'] !== undefined) out = out.filter((r) => (r.badge?.severity ?? '') === req.filters!['badge']);
    return { total: out.length, offset: req.offset, revision: 7, rows: out.slice(req.offset, req.offset + req.limit) };
  };
  const findings = usageFindingsByClaim([f('c', 'warning', 'claim.nearly-full')]);
  const names = (req: Omit<ListRequest<'claims'>, 'clusterId'>) => listClaimsWithUsage(stored, req, report, nodeOf, findings).rows.map((r) => r.name);

  it('sorting by findings puts the nearly full claim among the warnings, before the info', () => {
    expect(names({ table: 'claims', sort: { column: 'badge', direction: 'asc' }, offset: 0, limit: 10 })).toEqual(['c', 'b', 'a', 'd']);
    expect(names({ table: 'claims', sort: { column: 'badge', direction: 'desc' }, offset: 0, limit: 10 })).toEqual(['b', 'c', 'a', 'd']);
    expect(listClaimsWithUsage(stored, { table: 'claims', sort: { column: 'badge', direction: 'asc' }, offset: 1, limit: 1 }, report, nodeOf, findings)).toMatchObject({ total: 4, rows: [{ name: 'b' }] });
  });

  it('the severity filter keeps it (warning and above), and the badge filter finds it by its severity', () => {
    expect(names({ table: 'claims', minSeverity: 'warning', offset: 0, limit: 10 })).toEqual(['c']);
    expect(names({ table: 'claims', minSeverity: 'info', sort: { column: 'name', direction: 'desc' }, offset: 0, limit: 10 })).toEqual(['c', 'b']);
    expect(names({ table: 'claims', filters: { badge: 'warning' }, offset: 0, limit: 10 })).toEqual(['c']);
    expect(listClaimsWithUsage(stored, { table: 'claims', minSeverity: 'warning', offset: 0, limit: 10 }, report, nodeOf, findings).total).toBe(1);
  });

  it('locates a row where the usage order puts it, and leaves other orders to the store', () => {
    const ref = (name: string) => ({ kind: 'persistentvolumeclaims' as const, namespace: 'ns', name });
    expect(locateClaimWithUsage(stored, { table: 'claims', sort: { column: 'usePercent', direction: 'desc' } }, ref('d'), report, nodeOf, findings)).toEqual({ index: 1, total: 4 });
    expect(locateClaimWithUsage(stored, { table: 'claims', sort: { column: 'free', direction: 'asc' } }, ref('b'), report, nodeOf, findings)).toEqual({ index: 3, total: 4 });
    expect(locateClaimWithUsage(stored, { table: 'claims', sort: { column: 'badge', direction: 'asc' } }, ref('b'), report, nodeOf, findings)).toEqual({ index: 1, total: 4 });
    expect(locateClaimWithUsage(stored, { table: 'claims', minSeverity: 'warning' }, ref('b'), report, nodeOf, findings)).toEqual({ index: -1, total: 1 });
    expect(locateClaimWithUsage(stored, { table: 'claims', sort: { column: 'name', direction: 'asc' } }, ref('b'), report, nodeOf, findings)).toBeUndefined();
  });
});
