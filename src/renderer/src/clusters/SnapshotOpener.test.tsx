// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_VIEW } from '../state/view-state';
import { createFakeApi } from '../testing/fake-api';
import { renderWithApp } from '../testing/render';
import { SnapshotOpener, TOAST_MS } from './SnapshotOpener';
import { KseCallError } from '../../../shared/transport';

afterEach(cleanup);

/** A drag event carrying files, as a browser sends when a file is dragged over the window. */
function fileDragEvent(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
  return event;
}

describe('SnapshotOpener', () => {
  it('opens a file dropped on the window: its content travels, then the snapshot is shown', async () => {
    const api = createFakeApi();
    renderWithApp(<SnapshotOpener />, { api, view: { ...EMPTY_VIEW, panes: [...EMPTY_VIEW.panes] } });
    const file = new File(['{"format":"kse-snapshot"}'], 'customer.json', { type: 'application/json' });

    act(() => void window.dispatchEvent(fileDragEvent('dragover', [file])));
    expect(screen.getByTestId('drop-overlay').textContent).toContain('Drop the snapshot file');
    act(() => void window.dispatchEvent(fileDragEvent('drop', [file])));

    await waitFor(() => expect(screen.getByTestId('snapshot-message').textContent).toBe('Opened customer.json'));
    const call = api.calls.find((c) => c.method === 'openSnapshot');
    expect(call?.req).toEqual({ fileName: 'customer.json', content: '{"format":"kse-snapshot"}' });
    expect(screen.queryByTestId('drop-overlay')).toBeNull();
    expect(location.hash).toContain('c=snapshot%3A1');
  });

  it('says why a file could not be opened', async () => {
    const api = createFakeApi();
    api.openSnapshot = () => Promise.reject(new Error('This is not a kse snapshot: export one with `kse snapshot`.'));
    renderWithApp(<SnapshotOpener />, { api });
    const input = screen.getByTestId('snapshot-file-input') as HTMLInputElement;
    const file = new File(['nope'], 'notes.txt');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() =>
      expect(screen.getByTestId('snapshot-message').textContent).toBe(
        'Could not open notes.txt: This is not a kse snapshot: export one with `kse snapshot`.',
      ),
    );
  });

  it("says it in Russian in the Russian UI, where the core words it so (trial 10: the core's English inside a Russian sentence)", async () => {
    const api = createFakeApi();
    api.openSnapshot = () =>
      Promise.reject(new KseCallError({ code: 'bad-request', message: 'x.json cannot be opened: x.json is empty.', ru: 'x.json пуст. Выгрузите снимок командой «kse snapshot».' }));
    renderWithApp(<SnapshotOpener />, { api, lang: 'ru' });
    const input = screen.getByTestId('snapshot-file-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([''], 'x.json')], configurable: true });
    act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() => expect(screen.getByTestId('snapshot-message').textContent).toBe('Не удалось открыть файл x.json: x.json пуст. Выгрузите снимок командой «kse snapshot».'));
  });

  it('clears its toast by itself, and on Dismiss', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const api = createFakeApi();
      renderWithApp(<SnapshotOpener />, { api, view: { ...EMPTY_VIEW, panes: [...EMPTY_VIEW.panes] } });
      const file = new File(['{}'], 'customer.json', { type: 'application/json' });
      act(() => void window.dispatchEvent(fileDragEvent('drop', [file])));
      await waitFor(() => expect(screen.getByTestId('snapshot-message').textContent).toBe('Opened customer.json'));
      await act(async () => void (await vi.advanceTimersByTimeAsync(TOAST_MS + 10)));
      expect(screen.getByTestId('snapshot-message').textContent).toBe('');
      expect(screen.queryByTestId('snapshot-message-dismiss')).toBeNull();

      act(() => void window.dispatchEvent(fileDragEvent('drop', [file])));
      await waitFor(() => expect(screen.getByTestId('snapshot-message').textContent).toBe('Opened customer.json'));
      act(() => screen.getByTestId('snapshot-message-dismiss').click());
      expect(screen.getByTestId('snapshot-message').textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
