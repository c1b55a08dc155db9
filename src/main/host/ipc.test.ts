import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, NOTICE_CHANNEL, type Notice } from '../../shared/contract';
import { forwardNotices, registerIpc, type InvokeEventLike, type IpcMainLike } from './ipc';
import { isTrustedSender } from './sender-check';

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: (channel) => handlers.delete(channel) };
  return { ipc, handlers };
}

const ours: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: 'app://kse/index.html', parent: null } };
const iframe: InvokeEventLike = { sender: { id: 1 }, senderFrame: { url: 'app://kse/index.html', parent: {} } };

describe('registerIpc', () => {
  it('registers one named channel per method and removes them all', () => {
    const { ipc, handlers } = fakeIpcMain();
    const remove = registerIpc(ipc, { call: async () => ({ ok: true, value: 1 }), onNotice: () => () => undefined }, () => true);
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `kse:${m}`).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('passes calls from our main frame to the core and refuses others without calling it', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const calls: [string, unknown][] = [];
    registerIpc(
      ipc,
      { call: async (method, req) => (calls.push([method, req]), { ok: true, value: 'fine' }), onNotice: () => () => undefined },
      (sender) => isTrustedSender(sender, { webContentsId: 1, origins: ['app://kse'] }),
    );
    const handler = handlers.get('kse:openCluster');
    expect(await handler?.(ours, { clusterId: 'demo' })).toEqual({ ok: true, value: 'fine' });
    expect(await handler?.(iframe, { clusterId: 'demo' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await handler?.({ sender: { id: 1 }, senderFrame: null }, {})).toMatchObject({ ok: false });
    expect(calls).toEqual([['openCluster', { clusterId: 'demo' }]]);
  });
});

describe('forwardNotices', () => {
  it('sends notices on the notice channel until the window is gone', () => {
    let listener: ((n: Notice) => void) | undefined;
    const sent: [string, Notice][] = [];
    let destroyed = false;
    forwardNotices(
      { call: async () => ({ ok: true, value: null }), onNotice: (l) => ((listener = l), () => undefined) },
      { isDestroyed: () => destroyed, send: (channel, notice) => sent.push([channel, notice]) },
    );
    listener?.({ type: 'clusters' });
    destroyed = true;
    listener?.({ type: 'clusters' });
    expect(sent).toEqual([[NOTICE_CHANNEL, { type: 'clusters' }]]);
  });
});
