/**
 * The renderer's client of the web host: POST /api/<method> for calls, a WebSocket for notices. Same
 * RendererApi as the Electron preload, so the UI cannot tell them apart. Pure: only fetch and WebSocket.
 *
 * The token arrives once in the URL fragment (#token=...), which browsers never send to servers; it is moved to
 * localStorage and removed from the address bar so it is not copied with a view link. localStorage, not a cookie
 * and not sessionStorage: web storage is per origin (scheme, host and port), so other programs serving other
 * ports of 127.0.0.1 can never read it (cookies are shared by all ports of a host and would be sent to them),
 * while every tab and window of this browser on this run's origin shares it, so a copied view link opens in a
 * new tab. Each run picks a new random token (and usually a new port), so an old entry is useless to anyone.
 */
import type { Notice, RendererApi } from './contract';
import {
  API_PREFIX,
  KseCallError,
  NOTICE_PATH,
  TOKEN_HEADER,
  TOKEN_STORAGE_KEY,
  WS_PROTOCOL,
  apiFromCall,
  tokenProtocol,
  unwrapResult,
  type CallFn,
} from './transport';

/** The parts of fetch the client uses (so it runs in browsers, Node and tests alike). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface SocketLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onopen: ((event: unknown) => void) | null;
  close(): void;
}
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export interface WebClientOptions {
  /** Default: the page's origin. */
  baseUrl?: string;
  /** Default: from the URL fragment, else this origin's localStorage. */
  token?: string;
  fetch?: FetchLike;
  socket?: SocketFactory;
  /** Reconnect delays of the notice socket, in ms (doubles up to the cap). */
  reconnectMs?: { first: number; max: number };
}

interface BrowserGlobals {
  location?: { origin: string; hash: string; pathname: string; search: string };
  history?: { replaceState(data: unknown, unused: string, url: string): void };
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  fetch?: FetchLike;
  WebSocket?: new (url: string, protocols: string[]) => SocketLike;
}

/** Takes the token out of the fragment ("#token=abc&/claims?c=demo" keeps "#/claims?c=demo"). */
export function takeTokenFromHash(hash: string): { token?: string; rest: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const match = /^token=([^&]*)&?(.*)$/.exec(raw);
  if (!match) return { rest: hash };
  const rest = match[2] ?? '';
  return { token: decodeURIComponent(match[1] ?? ''), rest: rest ? `#${rest}` : '' };
}

/** The origin's localStorage, or undefined where it is unavailable (privacy settings throw on access). */
function webStorage(g: BrowserGlobals): BrowserGlobals['localStorage'] {
  try {
    return g.localStorage;
  } catch {
    return undefined;
  }
}

function tokenFromPage(g: BrowserGlobals): string | undefined {
  const { location, history } = g;
  const storage = webStorage(g);
  if (location) {
    const { token, rest } = takeTokenFromHash(location.hash);
    if (token) {
      storage?.setItem(TOKEN_STORAGE_KEY, token);
      history?.replaceState(null, '', `${location.pathname}${location.search}${rest}`);
      return token;
    }
  }
  return storage?.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}

export function createWebClient(options: WebClientOptions = {}): RendererApi {
  const g = globalThis as BrowserGlobals;
  const baseUrl = (options.baseUrl ?? g.location?.origin ?? '').replace(/\/$/, '');
  const token = options.token ?? tokenFromPage(g) ?? '';
  const fetchImpl = options.fetch ?? g.fetch?.bind(globalThis);
  const Socket = g.WebSocket;
  const openSocket: SocketFactory | undefined = options.socket ?? (Socket ? (url, protocols) => new Socket(url, protocols) : undefined);

  const call: CallFn = async (method, request) => {
    if (!fetchImpl) throw new KseCallError({ code: 'unavailable', message: 'This browser has no fetch(); use a current browser.' });
    let response: { status: number; json(): Promise<unknown> };
    try {
      response = await fetchImpl(`${baseUrl}${API_PREFIX}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
      });
    } catch {
      throw new KseCallError({
        code: 'unavailable',
        message: `Cannot reach the Kube Storage Explorer web host at ${baseUrl || 'this page'}. Is \`kse web\` still running? Start it again and open the URL it prints.`,
      });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new KseCallError({ code: 'internal', message: `The web host answered ${method} with HTTP ${response.status} and no result. Reload the page.` });
    }
    return unwrapResult(body, method);
  };

  const notices = noticeStream(baseUrl, token, openSocket, options.reconnectMs ?? { first: 1000, max: 10_000 });
  return apiFromCall(call, notices.subscribe);
}

/** One socket shared by all listeners, opened on the first subscription and reopened (with backoff) if it drops. */
function noticeStream(baseUrl: string, token: string, openSocket: SocketFactory | undefined, delays: { first: number; max: number }) {
  const listeners = new Set<(notice: Notice) => void>();
  let socket: SocketLike | undefined;
  let delay = delays.first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wsUrl = `${baseUrl.replace(/^http/, 'ws')}${NOTICE_PATH}`;

  const emit = (notice: Notice) => listeners.forEach((listener) => listener(notice));
  const connect = () => {
    if (!openSocket || socket || listeners.size === 0) return;
    let wasOpen = false;
    const current = openSocket(wsUrl, [WS_PROTOCOL, tokenProtocol(token)]);
    socket = current;
    current.onopen = () => {
      if (wasOpen) return;
      wasOpen = true;
      delay = delays.first;
    };
    current.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      try {
        emit(JSON.parse(event.data) as Notice);
      } catch {
        // A malformed frame is dropped; the next notice refreshes the same queries.
      }
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      if (listeners.size === 0) return;
      // Whatever changed while disconnected is unknown: tell the UI to refetch the cluster list at least.
      if (wasOpen) emit({ type: 'clusters' });
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, delays.max);
    };
  };

  return {
    subscribe(listener: (notice: Notice) => void): () => void {
      listeners.add(listener);
      connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        const current = socket;
        socket = undefined;
        current?.close();
      };
    },
  };
}
