// @vitest-environment jsdom
/**
 * A live cluster the app has not read (unreachable, connecting, listing) never reads as healthy or empty, and its
 * connection problem is said in the UI language (trial 5 of issue 8: the Overview said "No problems found" with
 * zero counts, and the Russian UI showed the core's English error).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterInfo, ClusterStatus, ConnectionFailure, ConnectionProblem, KindStatus } from '../../../shared/model/status';
import { ALL_RESOURCES } from '../../../shared/kube/resource-registry';
import { translate } from '../i18n/i18n';
import { Overview } from '../overview/Overview';
import { emptyReasonOf } from '../table/TableView';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { connectionProblemText } from './ConnectionProblemText';
import { readinessOf } from './readiness';
import { foldByState, StatusStrip } from './StatusStrip';
import { PaneProvider } from '../components/pane-context';
import { emptyPane } from '../state/view-state';
import { englishWords } from '../../../../e2e/journeys/support/text-scan';

afterEach(cleanup);
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
});

const SERVER = 'https://127.0.0.1:1';
const refused: ConnectionProblem = { failure: 'refused', server: SERVER, raw: 'ECONNREFUSED', attempts: 8, gaveUp: true };
const live = (connection: ClusterInfo['connection'], problem?: ConnectionProblem): ClusterInfo => ({
  id: 'ctx:lab-down',
  name: 'lab-down',
  source: 'context',
  connection,
  server: SERVER,
  ...(problem ? { problem, error: `Gave up connecting after 8 attempts. Cannot reach the API server ${SERVER}: nothing listens there.` } : {}),
});
const kinds = (state: KindStatus['state']): KindStatus[] => ALL_RESOURCES.map((kind) => ({ kind, state, count: 0 }));
const statusOf = (cluster: ClusterInfo, k: KindStatus[]): ClusterStatus => ({ cluster, kinds: k, synced: false });

describe('readinessOf', () => {
  it('tells nothing read, partly read, read then lost, and files apart', () => {
    expect(readinessOf(statusOf(live('error', refused), kinds('idle')))).toEqual({ state: 'none', why: 'unreachable' });
    expect(readinessOf(statusOf(live('connecting'), kinds('idle')))).toEqual({ state: 'none', why: 'connecting' });
    expect(readinessOf(statusOf(live('connected'), kinds('syncing')))).toEqual({ state: 'none', why: 'syncing' });
    const some = kinds('synced').map((k, i) => (i < 2 ? { ...k, state: 'syncing' as const } : k));
    expect(readinessOf(statusOf(live('connected'), some))).toEqual({ state: 'partial', left: 2, unreachable: false });
    expect(readinessOf(statusOf(live('error', refused), kinds('synced')))).toEqual({ state: 'stale' });
    expect(readinessOf(statusOf(live('connected'), kinds('synced')))).toEqual({ state: 'ready' });
    // Every kind forbidden or not served: nothing is left to read, so nothing is "still loading".
    expect(readinessOf(statusOf(live('connected'), kinds('forbidden')))).toEqual({ state: 'ready' });
    const file: ClusterInfo = { id: 'snapshot:1', name: 'x.json', source: 'snapshot', connection: 'offline' };
    expect(readinessOf(statusOf(file, kinds('idle')))).toEqual({ state: 'ready' });
  });
});

describe('connection problems in the UI language', () => {
  const FAILURES: ConnectionFailure[] = ['sync-timeout', 'refused', 'dns', 'timeout', 'unreachable', 'reset', 'tls-untrusted', 'tls-name', 'network', 'unauthorized', 'forbidden', 'http', 'not-json', 'credentials', 'unexpected'];
  it('words every failure in Russian without English words, server and user left as they are', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('ru', key, params);
    for (const failure of FAILURES) {
      const text = connectionProblemText({ failure, server: '', user: '', status: 502, seconds: 10, attempt: 2, attempts: 8, retryInSeconds: 4 }, t);
      expect(text, failure).toMatch(/[а-яё]/iu);
      expect(englishWords(text), `${failure}: ${text}`).toEqual([]);
    }
    expect(connectionProblemText(refused, t)).toBe(`По адресу ${SERVER} никто не отвечает: кластер запущен? Попытки прекращены после 8 попыток: устраните причину и откройте кластер снова.`);
    expect(connectionProblemText({ ...refused, gaveUp: false, attempt: 3, retryInSeconds: 4 }, t)).toContain('Новая попытка через 4 с (попытка 3 из 8).');
  });
});

function apiWith(status: ClusterStatus) {
  const api = createFakeApi();
  api.clusterStatus = () => Promise.resolve(status);
  return api;
}

describe('Overview of a cluster not read', () => {
  it('says there is no data and why, in Russian, with the way out; never "no problems"', async () => {
    const api = apiWith(statusOf(live('error', refused), kinds('idle')));
    renderWithApp(<Overview clusterId="ctx:lab-down" />, { api, lang: 'ru' });
    const box = await screen.findByTestId('overview-no-data');
    expect(box.dataset.why).toBe('unreachable');
    expect(box.textContent).toContain('Данных нет: кластер недоступен.');
    expect(box.textContent).toContain('никто не отвечает');
    expect(box.textContent).not.toContain('Gave up');
    expect(screen.getByTestId('open-again').textContent).toBe('Открыть снова');
    expect(screen.queryByTestId('overview')).toBeNull();
    expect(screen.queryByText(/Проблем не найдено/u)).toBeNull();
  });

  it('marks partly read counts as incomplete and does not call the cluster healthy', async () => {
    const some = kinds('synced').map((k, i) => (i < 3 ? { ...k, state: 'syncing' as const } : k));
    const api = apiWith(statusOf(live('connected'), some));
    api.getOverview = (req) => createFakeApi({ overview: { findingGroups: [] } }).getOverview(req);
    renderWithApp(
      <PaneProvider index={0} clusterId="ctx:lab-down">
        <Overview clusterId="ctx:lab-down" />
      </PaneProvider>,
      { api, view: { open: ['ctx:lab-down'], panes: [emptyPane('ctx:lab-down')] } },
    );
    expect((await screen.findByTestId('overview-incomplete')).textContent).toContain('3 kinds left');
    expect(screen.getByTestId('no-problems').textContent).toContain('still being read');
  });
});

describe('an empty table of an unreachable cluster', () => {
  it('says the cluster cannot be reached, in the UI language, with the raw words as detail', () => {
    const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('ru', key, params);
    const reason = emptyReasonOf({ kind: 'persistentvolumeclaims', state: 'idle', count: 0 }, 'Заявки', t, false, live('error', refused));
    expect(reason?.text).toContain('Заявки: данных нет, кластер недоступен.');
    expect(reason?.text).toContain('никто не отвечает');
    expect(reason?.detail).toBe('ECONNREFUSED');
  });
});

describe('StatusStrip', () => {
  it('folds kinds in one state into one chip with the kinds in its tooltip', async () => {
    const forbidden = kinds('synced').map((k, i) => (i < 5 ? { ...k, state: 'forbidden' as const } : k));
    expect(foldByState(forbidden.filter((k) => k.state === 'forbidden')).length).toBe(1);
    renderWithApp(<StatusStrip clusterId="ctx:lab-down" />, { api: apiWith({ ...statusOf(live('connected'), forbidden), synced: true }), lang: 'ru' });
    const chip = await screen.findByTestId('folded-chip-forbidden');
    expect(chip.textContent).toBe('нет прав: 5 видов');
    expect(chip.getAttribute('title')?.split(', ').length).toBe(5);
    expect(screen.getByTestId('attention-chips').children.length).toBe(1);
  });

  it('says the cluster cannot be reached in Russian, not the core English words', async () => {
    renderWithApp(<StatusStrip clusterId="ctx:lab-down" />, { api: apiWith(statusOf(live('error', refused), kinds('idle'))), lang: 'ru' });
    await waitFor(() => expect(screen.getByTestId('sync-summary').textContent).toContain('Данных нет: кластер недоступен.'));
    expect(screen.getByTestId('strip-problem').textContent).toContain('никто не отвечает');
    expect(screen.getByTestId('status-strip').textContent).not.toMatch(/Gave up|Cannot reach/u);
    // Thirteen kinds not started: one chip, not thirteen.
    expect(screen.getByTestId('attention-chips').children.length).toBe(1);
  });

  it('the kinds menu closes as menus do: Escape, or a press outside (trial 7 of issue 8: it stayed open over the next view)', async () => {
    renderWithApp(<StatusStrip clusterId="ctx:lab-down" />, { api: apiWith({ ...statusOf(live('connected'), kinds('synced')), synced: true }), lang: 'ru' });
    const menu = (await screen.findByTestId('kinds-menu')) as HTMLDetailsElement;
    const openMenu = async () => {
      menu.open = true;
      fireEvent(menu, new Event('toggle'));
      await waitFor(() => expect(menu.open).toBe(true));
    };
    await openMenu();
    const chip = menu.querySelector('.kind-chips')!;
    chip.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(menu.open).toBe(false);
    expect(document.activeElement).toBe(screen.getByTestId('kinds-toggle'));
    await openMenu();
    fireEvent.pointerDown(chip);
    expect(menu.open).toBe(true);
    fireEvent.pointerDown(document.body);
    expect(menu.open).toBe(false);
  });
});
