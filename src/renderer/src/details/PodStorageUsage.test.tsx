// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ObjectDetail } from '../../../shared/model/detail';
import type { ObjectRef } from '../../../shared/model/refs';
import type { VolumeUsage } from '../../../shared/model/usage';
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
const ref: ObjectRef = { kind: 'pods', namespace: 'lab-usage', name: 'scratch' };
const view: ViewState = { open: ['demo'], panes: [{ cluster: 'demo', view: 'pods', filters: {}, selected: ref }] };
const emptyDir: VolumeUsage = { key: 'emptyDir:lab-usage/scratch/cache', kind: 'emptyDir', namespace: 'lab-usage', pod: 'scratch', volume: 'cache', node: 'n1', usedBytes: 60 * MI, sizeLimitBytes: 100 * MI };
const ephemeral: VolumeUsage = { key: 'ephemeral:lab-usage/scratch', kind: 'ephemeral', namespace: 'lab-usage', pod: 'scratch', volume: 'ephemeral-storage', node: 'n1', usedBytes: 180 * MI, sizeLimitBytes: 200 * MI };
const detail = (extra: Partial<ObjectDetail>): ObjectDetail => ({
  ref, kind: ref.kind, object: {}, yaml: '', summary: [{ id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Running' } }], findings: [], events: [], related: [], relatedEvents: [],
  ...extra,
});
function api(extra: Partial<ObjectDetail>) {
  const fake = createFakeApi();
  fake.getObject = () => Promise.resolve(detail(extra));
  return fake;
}

describe('a pod\'s local storage usage in its Summary (issue 14 item 3)', () => {
  it('shows the pod\'s ephemeral storage against its limits next to its emptyDirs, in English and Russian', async () => {
    renderWithApp(<App />, { api: api({ emptyDirUsage: [emptyDir], ephemeralUsage: ephemeral }), view });
    const section = await screen.findByTestId('emptydir-usage');
    expect(within(section).getByTestId('emptydir-usage-row').textContent).toContain('of its sizeLimit');
    const row = within(section).getByTestId('ephemeral-usage-row');
    expect(within(row).getByTestId('usage-bar').dataset.percent).toBe('90');
    expect(row.textContent).toContain('Ephemeral storage (whole pod)');
    expect(row.textContent).toContain('180Mi of the pod’s ephemeral-storage limit 200Mi');
    cleanup();
    renderWithApp(<App />, { api: api({ ephemeralUsage: ephemeral }), view, lang: 'ru' });
    const alone = await screen.findByTestId('emptydir-usage');
    expect(alone.querySelector('h3')?.textContent).toBe('Заполнение локального хранилища');
    expect(within(alone).getByTestId('ephemeral-usage-row').textContent).toContain('180 МиБ из лимита ephemeral-storage пода 200 МиБ');
    expect(within(alone).queryByTestId('emptydir-usage-row')).toBeNull();
  });
});
