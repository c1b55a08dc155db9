import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Notice } from '../../../shared/contract';
import { createWebClient, type SocketFactory } from '../../../shared/web-client';
import { KseCallError, TOKEN_HEADER, WS_PROTOCOL, tokenProtocol } from '../../../shared/transport';
import { Core } from '../../core/core';
import { context, fakeDeps } from '../../core/testing/fakes';
import { startWebHost, type WebHost } from './server';
import { API_REQUEST_MAX_BYTES, SNAPSHOT_MAX_BYTES, SNAPSHOT_REQUEST_MAX_BYTES, requestMaxBytes } from '../../../shared/limits';

let core: Core;
let host: WebHost;
let base: string;

beforeAll(async () => {
  const rendererDir = await mkdtemp(join(tmpdir(), 'kse-web-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>KSE</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  core = new Core({ deps: fakeDeps({ contexts: [context('lab')] }), resourcesDir: resolve(__dirname, '../../../../resources'), version: '0.0.1', transport: 'web', noticeIntervalMs: 10 });
  await core.start();
  host = await startWebHost({ core, rendererDir });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  await core.close();
});

/** A raw HTTP request, so tests can send any Host header (fetch forbids setting it). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const wsFactory: SocketFactory = (url, protocols) => new WebSocket(url, protocols) as never;

describe('web host', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
  });

  it('serves the renderer with the CSP header, and nothing outside it', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>KSE</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await raw('/assets/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw('/../package.json')).status).not.toBe(200);
    expect((await raw('/missing.js')).status).toBe(404);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await raw('/', { headers: { Host: `attacker.example:${host.port}` } });
    expect(rebound.status).toBe(403);
    const crossSite = await raw('/api/listClusters', {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('answers API calls only with the token', async () => {
    const without = await raw('/api/listClusters', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(without.status).toBe(401);
    expect(JSON.parse(without.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await raw('/api/listClusters', { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: 'x'.repeat(64) }, body: '{}' });
    expect(wrong.status).toBe(401);
    const right = await raw('/api/listClusters', { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: '{}' });
    expect(right.status).toBe(200);
    expect(JSON.parse(right.body)).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: 'ctx:lab' })]) });
  });

  it('maps bad requests to 400 with the reason, and refuses non-JSON bodies', async () => {
    const headers = { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token };
    const bad = await raw('/api/getLessons', { method: 'POST', headers, body: '{"lang":"fr"}' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('getLessons: lang must be one of en, ru, got "fr".');
    expect((await raw('/api/getLessons', { method: 'POST', headers, body: '{' })).status).toBe(400);
    expect((await raw('/api/about', { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await raw('/api/about', { method: 'GET', headers })).status).toBe(405);
    expect((await raw('/api/nope', { method: 'POST', headers, body: '{}' })).status).toBe(404);
  });

  it('refuses a WebSocket without the token', async () => {
    const refused = await new Promise<number>((done) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/notices`, [WS_PROTOCOL, tokenProtocol('wrong')]);
      ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
      ws.on('open', () => done(101));
    });
    expect(refused).toBe(401);
  });

  it('serves the web client: calls and notices', async () => {
    const client = createWebClient({ baseUrl: base, token: host.token, socket: wsFactory });
    expect(await client.about({})).toEqual({ version: '0.0.1', transport: 'web', platform: process.platform });
    const seen: Notice[] = [];
    const unsubscribe = client.onNotice((n) => seen.push(n));
    await new Promise((r) => setTimeout(r, 100)); // socket open
    await client.openCluster({ clusterId: 'ctx:lab' });
    const page = await client.listRows({ clusterId: 'ctx:lab', table: 'claims', offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toContainEqual({ type: 'changed', clusterId: 'ctx:lab', kinds: ['persistentvolumeclaims'], tables: ['claims'], revision: 1 });
    unsubscribe();
    const error = await client.getOverview({ clusterId: 'ctx:gone' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KseCallError);
    expect(error).toMatchObject({ code: 'not-found' });
  });

  it('makes the web client say when the host is gone', async () => {
    const client = createWebClient({ baseUrl: 'http://127.0.0.1:1', token: 't' });
    await expect(client.about({})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Cannot reach/) });
  });

  it('limits request bodies per method: small for queries, the snapshot limit for openSnapshot', async () => {
    const headers = { host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, 'content-type': 'application/json' };
    const padded = (size: number) => JSON.stringify({ pad: 'x'.repeat(size) });
    // A query method refuses a body past API_REQUEST_MAX_BYTES (64 KB), by its declared length or as it streams.
    const declared = await raw('/api/about', { method: 'POST', headers, body: padded(API_REQUEST_MAX_BYTES) });
    expect(declared.status).toBe(413);
    expect(declared.body).toContain('The about request is larger than the 64 KB it may have.');
    // The same body is within openSnapshot's limit: it reaches the core, which says what is wrong with it.
    const snapshot = await raw('/api/openSnapshot', { method: 'POST', headers, body: padded(API_REQUEST_MAX_BYTES) });
    expect(snapshot.status).toBe(400);
    expect(requestMaxBytes('openSnapshot')).toBe(SNAPSHOT_REQUEST_MAX_BYTES);
    expect(SNAPSHOT_REQUEST_MAX_BYTES).toBeGreaterThanOrEqual(2 * SNAPSHOT_MAX_BYTES);
    // A small body still works.
    expect((await raw('/api/about', { method: 'POST', headers, body: '{}' })).status).toBe(200);
  });
});
