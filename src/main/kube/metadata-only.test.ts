/**
 * ConfigMaps and Secrets are watched as metadata only, and no value of theirs ever reaches the store or a snapshot,
 * even from a server (or a proxy) that ignores the PartialObjectMetadata media type and sends whole objects, with
 * `data`, `stringData`, `binaryData` and kubectl's last-applied-configuration annotation (which repeats the values).
 * The real API server's answer to the media type is asserted on the lab (e2e/integration/diagnose/references.test.ts).
 */
import { Agent, createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../shared/kube/objects';
import { ClusterStore } from '../store/cluster-store';
import { ApiClient } from './api-client';
import { PARTIAL_METADATA, PARTIAL_METADATA_LIST, prepareObject } from './arrival';
import { Credentials } from './credentials';
import { buildSnapshot } from './export-snapshot';
import { Reflector } from './reflector';
import { pollUntil } from './testing/until';

const VALUES = ['hunter2', 'aHVudGVyMg==', 'db-password-value', 'config-file-body'];

function fullSecret(name: string, resourceVersion: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      resourceVersion,
      labels: { app: 'db' },
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"stringData":{"password":"hunter2"}}' },
      managedFields: [{ manager: 'kubectl', fieldsV1: { 'f:data': { 'f:password': {} } } }],
    } as KubeObject['metadata'],
    type: 'Opaque',
    data: { password: 'aHVudGVyMg==' },
    stringData: { other: 'db-password-value' },
  };
}

function fullConfigMap(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'shop', uid: `uid-${name}`, resourceVersion: '5' }, data: { 'app.conf': 'config-file-body' }, binaryData: { blob: 'aHVudGVyMg==' } };
}

/** An API server that ignores Accept and sends whole objects; it records the Accept header of every request. */
let server: Server;
const accepts: string[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    accepts.push(`${req.url?.includes('watch=1') ? 'watch' : 'list'} ${req.url?.split('?')[0]} ${req.headers.accept}`);
    res.setHeader('Content-Type', 'application/json');
    const watch = req.url?.includes('watch=1');
    const secrets = req.url?.includes('/secrets');
    if (!watch) {
      const items = secrets ? [fullSecret('db', '7')] : [fullConfigMap('app')];
      res.end(JSON.stringify({ kind: secrets ? 'SecretList' : 'ConfigMapList', apiVersion: 'v1', metadata: { resourceVersion: '10' }, items }));
      return;
    }
    if (secrets) res.write(`${JSON.stringify({ type: 'ADDED', object: fullSecret('db-new', '11') })}\n`);
    // Keep the watch open; the test stops the reflector.
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

function client(): ApiClient {
  const port = (server.address() as AddressInfo).port;
  const kc = {
    getCurrentCluster: () => ({ name: 'c', server: `http://127.0.0.1:${port}`, skipTLSVerify: false }),
    getCurrentUser: () => ({ name: 'me' }),
    getCurrentContext: () => 'ctx',
    async applyToHTTPSOptions(options: RequestOptions) {
      options.agent = new Agent();
    },
  } as unknown as KubeConfig;
  return new ApiClient(new Credentials({ makeKubeConfig: () => kc }), 5_000);
}

describe('ConfigMaps and Secrets: metadata only', () => {
  it('arrival keeps the names, never data, stringData, binaryData or annotations', () => {
    const secret = prepareObject('secrets', fullSecret('db', '7'));
    expect(secret).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop', uid: 'uid-db', resourceVersion: '7', labels: { app: 'db' } } });
    const partial = prepareObject('configmaps', { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'app', namespace: 'shop' } });
    expect(partial).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'shop' } });
  });

  it('the reflector asks for PartialObjectMetadata, and the store and a snapshot never hold a value, whatever the server sends', async () => {
    const store = new ClusterStore('test');
    const api = client();
    const reflectors = (['secrets', 'configmaps'] as const).map((kind) => new Reflector({ client: api, kind, store, onState: (state) => store.kindStatus({ kind, state: state.state, count: state.count }) }));
    for (const reflector of reflectors) reflector.start();
    try {
      await pollUntil('the watched Secret arrived', () => store.get('secrets', 'db-new', 'shop'), { timeoutMs: 10_000, intervalMs: 50 });
      await pollUntil('ConfigMaps synced', () => store.kindState('configmaps') === 'synced', { timeoutMs: 10_000, intervalMs: 50 });
    } finally {
      await Promise.all(reflectors.map((reflector) => reflector.stop()));
      api.credentials.close();
    }
    expect(accepts).toContain(`list /api/v1/secrets ${PARTIAL_METADATA_LIST}`);
    expect(accepts).toContain(`watch /api/v1/secrets ${PARTIAL_METADATA}`);
    expect(accepts).toContain(`list /api/v1/configmaps ${PARTIAL_METADATA_LIST}`);
    const held = [...store.list('secrets'), ...store.list('configmaps')];
    expect(held.map((o) => o.metadata?.name).sort()).toEqual(['app', 'db', 'db-new']);
    for (const object of held) expect(Object.keys(object).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    const stored = JSON.stringify(held);
    for (const value of VALUES) expect(stored).not.toContain(value);
    expect(stored).not.toMatch(/"(data|stringData|binaryData|annotations|managedFields)"/);

    const snapshot = JSON.stringify(buildSnapshot({ context: 'ctx', kinds: { secrets: { state: 'synced', items: [...store.list('secrets')] }, configmaps: { state: 'synced', items: [...store.list('configmaps')] } } }));
    for (const value of VALUES) expect(snapshot).not.toContain(value);
    expect(snapshot).not.toMatch(/"(data|stringData|binaryData)"/);
  });

  it('a snapshot built from whole objects (an older tool, a hand-edited file) keeps no value either', () => {
    const snapshot = JSON.stringify(buildSnapshot({ context: 'ctx', kinds: { secrets: { state: 'synced', items: [fullSecret('db', '7')] }, configmaps: { state: 'synced', items: [fullConfigMap('app')] } } }));
    for (const value of VALUES) expect(snapshot).not.toContain(value);
    expect(snapshot).not.toMatch(/"(data|stringData|binaryData)"/);
  });
});
