import { beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, NOTICE_CHANNEL, type Notice, type RendererApi } from '../shared/contract';
import { KseCallError } from '../shared/transport';

// The preload runs in Electron's sandbox; here its two Electron imports are replaced by recorders.
const exposed = new Map<string, unknown>();
const invoke = vi.fn<(channel: string, request: unknown) => Promise<unknown>>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => invoke(channel, request),
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => listeners.get(channel)?.delete(listener),
  },
}));

async function loadApi(): Promise<RendererApi> {
  await import('./index');
  return exposed.get('kse') as RendererApi;
}

beforeEach(() => invoke.mockReset());

describe('preload', () => {
  it('exposes exactly the contract as window.kse: one function per method, plus onNotice', async () => {
    const api = await loadApi();
    expect([...exposed.keys()]).toEqual(['kse']);
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onNotice'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls each method on its own channel and unwraps the result', async () => {
    const api = await loadApi();
    invoke.mockResolvedValueOnce({ ok: true, value: [{ id: 'demo' }] });
    expect(await api.listClusters({})).toEqual([{ id: 'demo' }]);
    expect(invoke).toHaveBeenCalledWith('kse:listClusters', {});
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'not-found', message: 'No cluster "x".' } });
    const error = await api.openCluster({ clusterId: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KseCallError);
    expect(error).toMatchObject({ code: 'not-found', message: 'No cluster "x".' });
    invoke.mockResolvedValueOnce('garbage');
    await expect(api.about({})).rejects.toMatchObject({ code: 'internal' });
  });

  it('delivers notices without the IPC event, and unsubscribes', async () => {
    const api = await loadApi();
    const seen: unknown[][] = [];
    const unsubscribe = api.onNotice((...args: unknown[]) => seen.push(args));
    const notice: Notice = { type: 'clusters' };
    for (const listener of listeners.get(NOTICE_CHANNEL) ?? []) listener({ sender: 'ipc-event' }, notice);
    expect(seen).toEqual([[notice]]);
    unsubscribe();
    expect(listeners.get(NOTICE_CHANNEL)?.size).toBe(0);
  });
});
