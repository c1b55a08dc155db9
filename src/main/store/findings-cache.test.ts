import { describe, expect, it } from 'vitest';
import type { Finding } from '../../shared/model/findings';
import { DirtySet } from './change-reach';
import { badgeOf, compareFindings, FindingsCache } from './findings-cache';
import { pod } from './testing/fixtures';
import { ObjectStore } from './object-store';

function finding(severity: Finding['severity'], name: string, code = 'x.code', namespace = 'ns'): Finding {
  return { id: `${code}:${name}`, code, severity, object: { kind: 'pods', name, namespace }, cause: { en: '', ru: '' }, evidence: [], fix: [], lesson: 'pods' };
}

describe('badges and order', () => {
  it('the badge shows the most severe finding and the count', () => {
    expect(badgeOf([finding('info', 'a', 'i'), finding('problem', 'a', 'p'), finding('warning', 'a', 'w')])).toEqual({ severity: 'problem', count: 3, code: 'p' });
    expect(badgeOf([])).toBeUndefined();
  });

  it('orders most severe first, then namespace and name', () => {
    const list = [finding('info', 'a'), finding('problem', 'b', 'x', 'z'), finding('problem', 'a', 'x', 'z'), finding('problem', 'c', 'x', 'a')];
    expect(list.sort(compareFindings).map((f) => `${f.severity}:${f.object.namespace}/${f.object.name}`)).toEqual(['problem:a/c', 'problem:z/a', 'problem:z/b', 'info:ns/a']);
  });
});

describe('FindingsCache', () => {
  it('computes only dirty objects, tells which badges changed, and forgets deleted objects', () => {
    const store = new ObjectStore();
    store.setKindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 0 });
    const p = pod('shop', 'web', ['missing'], { nodeName: 'n', phase: 'Pending' });
    store.add('pods', p);
    const cache = new FindingsCache(store);
    cache.markObject('pods', 'shop/web');
    cache.markObject('nodes', 'n'); // not a diagnosed kind: ignored
    const rows = new DirtySet();
    cache.flush(rows);
    expect(cache.of('pods', 'shop/web').map((f) => f.code)).toContain('pod.claim-missing');
    expect([...rows.objects]).toEqual(['pods|shop/web']);
    expect(cache.all().length).toBeGreaterThan(0);
    store.delete('pods', p);
    cache.markObject('pods', 'shop/web');
    rows.clear();
    cache.flush(rows);
    expect(cache.of('pods', 'shop/web')).toEqual([]);
    expect(cache.all()).toEqual([]);
    expect([...rows.objects]).toEqual(['pods|shop/web']);
  });

  it('past the bulk limit, one diagnoseAll run gives the same findings as per-object calls', () => {
    const build = (bulkLimit: number) => {
      const store = new ObjectStore();
      store.setKindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 0 });
      for (let i = 0; i < 5; i++) store.add('pods', pod('shop', `p${i}`, [`c${i}`], { nodeName: 'n', phase: 'Pending' }));
      const cache = new FindingsCache(store, bulkLimit);
      cache.markAll();
      cache.flush(new DirtySet());
      return cache.all().map((f) => `${f.code}:${f.object.namespace}/${f.object.name}`);
    };
    expect(build(0)).toEqual(build(1000));
    expect(build(0).length).toBeGreaterThanOrEqual(5);
  });
});
