import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { kubeConfigFor } from './client-kubeconfig';
import { kubeconfigFiles, loadKubeconfig } from './kubeconfig';
import { watchKubeconfigFiles } from './kubeconfig-watch';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kse-kubeconfig-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return file;
}

const config = (contextName: string, server: string, extraUser: Record<string, unknown> = { token: 'secret-token' }) => ({
  apiVersion: 'v1',
  kind: 'Config',
  clusters: [{ name: `${contextName}-cluster`, cluster: { server, 'certificate-authority': 'ca.crt' } }],
  users: [{ name: `${contextName}-user`, user: extraUser }],
  contexts: [{ name: contextName, context: { cluster: `${contextName}-cluster`, user: `${contextName}-user`, namespace: 'team' } }],
  'current-context': contextName,
});

describe('kubeconfigFiles', () => {
  it('uses KUBECONFIG entries in order, without blanks or duplicates', () => {
    expect(kubeconfigFiles({ kubeconfigEnv: ['/a', '', '/b', '/a'].join(delimiter) })).toEqual(['/a', '/b']);
  });
  it('falls back to ~/.kube/config', () => {
    expect(kubeconfigFiles({ kubeconfigEnv: '', home: '/home/me' })).toEqual(['/home/me/.kube/config']);
  });
});

describe('loadKubeconfig', () => {
  it('lists contexts as clusters with the server, the user name (never its secret) and the file', () => {
    const a = write('a.yaml', config('alpha', 'https://alpha.example:6443'));
    const b = write('b.yaml', config('beta', 'https://beta.example:6443'));
    const loaded = loadKubeconfig({ kubeconfigEnv: [a, join(dir, 'missing.yaml'), b].join(delimiter) });
    expect(loaded.currentContext).toBe('alpha');
    expect(loaded.clusters).toEqual([
      { id: 'ctx:alpha', name: 'alpha', source: 'context', server: 'https://alpha.example:6443', user: 'alpha-user', namespace: 'team', file: a, connection: 'closed', error: undefined },
      { id: 'ctx:beta', name: 'beta', source: 'context', server: 'https://beta.example:6443', user: 'beta-user', namespace: 'team', file: b, connection: 'closed', error: undefined },
    ]);
    expect(JSON.stringify(loaded.clusters)).not.toContain('secret-token');
  });

  it('reports a file that is not YAML by name and still lists the other files’ contexts', () => {
    const broken = write('broken.yaml', 'clusters: [\n  - {name: x\n');
    const good = write('good.yaml', config('good', 'https://good:6443'));
    const loaded = loadKubeconfig({ kubeconfigEnv: [broken, good].join(delimiter) });
    expect(loaded.clusters.map((c) => c.name)).toEqual(['good']);
    expect(loaded.fileErrors).toHaveLength(1);
    expect(loaded.fileErrors[0]?.message).toContain(`${broken} is not valid YAML`);
  });

  it('marks an unusable context as an error entry instead of dropping it', () => {
    const file = write('k.yaml', { contexts: [{ name: 'orphan', context: { cluster: 'nowhere', user: 'u' } }] });
    const loaded = loadKubeconfig({ kubeconfigEnv: file });
    expect(loaded.clusters[0]).toMatchObject({ id: 'ctx:orphan', connection: 'error' });
    expect(loaded.clusters[0]?.error).toContain(`context "orphan" in ${file} uses cluster "nowhere"`);
  });
});

describe('kubeConfigFor', () => {
  it('builds a client-node KubeConfig for one context with paths resolved against the defining file', () => {
    const file = write('k.yaml', config('alpha', 'https://alpha:6443'));
    const kc = kubeConfigFor(loadKubeconfig({ kubeconfigEnv: file }), 'alpha');
    expect(kc.getCurrentContext()).toBe('alpha');
    expect(kc.getCurrentCluster()?.server).toBe('https://alpha:6443');
    expect(kc.getCurrentCluster()?.caFile).toBe(join(dir, 'ca.crt'));
    expect(kc.getCurrentUser()?.token).toBe('secret-token');
  });

  it('reads a relative token-file next to the kubeconfig', () => {
    write('token', 'from-file');
    const file = write('k.yaml', config('alpha', 'https://alpha:6443', { 'token-file': 'token' }));
    expect(kubeConfigFor(loadKubeconfig({ kubeconfigEnv: file }), 'alpha').getCurrentUser()?.token).toBe('from-file');
  });

  it('says which context is missing and how to see the names', () => {
    const file = write('k.yaml', config('alpha', 'https://alpha:6443'));
    expect(() => kubeConfigFor(loadKubeconfig({ kubeconfigEnv: file }), 'nope')).toThrow(/No context named "nope".*kubectl config get-contexts/);
  });

  it('names the context and file when a user entry cannot be loaded', () => {
    const file = write('k.yaml', config('alpha', 'https://alpha:6443', { 'token-file': 'no-such-token' }));
    expect(() => kubeConfigFor(loadKubeconfig({ kubeconfigEnv: file }), 'alpha')).toThrow(new RegExp(`Context "alpha" \\(${file}\\) cannot be used`));
  });
});

describe('watchKubeconfigFiles', () => {
  it('calls back once for a burst of changes, also when the file is replaced', async () => {
    const file = write('k.yaml', config('alpha', 'https://alpha:6443'));
    let calls = 0;
    const watcher = watchKubeconfigFiles([file], () => calls++, 100);
    try {
      write('k.yaml', config('alpha', 'https://changed:6443'));
      write('other.txt', 'unrelated');
      write('k.yaml.tmp', 'x');
      writeFileSync(file, stringify(config('alpha', 'https://again:6443')));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(calls).toBe(1);
    } finally {
      watcher.close();
    }
  });
});
