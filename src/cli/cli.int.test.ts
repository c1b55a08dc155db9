/**
 * The `kse` command against the real local control plane (e2e/cluster), run as users run it: `node bin/kse.mjs`.
 * Counts are compared with what kubectl shows on the same server.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../e2e/cluster/lab';
import { startWebHost } from '../../e2e/journeys/support/web-host';
import type { RendererApi } from '../shared/contract';
import { createWebClient } from '../shared/web-client';

const ROOT = resolve(__dirname, '../..');
let lab: Lab;
let work: string;

function kse(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, KUBECONFIG: lab.kubeconfigPath, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

async function kubectlCount(resource: string): Promise<number> {
  const result = await lab.kubectl(['get', resource, '-A', '-o', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { items: unknown[] }).items.length;
}

beforeAll(async () => {
  lab = await startLab({ seedScenarios: true, log: () => undefined });
  work = await mkdtemp(join(tmpdir(), 'kse-cli-'));
});

afterAll(async () => {
  await lab?.stop();
});

describe('kse against the lab', () => {
  it('lists the lab contexts', async () => {
    const result = await kse(['contexts', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(result.stdout) as { current: string; contexts: { name: string; server: string }[] };
    expect(parsed.current).toBe('lab-admin');
    expect(parsed.contexts.map((c) => c.name).sort()).toEqual(['lab-admin', 'lab-student']);
    expect(result.stdout).not.toContain(lab.adminToken);
  });

  it('syncs lab-admin with the counts kubectl shows', async () => {
    const resources = ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'nodes'] as const;
    const kubectlCounts = async () => Object.fromEntries(await Promise.all(resources.map(async (r) => [r, await kubectlCount(r)] as const)));
    // The seeded lab may still be provisioning (a PV appears a moment after its claim): compare only a sync taken
    // while kubectl saw the same counts before and after it; otherwise the cluster moved, and the sync is taken again.
    for (let attempt = 1; ; attempt++) {
      const before = await kubectlCounts();
      const result = await kse(['sync', '--context', 'lab-admin', '--json', '--timeout', '90']);
      expect(result.code, result.stderr).toBe(0);
      const after = await kubectlCounts();
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 6) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        continue;
      }
      expect(after, 'the lab kept changing during six syncs').toEqual(before);
      const sync = JSON.parse(result.stdout) as { synced: boolean; serverVersion: string; kinds: { kind: string; state: string; count: number }[] };
      expect(sync.synced).toBe(true);
      expect(sync.serverVersion).toMatch(/^v1\.37/);
      const count = (kind: string) => sync.kinds.find((k) => k.kind === kind);
      for (const kind of resources) expect(count(kind), kind).toMatchObject({ state: 'synced', count: after[kind] });
      expect(count('volumesnapshots')?.state).toMatch(/^(absent|synced)$/);
      return;
    }
  }, 240_000);

  it('shows what lab-student may not read as no permission, not as empty', async () => {
    const result = await kse(['sync', '--context', 'lab-student', '--timeout', '90']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/PersistentVolumes\s+no permission/);
    expect(result.stdout).toMatch(/StorageClasses\s+no permission/);
    expect(result.stdout).toMatch(/PersistentVolumeClaims\s+synced\s+\d+/);
  }, 120_000);

  it('exports a snapshot that doctor reads offline, and doctor fails on the seeded problems', async () => {
    const file = join(work, 'lab.json');
    const exported = await kse(['snapshot', '--context', 'lab-admin', '-o', file, '--timeout', '90']);
    expect(exported.code, exported.stderr).toBe(0);
    const snapshot = JSON.parse(await readFile(file, 'utf8')) as { format: string; kinds: Record<string, { items: unknown[] }> };
    expect(snapshot.format).toBe('kse-snapshot');
    expect(snapshot.kinds.persistentvolumeclaims?.items.length).toBe(await kubectlCount('persistentvolumeclaims'));
    expect(await readFile(file, 'utf8')).not.toContain(lab.adminToken);

    const live = await kse(['doctor', '--context', 'lab-admin', '--timeout', '90']);
    expect(live.code, live.stderr).toBe(1);
    expect(live.stdout).toMatch(/^Cluster: lab-admin\nproblems: [1-9]/);
    const offline = await kse(['doctor', '--snapshot', file, '--json', '--lang', 'ru']);
    expect(offline.code, offline.stderr).toBe(1);
    const report = JSON.parse(offline.stdout) as { findings: { severity: string; code: string }[] };
    expect(report.findings.some((f) => f.severity === 'problem')).toBe(true);
    const russian = await kse(['doctor', '--snapshot', file, '--lang', 'ru', '--namespace', 'lab-stuck']);
    expect(russian.stdout).toContain('ПРОБЛЕМЫ');

    // One object, as kubectl names it: only its findings, and its report (issue 18: reports for one object).
    const one = await kse(['doctor', 'pvc/missing-class', '-n', 'lab-stuck', '--snapshot', file, '--json']);
    expect(one.code, one.stderr).toBe(1);
    const objectReport = JSON.parse(one.stdout) as { findings: { code: string; object: { kind: string; name: string; namespace?: string } }[] };
    expect(objectReport.findings.map((f) => f.code)).toContain('claim.class-missing');
    expect(objectReport.findings.every((f) => f.object.name === 'missing-class' && f.object.namespace === 'lab-stuck')).toBe(true);
    const markdown = await kse(['doctor', 'persistentvolumeclaim', 'missing-class', '-n', 'lab-stuck', '--snapshot', file, '--format', 'markdown']);
    expect(markdown.code, markdown.stderr).toBe(1);
    // Every object the report's findings are about is that claim (the lessons it carries may name other examples).
    const about = [...markdown.stdout.matchAll(/PersistentVolumeClaim `lab-stuck\/([^`]+)`/g)].map((m) => m[1]);
    expect(about.length).toBeGreaterThan(0);
    expect(new Set(about)).toEqual(new Set(['missing-class']));
    const absent = await kse(['doctor', 'pvc/no-such-claim', '-n', 'lab-stuck', '--snapshot', file]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('has no PersistentVolumeClaim named no-such-claim in namespace lab-stuck. List them with: kubectl get pvc -n lab-stuck');
  }, 240_000);

  it('records a context (state, then timed events) into a file the app replays', async () => {
    const file = join(work, 'recording.json');
    const recording = kse(['record', '--context', 'lab-admin', '-o', file, '--seconds', '6']);
    // A change during the recording window becomes a timed event.
    await new Promise((r) => setTimeout(r, 9000));
    await lab.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'recorded-claim', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'no-such-class' },
    });
    const result = await recording;
    expect(result.code, result.stderr).toBe(0);
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { format: string; events: { object?: { metadata?: { name?: string } } }[] };
    expect(parsed.format).toBe('kse-recording');
    expect(parsed.events.length).toBeGreaterThan(0);
    const doctor = await kse(['doctor', '--snapshot', file, '--json']);
    expect([0, 1]).toContain(doctor.code);
    expect(doctor.stderr).toBe('');
  }, 120_000);

  it('fails with a clear message when the server is unreachable', async () => {
    const kubeconfig = join(work, 'unreachable.yaml');
    await writeFile(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{name: gone, cluster: {server: "https://127.0.0.1:1"}}]',
        'users: [{name: u, user: {token: abc}}]',
        'contexts: [{name: gone, context: {cluster: gone, user: u}}]',
        'current-context: gone',
      ].join('\n'),
    );
    const result = await kse(['sync', '--timeout', '4'], { KUBECONFIG: kubeconfig });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/kse: gone did not sync within 4 s\./);
    expect(result.stderr).toMatch(/127\.0\.0\.1:1/);
  }, 60_000);

  it('kse web starts syncing the current context at once, and next time the context opened last', async () => {
    const home = join(work, 'web-home');
    const clusterState = async (api: RendererApi, clusterId: string) => (await api.listClusters({})).find((c) => c.id === clusterId)?.connection;

    const first = await startWebHost({ kubeconfig: lab.kubeconfigPath, home });
    try {
      const api = createWebClient({ baseUrl: first.origin, token: first.token, fetch });
      // Nothing asked to open lab-admin (the current context): the host did, as it started.
      expect(await clusterState(api, 'ctx:lab-admin')).toMatch(/^(connecting|connected)$/);
      await expect.poll(async () => (await api.clusterStatus({ clusterId: 'ctx:lab-admin' })).synced, { timeout: 90_000, interval: 200 }).toBe(true);
      expect(await clusterState(api, 'ctx:lab-student')).toBe('closed');
      // The user opens lab-student: that is what the next start opens.
      await api.openCluster({ clusterId: 'ctx:lab-student' });
    } finally {
      await first.stop();
    }
    const remembered = await readFile(join(home, '.local', 'state', 'kube-storage-explorer', 'last-opened.json'), 'utf8');
    expect(JSON.parse(remembered)).toEqual({ version: 1, byKubeconfig: { [lab.kubeconfigPath]: { context: 'lab-student', at: expect.any(String) } } });
    expect(remembered).not.toContain(lab.adminToken);

    const second = await startWebHost({ kubeconfig: lab.kubeconfigPath, home });
    try {
      const api = createWebClient({ baseUrl: second.origin, token: second.token, fetch });
      expect(await clusterState(api, 'ctx:lab-student')).toMatch(/^(connecting|connected)$/);
      await expect.poll(async () => (await api.clusterStatus({ clusterId: 'ctx:lab-student' })).synced, { timeout: 90_000, interval: 200 }).toBe(true);
      expect(await clusterState(api, 'ctx:lab-admin')).toBe('closed');
    } finally {
      await second.stop();
    }
  }, 240_000);
});
