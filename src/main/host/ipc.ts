/**
 * The contract over Electron IPC: one `ipcMain.handle` per method on its own channel. Each handler checks the
 * sender, then hands the raw argument to the core, which validates it. Results travel as CallResult, so the
 * renderer gets the core's message instead of Electron's "Error invoking remote method ...".
 */
import { METHOD_NAMES, NOTICE_CHANNEL, channelOf, type Notice } from '../../shared/contract';
import type { CallResult, CoreEndpoint } from '../../shared/transport';
import type { SenderFacts } from './sender-check';

/** The part of Electron's IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What IPC needs from the core (the same interface as the web host's). */
export type IpcCore = CoreEndpoint;

export function senderFacts(event: InvokeEventLike): SenderFacts {
  const frame = event.senderFrame;
  return { webContentsId: event.sender.id, frameUrl: frame?.url, isMainFrame: frame !== null && frame.parent === null };
}

/** Registers every method's handler; returns the function that removes them. */
export function registerIpc(ipcMain: IpcMainLike, core: IpcCore, isTrusted: (sender: SenderFacts) => boolean): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(channelOf(method), async (event, request) => {
      if (!isTrusted(senderFacts(event))) {
        const refused: CallResult<never> = { ok: false, error: { code: 'unauthorized', message: 'This page may not use the Kube Storage Explorer API.' } };
        return refused;
      }
      return core.call(method, request);
    });
  }
  return () => METHOD_NAMES.forEach((method) => ipcMain.removeHandler(channelOf(method)));
}

/** Forwards the core's (batched) notices to one window; returns the unsubscribe. */
export function forwardNotices(core: IpcCore, target: { isDestroyed(): boolean; send(channel: string, notice: Notice): void }): () => void {
  return core.onNotice((notice) => {
    if (!target.isDestroyed()) target.send(NOTICE_CHANNEL, notice);
  });
}
