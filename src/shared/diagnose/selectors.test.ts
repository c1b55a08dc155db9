import { describe, expect, it } from 'vitest';
import { formatSelector, formatTerms, nodeMatchesTerms, selectorMatches } from './selectors';

describe('selectorMatches', () => {
  it('matches labels and expressions', () => {
    const selector = { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] };
    expect(selectorMatches(selector, { app: 'db', tier: 'a' })).toBe(true);
    expect(selectorMatches(selector, { app: 'db', tier: 'c' })).toBe(false);
    expect(selectorMatches(selector, { app: 'web', tier: 'a' })).toBe(false);
    expect(selectorMatches(undefined, undefined)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, {})).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'x', operator: 'Exists' }] }, {})).toBe(false);
  });

  it('formats like kubectl', () => {
    expect(formatSelector({ matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] })).toBe(
      'app=db,tier in (a)',
    );
  });
});

describe('nodeMatchesTerms', () => {
  const node = { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1', zone: 'a' } };
  it('ORs terms and ANDs expressions', () => {
    const terms = [
      { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] }] },
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
    ];
    expect(nodeMatchesTerms(node, terms)).toBe(true);
    expect(nodeMatchesTerms(node, terms.slice(0, 1))).toBe(false);
    expect(nodeMatchesTerms(node, [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }])).toBe(true);
    expect(nodeMatchesTerms(node, [{}])).toBe(false);
    expect(formatTerms(terms)).toBe('kubernetes.io/hostname in (node-2) | zone in (a)');
  });
});
