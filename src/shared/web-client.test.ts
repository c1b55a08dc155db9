import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebClient, takeTokenFromHash, type FetchLike } from './web-client';

afterEach(() => vi.unstubAllGlobals());

describe('web client token', () => {
  it('splits the token off the fragment and keeps the view', () => {
    expect(takeTokenFromHash('#token=abc&/claims?c=demo')).toEqual({ token: 'abc', rest: '#/claims?c=demo' });
    expect(takeTokenFromHash('#token=abc')).toEqual({ token: 'abc', rest: '' });
    expect(takeTokenFromHash('#/claims')).toEqual({ rest: '#/claims' });
  });

  it('moves the token from the URL to the origin localStorage and sends it with every call', async () => {
    const storage = new Map<string, string>();
    const replaced: string[] = [];
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:5000', hash: '#token=s3cret&/volumes', pathname: '/', search: '' });
    vi.stubGlobal('history', { replaceState: (_d: unknown, _u: string, url: string) => replaced.push(url) });
    vi.stubGlobal('localStorage', { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, v) });
    const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
    const fetch: FetchLike = async (url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      return { status: 200, json: async () => ({ ok: true, value: [] }) };
    };
    const client = createWebClient({ fetch });
    expect(await client.listClusters({})).toEqual([]);
    expect(calls[0]).toEqual({ url: 'http://127.0.0.1:5000/api/listClusters', headers: { 'Content-Type': 'application/json', 'x-kse-token': 's3cret' }, body: '{}' });
    expect(storage.get('kse.token')).toBe('s3cret');
    expect(replaced).toEqual(['/#/volumes']);
    // A reload has no token in the URL any more: it comes from localStorage, as it does in a new tab of the same origin.
    vi.stubGlobal('location', { origin: 'http://127.0.0.1:5000', hash: '#/volumes', pathname: '/', search: '' });
    await createWebClient({ fetch }).about({}).catch(() => undefined);
    expect(calls[1]?.headers['x-kse-token']).toBe('s3cret');
  });

  it('turns a malformed answer into a clear error', async () => {
    const fetch: FetchLike = async () => ({ status: 502, json: async () => { throw new Error('not json'); } });
    await expect(createWebClient({ fetch, baseUrl: 'http://x', token: 't' }).about({})).rejects.toMatchObject({
      code: 'internal',
      message: 'The web host answered about with HTTP 502 and no result. Reload the page.',
    });
  });
});
