/**
 * Whatever a snapshot lists can be opened: objects with names past the API server's 253 characters or
 * namespaces that are not DNS labels (a hand-edited or hostile file) are listed, and their details, graph and
 * namespace filters work through the contract's validation, as the UI calls them.
 */
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OBJECT_KEY_MAX_CHARS } from '../../shared/limits';
import type { ClaimRow, Page } from '../../shared/model/rows';
import { Core } from './core';
import { createCoreDeps } from './wiring';

const RESOURCES = join(resolve(__dirname, '../../..'), 'resources');
const core = new Core({ deps: createCoreDeps({ resourcesDir: RESOURCES, kubeconfig: { kubeconfigEnv: '/nonexistent' } }), resourcesDir: RESOURCES, version: '0', transport: 'web', autoOpenDemo: false });
afterAll(() => core.close());

const longName = `data-${'x'.repeat(300)}`;
const oddNamespace = 'Team_A.Weird ns';
const snapshot = (name: string) => ({
  format: 'kse-snapshot',
  version: 1,
  capturedAt: '2026-11-30T00:00:00Z',
  context: 'odd',
  kinds: { persistentvolumeclaims: { state: 'synced', items: [{ metadata: { name, namespace: oddNamespace }, spec: { storageClassName: 'gone' }, status: { phase: 'Pending' } }] } },
});

describe('objects with long names and non-DNS namespaces', () => {
  it('are listed, and their details, graph and namespace filters open', async () => {
    await core.start();
    const opened = await core.call('openSnapshot', { fileName: 'odd.json', content: JSON.stringify(snapshot(longName)) });
    expect(opened.ok).toBe(true);
    const clusterId = (opened as { value: { id: string } }).value.id;
    const rows = await core.call('listRows', { clusterId, table: 'claims', offset: 0, limit: 10, namespaces: [oddNamespace] });
    expect(rows.ok).toBe(true);
    const row = (rows as { value: Page<ClaimRow> }).value.rows[0]!;
    expect(row.name).toBe(longName);
    const detail = await core.call('getObject', { clusterId, ref: row.ref });
    expect(detail).toMatchObject({ ok: true, value: { ref: { name: longName, namespace: oddNamespace } } });
    expect((await core.call('getGraph', { clusterId, root: row.ref })).ok).toBe(true);
    expect((await core.call('getGraph', { clusterId, namespace: oddNamespace })).ok).toBe(true);
    expect((await core.call('listFindings', { clusterId, namespace: oddNamespace, offset: 0, limit: 10 })).ok).toBe(true);
  });

  it('a name past the limit is refused when the file is read, naming the object', async () => {
    const result = await core.call('openSnapshot', { fileName: 'huge-name.json', content: JSON.stringify(snapshot('y'.repeat(OBJECT_KEY_MAX_CHARS + 1))) });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining(`metadata.name is ${OBJECT_KEY_MAX_CHARS + 1} characters long`) } });
  });
});
