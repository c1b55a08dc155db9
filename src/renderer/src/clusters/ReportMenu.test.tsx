// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyPane, EMPTY_VIEW, type ViewState } from '../state/view-state';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { KseCallError } from '../../../shared/transport';
import { ReportMenu } from './ReportMenu';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const selected = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'data-00003' };
const view = (pane: Partial<ViewState['panes'][number]> = {}): ViewState => ({ ...EMPTY_VIEW, open: ['demo'], panes: [{ ...emptyPane(), cluster: 'demo', ...pane }] });

/** The files the page asked the browser to save: <a download> clicks on blob URLs. */
function savedFiles(): { name: string; blob: Blob }[] {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  return saved;
}

describe('ReportMenu', () => {
  it('is not there without a cluster', () => {
    renderWithApp(<ReportMenu />, { view: EMPTY_VIEW });
    expect(screen.queryByTestId('report-menu')).toBeNull();
  });

  it('saves a report of the namespace the pane shows, in the UI language, and exports the snapshot', async () => {
    const api = createFakeApi();
    const saved = savedFiles();
    renderWithApp(<ReportMenu />, { api, lang: 'ru', view: view({ namespaces: ['shop'] }) });
    await screen.findByTestId('report-menu');
    expect(screen.getByText('Отчёт')).toBeTruthy();
    // The whole cluster is named: side by side, «Весь кластер» alone did not say which (trial 8, T8-17).
    expect(screen.getByTestId('report-scope').querySelector('option[value="cluster"]')?.textContent).toMatch(/^Весь кластер \S/);
    fireEvent.change(screen.getByTestId('report-scope'), { target: { value: 'namespace' } });
    fireEvent.change(screen.getByTestId('report-format'), { target: { value: 'markdown' } });
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(screen.getByTestId('report-message').textContent).toBe('Сохранён файл kse-report-demo.md'));
    expect(api.calls.find((c) => c.method === 'getReport')?.req).toEqual({ clusterId: 'demo', namespace: 'shop', format: 'markdown', lang: 'ru' });
    expect(saved.map((f) => f.name)).toEqual(['kse-report-demo.md']);
    expect(await saved[0]?.blob.text()).toBe('# Storage report (ru)');

    fireEvent.click(screen.getByTestId('snapshot-export'));
    await waitFor(() => expect(saved.map((f) => f.name)).toEqual(['kse-report-demo.md', 'kse-demo.json']));
    expect(api.calls.find((c) => c.method === 'exportSnapshot')?.req).toEqual({ clusterId: 'demo' });
    expect(saved[1]?.blob.type).toBe('application/json');
  });

  it('copies a report of the selected object, and says why when the core refuses', async () => {
    const api = createFakeApi();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithApp(<ReportMenu />, { api, view: view({ selected }) });
    await screen.findByTestId('report-menu');
    fireEvent.change(screen.getByTestId('report-scope'), { target: { value: 'object' } });
    fireEvent.click(screen.getByTestId('report-copy'));
    await waitFor(() => expect(screen.getByTestId('report-message').textContent).toBe('Report copied'));
    expect(api.calls.find((c) => c.method === 'getReport')?.req).toEqual({ clusterId: 'demo', object: selected, format: 'html', lang: 'en' });
    expect(writeText).toHaveBeenCalledWith('# Storage report (en)');

    api.getReport = () => Promise.reject(new Error('Cluster "demo" is not open. Open it first (openCluster).'));
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(screen.getByTestId('report-message').textContent).toBe('Could not make the report: Cluster "demo" is not open. Open it first (openCluster).'));
  });

  it("in Russian shows the core's Russian wording of an error (ContractError.ru), not its English message", async () => {
    const api = createFakeApi();
    renderWithApp(<ReportMenu />, { api, lang: 'ru', view: view() });
    await screen.findByTestId('report-menu');
    api.getReport = () =>
      Promise.reject(new KseCallError({ code: 'unavailable', message: 'Cluster "demo" is not open. Open it first (openCluster).', ru: 'Кластер «demo» не открыт. Сначала откройте его.' }));
    fireEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(screen.getByTestId('report-message').textContent).toContain('Кластер «demo» не открыт. Сначала откройте его.'));
    expect(screen.getByTestId('report-message').textContent).not.toContain('Open it first');
  });

  it('offers the namespace only when the pane shows one, and the object only when one is selected', async () => {
    renderWithApp(<ReportMenu />, { view: view({ namespaces: ['a', 'b'] }) });
    await screen.findByTestId('report-menu');
    const options = [...(screen.getByTestId('report-scope') as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['cluster']);
  });

  it('closes as menus do: Escape inside returns focus to its button, and a press outside closes it', async () => {
    renderWithApp(<ReportMenu />, { view: view() });
    const menu = (await screen.findByTestId('report-menu')) as HTMLDetailsElement;
    const summary = menu.querySelector('summary')!;
    const openMenu = async () => {
      menu.open = true;
      fireEvent(menu, new Event('toggle'));
      await waitFor(() => expect(menu.open).toBe(true));
    };
    await openMenu();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    screen.getByTestId('report-format').dispatchEvent(escape);
    expect(menu.open).toBe(false);
    // Marked handled: the frame's own Escape (closing panels) leaves it alone.
    expect(escape.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(summary);

    await openMenu();
    fireEvent.pointerDown(screen.getByTestId('report-scope'));
    expect(menu.open).toBe(true);
    fireEvent.pointerDown(document.body);
    expect(menu.open).toBe(false);
  });
});
