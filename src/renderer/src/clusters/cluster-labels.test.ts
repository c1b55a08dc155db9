import { describe, expect, it } from 'vitest';
import { nameParts } from './cluster-labels';

describe('nameParts', () => {
  it("splits a snapshot's file from its cluster", () => {
    expect(nameParts('large-3013-claims.json (large-3013-claims)')).toEqual({ lead: 'large-3013-claims.json', tail: '(large-3013-claims)' });
    // A cluster whose own name has parentheses (the demo recording's context) stays whole after the file.
    expect(nameParts('demo.json (Demo cluster (lab-admin))')).toEqual({ lead: 'demo.json', tail: '(Demo cluster (lab-admin))' });
    expect(nameParts('a b.json (ctx (x))')).toEqual({ lead: 'a b.json', tail: '(ctx (x))' });
    // Unbalanced or nothing before the group: one name.
    expect(nameParts('ctx x)')).toEqual({ lead: 'ctx x)' });
    expect(nameParts('(ctx)')).toEqual({ lead: '(ctx)' });
    expect(nameParts('a(b)')).toEqual({ lead: 'a(b)' });
  });
  it('keeps any other name whole', () => {
    expect(nameParts('Демо-кластер')).toEqual({ lead: 'Демо-кластер' });
    expect(nameParts('kind-lab')).toEqual({ lead: 'kind-lab' });
  });
});
