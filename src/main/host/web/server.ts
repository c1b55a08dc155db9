/**
 * The web host: the contract over HTTP (POST /api/<method>) and WebSocket (/notices), plus the built renderer,
 * on 127.0.0.1 only. Every API call and socket needs the per-run token; every request must name our host.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ContractError, Notice } from '../../../shared/contract';
import { API_PREFIX, NOTICE_PATH, WS_PROTOCOL, httpStatusOf, type CallResult, type CoreEndpoint } from '../../../shared/transport';
import { NOTICE_SOCKET_MAX_BYTES, requestMaxBytes } from '../../../shared/limits';
import { contentTypeOf, resolveStaticPath } from '../static-files';
import { hostAllowed, launchUrl, newToken, originAllowed, securityHeaders, tokenFromHeaders, tokenFromProtocols, tokenMatches } from './security';

/** What the web host needs from the core (the same interface as the IPC transport's). */
export type WebCore = CoreEndpoint;

export interface WebHostOptions {
  core: WebCore;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** Absent: a fresh random token. */
  token?: string;
  /** Largest request body in bytes of one method; default requestMaxBytes (shared/limits.ts). */
  maxBodyBytes?: (method: string) => number;
}

export interface WebHost {
  /** The URL to open, carrying the token in its fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const UNAUTHORIZED: ContractError = {
  code: 'unauthorized',
  message: 'This request lacks the access token of this run. Open the URL that `kse web` printed (it carries the token).',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  const maxBodyOf = options.maxBodyBytes ?? requestMaxBytes;
  let port = options.port ?? 0;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: NOTICE_SOCKET_MAX_BYTES, handleProtocols: () => WS_PROTOCOL });

  const server = createServer((req, res) => {
    void handleRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: `The web host failed: ${String(error)}` } });
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders(port))) res.setHeader(name, value);
    if (!hostAllowed(req.headers.host, port)) {
      return sendText(res, 403, `This server answers only requests for 127.0.0.1:${port} or localhost:${port}.`);
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith(API_PREFIX)) return handleApi(req, res, path.slice(API_PREFIX.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Only GET is served here.');
    return serveStatic(req, res, path);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!originAllowed(req.headers.origin, port)) {
      return sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Requests from other web sites are refused.' } });
    }
    if (!tokenMatches(tokenFromHeaders(req.headers), token)) return sendJson(res, 401, { ok: false, error: UNAUTHORIZED });
    if (req.method !== 'POST') return sendJson(res, 405, badRequest('API calls are POST requests with a JSON body.'));
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return sendJson(res, 415, badRequest('API calls need Content-Type: application/json.'));
    }
    const maxBody = maxBodyOf(method);
    const tooLarge = () =>
      sendJson(res, 413, badRequest(`The ${method.slice(0, 60)} request is larger than the ${sizeText(maxBody)} it may have.${method === 'openSnapshot' ? ' Export fewer namespaces or kinds.' : ''}`));
    // A declared length over the limit is refused before a byte is read.
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      res.setHeader('Connection', 'close');
      return tooLarge();
    }
    const body = await readBody(req, maxBody);
    if (body === undefined) {
      res.setHeader('Connection', 'close');
      return tooLarge();
    }
    let request: unknown;
    try {
      request = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, badRequest('The request body is not valid JSON.'));
    }
    const result = await options.core.call(method, request);
    sendJson(res, result.ok ? 200 : httpStatusOf(result.error.code), result);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const file = resolveStaticPath(options.rendererDir, path);
    if (!file) return sendText(res, 400, 'Bad path.');
    try {
      const info = await stat(file);
      if (!info.isFile()) return sendText(res, 404, 'Not found.');
    } catch {
      if (path === '/') {
        return sendText(res, 503, `The UI is not built (${join(options.rendererDir, 'index.html')} is missing). Run "npm run web", which builds it first.`);
      }
      return sendText(res, 404, 'Not found.');
    }
    const content = await readFile(file);
    res.writeHead(200, { 'Content-Type': contentTypeOf(file), 'Content-Length': content.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== NOTICE_PATH) return refuse('404 Not Found');
    if (!hostAllowed(req.headers.host, port) || !originAllowed(req.headers.origin, port)) return refuse('403 Forbidden');
    if (!tokenMatches(tokenFromProtocols(req.headers['sec-websocket-protocol']), token)) return refuse('401 Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => attachNotices(ws));
  });

  function attachNotices(ws: WebSocket): void {
    const unsubscribe = options.core.onNotice((notice) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(notice));
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
    // The page only listens; anything it sends is ignored.
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : port;

  return {
    url: launchUrl(port, token),
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function badRequest(message: string): CallResult<never> {
  return { ok: false, error: { code: 'bad-request', message } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** The body as text, or undefined when it exceeds the limit (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
