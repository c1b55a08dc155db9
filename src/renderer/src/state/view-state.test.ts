import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, hashToState, refFromParam, refToParam, splitToken, stateToHash, type ViewState } from './view-state';

describe('view state in the URL', () => {
  const full: ViewState = {
    open: ['ctx:lab-admin', 'snapshot:1'],
    panes: [
      {
        cluster: 'ctx:lab-admin',
        view: 'claims',
        namespaces: ['shop', 'payments-eu'],
        filters: { phase: 'Pending' },
        minSeverity: 'warning',
        search: 'data & logs?',
        finding: { code: 'claim.provisioning', severity: 'warning', subject: { type: 'provisioner', name: 'replicated.storage.example.com' } },
        sort: { column: 'age', direction: 'desc' },
        selected: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-0' },
      },
      { cluster: 'snapshot:1', view: 'graph', filters: {}, graphNamespace: 'default', graphRoot: { kind: 'pods', namespace: 'default', name: 'web-0' } },
    ],
    lesson: 'storage-class',
    lessonLang: 'ru',
  };

  it('round-trips a full state with two panes', () => {
    const hash = stateToHash(full);
    expect(hash.startsWith('#/claims?')).toBe(true);
    expect(hashToState(hash)).toEqual(full);
  });

  it('round-trips the empty state', () => {
    expect(hashToState(stateToHash(EMPTY_VIEW))).toEqual(EMPTY_VIEW);
  });

  it('round-trips a cluster-scoped selection', () => {
    const state: ViewState = {
      open: ['demo'],
      panes: [{ cluster: 'demo', view: 'classes', filters: {}, selected: { kind: 'storageclasses', name: 'fast' } }],
    };
    expect(hashToState(stateToHash(state))).toEqual(state);
  });

  it('keeps several namespaces as one list, and a finding group without subject or severity', () => {
    const state = hashToState('#/claims?c=demo&ns=shop,blog,shop&fc=claim.lost');
    expect(state.panes[0]).toMatchObject({ namespaces: ['shop', 'blog'], finding: { code: 'claim.lost' } });
    expect(state.panes[0]?.finding?.subject).toBeUndefined();
    expect(stateToHash(state)).toContain('ns=shop%2Cblog');
    // A single namespace, as older links carry it, is a list of one.
    expect(hashToState('#/claims?c=demo&ns=shop').panes[0]?.namespaces).toEqual(['shop']);
    expect(hashToState('#/claims?c=demo&fc=claim.lost&fsub=node:x&fsev=bad').panes[0]?.finding).toEqual({ code: 'claim.lost' });
  });

  it('adds a pane cluster to the open list when the URL forgot it', () => {
    expect(hashToState('#/volumes?c=demo').open).toEqual(['demo']);
  });

  it('ignores unknown views, severities and sort forms', () => {
    const state = hashToState('#/nope?c=demo&sev=terrible&sort=age&sel=widgets:x');
    expect(state.panes[0]).toEqual({ cluster: 'demo', view: 'overview', filters: {} });
  });

  it('treats a foreign fragment as the default view', () => {
    expect(hashToState('#section-2')).toEqual(EMPTY_VIEW);
    expect(hashToState('')).toEqual(EMPTY_VIEW);
  });
});

describe('the web token in the fragment', () => {
  it('is split off and never becomes view state', () => {
    expect(splitToken('#token=abc123')).toEqual({ token: 'abc123', rest: '' });
    expect(splitToken('#token=abc&/claims?c=demo')).toEqual({ token: 'abc', rest: '#/claims?c=demo' });
    expect(hashToState('#token=abc&/claims?c=demo').panes[0]?.view).toBe('claims');
    expect(splitToken('#/claims')).toEqual({ rest: '#/claims' });
  });
});

describe('object refs as parameters', () => {
  it('round-trips namespaced and cluster refs', () => {
    const pvc = { kind: 'persistentvolumeclaims', namespace: 'a', name: 'b' } as const;
    expect(refFromParam(refToParam(pvc))).toEqual(pvc);
    expect(refFromParam('persistentvolumes:pv-1')).toEqual({ kind: 'persistentvolumes', name: 'pv-1' });
  });
  it('rejects unknown kinds and empty names', () => {
    expect(refFromParam('widgets:a')).toBeUndefined();
    expect(refFromParam('pods:')).toBeUndefined();
    expect(refFromParam(null)).toBeUndefined();
  });
});
