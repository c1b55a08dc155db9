import { describe, expect, it } from 'vitest';
import { applyNotice } from './notices';
import { createQueryClient, keys } from './queries';

describe('a change notice invalidates what it affects', () => {
  it('rows of the tables it names, details and summaries, and nothing of other clusters', () => {
    const client = createQueryClient();
    const claims = keys.rowsPage({ clusterId: 'a', table: 'claims' }, 0);
    const pods = keys.rowsPage({ clusterId: 'a', table: 'pods' }, 0);
    const detail = keys.object('a', { kind: 'pods', namespace: 'x', name: 'p' });
    const overview = keys.overview('a');
    const elsewhere = keys.rowsPage({ clusterId: 'b', table: 'pods' }, 0);
    for (const key of [claims, pods, detail, overview, elsewhere]) client.setQueryData(key, {});
    applyNotice(client, { type: 'changed', clusterId: 'a', kinds: ['pods'], tables: ['pods'], objects: [{ kind: 'pods', namespace: 'x', name: 'p' }], revision: 2 });
    const invalidated = (key: readonly unknown[]): boolean | undefined => client.getQueryState(key)?.isInvalidated;
    expect(invalidated(pods)).toBe(true);
    expect(invalidated(detail)).toBe(true);
    expect(invalidated(overview)).toBe(true);
    expect(invalidated(claims)).toBe(false);
    expect(invalidated(elsewhere)).toBe(false);
  });

  it("re-runs the cluster's exercise checks on a change of any kind (a step may read any), never the exercise texts", () => {
    const client = createQueryClient();
    const check = keys.exerciseCheck('a', 'static-binding');
    const other = keys.exerciseCheck('b', 'static-binding');
    const texts = keys.exercises('ru');
    for (const key of [check, other, texts]) client.setQueryData(key, {});
    applyNotice(client, { type: 'changed', clusterId: 'a', kinds: ['leases'], tables: [], revision: 3 });
    expect(client.getQueryState(check)?.isInvalidated).toBe(true);
    expect(client.getQueryState(other)?.isInvalidated).toBe(false);
    expect(client.getQueryState(texts)?.isInvalidated).toBe(false);
  });
});

describe('a usage notice refetches only what shows the usage that moved', () => {
  const claim = (namespace: string, name: string) => ({ ref: { kind: 'persistentvolumeclaims' as const, namespace, name }, namespace, name, phase: 'Bound', accessModes: [], pods: [] });
  const page = (...rows: ReturnType<typeof claim>[]) => ({ total: rows.length, offset: 0, rows, revision: 1 });
  const dataRef = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'data' };

  function cache() {
    const client = createQueryClient();
    const q = { clusterId: 'a', table: 'claims' as const };
    const bySize = { ...q, sort: { column: 'size', direction: 'asc' as const } };
    const byUse = { ...q, sort: { column: 'usePercent', direction: 'desc' as const } };
    const warnings = { ...q, minSeverity: 'warning' as const };
    const k = {
      dataDetail: keys.object('a', dataRef),
      otherDetail: keys.object('a', { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'logs' }),
      podDetail: keys.object('a', { kind: 'pods', namespace: 'shop', name: 'web-0' }),
      nodeDetail: keys.object('a', { kind: 'nodes', name: 'n1' }),
      pageWithData: keys.rowsPage(q, 0),
      pageWithout: keys.rowsPage(q, 1),
      bySizeWithout: keys.rowsPage(bySize, 0),
      byUseWithout: keys.rowsPage(byUse, 3),
      warningsWithout: keys.rowsPage(warnings, 0),
      locate: [...keys.rows(q), 'locate', 'persistentvolumeclaims', 'shop', 'logs'],
      locateByUse: [...keys.rows(byUse), 'locate', 'persistentvolumeclaims', 'shop', 'logs'],
      pods: keys.rowsPage({ clusterId: 'a', table: 'pods' }, 0),
      usage: keys.usage('a'),
      overview: keys.overview('a'),
      dataHistory: keys.usageHistory('a', 'claim:shop/data'),
      logsHistory: keys.usageHistory('a', 'claim:shop/logs'),
      status: keys.status('a'),
      elsewhere: keys.object('b', dataRef),
    };
    for (const key of Object.values(k)) client.setQueryData(key, {});
    client.setQueryData(k.pageWithData, page(claim('shop', 'logs'), claim('shop', 'data')));
    for (const key of [k.pageWithout, k.bySizeWithout, k.byUseWithout, k.warningsWithout]) client.setQueryData(key, page(claim('shop', 'logs'), claim('web', 'data')));
    const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    const stale = () => Object.entries(k).filter(([, key]) => invalidated(key)).map(([name]) => name).sort();
    return { client, k, stale };
  }

  it('names one claim: its details, the pages showing it or ordered by usage, its history; not the other panels', () => {
    const { client, stale } = cache();
    applyNotice(client, { type: 'usage', clusterId: 'a', nodes: ['n1'], volumes: ['claim:shop/data'], access: false, objects: [dataRef] });
    expect(stale()).toEqual(['byUseWithout', 'dataDetail', 'dataHistory', 'locateByUse', 'overview', 'pageWithData', 'usage', 'warningsWithout'].sort());
  });

  it('names no object: no details, and no claim pages but those ordered or filtered by usage', () => {
    const { client, stale } = cache();
    applyNotice(client, { type: 'usage', clusterId: 'a', nodes: [], volumes: [], access: false, objects: [] });
    expect(stale()).toEqual(['byUseWithout', 'locateByUse', 'overview', 'usage', 'warningsWithout'].sort());
  });

  it('without objects (too many, or a change of access) every detail and claim page refetches, as before', () => {
    for (const notice of [
      { type: 'usage' as const, clusterId: 'a', nodes: [], access: false },
      { type: 'usage' as const, clusterId: 'a', nodes: [], volumes: [], access: true, objects: [dataRef] },
    ]) {
      const { client, stale } = cache();
      applyNotice(client, notice);
      const expected = ['byUseWithout', 'bySizeWithout', 'dataDetail', 'locate', 'locateByUse', 'nodeDetail', 'otherDetail', 'overview', 'pageWithData', 'pageWithout', 'podDetail', 'usage', 'warningsWithout'];
      if (notice.volumes === undefined) expected.push('dataHistory', 'logsHistory');
      expect(stale()).toEqual(expected.sort());
    }
  });
});
