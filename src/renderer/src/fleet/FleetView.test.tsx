// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FleetRow } from '../../../shared/model/fleet';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { EMPTY_VIEW } from '../state/view-state';
import { FleetView } from './FleetView';

afterEach(cleanup);

const rows: FleetRow[] = [
  { clusterId: 'ctx:prod', name: 'prod-eu', watched: true, state: 'synced', counts: { problems: 3, warnings: 1, claimsPending: 2, claimsLost: 1, provisionersNotAlive: 1 }, lastSyncedAt: '2026-12-01T10:00:00Z' },
  { clusterId: 'ctx:gone', name: 'gone', watched: true, state: 'unreachable', error: 'Cannot reach the API server https://10.0.0.1:6443.' },
  { clusterId: 'ctx:open', name: 'lab-student', watched: false, state: 'synced', counts: { problems: 0, warnings: 0, claimsPending: 0, claimsLost: 0, provisionersNotAlive: 0, volumesNearlyFull: 0 } },
  { clusterId: 'ctx:quiet', name: 'quiet', watched: false, state: 'not-watched' },
];

describe('FleetView', () => {
  it('shows every context in the core order with its state and counts, in Russian', async () => {
    const api = createFakeApi();
    api.fleet = { rows, concurrency: 3 };
    renderWithApp(<FleetView />, { api, lang: 'ru', view: EMPTY_VIEW });
    const table = await screen.findByTestId('fleet-table');
    const shown = within(table).getAllByTestId('fleet-row');
    expect(shown.map((r) => r.dataset.clusterId)).toEqual(['ctx:prod', 'ctx:gone', 'ctx:open', 'ctx:quiet']);
    const [prod, gone, open, quiet] = shown as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(prod).getByTestId('fleet-state').textContent).toBe('данные свежие');
    expect(prod.querySelector('[data-column="problems"]')?.textContent).toBe('3');
    expect(prod.querySelector('[data-column="lost"]')?.textContent).toBe('1');
    // Usage not read for this cluster: a dash, never a false 0.
    expect(prod.querySelector('[data-column="nearlyFull"]')?.textContent).toBe('—');
    expect(open.querySelector('[data-column="nearlyFull"]')?.textContent).toBe('0');
    expect(within(gone).getByTestId('fleet-state').textContent).toBe('недоступен');
    expect(within(gone).getByTestId('fleet-error').textContent).toContain('Cannot reach the API server');
    expect(within(quiet).getByTestId('fleet-state').textContent).toBe('не отслеживается');
    // Live but not ticked: it is open in a tab, and says so.
    expect(within(open).getByTestId('fleet-open-in-tab').textContent).toContain('открыт во вкладке');
    expect(within(prod).queryByTestId('fleet-open-in-tab')).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Провизионеры со сбоями' })).toBeTruthy();
  });

  it('ticks and unticks contexts, all and none, and sets how many sync at once', async () => {
    const api = createFakeApi();
    api.fleet = { rows, concurrency: 3 };
    renderWithApp(<FleetView />, { api, view: EMPTY_VIEW });
    const quiet = (await screen.findAllByTestId('fleet-row')).find((r) => r.dataset.clusterId === 'ctx:quiet')!;
    fireEvent.click(within(quiet).getByRole('checkbox', { name: 'Watch quiet' }));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'setFleetChoices').at(-1)?.req).toEqual({ watched: ['ctx:prod', 'ctx:gone', 'ctx:quiet'] }));
    fireEvent.click(screen.getByTestId('fleet-watch-none'));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'setFleetChoices').at(-1)?.req).toEqual({ watched: [] }));
    fireEvent.click(screen.getByTestId('fleet-watch-all'));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'setFleetChoices').at(-1)?.req).toEqual({ watched: rows.map((r) => r.clusterId) }));
    fireEvent.change(screen.getByTestId('fleet-concurrency'), { target: { value: '1' } });
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'setFleetChoices').at(-1)?.req).toEqual({ concurrency: 1 }));
    await waitFor(() => expect((screen.getByTestId('fleet-concurrency') as HTMLSelectElement).value).toBe('1'));
  });

  it('says what to do when the kubeconfig has no contexts', async () => {
    renderWithApp(<FleetView />, { view: EMPTY_VIEW });
    expect((await screen.findByTestId('fleet-view')).textContent).toContain('The kubeconfig has no contexts');
  });
});
