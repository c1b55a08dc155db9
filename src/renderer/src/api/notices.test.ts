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
