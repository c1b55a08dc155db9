import { describe, expect, it } from 'vitest';
import { nameParts } from './cluster-labels';

describe('nameParts', () => {
  it("splits a snapshot's file from its cluster", () => {
    expect(nameParts('large-3013-claims.json (large-3013-claims)')).toEqual({ lead: 'large-3013-claims.json', tail: '(large-3013-claims)' });
    expect(nameParts('a b.json (ctx (x))')).toEqual({ lead: 'a b.json (ctx (x))' });
  });
  it('keeps any other name whole', () => {
    expect(nameParts('Демо-кластер')).toEqual({ lead: 'Демо-кластер' });
    expect(nameParts('kind-lab')).toEqual({ lead: 'kind-lab' });
  });
});
