/**
 * The physical floor of a cold sync (issue 13, item 5): the API server's own time to serve the objects kse
 * lists, fetched by the smallest client that can do it. node:https with one keep-alive agent, the lab's CA and
 * bearer token (the same ones its kubeconfig holds), no client library. It lists storageclasses,
 * persistentvolumes, persistentvolumeclaims and pods across all namespaces in pages of `limit=500` with
 * `continue` (the reflector's page size, src/main/kube/reflector.ts), the four kinds at once as kse lists its
 * kinds at once, pages of one kind one after another (a page's continue token comes from the one before).
 *
 * Each body is read whole and parsed with JSON.parse (kse must parse too, so a floor that skips parsing would
 * flatter the server); nothing is kept. `gzip: false` (the floor in the table) asks for the identity encoding;
 * `gzip: true` sends `Accept-Encoding: gzip` as kse's api-client does for a LIST, so the server compresses each
 * page (kube-apiserver gzips responses over 128 KiB for clients that accept it:
 * k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/writers.go, defaultGzipThresholdBytes) and the client
 * inflates it.
 *
 * Errors: a non-2xx answer rejects with its status and the first 500 characters of its body.
 */
import { Agent, request } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** The collections kse lists that kubectl gets in the benchmark (`kubectl get sc,pv,pvc,pods -A`). */
export const RAW_LIST_PATHS = ['/apis/storage.k8s.io/v1/storageclasses', '/api/v1/persistentvolumes', '/api/v1/persistentvolumeclaims', '/api/v1/pods'] as const;

/** The reflector's default page size (`pageSize ?? 500` in src/main/kube/reflector.ts). */
export const RAW_PAGE_SIZE = 500;

export interface RawListTarget {
  /** `https://host:port`, no trailing slash. */
  server: string;
  caPem: string;
  token: string;
}

export interface RawListRun {
  /** Wall time from the first request to the last page parsed, ms. */
  millis: number;
  /** Items per collection path. */
  counts: Record<string, number>;
  /** Pages fetched in all. */
  pages: number;
  /** Body bytes as received (compressed when gzip), summed over all pages. */
  wireBytes: number;
}

/** `path?limit=500[&continue=token]`: the query the reflector sends for one page. */
export function pageQuery(path: string, limit: number, continueToken: string | undefined): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (continueToken) query.set('continue', continueToken);
  return `${path}?${query}`;
}

interface Page {
  items?: unknown[];
  metadata?: { continue?: string };
}

function get(target: RawListTarget, agent: Agent, pathAndQuery: string, gzip: boolean): Promise<{ page: Page; wireBytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(`${target.server}${pathAndQuery}`, {
      agent,
      headers: { Authorization: `Bearer ${target.token}`, Accept: 'application/json', ...(gzip ? { 'Accept-Encoding': 'gzip' } : {}) },
    });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      let wireBytes = 0;
      res.on('data', (chunk: Buffer) => (wireBytes += chunk.length));
      const body: Readable = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      body.on('data', (chunk: Buffer) => chunks.push(chunk));
      body.on('error', reject);
      body.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
          reject(new Error(`GET ${pathAndQuery}: HTTP ${res.statusCode}: ${text.slice(0, 500)}`));
          return;
        }
        try {
          resolve({ page: JSON.parse(text) as Page, wireBytes });
        } catch (error) {
          reject(new Error(`GET ${pathAndQuery}: the body is not JSON (${(error as Error).message}).`));
        }
      });
    });
    req.end();
  });
}

/** Lists every path in RAW_LIST_PATHS in pages, all paths at once; see the module comment. */
export async function rawPagedList(target: RawListTarget, options: { gzip: boolean; limit?: number }): Promise<RawListRun> {
  // A new agent per run: a cold start, as kse's new process pays for its TLS handshakes too.
  const agent = new Agent({ ca: target.caPem, keepAlive: true, maxSockets: RAW_LIST_PATHS.length });
  const counts: Record<string, number> = {};
  let pages = 0;
  let wireBytes = 0;
  const started = performance.now();
  try {
    await Promise.all(
      RAW_LIST_PATHS.map(async (path) => {
        let continueToken: string | undefined;
        counts[path] = 0;
        do {
          const answer = await get(target, agent, pageQuery(path, options.limit ?? RAW_PAGE_SIZE, continueToken), options.gzip);
          pages++;
          wireBytes += answer.wireBytes;
          counts[path] += answer.page.items?.length ?? 0;
          continueToken = answer.page.metadata?.continue || undefined;
        } while (continueToken);
      }),
    );
    return { millis: performance.now() - started, counts, pages, wireBytes };
  } finally {
    agent.destroy();
  }
}
