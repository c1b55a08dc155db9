import { describe, expect, it } from 'vitest';
import { mergeKubeconfigs, type KubeconfigDocument } from './kubeconfig-merge';

const cluster = (name: string, server: string) => ({ name, cluster: { server } });
const user = (name: string, token = 't') => ({ name, user: { token } });
const context = (name: string, clusterName: string, userName: string, namespace?: string) => ({
  name,
  context: { cluster: clusterName, user: userName, ...(namespace ? { namespace } : {}) },
});

describe('mergeKubeconfigs', () => {
  it('lists the contexts of one file with their cluster and user', () => {
    const merged = mergeKubeconfigs([
      {
        file: '/a',
        doc: { clusters: [cluster('c', 'https://c:6443')], users: [user('u')], contexts: [context('x', 'c', 'u', 'ns')], 'current-context': 'x' },
      },
    ]);
    expect(merged.currentContext).toBe('x');
    expect(merged.fileErrors).toEqual([]);
    expect(merged.contexts).toHaveLength(1);
    expect(merged.contexts[0]).toMatchObject({ name: 'x', file: '/a', namespace: 'ns', clusterName: 'c', userName: 'u' });
    expect(merged.contexts[0]?.problem).toBeUndefined();
    expect(merged.contexts[0]?.cluster?.body.server).toBe('https://c:6443');
  });

  it('keeps the first file’s definition of a name, as kubectl does', () => {
    const merged = mergeKubeconfigs([
      { file: '/first', doc: { clusters: [cluster('c', 'https://first')], users: [user('u', 'one')], contexts: [context('x', 'c', 'u')] } },
      {
        file: '/second',
        doc: {
          clusters: [cluster('c', 'https://second'), cluster('d', 'https://d')],
          users: [user('u', 'two')],
          contexts: [context('x', 'd', 'u'), context('y', 'd', 'u')],
        },
      },
    ]);
    expect(merged.contexts.map((c) => c.name)).toEqual(['x', 'y']);
    const x = merged.contexts[0]!;
    expect(x.file).toBe('/first');
    expect(x.cluster?.body.server).toBe('https://first');
    expect(x.user?.body.token).toBe('one');
    // y comes from the second file but uses the first file's user "u".
    const y = merged.contexts[1]!;
    expect(y.file).toBe('/second');
    expect(y.cluster?.body.server).toBe('https://d');
    expect(y.user?.file).toBe('/first');
  });

  it('takes current-context from the first file that sets one', () => {
    const merged = mergeKubeconfigs([
      { file: '/a', doc: { contexts: [] } },
      { file: '/b', doc: { 'current-context': 'b-ctx' } },
      { file: '/c', doc: { 'current-context': 'c-ctx' } },
    ]);
    expect(merged.currentContext).toBe('b-ctx');
  });

  it('reports a broken file without hiding the contexts of the others', () => {
    const docs: KubeconfigDocument[] = [
      { file: '/broken', error: '/broken is not valid YAML: bad indentation. Fix the file.' },
      { file: '/scalar', doc: 'just a string' },
      { file: '/good', doc: { clusters: [cluster('c', 'https://c')], users: [user('u')], contexts: [context('ok', 'c', 'u')] } },
    ];
    const merged = mergeKubeconfigs(docs);
    expect(merged.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(merged.fileErrors.map((e) => e.file)).toEqual(['/broken', '/scalar']);
    expect(merged.fileErrors[1]?.message).toMatch(/\/scalar is not a kubeconfig/);
  });

  it('marks a context whose cluster or user is missing, naming the context, the file and what to do', () => {
    const merged = mergeKubeconfigs([
      {
        file: '/k',
        doc: {
          clusters: [cluster('c', 'https://c'), { name: 'noserver', cluster: {} }],
          users: [user('u')],
          contexts: [context('no-cluster', 'ghost', 'u'), context('no-user', 'c', 'nobody'), context('no-server', 'noserver', 'u'), context('fine', 'c', 'u')],
        },
      },
    ]);
    const problems = Object.fromEntries(merged.contexts.map((c) => [c.name, c.problem]));
    expect(problems['no-cluster']).toMatch(/context "no-cluster" in \/k uses cluster "ghost", which no kubeconfig file defines/);
    expect(problems['no-user']).toMatch(/uses user "nobody".*Add that user or fix the context/);
    expect(problems['no-server']).toMatch(/Cluster "noserver" \(\/k\).*has no server URL/);
    expect(problems.fine).toBeUndefined();
  });

  it('reports malformed entries and sections but keeps the valid entries of the same file', () => {
    const merged = mergeKubeconfigs([
      {
        file: '/m',
        doc: { clusters: [cluster('c', 'https://c'), 42, { cluster: {} }], users: 'nope', contexts: [context('x', 'c', 'u')] },
      },
    ]);
    expect(merged.fileErrors.map((e) => e.message)).toEqual([
      '/m: clusters[1] is not a map. Fix the file.',
      '/m: clusters[2] has no name. Fix the file.',
      '/m: "users" should be a list. Fix the file.',
    ]);
    expect(merged.contexts[0]?.problem).toMatch(/uses user "u"/);
  });

  it('treats an empty file as an empty kubeconfig', () => {
    expect(mergeKubeconfigs([{ file: '/empty', doc: null }])).toEqual({ contexts: [], currentContext: undefined, fileErrors: [] });
  });
});
