// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup } from '@testing-library/react';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { DataTable } from './DataTable';
import { TABLES } from '../tables/registry';

afterEach(cleanup);

// jsdom has no layout: give elements a viewport-sized box so the virtualiser renders a window of rows.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

describe('DataTable', () => {
  it('renders only a window of 10,000 rows and fetches pages, not everything', async () => {
    const api = createFakeApi({ claims: 10_000 });
    renderWithApp(
      <DataTable query={{ clusterId: 'demo', table: 'claims' }} label="Claims" onOpen={() => undefined} onSort={() => undefined} filtered={false} />,
      { api },
    );
    const grid = await screen.findByRole('grid', { name: 'Claims' });
    expect(grid.getAttribute('aria-rowcount')).toBe('10001');
    const rendered = await screen.findAllByTestId('table-row');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    const requests = api.calls.filter((c) => c.method === 'listRows').map((c) => c.req as { limit: number });
    expect(requests.every((r) => r.limit <= 200)).toBe(true);
  });

  it('renders no row again when the table re-renders with the same rows (scrolling and notices re-render it often)', async () => {
    const name = TABLES.claims.columns.find((c) => c.id === 'name')!;
    const value = vi.spyOn(name, 'value');
    try {
      const props = { query: { clusterId: 'demo', table: 'claims' as const }, onOpen: () => undefined, onSort: () => undefined, filtered: false };
      const { rerender } = renderWithApp(<DataTable {...props} label="Claims" />);
      await screen.findAllByTestId('table-row');
      await waitFor(() => expect(value.mock.calls.length).toBeGreaterThan(0));
      // Let the first layout settle (widths measured, pages landed), then count.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const before = value.mock.calls.length;
      rerender(<DataTable {...props} label="Claims, again" />);
      await screen.findByRole('grid', { name: 'Claims, again' });
      expect(value.mock.calls.length).toBe(before);
    } finally {
      value.mockRestore();
    }
  });

  it('moves with arrow keys and opens the active row with Enter', async () => {
    const onOpen = vi.fn();
    renderWithApp(
      <DataTable query={{ clusterId: 'demo', table: 'claims' }} label="Claims" onOpen={onOpen} onSort={() => undefined} filtered={false} />,
    );
    const grid = await screen.findByRole('grid');
    await screen.findAllByTestId('table-row');
    act(() => grid.focus());
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ name: 'data-00002' }));
    const active = document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    expect(active?.getAttribute('aria-rowindex')).toBe('4');
  });

  it('marks the sorted column with aria-sort and asks to sort on header click', async () => {
    const onSort = vi.fn();
    renderWithApp(
      <DataTable
        query={{ clusterId: 'demo', table: 'claims', sort: { column: 'phase', direction: 'desc' } }}
        label="Claims"
        onOpen={() => undefined}
        onSort={onSort}
        filtered={false}
      />,
    );
    const header = await screen.findByRole('columnheader', { name: /Phase/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('none');
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(onSort).toHaveBeenCalledWith('name');
  });

  it('says why it is empty and offers to clear filters', async () => {
    const onClear = vi.fn();
    renderWithApp(
      <DataTable
        query={{ clusterId: 'demo', table: 'claims', search: 'no-such-claim' }}
        label="Claims"
        onOpen={() => undefined}
        onSort={() => undefined}
        filtered
        onClearFilters={onClear}
      />,
    );
    const empty = await screen.findByTestId('table-empty');
    expect(empty.textContent).toContain('No rows match the filters');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClear).toHaveBeenCalled();
  });

  it('shows an error that says what failed, with a retry', async () => {
    const api = createFakeApi();
    api.listRows = () => Promise.reject(new Error('The cluster lab is unreachable: check the VPN.'));
    renderWithApp(
      <DataTable query={{ clusterId: 'demo', table: 'claims' }} label="Claims" onOpen={() => undefined} onSort={() => undefined} filtered={false} />,
      { api },
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('unreachable: check the VPN'));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
