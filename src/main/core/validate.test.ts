import { describe, expect, it } from 'vitest';
import { KseCallError } from './errors';
import { isMethodName, validateRequest } from './validate';
import { METHOD_NAMES } from '../../shared/contract';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KseCallError);
    expect((error as KseCallError).code).toBe('bad-request');
    return (error as Error).message;
  }
  throw new Error('expected the request to be rejected');
}

describe('validateRequest', () => {
  it('knows every contract method', () => {
    for (const method of METHOD_NAMES) expect(isMethodName(method)).toBe(true);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('toString')).toBe(false);
  });

  it('accepts well-formed requests and copies only their fields', () => {
    const req = {
      clusterId: 'ctx:a',
      table: 'claims',
      namespaces: ['team-a', 'team-b'],
      search: 'db',
      filters: { phase: 'Pending' },
      minSeverity: 'problem',
      finding: { code: 'claim.provisioning', severity: 'warning', subject: { type: 'provisioner', name: 'example.com/nfs' } },
      sort: { column: 'age', direction: 'desc' },
      offset: 0,
      limit: 100,
    };
    expect(validateRequest('listRows', req)).toEqual(req);
    expect(validateRequest('listClusters', undefined)).toEqual({});
    expect(validateRequest('getObject', { clusterId: 'demo', ref: { kind: 'persistentvolumes', name: 'pv-1' } })).toEqual({ clusterId: 'demo', ref: { kind: 'persistentvolumes', name: 'pv-1' } });
    expect(validateRequest('getGraph', { clusterId: 'demo', provisioner: 'example.com/nfs' })).toEqual({ clusterId: 'demo', provisioner: 'example.com/nfs' });
  });

  it('names the field, the rule and the value it got', () => {
    expect(messageOf(() => validateRequest('openCluster', {}))).toBe('openCluster: clusterId must be a string, got nothing.');
    expect(messageOf(() => validateRequest('openCluster', { clusterId: 'x', extra: 1 }))).toBe('openCluster request has unknown field(s) "extra" (allowed: clusterId).');
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'secrets', offset: 0, limit: 1 }))).toMatch(/^listRows: table must be one of claims, volumes/);
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 5000 }))).toBe('listRows: limit must be between 1 and 1000, got 5000.');
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 1.5, limit: 5 }))).toBe('listRows: offset must be a whole number, got number 1.5.');
    expect(messageOf(() => validateRequest('getObject', { clusterId: 'x', ref: { kind: 'pods', name: '' } }))).toBe('getObject: ref.name must not be empty.');
    expect(messageOf(() => validateRequest('getLessons', { lang: 'de' }))).toBe('getLessons: lang must be one of en, ru, got "de".');
    expect(messageOf(() => validateRequest('about', { x: 1 }))).toBe('about request has unknown field(s) "x" (it takes no fields).');
    expect(messageOf(() => validateRequest('addNamespace', { clusterId: 'x', namespace: '../etc' }))).toMatch(/namespace must be a DNS label/);
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 1, namespaces: 'shop' }))).toBe('listRows: namespaces must be a list, got "shop".');
    // A namespace is taken as stored (a snapshot may carry one that is not a DNS label), within the key size limit.
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 1, namespaces: ['shop', 'n'.repeat(5000)] }))).toMatch(/^listRows: namespaces\[1\] /);
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 1, finding: { code: 'x', subject: { type: 'node', name: 'n' } } }))).toBe(
      'listRows: finding.subject.type must be one of provisioner, class, got "node".',
    );
  });

  it('refuses a sort or filter column the table does not have, before the store sees it', () => {
    const base = { clusterId: 'x', table: 'pods', offset: 0, limit: 1 };
    expect(messageOf(() => validateRequest('listRows', { ...base, sort: { column: 'colour', direction: 'asc' } }))).toMatch(/^This table cannot be sorted by "colour"\. Sort by one of: name, namespace/);
    expect(messageOf(() => validateRequest('listRows', { ...base, filters: { colour: 'red' } }))).toMatch(/^This table has no column "colour" to filter by/);
    // Query-only columns (the pods' phase filter) are columns too.
    expect(validateRequest('listRows', { ...base, filters: { phase: 'Pending' }, sort: { column: 'nodeName', direction: 'desc' } })).toMatchObject({ filters: { phase: 'Pending' } });
  });

  it('wants exactly one root of a graph', () => {
    expect(messageOf(() => validateRequest('getGraph', { clusterId: 'x' }))).toBe('getGraph needs exactly one of root, namespace, provisioner or problems, got none.');
    expect(messageOf(() => validateRequest('getGraph', { clusterId: 'x', namespace: 'a', provisioner: 'p' }))).toBe('getGraph needs exactly one of root, namespace, provisioner or problems, got namespace and provisioner.');
    expect(validateRequest('getGraph', { clusterId: 'x', problems: true, namespaces: ['a'], expand: ['group:claim:1'] })).toEqual({ clusterId: 'x', problems: true, namespaces: ['a'], expand: ['group:claim:1'] });
    expect(messageOf(() => validateRequest('getGraph', { clusterId: 'x', problems: 'yes' }))).toBe('getGraph: problems must be true.');
    expect(messageOf(() => validateRequest('getGraph', { clusterId: 'x', namespace: 'a', namespaces: ['a'] }))).toBe('getGraph: namespaces goes only with problems.');
  });

  it('rejects non-objects and huge values without echoing them', () => {
    expect(messageOf(() => validateRequest('getOverview', 'demo'))).toBe('getOverview request must be an object, got "demo".');
    expect(messageOf(() => validateRequest('getOverview', [1]))).toBe('getOverview request must be an object, got a list.');
    const long = 'x'.repeat(600);
    expect(messageOf(() => validateRequest('openCluster', { clusterId: long }))).toBe('openCluster: clusterId must have at most 512 characters, got 600.');
    expect(messageOf(() => validateRequest('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 1, filters: { phase: 3 } }))).toBe('listRows: filters.phase must be a string, got number 3.');
  });
});

describe('locateRow requests', () => {
  it('take a list request without paging, plus the object to find', () => {
    const req = { clusterId: 'demo', table: 'claims', filters: { phase: 'Pending' }, sort: { column: 'name', direction: 'asc' }, ref: { kind: 'persistentvolumeclaims', namespace: 'a', name: 'b' } };
    expect(validateRequest('locateRow', req)).toEqual(req);
  });
  it('refuse paging, unknown fields and a bad ref', () => {
    expect(messageOf(() => validateRequest('locateRow', { clusterId: 'x', table: 'claims', ref: { kind: 'pods', name: 'a' }, offset: 0 }))).toMatch(/^locateRow request has unknown field\(s\) "offset"/);
    expect(messageOf(() => validateRequest('locateRow', { clusterId: 'x', table: 'claims', ref: { kind: 'deployments', name: 'a' } }))).toMatch(/^locateRow: ref\.kind must be one of/);
    expect(messageOf(() => validateRequest('locateRow', { clusterId: 'x', table: 'claims' }))).toMatch(/^locateRow: ref must be/);
  });
});
