import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreDeps, currentContext, readDemo } from './wiring';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
users: [{name: u, user: {token: secret-token}}]
contexts: [{name: dev, context: {cluster: c, user: u, namespace: team}}]
current-context: dev
`;

describe('wiring', () => {
  it('lists kubeconfig contexts and says whether any kubeconfig file exists', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kse-wiring-'));
    const file = join(dir, 'config');
    await writeFile(file, KUBECONFIG);
    const deps = createCoreDeps({ resourcesDir: dir, kubeconfig: { kubeconfigEnv: file } });
    const list = deps.listContexts();
    expect(list.anyFileExists).toBe(true);
    expect(list.clusters).toMatchObject([{ id: 'ctx:dev', name: 'dev', server: 'https://127.0.0.1:6443', namespace: 'team' }]);
    expect(JSON.stringify(list)).not.toContain('secret-token');
    expect(currentContext({ kubeconfigEnv: file })).toBe('dev');
    const none = createCoreDeps({ resourcesDir: dir, kubeconfig: { kubeconfigEnv: join(dir, 'missing') } }).listContexts();
    expect(none).toMatchObject({ anyFileExists: false, clusters: [] });
  });

  it('finds the demo: the first JSON file in resources/demo, or none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kse-demo-'));
    expect(await readDemo(dir)).toBeUndefined();
    await mkdir(join(dir, 'demo'));
    await writeFile(join(dir, 'demo', 'README.md'), 'how it was recorded');
    expect(await readDemo(dir)).toBeUndefined();
    await writeFile(join(dir, 'demo', 'b.json'), '{"b":1}');
    await writeFile(join(dir, 'demo', 'a.json'), '{"a":1}');
    expect(await readDemo(dir)).toEqual({ fileName: 'a.json', content: '{"a":1}' });
  });

  it('opens snapshot content through the kube file source, with a clear error for anything else', async () => {
    const deps = createCoreDeps({ resourcesDir: '/nonexistent' });
    await expect(Promise.resolve().then(() => deps.fileSource('file:1', 'notes.txt', 'hello'))).rejects.toThrow(/notes\.txt/);
    const snapshot = JSON.stringify({ format: 'kse-snapshot', version: 1, capturedAt: '2026-01-01T00:00:00Z', context: 'prod', kinds: {} });
    const source = await deps.fileSource('file:2', 'prod.json', snapshot);
    expect(source.info).toMatchObject({ id: 'file:2', source: 'snapshot', capturedAt: '2026-01-01T00:00:00Z' });
  });
});
