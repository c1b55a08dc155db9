import { describe, expect, it } from 'vitest';
import { nameParts } from './cluster-labels';

describe('nameParts', () => {
  it("splits a snapshot's file (the core's `server`) from its cluster", () => {
    expect(nameParts('large-3013-claims.json (large-3013-claims)', 'large-3013-claims.json')).toEqual({ lead: 'large-3013-claims.json', tail: '(large-3013-claims)' });
    // A cluster whose own name has parentheses (the demo recording's context) stays whole after the file.
    expect(nameParts('demo.json (Demo cluster (lab-admin))', 'demo.json')).toEqual({ lead: 'demo.json', tail: '(Demo cluster (lab-admin))' });
    expect(nameParts('a b.json (ctx (x))', 'a b.json')).toEqual({ lead: 'a b.json', tail: '(ctx (x))' });
    // A file whose own name has parentheses, or a cluster with one unbalanced: split at the file all the same.
    expect(nameParts('copy (2).json (ctx)', 'copy (2).json')).toEqual({ lead: 'copy (2).json', tail: '(ctx)' });
    expect(nameParts('a.json (ctx x))', 'a.json')).toEqual({ lead: 'a.json', tail: '(ctx x))' });
    // Without its file (a context's name), or a name that does not start with it: one name.
    expect(nameParts('ctx x)')).toEqual({ lead: 'ctx x)' });
    expect(nameParts('(ctx)')).toEqual({ lead: '(ctx)' });
    expect(nameParts('a(b)', 'b')).toEqual({ lead: 'a(b)' });
  });
  it('keeps any other name whole', () => {
    expect(nameParts('Демо-кластер')).toEqual({ lead: 'Демо-кластер' });
    expect(nameParts('kind-lab')).toEqual({ lead: 'kind-lab' });
  });
});
