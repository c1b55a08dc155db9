// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ObjectDetail } from '../../../shared/model/detail';
import type { ObjectRef } from '../../../shared/model/refs';
import { App } from '../App';
import { hashToState, stateToHash, type ViewState } from '../state/view-state';
import { createFakeApi, type FakeApi } from '../testing/fake-api';
import { renderWithApp, stubLayout } from '../testing/render';

// Each test draws the whole app (table, details): more than vitest's default 5 s on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});
beforeAll(stubLayout);

const claim: ObjectRef = { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' };

/** The stuck claim as the core describes it: a Summary, the chain with a missing class and a near miss, YAML. */
function stuckClaim(ref: ObjectRef): ObjectDetail {
  return {
    ref,
    kind: ref.kind,
    object: {},
    yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: missing-class\n  annotations:\n    note: ' + 'x'.repeat(300) + '\n',
    summary: [
      { id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Pending' } },
      { id: 'requested', path: 'spec.resources.requests.storage', value: { type: 'text', text: '1500M' } },
      { id: 'accessModes', path: 'spec.accessModes', value: { type: 'list', items: ['ReadWriteOnce'] } },
      { id: 'volumeMode', path: 'spec.volumeMode', value: { type: 'text', text: 'Filesystem' }, note: 'not-set' },
      { id: 'storageClass', path: 'spec.storageClassName', value: { type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'fast-ssd' }, missing: true }] } },
      { id: 'labels', path: 'metadata.labels', value: { type: 'map', entries: [['app', 'shop']] } },
    ],
    findings: [],
    events: [],
    related: [
      { ref: { kind: 'pods', namespace: 'lab-stuck', name: 'app-waiting-for-claim' }, relation: 'mounted-by' },
      { ref: { kind: 'storageclasses', name: 'fast-ssd' }, relation: 'storage-class', missing: true },
      { ref: { kind: 'storageclasses', name: 'kubernetes.io/host-path' }, relation: 'provisioner', view: 'provisioners', via: 'lab-hostpath' },
      { ref: { kind: 'persistentvolumes', name: 'lab-near-miss-pv' }, relation: 'near-miss-volume', differences: ['class', 'size'] },
    ],
    relatedEvents: [
      { uid: 'e1', type: 'Warning', reason: 'ProvisioningFailed', message: 'storageclass.storage.k8s.io "fast-ssd" not found', count: 3, lastSeen: '2026-11-28T09:00:00Z', object: ref },
    ],
  };
}

function apiWithStuckClaim(): FakeApi {
  const api = createFakeApi();
  api.getObject = (req) => {
    api.calls.push({ method: 'getObject', req });
    return Promise.resolve(stuckClaim(req.ref));
  };
  return api;
}

const opened = (extra: Partial<ViewState['panes'][number]> = {}): ViewState => ({
  open: ['demo'],
  panes: [{ cluster: 'demo', view: 'claims', filters: {}, selected: claim, ...extra }],
});

describe('the Summary tab', () => {
  it('comes first: field names in the UI language, values verbatim and never translated, notes and hints', async () => {
    renderWithApp(<App />, { api: apiWithStuckClaim(), view: opened(), lang: 'ru' });
    const summary = await screen.findByTestId('summary');
    expect(screen.getByTestId('details-tab-summary').getAttribute('aria-selected')).toBe('true');
    const field = (id: string) => within(summary).getByText((_, el) => el?.getAttribute('data-field') === id);
    expect(field('requested').textContent).toContain('Запрошенный размер');
    expect(field('requested').textContent).toContain('1500M');
    expect(within(field('requested')).getByText('1500M').closest('[translate="no"]')).not.toBeNull();
    expect(field('volumeMode').textContent).toContain('не задано: значение Kubernetes по умолчанию');
    expect(field('accessModes').querySelector('[data-testid="summary-hint"]')?.textContent).toContain('ReadWriteOncePod');
    // The missing class is a link, marked missing.
    expect(within(field('storageClass')).getByTestId('object-link').dataset.missing).toBe('true');

    // Hints can be switched off, and that is remembered.
    fireEvent.click(screen.getByTestId('summary-hints'));
    expect(within(summary).queryAllByTestId('summary-hint')).toHaveLength(0);
    expect(localStorage.getItem('kse.summaryHints')).toBe('off');
  });
});

describe('the tab in the URL', () => {
  it('a tab click is written to the URL, and a URL with a tab opens on it', async () => {
    const api = apiWithStuckClaim();
    const first = renderWithApp(<App />, { api, view: opened() });
    fireEvent.click(await screen.findByTestId('details-tab-related'));
    await waitFor(() => expect(location.hash).toContain('tab=related'));
    first.unmount();
    renderWithApp(<App />, { api, view: opened({ tab: 'yaml' }) });
    expect(await screen.findByTestId('yaml-view')).toBeTruthy();
    expect(screen.getByTestId('details-tab-yaml').getAttribute('aria-selected')).toBe('true');
  });
});

describe('the Related tab', () => {
  it('groups the chain by step, words relations in the UI language and says what differs for near misses', async () => {
    renderWithApp(<App />, { api: apiWithStuckClaim(), view: opened({ tab: 'related' }), lang: 'ru' });
    const related = await screen.findByTestId('related');
    const steps = within(related).getAllByTestId('related-step').map((s) => s.dataset.step);
    expect(steps).toEqual(['pods', 'classes', 'provisioners', 'near-misses']);
    const items = within(related).getAllByTestId('related-object');
    expect(items.map((i) => i.querySelector('.related-rel')?.textContent)).toEqual(['используется подом', 'класс хранения', 'провизионер', 'почти подходит']);
    expect(items[3]?.textContent).toContain('отличается: класс, размер');
    // No English relation words reach the Russian UI.
    expect(related.textContent).not.toMatch(/storage class|mounted by|almost/);
    const events = within(related).getByTestId('related-events');
    expect(events.textContent).toContain('ProvisioningFailed');
  });
});

describe('the YAML tab', () => {
  it('copies, wraps (remembered) and downloads the text', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    const createObjectURL = vi.fn(() => 'blob:yaml');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderWithApp(<App />, { api: apiWithStuckClaim(), view: opened({ tab: 'yaml' }) });
    const view = await screen.findByTestId('yaml-view');
    expect(view.getAttribute('translate')).toBe('no');

    fireEvent.click(screen.getByTestId('yaml-copy'));
    await waitFor(() => expect(screen.getByTestId('yaml-copy').textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^apiVersion: v1\nkind: PersistentVolumeClaim\n/));

    expect(view.dataset.wrap).toBe('off');
    fireEvent.click(screen.getByTestId('yaml-wrap'));
    expect(screen.getByTestId('yaml-view').dataset.wrap).toBe('on');
    expect(screen.getByTestId('yaml-view').classList.contains('wrap')).toBe(true);
    expect(localStorage.getItem('kse.yamlWrap')).toBe('on');

    fireEvent.click(screen.getByTestId('yaml-download'));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toEqual(['persistentvolumeclaim_lab-stuck_missing-class.yaml']);
    click.mockRestore();
  });
});

describe('following links', () => {
  it('shows the target in its own view with a breadcrumb back along the path', async () => {
    renderWithApp(<App />, { api: apiWithStuckClaim(), view: opened({ filters: { phase: 'Pending' } }) });
    const summary = await screen.findByTestId('summary');
    fireEvent.click(within(summary).getByTestId('object-link'));

    // The class is shown in the Classes view, unfiltered, with the path taken.
    await waitFor(() => expect(location.hash).toMatch(/^#\/classes\?/));
    expect(hashToState(location.hash).panes[0]?.filters).toEqual({});
    expect(screen.getByTestId('nav-classes').getAttribute('aria-current')).toBe('page');
    const trail = await screen.findByTestId('details-trail');
    expect(trail.textContent).toBe('Claims›lab-stuck/missing-class›StorageClass fast-ssd'.replace(/›/g, ''));
    expect(within(trail).getByTestId('trail-current').textContent).toBe('StorageClass fast-ssd');
    expect(screen.getByTestId('details-panel').querySelector('.panel-title')?.textContent).toContain('fast-ssd');

    // A provisioner link opens the provisioner's own details in the Provisioners view.
    fireEvent.click(await screen.findByTestId('details-tab-related'));
    const provisioner = (await screen.findAllByTestId('related-object')).find((i) => i.dataset.relation === 'provisioner')!;
    fireEvent.click(within(provisioner).getByTestId('object-link'));
    await waitFor(() => expect(location.hash).toMatch(/^#\/provisioners\?/));
    expect(screen.getByTestId('details-trail').textContent).toContain('Provisioner kubernetes.io/host-path');
    // Titled and selected as what it is, with its own tabs: its lease, no YAML.
    expect(screen.getByTestId('details-panel').querySelector('.panel-title')?.textContent).toBe('Provisioner kubernetes.io/host-path');
    expect(location.hash).toContain('sel=provisioners%3Akubernetes.io%2Fhost-path');
    const lease = await screen.findByTestId('provisioner-lease');
    expect(within(lease).getByTestId('lease-holder').querySelector('dd')?.textContent).toBe('cp_1');
    expect(within(lease).getByTestId('lease-transitions').textContent).toContain('2');
    expect(screen.queryByTestId('details-tab-yaml')).toBeNull();
    fireEvent.click(screen.getByTestId('details-tab-related'));
    expect((await screen.findAllByTestId('provisioner-class')).map((c) => c.dataset.name)).toEqual(['lab-hostpath']);

    // The claim's crumb goes back to it, in the Claims view.
    fireEvent.click(within(screen.getByTestId('details-trail')).getAllByTestId('trail-step')[1]!);
    await waitFor(() => expect(location.hash).toMatch(/^#\/claims\?.*sel=persistentvolumeclaims%3Alab-stuck%2Fmissing-class/));
    expect(screen.queryByTestId('details-trail')).toBeNull();
  });
});

describe('Escape', () => {
  it('returns focus to the table row that opened the panel', async () => {
    renderWithApp(<App />, { api: createFakeApi(), view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {} }] } });
    const grid = within(await screen.findByTestId('table-claims')).getByRole('grid');
    await waitFor(() => expect(within(grid).getAllByTestId('table-row').length).toBeGreaterThan(3));
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    const panel = await screen.findByTestId('details-panel');
    const tab = await within(panel).findByTestId('details-tab-summary');
    tab.focus();
    expect(document.activeElement).toBe(tab);
    fireEvent.keyDown(tab, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('details-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(grid));
    expect(grid.getAttribute('aria-activedescendant')).toMatch(/-r2$/);
  });
});

describe('the table and the selected object', () => {
  it('makes the selected row active even far below the first page (the core locates it)', async () => {
    const api = createFakeApi({ claims: 1000 });
    const far: ObjectRef = { kind: 'persistentvolumeclaims', namespace: 'lab', name: 'data-00900' };
    renderWithApp(<App />, { api, view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {}, selected: far }] } });
    const grid = within(await screen.findByTestId('table-claims')).getByRole('grid');
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toMatch(/-r900$/));
    expect(api.calls.some((c) => c.method === 'locateRow')).toBe(true);
  });

  it('a link to an object the filters hide clears them once; Back returns to the filtered table', async () => {
    const api = createFakeApi();
    const pending: ObjectRef = { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00003' };
    const bound: ObjectRef = { kind: 'persistentvolumeclaims', namespace: 'lab', name: 'data-00000' };
    api.getObject = (req) => Promise.resolve({ ...stuckClaim(req.ref), related: [{ ref: bound, relation: 'class-claim' }] });
    // The filtered table is a page of the history, as it is when the user got there.
    history.replaceState(null, '', stateToHash({ open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: { phase: 'Pending' }, selected: pending, tab: 'related' }] }));
    renderWithApp(<App />, { api });
    const grid = within(await screen.findByTestId('table-claims')).getByRole('grid');
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toMatch(/-r0$/));
    const before = location.hash;

    fireEvent.click(within(await screen.findByTestId('related-object')).getByTestId('object-link'));
    // The bound claim is not Pending: the filter goes, and its row (the first of all claims) is the active one.
    await waitFor(() => expect(location.hash).toContain('sel=persistentvolumeclaims%3Alab%2Fdata-00000'));
    // (The trail's step remembers the filter, for going back: the pane's own filters are what went.)
    await waitFor(() => expect(hashToState(location.hash).panes[0]?.filters).toEqual({}));
    await waitFor(() => expect(grid.getAttribute('aria-activedescendant')).toMatch(/-r0$/));
    expect(within(grid).getAllByTestId('table-row').some((r) => r.textContent?.includes('Bound'))).toBe(true);

    history.back();
    await waitFor(() => expect(location.hash).toBe(before));
    await waitFor(() => expect((screen.getByTestId('filter-phase') as HTMLSelectElement).value).toBe('Pending'));
  });
});

describe('an object that is not there', () => {
  // Trial 3 defect 8: after a replay restart, a claim created later in the recording was called "deleted or filtered".
  it('says, in a replay, that the object does not exist at this point of the recording', async () => {
    const api = createFakeApi();
    api.getObject = () => Promise.resolve(null);
    const live = await api.clusterStatus({ clusterId: 'demo' });
    api.clusterStatus = () => Promise.resolve({ ...live, replay: { positionMs: 5_000, durationMs: 75_000, playing: true, loop: false, ended: false } });
    renderWithApp(<App />, { api, view: opened(), lang: 'ru' });
    expect((await screen.findByText(/В этот момент записи объекта нет/)).textContent).toContain('ещё не создан или уже удалён');
  });

  it('says, on a live cluster, that it was deleted or is filtered out', async () => {
    const api = createFakeApi();
    api.getObject = () => Promise.resolve(null);
    renderWithApp(<App />, { api, view: opened(), lang: 'ru' });
    expect(await screen.findByText(/Этого объекта больше нет/)).toBeTruthy();
  });
});

describe("a provisioner's pods, when none is seen", () => {
  // Trial 3 defect 8: «Его подов не видно: возможно, он работает вне кластера» under the verdict «не работает», and for
  // a CSI driver whose lease is renewed. The words follow the verdict.
  it.each([
    ['dead', 'его никто не запускает'],
    ['alive', 'лидерский Lease обновляется'],
    ['unknown', 'возможно, он работает вне кластера'],
  ] as const)('%s', async (verdict, words) => {
    const api = createFakeApi();
    const real = api.getProvisioner;
    api.getProvisioner = async (req) => {
      const d = await real(req);
      return d && { ...d, runner: 'external', type: 'external', verdict };
    };
    renderWithApp(<App />, { api, view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'provisioners', filters: {}, selected: { kind: 'provisioners', name: 'kubernetes.io/host-path' } }] }, lang: 'ru' });
    expect((await screen.findByTestId('provisioner-pods-none')).textContent).toContain(words);
  });
});

describe('an object that does not exist', () => {
  it('points to the Related tab by the name the tab has (trial 9 of issue 8: it said «Связи», the tab is «Связанные»)', async () => {
    const api = createFakeApi();
    api.getObject = (req) => Promise.resolve({ ...stuckClaim(req.ref), missing: true, summary: [], findings: [] });
    renderWithApp(<App />, { api, view: opened(), lang: 'ru' });
    const missing = await screen.findByTestId('details-missing');
    const tab = screen.getByTestId('details-tab-related').textContent?.replace(/\d+$/, '').trim();
    expect(tab).toBeTruthy();
    expect(missing.textContent).toContain(`«${tab}»`);
  });
});
