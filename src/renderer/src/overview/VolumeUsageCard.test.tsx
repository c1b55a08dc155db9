// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Overview } from '../../../shared/model/detail';
import { App } from '../App';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp, stubLayout } from '../testing/render';

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => {
  cleanup();
  localStorage.clear();
});
beforeAll(stubLayout);

const GI = 2 ** 30;
const MI = 2 ** 20;
const overviewView = { open: ['demo'], panes: [{ cluster: 'demo', view: 'overview' as const, filters: {} }] };
const withUsage: Partial<Overview> = {
  perClass: [
    { className: 'standard', provisioner: 'rancher.io/local-path', requestedBytes: 2 * GI, provisionedBytes: 2 * GI, claims: 2, volumes: 2, usedBytes: 900 * MI, measuredClaims: 1 },
    { className: 'slow', provisioner: 'example.com/slow', requestedBytes: GI, provisionedBytes: GI, claims: 1, volumes: 1, usedBytes: 0, measuredClaims: 0 },
  ],
  usage: { access: 'allowed', fullest: [{ namespace: 'shop', claim: 'data', usePercent: 87, usedBytes: 900 * MI, capacityBytes: GI, node: 'n1' }] },
};

describe('the overview\'s volume usage (issue 14 item 3)', () => {
  it('lists the fullest claims with their bars and, per class, the bytes used beside requested and provisioned', async () => {
    renderWithApp(<App />, { api: createFakeApi({ overview: withUsage }), view: overviewView });
    const card = await screen.findByTestId('overview-usage');
    const row = within(card).getByTestId('overview-fullest');
    expect(row.dataset.claim).toBe('shop/data');
    expect(within(row).getByTestId('usage-bar').dataset.percent).toBe('87');
    // 87 % is a warning by the default thresholds.
    expect(within(row).getByTestId('usage-bar').dataset.tone).toBe('warning');
    expect(row.textContent).toContain('900Mi of 1Gi');
    const used = screen.getAllByTestId('capacity-used').map((e) => e.textContent);
    expect(used).toEqual([' · used 900Mi on 1 measured claim', ' · no claim measured']);
  });

  it('says why usage is unknown rather than list nothing, in Russian; a file without usage shows no card', async () => {
    renderWithApp(<App />, { api: createFakeApi({ overview: { usage: { access: 'forbidden', fullest: [] } } }), view: overviewView, lang: 'ru' });
    expect((await screen.findByTestId('overview-usage-unknown')).textContent).toBe('нет прав на чтение заполнения');
    expect(screen.getByTestId('overview-usage').querySelector('h3')?.textContent).toBe('Самые заполненные тома');
    expect(screen.queryAllByTestId('capacity-used')).toEqual([]);
    cleanup();
    renderWithApp(<App />, { api: createFakeApi(), view: overviewView });
    await screen.findAllByTestId('capacity-row');
    expect(screen.queryByTestId('overview-usage')).toBeNull();
  });

  it('the usage settings: saved to the core, the bars follow the new thresholds; a warning not below the problem is refused in the UI language', async () => {
    const api = createFakeApi({ overview: withUsage });
    renderWithApp(<App />, { api, view: overviewView, lang: 'ru' });
    const settings = await screen.findByTestId('usage-settings');
    await waitFor(() => expect((within(settings).getByTestId('usage-setting-interval') as HTMLInputElement).value).toBe('30'));
    fireEvent.change(within(settings).getByTestId('usage-setting-warning'), { target: { value: '96' } });
    fireEvent.click(within(settings).getByTestId('usage-settings-save'));
    expect((await within(settings).findByTestId('usage-settings-error')).textContent).toBe('Нужны целые числа: интервал от 5 до 3\u00a0600 с, процент предупреждения ниже процента проблемы (от 1 до 100).');
    expect(api.calls.filter((c) => c.method === 'setUsageSettings')).toEqual([]);
    fireEvent.change(within(settings).getByTestId('usage-setting-warning'), { target: { value: '90' } });
    fireEvent.change(within(settings).getByTestId('usage-setting-interval'), { target: { value: '10' } });
    fireEvent.click(within(settings).getByTestId('usage-settings-save'));
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'setUsageSettings').map((c) => c.req)).toEqual([{ intervalMs: 10_000, warningPercent: 90, problemPercent: 95 }]));
    // 87 % is below the new 90 % warning: the bar is no longer a warning.
    await waitFor(() => expect(screen.getByTestId('overview-fullest').querySelector<HTMLElement>('[data-testid="usage-bar"]')?.dataset.tone).toBe('ok'));
    expect(within(settings).queryByTestId('usage-settings-error')).toBeNull();
  });
});
