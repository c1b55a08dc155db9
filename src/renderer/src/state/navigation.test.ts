import { describe, expect, it } from 'vitest';
import { crumbsOf, followLink, openHere, toCrumb } from './navigation';
import { emptyPane, hashToState, stateToHash, type PaneState } from './view-state';

const claim = { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' } as const;
const fastSsd = { kind: 'storageclasses', name: 'fast-ssd' } as const;
const pv = { kind: 'persistentvolumes', name: 'lab-near-miss-pv' } as const;

/** The claims table filtered to Pending with the stuck claim open, as the student journey gets there. */
const pendingClaims: PaneState = { ...emptyPane('demo'), view: 'claims', filters: { phase: 'Pending' }, search: 'stuck', selected: claim, tab: 'yaml' };

describe('following a link', () => {
  it('shows the target in its own view, unfiltered, on the Summary, and remembers where the user was', () => {
    const next = followLink(pendingClaims, fastSsd, 'classes');
    const memory = { filters: { phase: 'Pending' }, search: 'stuck', tab: 'yaml' };
    expect(next).toEqual({ cluster: 'demo', view: 'classes', filters: {}, selected: fastSsd, trail: [{ view: 'claims', ref: claim, memory }] });
    expect(crumbsOf(next)).toEqual([
      { view: 'claims', ref: claim, memory },
      { view: 'classes', ref: fastSsd },
    ]);
  });

  it('keeps the filters of the same view (the table clears them if they hide the target)', () => {
    const next = followLink(pendingClaims, { ...claim, name: 'other' }, 'claims');
    expect(next.filters).toEqual({ phase: 'Pending' });
    expect(next.search).toBe('stuck');
  });

  it('drops a namespace filter that would hide the target', () => {
    const inShop: PaneState = { ...pendingClaims, namespaces: ['shop'] };
    expect(followLink(inShop, claim, 'claims').namespaces).toBeUndefined();
    expect(followLink({ ...pendingClaims, namespaces: ['shop', 'lab-stuck'] }, claim, 'claims').namespaces).toEqual(['shop', 'lab-stuck']);
    // A cluster-scoped target is not hidden by a namespace filter.
    expect(followLink(inShop, pv, 'volumes').namespaces).toEqual(['shop']);
  });

  it('stays in the current view when no view lists the kind', () => {
    expect(followLink(pendingClaims, { kind: 'csinodes', name: 'node-1' }, undefined).view).toBe('claims');
  });

  it('from a view with nothing selected (the overview), the view itself is the first step', () => {
    const next = followLink({ ...emptyPane('demo') }, claim, 'claims');
    expect(next.trail).toEqual([{ view: 'overview' }]);
  });

  it('a long walk keeps only the last steps', () => {
    let pane: PaneState = pendingClaims;
    for (let i = 0; i < 20; i++) pane = followLink(pane, { kind: 'persistentvolumes', name: `pv-${i}` }, 'volumes');
    expect(pane.trail).toHaveLength(8);
    expect(pane.trail?.at(-1)?.ref?.name).toBe('pv-18');
  });

  it('survives the URL round trip, so Back and a copied link show the same breadcrumb', () => {
    const next = followLink(followLink(pendingClaims, fastSsd, 'classes'), pv, 'volumes');
    const restored = hashToState(stateToHash({ open: ['demo'], panes: [next] })).panes[0]!;
    expect(crumbsOf(restored)).toEqual(crumbsOf(next));
  });
});

describe('the breadcrumb', () => {
  const walked = followLink(followLink(pendingClaims, fastSsd, 'classes'), pv, 'volumes');

  it('is empty until a link is followed', () => {
    expect(crumbsOf(pendingClaims)).toEqual([]);
    expect(crumbsOf({ ...walked, selected: undefined })).toEqual([]);
  });

  it('goes back to a step with the path before it', () => {
    expect(toCrumb(walked, 1)).toMatchObject({ view: 'classes', selected: fastSsd, trail: [{ view: 'claims', ref: claim }] });
    const first = toCrumb(walked, 0);
    expect(first).toMatchObject({ view: 'claims', selected: claim });
    expect(first.trail).toBeUndefined();
  });

  it('restores the view exactly as the user left it: filters, search, namespaces, sort, severity, finding group and details tab (trial 9)', () => {
    // The claims on their Related tab with the search «stuck», sorted, in two namespaces, as the trial's user had them.
    const left: PaneState = {
      ...emptyPane('demo'),
      view: 'claims',
      namespaces: ['lab-stuck', 'shop'],
      filters: { phase: 'Pending' },
      minSeverity: 'warning',
      search: 'stuck',
      finding: { code: 'claim.class-missing', severity: 'problem' },
      sort: { column: 'age', direction: 'desc' },
      selected: claim,
      tab: 'related',
    };
    // Two links on, the second in a view whose namespace filter the link kept, then a search typed there.
    const away = { ...followLink(followLink(left, fastSsd, 'classes'), pv, 'volumes'), search: 'near' };
    expect(away).toMatchObject({ view: 'volumes', search: 'near', filters: {}, tab: undefined });
    expect(toCrumb(away, 0)).toEqual(left);
    // Through the URL too: a crumb clicked after a reload, or in a copied link, restores the same.
    const restored = hashToState(stateToHash({ open: ['demo'], panes: [away] })).panes[0]!;
    expect(toCrumb(restored, 0)).toEqual(left);
    // The middle step: the class as it was left (Summary, the namespaces the link kept), the claim's step before it.
    const middle = toCrumb(away, 1);
    expect(middle).toEqual({ ...emptyPane('demo'), view: 'classes', namespaces: ['lab-stuck', 'shop'], selected: fastSsd, trail: [away.trail![0]] });
  });

  it('keeps the filters and tab of a step in the same view as the target, not the ones after the link', () => {
    const same = followLink(pendingClaims, { ...claim, name: 'other' }, 'claims');
    const changed = { ...same, search: 'other', tab: 'events' as const, sort: { column: 'name', direction: 'asc' as const } };
    expect(toCrumb(changed, 0)).toEqual(pendingClaims);
  });

  it("the first crumb's view alone: that view as it was left, nothing selected", () => {
    const view = toCrumb(walked, 0, true);
    expect(view.view).toBe('claims');
    expect(view.selected).toBeUndefined();
    expect(view.trail).toBeUndefined();
    expect(view.tab).toBeUndefined();
    expect(view).toMatchObject({ filters: { phase: 'Pending' }, search: 'stuck' });
  });

  it('the current crumb changes nothing', () => {
    expect(toCrumb(walked, 2)).toBe(walked);
  });

  it('ignores a crumb that is not there', () => {
    expect(toCrumb(walked, 9)).toBe(walked);
  });
});

describe('opening an object where it is listed', () => {
  const walked = followLink(pendingClaims, fastSsd, 'classes');
  it('starts a new path, on the Summary for a new object', () => {
    const next = openHere({ ...walked, tab: 'related' }, { kind: 'storageclasses', name: 'standard' });
    expect(next).toMatchObject({ view: 'classes', selected: { name: 'standard' } });
    expect(next.trail).toBeUndefined();
    expect(next.tab).toBeUndefined();
  });
  it('keeps the tab when the same object is opened again', () => {
    expect(openHere({ ...walked, tab: 'yaml' }, fastSsd).tab).toBe('yaml');
  });
  it('opens the object of an event row on its Events tab, not its Summary (trial 3 defect 10)', () => {
    const events = { cluster: 'demo', view: 'events' as const, filters: {} };
    const claim = { kind: 'persistentvolumeclaims' as const, namespace: 'lab-stuck', name: 'missing-class' };
    expect(openHere(events, claim)).toMatchObject({ view: 'events', selected: claim, tab: 'events' });
    expect(openHere({ ...events, selected: claim, tab: 'yaml' }, claim).tab).toBe('events');
    expect(openHere(events, undefined).tab).toBeUndefined();
  });
});
