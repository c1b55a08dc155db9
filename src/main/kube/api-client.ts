/**
 * Plain HTTP(S) requests to one API server with the context's credentials: JSON requests with a total timeout,
 * and streaming responses (watches) with a timeout until the headers arrive. A 401 refreshes the credentials once
 * and retries; a second 401 is reported. Read-only towards the cluster: the only POSTs are access reviews,
 * which create nothing.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { ConnectionFailure, ConnectionProblem } from '../../shared/model/status';
import { type AppliedAuth, type Credentials } from './credentials';

/** A failure to reach or use the server, as data the UI words in its language (model/status.ts). */
export type RequestProblem = Pick<ConnectionProblem, 'failure' | 'server' | 'user' | 'status' | 'seconds' | 'raw'>;

/** An API failure. `status` 0 means the server was not reached or did not answer (network, TLS, timeout). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The Status `reason` from the server (e.g. "Expired", "Gone", "Forbidden"), when it sent one. */
    readonly reason?: string,
    /** The same failure as data, when it is about reaching or using the server (not a kind's own 403 or 410). */
    readonly problem?: RequestProblem,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The Accept header (default `application/json`); e.g. the PartialObjectMetadata media type (kube/arrival.ts). */
  accept?: string;
}

export class ApiClient {
  constructor(
    readonly credentials: Credentials,
    private readonly defaultTimeoutMs = 30_000,
  ) {}

  get server(): string {
    return this.credentials.server;
  }

  /** A JSON request; rejects with ApiError on any non-2xx status or network failure. */
  async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options, options.timeoutMs ?? this.defaultTimeoutMs, true);
    const text = await readAll(response.body, options.timeoutMs ?? this.defaultTimeoutMs, response.stop);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(0, `${this.server}${pathOnly(path)} answered with something that is not JSON. Check that the kubeconfig's server URL points at a Kubernetes API server.`, undefined, {
        failure: 'not-json',
        server: this.server,
      });
    }
  }

  /** A streaming GET (a watch). Resolves once the status is 2xx; the caller reads and destroys the stream. */
  async stream(path: string, options: { signal?: AbortSignal; headersTimeoutMs?: number; accept?: string } = {}): Promise<Readable> {
    const response = await this.send(path, { signal: options.signal, accept: options.accept }, options.headersTimeoutMs ?? this.defaultTimeoutMs, false);
    return response.body;
  }

  private async send(path: string, options: RequestOptions, timeoutMs: number, compress: boolean): Promise<{ body: Readable; stop: () => void }> {
    let auth = await this.credentials.current();
    let response = await this.once(path, options, timeoutMs, auth, compress);
    if (response.status === 401) {
      response.stop();
      auth = await this.credentials.refresh(auth);
      response = await this.once(path, options, timeoutMs, auth, compress);
    }
    if (response.status < 200 || response.status >= 300) {
      const text = await readAll(response.body, timeoutMs, response.stop).catch(() => '');
      throw statusError(response.status, text, this.server, path, this.credentials.userName);
    }
    return response;
  }

  private once(path: string, options: RequestOptions, timeoutMs: number, auth: AppliedAuth, compress: boolean): Promise<{ status: number; body: Readable; stop: () => void }> {
    const url = new URL(this.credentials.serverUrl + path);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const request = url.protocol === 'http:' ? httpRequest : httpsRequest;
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new ApiError(0, 'Stopped.'));
      const req = request(url, {
        method: options.method ?? 'GET',
        agent: auth.agent,
        headers: {
          ...auth.headers,
          Accept: options.accept ?? 'application/json',
          'User-Agent': 'kube-storage-explorer',
          ...(compress ? { 'Accept-Encoding': 'gzip' } : {}),
          ...(payload !== undefined ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {}),
        },
      });
      const stop = (): void => {
        req.destroy();
      };
      const onAbort = (): void => {
        req.destroy(new ApiError(0, 'Stopped.'));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => {
        const seconds = Math.round(timeoutMs / 1000);
        req.destroy(
          new ApiError(0, `${this.server} did not answer ${pathOnly(path)} within ${seconds} s. Check the network or VPN and that the API server is up.`, undefined, {
            failure: 'timeout',
            server: this.server,
            seconds,
          }),
        );
      }, timeoutMs);
      req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
      req.on('response', (res: IncomingMessage) => {
        clearTimeout(timer);
        res.on('close', () => options.signal?.removeEventListener('abort', onAbort));
        const body: Readable = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
        if (body !== res) res.on('error', (error) => body.destroy(error));
        resolve({ status: res.statusCode ?? 0, body, stop: () => res.destroy() });
      });
      req.on('error', (error) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        reject(error instanceof ApiError ? error : networkError(error, this.server));
      });
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
}

function readAll(body: Readable, timeoutMs: number, stop: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      stop();
      reject(new ApiError(0, `The API server stopped sending a response for ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    body.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    body.on('error', (error) => {
      clearTimeout(timer);
      reject(new ApiError(0, `The connection broke while reading a response: ${error.message}`, undefined, { failure: 'reset', server: '', raw: error.message }));
    });
  });
}

function networkError(error: Error, server: string): ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const hints: Record<string, string> = {
    ECONNREFUSED: 'nothing listens there: is the cluster running?',
    ENOTFOUND: 'the host name does not resolve: check the server URL and DNS/VPN',
    EAI_AGAIN: 'the host name does not resolve right now: check DNS/VPN',
    ETIMEDOUT: 'the connection timed out: check the network, VPN or firewall',
    EHOSTUNREACH: 'the host is unreachable: check the network or VPN',
    ECONNRESET: 'the connection was reset',
    DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed and not trusted: set certificate-authority(-data) in the kubeconfig",
    SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain is not trusted: set certificate-authority(-data) in the kubeconfig",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its certificate is not trusted: set certificate-authority(-data) in the kubeconfig",
    ERR_TLS_CERT_ALTNAME_INVALID: "its certificate does not name this host: check the server URL or set tls-server-name",
  };
  const hint = (code !== undefined && hints[code]) || error.message;
  const failures: Record<string, ConnectionFailure> = {
    ECONNREFUSED: 'refused',
    ENOTFOUND: 'dns',
    EAI_AGAIN: 'dns',
    ETIMEDOUT: 'timeout',
    EHOSTUNREACH: 'unreachable',
    ENETUNREACH: 'unreachable',
    ECONNRESET: 'reset',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'tls-untrusted',
    SELF_SIGNED_CERT_IN_CHAIN: 'tls-untrusted',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls-untrusted',
    ERR_TLS_CERT_ALTNAME_INVALID: 'tls-name',
  };
  const failure = (code !== undefined && failures[code]) || 'network';
  return new ApiError(0, `Cannot reach the API server ${server}: ${hint} (${code ?? error.message}).`, undefined, {
    failure,
    server,
    raw: code ?? error.message,
  });
}

function statusError(status: number, text: string, server: string, path: string, user: string | undefined): ApiError {
  let message = '';
  let reason: string | undefined;
  try {
    const parsed = JSON.parse(text) as { message?: unknown; reason?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
    if (typeof parsed.reason === 'string') reason = parsed.reason;
  } catch {
    message = text.slice(0, 200);
  }
  const where = `${server}${pathOnly(path)}`;
  if (status === 401) {
    return new ApiError(401, `The API server ${server} rejected the credentials of user "${user ?? '(none)'}" even after refreshing them (401 Unauthorized). Log in again or renew the token/certificate in the kubeconfig.`, reason, {
      failure: 'unauthorized',
      server,
      user: user ?? '(none)',
      ...(message ? { raw: message } : {}),
    });
  }
  if (status === 403) {
    return new ApiError(403, `User "${user ?? '(none)'}" may not do this: ${message || `403 Forbidden on ${where}`}. Ask a cluster admin for read (list, watch) access.`, reason, {
      failure: 'forbidden',
      server,
      user: user ?? '(none)',
      raw: message || `403 Forbidden on ${where}`,
    });
  }
  return new ApiError(status, `${where} answered ${status}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}.`, reason, {
    failure: 'http',
    server,
    status,
    raw: `${status}${reason ? ` ${reason}` : ''}${message ? `: ${message}` : ''}`,
  });
}

/** The path without its query (continue tokens are long and say nothing to a user). */
function pathOnly(path: string): string {
  return path.split('?')[0] ?? path;
}
