/**
 * The preload: exposes the contract, and only the contract, to the sandboxed renderer as `window.kse`.
 * One IPC channel per method (never a generic channel, never raw ipcRenderer); listeners return an unsubscribe.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { NOTICE_CHANNEL, channelOf, type Notice, type RendererApi } from '../shared/contract';
import { apiFromCall, unwrapResult, type CallFn } from '../shared/transport';

const call: CallFn = async (method, request) => unwrapResult(await ipcRenderer.invoke(channelOf(method), request), method);

function onNotice(listener: (notice: Notice) => void): () => void {
  // The event object is not passed on: it would hand the page a way to reach ipcRenderer.
  const handler = (_event: IpcRendererEvent, notice: Notice) => listener(notice);
  ipcRenderer.on(NOTICE_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(NOTICE_CHANNEL, handler);
  };
}

const api = apiFromCall(call, onNotice) satisfies RendererApi;

contextBridge.exposeInMainWorld('kse', api);
