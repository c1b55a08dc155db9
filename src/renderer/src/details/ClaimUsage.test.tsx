// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ObjectDetail } from '../../../shared/model/detail';
import type { ObjectRef } from '../../../shared/model/refs';
import type { UsagePoint } from '../../../shared/model/usage';
import { App } from '../App';
import type { ViewState } from '../state/view-state';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp, stubLayout } from '../testing/render';

vi.setConfig({ testTimeout: 30_000 });
afterEach(() => {
  cleanup();
  localStorage.clear();
});
beforeAll(stubLayout);

const MI = 1024 ** 2;
const ref: ObjectRef = { kind: 'persistentvolumeclaims', namespace: 'lab-usage', name: 'logs' };
const view: ViewState = { open: ['demo'], panes: [{ cluster: 'demo', view: 'claims', filters: {}, selected: ref }] };
const detail = (usage: ObjectDetail['usage']): ObjectDetail => ({
  ref, kind: ref.kind, object: {}, yaml: '', summary: [{ id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Bound' } }], findings: [], events: [], related: [], relatedEvents: [],
  ...(usage ? { usage } : {}),
});
const T0 = Date.parse('2026-12-01T04:00:00Z');
// 10 MiB a minute for 10 minutes, from 500 MiB of 1 GiB: about 51 min left.
const history: UsagePoint[] = Array.from({ length: 11 }, (_, i) => ({ time: new Date(T0 + i * 60_000).toISOString(), usedBytes: (500 + 10 * i) * MI, capacityBytes: 1024 * MI }));

function api(usage: ObjectDetail['usage'], points: UsagePoint[] = history) {
  const fake = createFakeApi();
  fake.getObject = () => Promise.resolve(detail(usage));
  fake.getUsageHistory = () => Promise.resolve(points);
  return fake;
}

describe('a claim\'s usage in its Summary', () => {
  it('shows Use % with its bar, bytes, inodes, the trend in words and the chart caption, in Russian', async () => {
    const usage = { key: 'claim:lab-usage/logs', claim: { state: 'known' as const, usedBytes: 600 * MI, capacityBytes: 1024 * MI, availableBytes: 424 * MI, usePercent: 58, inodesPercent: 3, node: 'lab-node-a1' } };
    renderWithApp(<App />, { api: api(usage), view, lang: 'ru' });
    const section = await screen.findByTestId('claim-usage');
    expect(within(section).getByTestId('usage-bar').dataset.percent).toBe('58');
    expect(section.querySelector('[data-field="use"]')?.textContent).toContain('58\u00a0%');
    expect(section.querySelector('[data-field="bytes"]')?.textContent).toBe('Занято600 МиБ из 1 ГиБ, свободно 424 МиБ');
    expect(section.querySelector('[data-field="inodes"] dd')?.textContent).toBe('3\u00a0%');
    await waitFor(() => expect(within(section).getByTestId('usage-trend').textContent).toBe('При нынешнем темпе заполнится примерно через 1 час.'));
    expect(within(section).getByTestId('usage-chart').dataset.points).toBe('11');
    expect(within(section).getByTestId('usage-chart-caption').textContent).toBe('Занято за последние 10 минут (11 измерений): от 500 МиБ до 600 МиБ.');
  });

  it('unknown usage says why, never 0; a snapshot says it is as of the capture, with no chart', async () => {
    renderWithApp(<App />, { api: api({ key: 'claim:lab-usage/logs', claim: { state: 'unknown', reason: 'node-error', node: 'lab-node-b1', message: 'answered 503' } }), view });
    const unknown = await screen.findByTestId('claim-usage-unknown');
    expect(unknown.textContent).toBe('usage unknown (node lab-node-b1): answered 503');
    expect(screen.getByTestId('claim-usage-advice').textContent).toContain('kubectl get --raw /api/v1/nodes/lab-node-b1/proxy/healthz');
    cleanup();
    renderWithApp(<App />, { api: api({ key: 'claim:lab-usage/logs', claim: { state: 'unknown', reason: 'unsupported' } }), view, lang: 'ru' });
    expect((await screen.findByTestId('claim-usage-advice')).textContent).toMatch(/^Файл сохранён без заполнения/);
    cleanup();
    renderWithApp(<App />, { api: api({ key: 'claim:lab-usage/logs', recordedAt: '2026-11-28T00:00:05Z', claim: { state: 'known', usedBytes: 900 * MI, capacityBytes: 1024 * MI, usePercent: 87, node: 'n1' } }), view });
    expect((await screen.findByTestId('usage-recorded')).textContent).toMatch(/^As measured when the snapshot was taken \(.*2026.*\); a snapshot keeps no history/);
    expect(screen.queryByTestId('usage-chart')).toBeNull();
  });

  it("a replay's history stops at the replay's clock: no sample after its position (trial 9 defect 2)", async () => {
    const usage = { key: 'claim:lab-usage/logs', claim: { state: 'known' as const, usedBytes: 550 * MI, capacityBytes: 1024 * MI, availableBytes: 474 * MI, usePercent: 54, node: 'lab-node-a1' } };
    const fake = api(usage);
    const status = await fake.clusterStatus({ clusterId: 'demo' });
    // Paused 5 minutes into the history (say, just restarted): the chart was fetched with 10 minutes of it.
    fake.clusterStatus = () => Promise.resolve({ ...status, sourceNow: new Date(T0 + 5 * 60_000).toISOString(), replay: { positionMs: 5_000, durationMs: 75_000, playing: false, loop: false, ended: false } });
    renderWithApp(<App />, { api: fake, view, lang: 'ru' });
    const section = await screen.findByTestId('claim-usage');
    await waitFor(() => expect(within(section).getByTestId('usage-chart').dataset.points).toBe('6'));
    expect(within(section).getByTestId('usage-chart-caption').textContent).toBe('Занято за последние 5 минут (6 измерений): от 500 МиБ до 550 МиБ.');
  });
});
