// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListRequest } from '../../../shared/model/rows';
import { createFakeApi, makeClaim } from '../testing/fake-api';
import { renderWithApp, stubLayout } from '../testing/render';
import { DataTable } from './DataTable';
import { arrivals } from './use-new-rows';

afterEach(cleanup);
beforeAll(stubLayout);

describe('arrivals', () => {
  const seen = (keys: string[], more: Partial<{ scope: string; first: number; complete: boolean; whole: boolean }> = {}) => ({ scope: 'claims', first: 0, keys, complete: true, whole: true, ...more });

  it('are the keys a moment later that were not there, in the same scope, both seen whole', () => {
    expect(arrivals(seen(['a', 'b']), seen(['a', 'n', 'b']))).toEqual(['n']);
    expect(arrivals(seen(['a', 'b']), seen(['a']))).toEqual([]);
    // The table grew past the window: the new row took a place on screen.
    expect(arrivals(seen(['a', 'b']), seen(['a', 'n'], { whole: false }))).toEqual(['n']);
  });

  it('are none on the first look, after a new filter, a scroll, a taller window, or when a page was still loading', () => {
    expect(arrivals(undefined, seen(['a']))).toEqual([]);
    expect(arrivals(seen(['a']), seen(['a', 'b'], { scope: 'claims|pending' }))).toEqual([]);
    expect(arrivals(seen(['a', 'b'], { whole: false }), seen(['c', 'd'], { first: 2, whole: false }))).toEqual([]);
    expect(arrivals(seen(['a', 'b'], { whole: false }), seen(['a', 'b', 'c'], { whole: false }))).toEqual([]);
    expect(arrivals(seen(['a'], { complete: false }), seen(['a', 'b']))).toEqual([]);
  });
});

describe('a row that arrives while the table is read (trial 5 of issue 8, defect 14)', () => {
  it('is marked new and announced politely, in the UI language; the rows there before are not', async () => {
    const api = createFakeApi({ claims: 3 });
    const { queryClient } = renderWithApp(
      <DataTable query={{ clusterId: 'demo', table: 'claims' }} label="Заявки" onOpen={() => undefined} onSort={() => undefined} filtered={false} />,
      { api, lang: 'ru' },
    );
    expect(await screen.findAllByTestId('table-row')).toHaveLength(3);
    expect(document.querySelectorAll('[data-new]')).toHaveLength(0);
    const live = screen.getByTestId('table-new-rows');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('');

    // The replay creates lab-dynamic/reports, which sorts in at row 2.
    const original = api.listRows;
    const reports = makeClaim(99, { ref: { kind: 'persistentvolumeclaims', namespace: 'lab-dynamic', name: 'reports', uid: 'uid-reports' } });
    api.listRows = (async (req: ListRequest) => {
      const page = await original(req);
      const rows = [...page.rows];
      rows.splice(1, 0, reports as never);
      return { ...page, rows, total: page.total + 1 };
    }) as typeof api.listRows;
    await act(() => queryClient.invalidateQueries());

    await waitFor(() => expect(screen.getAllByTestId('table-row')).toHaveLength(4));
    await waitFor(() => expect(document.querySelectorAll('[data-new="true"]')).toHaveLength(1));
    const fresh = document.querySelector<HTMLElement>('[data-new="true"]')!;
    expect(fresh.dataset.name).toBe('reports');
    expect(fresh.className).toContain('is-new');
    expect(live.textContent).toBe('Новая строка: lab-dynamic/reports');
  });
});
