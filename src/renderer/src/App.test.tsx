// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from './App';
import { EMPTY_VIEW } from './state/view-state';
import { createFakeApi } from './testing/fake-api';
import { renderWithApp, stubLayout } from './testing/render';

afterEach(cleanup);
beforeAll(stubLayout);

describe('the student journey over the fake core', () => {
  it('opens the demo, finds the Pending claim, reads why and opens the lesson in Russian', async () => {
    const api = createFakeApi();
    renderWithApp(<App />, { api, view: { ...EMPTY_VIEW, panes: [...EMPTY_VIEW.panes] } });

    // The fake core reports the demo as already open (offline), so it is shown without a click.
    const problems = await screen.findByTestId('overview-problems');
    expect(api.calls.some((c) => c.method === 'openCluster')).toBe(true);
    const finding = within(problems).getByTestId('overview-finding');
    expect(finding.dataset.code).toBe('claim.class-not-found');

    // The link shows the claim in its own view, the Summary first.
    fireEvent.click(within(finding).getByTestId('object-link'));
    const details = await screen.findByTestId('details-panel');
    await screen.findByTestId('table-claims');
    expect(await within(details).findByTestId('summary')).toBeTruthy();
    fireEvent.click(within(details).getByTestId('details-tab-findings'));
    expect(location.hash).toContain('tab=findings');
    const card = await within(details).findByTestId('finding');
    expect(card.textContent).toContain('does not exist');
    expect(within(card).getByTestId('fix-command').textContent).toBe('kubectl get storageclass');

    fireEvent.click(within(card).getByTestId('learn-link'));
    const lesson = await screen.findByTestId('lesson-panel');
    expect(await within(lesson).findByRole('heading', { name: 'Storage class' })).toBeTruthy();
    fireEvent.click(within(lesson).getByTestId('lesson-lang-ru'));
    await waitFor(() => expect(within(lesson).getByRole('heading', { name: 'Класс хранения' })).toBeTruthy());
    expect(location.hash).toContain('lesson=storage-class');
    expect(location.hash).toContain('ll=ru');

    // Escape from outside both panels: with the lesson docked beside the pane (state/frame-layout.ts, fitPanel),
    // neither lies over the other, so the view's own panel goes first, then the lesson.
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('details-panel')).toBeNull());
    expect(screen.getByTestId('lesson-panel')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('lesson-panel')).toBeNull());
    // The whole journey draws the overview, the claims table, the details and the lesson: more than vitest's
    // default 5 s on a busy 2-core machine.
  }, 30_000);

  it('filters claims to Pending from the overview and keeps the filter in the URL', async () => {
    renderWithApp(<App />, { view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview', filters: {} }] } });
    fireEvent.click(await screen.findByTestId('phase-count-claims-Pending'));
    const grid = await screen.findByTestId('table-claims');
    await waitFor(() => {
      const rows = within(grid).getAllByTestId('table-row');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.textContent).toContain('Pending');
    });
    expect(location.hash).toMatch(/^#\/claims\?.*f\.phase=Pending/);
    expect((screen.getByTestId('filter-phase') as HTMLSelectElement).value).toBe('Pending');
  });
});

describe('the frame', () => {
  it('says "Connecting…" while the cluster list loads, not that nothing is open', async () => {
    const api = createFakeApi();
    let answer: (value: Awaited<ReturnType<typeof api.listClusters>>) => void = () => undefined;
    const list = api.listClusters;
    api.listClusters = () => new Promise((resolve) => (answer = resolve));
    renderWithApp(<App />, { api, view: { ...EMPTY_VIEW, panes: [...EMPTY_VIEW.panes] } });
    expect((await screen.findByTestId('pane-0')).textContent).toContain('Connecting…');
    expect(screen.getByTestId('pane-0').textContent).not.toContain('No cluster is open');
    answer(await list({}));
    await screen.findByTestId('overview-problems');
  });

  it('names the view and cluster in the title, heads each view, and marks exactly one view current', async () => {
    renderWithApp(<App />, { view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {} }], lesson: 'storage-class' } });
    await screen.findByTestId('table-claims');
    await waitFor(() => expect(document.title).toBe('Claims · Demo cluster — Kube Storage Explorer'));
    expect(screen.getByTestId('view-title').textContent).toBe('Claims');
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(within(nav).getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'page').map((b) => b.dataset.testid)).toEqual(['nav-claims']);
    // The lesson toggle is pressed, not a second current view.
    expect(screen.getByTestId('nav-lessons').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('nav-lessons').getAttribute('aria-current')).toBeNull();
  });

  it('writes the views\' object counts as the UI language groups numbers (T8-18: «3013» beside Claims)', async () => {
    renderWithApp(<App />, { api: createFakeApi({ claims: 3013 }), lang: 'ru', view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {} }] } });
    await screen.findByTestId('table-claims');
    await waitFor(() => expect(within(screen.getByTestId('nav-claims')).getByText(/3/).textContent).toBe('3\u00a0013'));
  });

  it("closes a view's details when the user switches views", async () => {
    renderWithApp(<App />, {
      view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {}, selected: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data-00003' } }] },
    });
    await screen.findByTestId('details-panel');
    fireEvent.click(screen.getByTestId('nav-volumes'));
    await waitFor(() => expect(screen.queryByTestId('details-panel')).toBeNull());
    expect(location.hash).not.toContain('sel=');
  });

  it('collapses the cluster list to icons on request and remembers it', async () => {
    localStorage.removeItem('kse.sidebar');
    const { unmount } = renderWithApp(<App />, { view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview', filters: {} }] } });
    const list = await screen.findByTestId('cluster-list');
    expect(list.dataset.collapsed).toBe('false');
    fireEvent.click(screen.getByTestId('sidebar-toggle'));
    expect(list.dataset.collapsed).toBe('true');
    // Icons only: the name is in the accessible name and tooltip.
    const item = within(list).getByTestId('cluster-item');
    // A file is read, not connected to: it says what it is (trial 9 of issue 8: «подключён» beside «Снимок»).
    expect(item.getAttribute('aria-label')).toBe('Demo cluster · Demo · built-in recording, read-only');
    unmount();
    renderWithApp(<App />, { view: { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview', filters: {} }] } });
    expect((await screen.findByTestId('cluster-list')).dataset.collapsed).toBe('true');
    localStorage.removeItem('kse.sidebar');
  });
});
