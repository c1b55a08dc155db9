// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ListRequest } from '../../../shared/model/rows';
import { App } from '../App';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { forgetColumnPrefs } from './column-prefs';

afterEach(cleanup);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});
beforeEach(() => {
  localStorage.clear();
  forgetColumnPrefs();
});

const claimsView = { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims' as const, filters: {} }] };
const lastList = (api: ReturnType<typeof createFakeApi>) => api.calls.filter((c) => c.method === 'listRows').map((c) => c.req as ListRequest).pop();
const headers = () => screen.getAllByRole('columnheader').map((h) => h.dataset.column);

describe('a table screen', () => {
  it('filters by several namespaces: a list in the request and in the URL', async () => {
    const api = createFakeApi();
    renderWithApp(<App />, { api, view: claimsView });
    fireEvent.click(await screen.findByTestId('filter-namespace'));
    const panel = screen.getByTestId('filter-namespace-panel');
    for (const ns of ['lab', 'shop']) fireEvent.click(await within(panel).findByText(ns));
    await waitFor(() => expect(lastList(api)?.namespaces).toEqual(['lab', 'shop']));
    expect(decodeURIComponent(location.hash)).toContain('ns=lab,shop');
    expect(screen.getByTestId('filter-namespace').textContent).toContain('Namespaces: 2');
    fireEvent.click(within(panel).getByTestId('namespace-all'));
    // Back to every namespace (that page is already cached, so no new request is needed).
    await waitFor(() => expect(screen.getByTestId('filter-namespace').textContent).toContain('All namespaces'));
    expect(location.hash).not.toContain('ns=');
  });

  it('hides and shows columns from the Columns menu (never name, status or findings), remembered per table', async () => {
    renderWithApp(<App />, { view: claimsView });
    await screen.findAllByTestId('table-row');
    expect(headers()).toContain('pods');
    fireEvent.click(screen.getByTestId('columns-menu'));
    const panel = screen.getByTestId('columns-menu-panel');
    const option = (id: string) => within(panel).getAllByTestId('column-option').find((o) => o.dataset.column === id)!.querySelector('input')!;
    expect(option('name').disabled).toBe(true);
    expect(option('badge').disabled).toBe(true);
    fireEvent.click(option('pods'));
    await waitFor(() => expect(headers()).not.toContain('pods'));
    expect(JSON.parse(localStorage.getItem('kse.columns.claims') ?? '{}')).toEqual({ hidden: ['pods'], widths: {} });
    fireEvent.keyDown(panel, { key: 'Escape' });
    expect(screen.queryByTestId('columns-menu-panel')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('columns-menu'));
    cleanup();
    // Another mount reads it back.
    forgetColumnPrefs();
    renderWithApp(<App />, { view: claimsView });
    await screen.findAllByTestId('table-row');
    expect(headers()).not.toContain('pods');
  });

  it('hides the usage columns while no row has usage, and shows one the user asks for (trial 4, N2)', async () => {
    renderWithApp(<App />, { view: claimsView });
    await screen.findAllByTestId('table-row');
    // The fake claims carry no usage: no placeholder column takes the room of Class and Requested.
    for (const id of ['usePercent', 'used', 'free']) expect(headers()).not.toContain(id);
    expect(headers()).toContain('class');
    fireEvent.click(screen.getByTestId('columns-menu'));
    const panel = screen.getByTestId('columns-menu-panel');
    const line = (id: string) => within(panel).getAllByTestId('column-option').find((o) => o.dataset.column === id)!;
    expect(line('usePercent').querySelector('input')!.checked).toBe(false);
    expect(line('usePercent').textContent).toContain('no data in the rows shown');
    fireEvent.click(line('usePercent').querySelector('input')!);
    await waitFor(() => expect(headers()).toContain('usePercent'));
    expect(headers()).not.toContain('used');
    expect(JSON.parse(localStorage.getItem('kse.columns.claims') ?? '{}')).toEqual({ hidden: [], shown: ['usePercent'], widths: {} });
  });

  it('resizes a column with the keyboard and gives it back to the layout with Home', async () => {
    renderWithApp(<App />, { view: claimsView });
    await screen.findAllByTestId('table-row');
    const handle = screen.getByTestId('resize-class');
    const before = Number(handle.getAttribute('aria-valuenow'));
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    await waitFor(() => expect(Number(screen.getByTestId('resize-class').getAttribute('aria-valuenow'))).toBe(before + 16));
    expect(JSON.parse(localStorage.getItem('kse.columns.claims') ?? '{}').widths).toEqual({ class: before + 16 });
    fireEvent.keyDown(screen.getByTestId('resize-class'), { key: 'Home' });
    await waitFor(() => expect(Number(screen.getByTestId('resize-class').getAttribute('aria-valuenow'))).toBe(before));
    expect(localStorage.getItem('kse.columns.claims')).toBeNull();
  });

  it('events: "Warnings only" asks the core for type=Warning', async () => {
    const api = createFakeApi();
    renderWithApp(<App />, { api, view: { ...claimsView, panes: [{ cluster: 'demo', view: 'events', filters: {} }] } });
    fireEvent.click(await screen.findByTestId('filter-warnings'));
    await waitFor(() => expect(lastList(api)?.filters).toEqual({ type: 'Warning' }));
    expect(location.hash).toContain('f.type=Warning');
  });
});
