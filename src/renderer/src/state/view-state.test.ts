import { describe, expect, it } from 'vitest';
import { EMPTY_VIEW, hashToState, refFromParam, refToParam, splitToken, stateToHash, stepFromParam, stepToParam, type ViewState } from './view-state';

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
        tab: 'related',
        trail: [{ view: 'overview' }, { view: 'volumes', ref: { kind: 'persistentvolumes', name: 'pv-1' } }],
      },
      {
        cluster: 'snapshot:1',
        view: 'graph',
        filters: {},
        graphNamespace: 'default',
        graphRoot: { kind: 'pods', namespace: 'default', name: 'web-0' },
        selected: { kind: 'storageclasses', name: 'kubernetes.io/host-path' },
        tab: 'yaml',
        trail: [{ view: 'claims', ref: { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' } }],
      },
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

describe('the details tab and the trail of links in the URL', () => {
  it('round-trips the path Claims › lab-stuck/missing-class › StorageClass fast-ssd', () => {
    const state: ViewState = {
      open: ['demo'],
      panes: [
        {
          cluster: 'demo',
          view: 'classes',
          filters: {},
          selected: { kind: 'storageclasses', name: 'fast-ssd' },
          tab: 'summary',
          trail: [{ view: 'claims', ref: { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' } }],
        },
      ],
    };
    const hash = stateToHash(state);
    expect(hash).toContain('trail=claims%3Apersistentvolumeclaims%3Alab-stuck%2Fmissing-class');
    expect(hash).toContain('tab=summary');
    expect(hashToState(hash)).toEqual(state);
  });

  it('drops unknown tabs and trail steps, and keeps only the last steps of a long trail', () => {
    const steps = Array.from({ length: 12 }, (_, i) => `trail=volumes%3Apersistentvolumes%3Apv-${i}`).join('&');
    const state = hashToState(`#/claims?c=demo&tab=secrets&trail=nowhere&trail=claims%3Awidgets%3Ax&${steps}`);
    expect(state.panes[0]?.tab).toBeUndefined();
    expect(state.panes[0]?.trail?.map((s) => s.ref?.name)).toEqual(['pv-4', 'pv-5', 'pv-6', 'pv-7', 'pv-8', 'pv-9', 'pv-10', 'pv-11']);
  });

  it('keeps a tab only with a selection: closing the details leaves no stale tab= in a copied link', () => {
    const pane = { cluster: 'demo', view: 'claims' as const, filters: {}, tab: 'findings' as const };
    const hash = stateToHash({ open: ['demo'], panes: [pane] });
    expect(hash).not.toContain('tab=');
    expect(hashToState('#/claims?c=demo&tab=findings').panes[0]?.tab).toBeUndefined();
  });

  it('reads a trail step that is a view alone (the overview a link was followed from)', () => {
    expect(stepFromParam('overview')).toEqual({ view: 'overview' });
    expect(stepToParam({ view: 'overview' })).toBe('overview');
  });

  it("carries a step's view as the user left it after a '?', and reads steps written before it had one", () => {
    const claim = { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' } as const;
    const memory = {
      namespaces: ['lab-stuck', 'shop'],
      filters: { phase: 'Pending' },
      minSeverity: 'warning' as const,
      search: 'stuck & a?b=c',
      finding: { code: 'claim.class-missing', severity: 'problem' as const, subject: { type: 'class' as const, name: 'fast-ssd' } },
      sort: { column: 'age', direction: 'desc' as const },
      tab: 'related' as const,
    };
    const param = stepToParam({ view: 'claims', ref: claim, memory });
    expect(param.startsWith('claims:persistentvolumeclaims:lab-stuck/missing-class?')).toBe(true);
    expect(stepFromParam(param)).toEqual({ view: 'claims', ref: claim, memory });
    // A provisioner's name keeps its slash, and a view alone keeps its filters (a tab needs an object).
    const provisioner = { kind: 'provisioners', name: 'kubernetes.io/host-path' } as const;
    expect(stepFromParam(stepToParam({ view: 'provisioners', ref: provisioner, memory: { search: 'host' } }))).toEqual({ view: 'provisioners', ref: provisioner, memory: { search: 'host' } });
    expect(stepFromParam('overview?q=x&tab=yaml')).toEqual({ view: 'overview', memory: { search: 'x' } });
    expect(stepFromParam('claims:persistentvolumeclaims:lab-stuck/missing-class')).toEqual({ view: 'claims', ref: claim });
    // Nested in the fragment and back.
    const state: ViewState = { open: ['demo'], panes: [{ cluster: 'demo', view: 'classes', filters: {}, selected: { kind: 'storageclasses', name: 'fast-ssd' }, trail: [{ view: 'claims', ref: claim, memory }] }] };
    expect(hashToState(stateToHash(state))).toEqual(state);
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
  it('a provisioner is selected as one, its name kept whole with its slash: provisioners:kubernetes.io/host-path', () => {
    const provisioner = { kind: 'provisioners', name: 'kubernetes.io/host-path' } as const;
    expect(refToParam(provisioner)).toBe('provisioners:kubernetes.io/host-path');
    expect(refFromParam(refToParam(provisioner))).toEqual(provisioner);
    expect(refFromParam('provisioners:')).toBeUndefined();
    const state: ViewState = { open: ['demo'], panes: [{ cluster: 'demo', view: 'provisioners', filters: {}, selected: provisioner, tab: 'related' }] };
    expect(stateToHash(state)).toContain('sel=provisioners%3Akubernetes.io%2Fhost-path');
    expect(hashToState(stateToHash(state))).toEqual(state);
  });
  it('rejects unknown kinds and empty names', () => {
    expect(refFromParam('widgets:a')).toBeUndefined();
    expect(refFromParam('pods:')).toBeUndefined();
    expect(refFromParam(null)).toBeUndefined();
  });
});
