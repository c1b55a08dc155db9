/**
 * A live context's permissions and failures against the real lab: the namespace-limited lab-student, an
 * unreachable server, broken kubeconfigs, and a 401 that refreshes exec-plugin credentials once.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../../e2e/cluster/lab';
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import { validateSnapshot } from '../../shared/snapshot-format';
import { captureSnapshot } from './testing/capture-snapshot';
import type { ContextSource } from './context-source';
import { SnapshotSource } from './snapshot-source';
import { loadKubeconfig } from './kubeconfig';
import { openContextSource } from './open-context';
import { RecordingSink } from './testing/recording-sink';
import { truth, until, writeKubeconfigVariant } from './testing/lab-truth';
import { startTcpProxy } from './testing/tcp-proxy';

let lab: Lab;
let dir: string;
const sources: ContextSource[] = [];
const admin = () => lab.client('admin');

beforeAll(async () => {
  lab = await startLab({ log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'kse-ctx-int-'));
});

afterAll(async () => {
  await Promise.all(sources.map((source) => source.stop()));
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function open(context: string, kubeconfigEnv: string, options: Parameters<typeof openContextSource>[2] = {}): ContextSource {
  const source = openContextSource(context, { kubeconfigEnv }, { requestTimeoutMs: 5000, backoff: { initialMs: 300, maxMs: 1000 }, ...options });
  sources.push(source);
  return source;
}

const claim = (name: string, namespace: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } }, storageClassName: 'kse-no-such-class' },
});

describe('a namespace-limited user (lab-student)', () => {
  it('watches namespaced kinds in "student" and shows cluster-scoped kinds as forbidden, never empty', async () => {
    await admin().create('/api/v1/namespaces/student/persistentvolumeclaims', claim('homework', 'student'));
    const sink = new RecordingSink();
    const source = open('lab-student', lab.kubeconfigPath);
    await source.start(sink);
    const settled = (kind: Resource) => ['synced', 'forbidden', 'absent'].includes(sink.statuses.get(kind)?.state ?? '');
    await until('every kind settled', () => ALL_RESOURCES.every(settled), 60_000);

    for (const kind of ['storageclasses', 'persistentvolumes', 'nodes', 'csidrivers', 'csinodes', 'volumeattachments'] as Resource[]) {
      const status = sink.statuses.get(kind)!;
      expect(status.state, kind).toBe('forbidden');
      expect(status.message, kind).toMatch(/User "lab-student" may not list and watch .* cluster-wide.*not an empty list/);
      expect(sink.objects.get(kind)?.size ?? 0, kind).toBe(0);
    }
    for (const kind of ['persistentvolumeclaims', 'pods', 'events', 'statefulsets', 'resourcequotas', 'limitranges'] as Resource[]) {
      expect(sink.statuses.get(kind), kind).toMatchObject({ state: 'synced', namespaces: ['student'] });
      expect(sink.identities(kind), kind).toEqual(await truth(admin(), kind, 'student'));
    }
    expect(sink.names('persistentvolumeclaims')).toContain('student/homework');

    // Changes in the namespace arrive as for an admin.
    await admin().create('/api/v1/namespaces/student/persistentvolumeclaims', claim('late', 'student'));
    await until('the new claim', () => sink.names('persistentvolumeclaims').includes('student/late'));
  });

  it('adds a namespace the user was granted, and not one they may not read', async () => {
    await admin().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'student-extra' } });
    await admin().create('/apis/rbac.authorization.k8s.io/v1/namespaces/student-extra/roles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'claims', namespace: 'student-extra' },
      rules: [{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['list', 'watch'] }],
    });
    await admin().create('/apis/rbac.authorization.k8s.io/v1/namespaces/student-extra/rolebindings', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'claims', namespace: 'student-extra' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'claims' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'lab-student' }],
    });
    await admin().create('/api/v1/namespaces/student-extra/persistentvolumeclaims', claim('extra', 'student-extra'));
    const sink = new RecordingSink();
    const source = open('lab-student', lab.kubeconfigPath, { kinds: ['persistentvolumeclaims', 'pods'] });
    await source.start(sink);
    await until('claims synced', () => sink.statuses.get('persistentvolumeclaims')?.state === 'synced', 30_000);
    await source.addNamespace('default'); // not readable: changes nothing
    await source.addNamespace('student-extra');
    await until('claims of both namespaces', () => sink.names('persistentvolumeclaims').includes('student-extra/extra'), 30_000);
    await until('both synced', () => sink.statuses.get('persistentvolumeclaims')?.state === 'synced');
    expect(sink.statuses.get('persistentvolumeclaims')?.namespaces).toEqual(['student', 'student-extra']);
    expect(sink.statuses.get('pods')?.namespaces).toEqual(['student']); // the grant covers claims only
  });
});

describe('permissions that change while watching', () => {
  it('shows a kind as forbidden (with a message) when access is revoked, and syncs again when it is granted back', async () => {
    await admin().create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'revoked' } });
    await admin().create('/apis/rbac.authorization.k8s.io/v1/namespaces/revoked/roles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'claims', namespace: 'revoked' },
      rules: [{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['list', 'watch'] }],
    });
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'claims', namespace: 'revoked' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'claims' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'lab-student' }],
    };
    await admin().create('/apis/rbac.authorization.k8s.io/v1/namespaces/revoked/rolebindings', binding);
    const sink = new RecordingSink();
    // Short server-side watch timeouts: authorization is checked when a watch starts, so revocation shows at the next one.
    const source = open('lab-student', lab.kubeconfigPath, { kinds: ['persistentvolumeclaims'], reflector: { watchTimeoutSeconds: () => 2, forbiddenRetryMs: 1000 } });
    await source.addNamespace('revoked');
    await source.start(sink);
    await until('claims synced in both namespaces', () => {
      const status = sink.statuses.get('persistentvolumeclaims');
      return status?.state === 'synced' && status.namespaces?.includes('revoked');
    }, 30_000);

    await admin().delete('/apis/rbac.authorization.k8s.io/v1/namespaces/revoked/rolebindings/claims');
    await until('forbidden', () => sink.statuses.get('persistentvolumeclaims')?.state === 'forbidden', 30_000);
    expect(sink.statuses.get('persistentvolumeclaims')?.message).toMatch(/No permission to list and watch PersistentVolumeClaims in namespace "revoked"/);

    await admin().create('/apis/rbac.authorization.k8s.io/v1/namespaces/revoked/rolebindings', binding);
    await until('synced again', () => sink.statuses.get('persistentvolumeclaims')?.state === 'synced', 30_000);
  });
});

describe('snapshot export', () => {
  it('captures a redacted snapshot that reopens offline with the same objects and states', async () => {
    await admin().create('/api/v1/namespaces/student/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'with-secret-env', namespace: 'student', annotations: { 'example.com/api-token': 'tok-123' } },
      spec: { containers: [{ name: 'app', image: 'busybox', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }] },
    });
    const snapshot = await captureSnapshot(open('lab-student', lab.kubeconfigPath), { settleTimeoutMs: 60_000 });
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('tok-123');
    expect(snapshot.context).toBe('lab-student');
    expect(snapshot.serverVersion).toMatch(/^v1\./);
    expect(snapshot.limitedToNamespaces).toEqual(['student']);
    expect(snapshot.kinds.persistentvolumes).toMatchObject({ state: 'forbidden', items: [] });
    const pods = snapshot.kinds.pods?.items.map((pod) => pod.metadata?.name);
    expect(pods).toContain('with-secret-env');

    const reopened = new SnapshotSource(validateSnapshot(JSON.parse(text), 'student.json'), 'snapshot:1', 'student.json');
    const sink = new RecordingSink();
    await reopened.start(sink);
    expect(sink.identities('pods')).toEqual(await truth(admin(), 'pods', 'student'));
    expect(sink.statuses.get('persistentvolumes')?.state).toBe('forbidden');
    expect(sink.statuses.get('persistentvolumeclaims')?.namespaces).toEqual(['student']);
  });
});

describe('failures', () => {
  it('reports an unreachable server with its URL, retries a bounded number of times with backoff, then stops', async () => {
    const proxy = await startTcpProxy(Number(new URL(lab.server).port));
    try {
      proxy.mode = 'down';
      const kubeconfig = writeKubeconfigVariant(lab.kubeconfigPath, dir, 'unreachable.yaml', (config) => {
        for (const entry of config.clusters) entry.cluster.server = `https://127.0.0.1:${proxy.port}`;
      });
      const sink = new RecordingSink();
      const started = Date.now();
      const source = open('lab-admin', kubeconfig, { connectAttempts: 3 });
      await source.start(sink);
      expect(source.givenUp()).toBe(false);
      await until('giving up', () => sink.lastConnection?.error?.startsWith('Gave up'), 20_000);
      // Opening the cluster again starts over (ClusterRegistry.openCluster asks this).
      expect(source.givenUp()).toBe(true);
      const elapsed = Date.now() - started;
      expect(sink.lastConnection?.state).toBe('error');
      expect(sink.lastConnection?.error).toContain(`https://127.0.0.1:${proxy.port}`);
      expect(sink.lastConnection?.error).toMatch(/after 3 attempts.*open the cluster again/);
      expect(sink.connections.some((c) => /Retrying in \d+ s \(attempt 1 of 3\)/.test(c.error ?? ''))).toBe(true);
      expect(proxy.accepted).toBe(3);
      expect(elapsed).toBeGreaterThanOrEqual(240 + 480); // two backoff waits, never a hot loop
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(proxy.accepted).toBe(3); // and no more after giving up
    } finally {
      await proxy.close();
    }
  });

  it('after losing a connected server: error state with the URL, backoff (no hot loop), then recovery', async () => {
    const proxy = await startTcpProxy(Number(new URL(lab.server).port));
    try {
      const kubeconfig = writeKubeconfigVariant(lab.kubeconfigPath, dir, 'flaky.yaml', (config) => {
        for (const entry of config.clusters) entry.cluster.server = `https://127.0.0.1:${proxy.port}`;
      });
      const kinds: Resource[] = ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods'];
      const sink = new RecordingSink();
      await open('lab-admin', kubeconfig, { kinds }).start(sink);
      await until('synced', () => kinds.every((kind) => sink.statuses.get(kind)?.state === 'synced'), 30_000);
      const before = proxy.accepted;
      proxy.mode = 'down';
      await until('the connection error', () => sink.lastConnection?.state === 'error', 10_000);
      expect(sink.lastConnection?.error).toContain(`https://127.0.0.1:${proxy.port}`);
      const status = sink.statuses.get('persistentvolumes')!;
      expect(status.state).toBe('error');
      expect(status.nextRetryAt).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 4000));
      // 4 reflectors with backoff from 0.3 s to 1 s: at most about 4 x 8 attempts in 4 s.
      expect(proxy.accepted - before).toBeLessThan(50);
      proxy.mode = 'pass';
      await until('connected again', () => sink.lastConnection?.state === 'connected', 15_000);
      await until('synced again', () => kinds.every((kind) => sink.statuses.get(kind)?.state === 'synced'), 15_000);
    } finally {
      await proxy.close();
    }
  });

  it('lists the contexts of good files when another kubeconfig file is broken, and still connects', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'clusters:\n  - name: [unclosed\n');
    const env = [broken, lab.kubeconfigPath].join(delimiter);
    const loaded = loadKubeconfig({ kubeconfigEnv: env });
    expect(loaded.fileErrors.map((error) => error.message)).toEqual([expect.stringContaining(`${broken} is not valid YAML`)]);
    expect(loaded.clusters.map((cluster) => cluster.name)).toEqual(['lab-admin', 'lab-student']);
    const sink = new RecordingSink();
    await open('lab-admin', env, { kinds: ['storageclasses'] }).start(sink);
    await until('synced', () => sink.statuses.get('storageclasses')?.state === 'synced', 30_000);
  });

  it('says clearly when a context does not exist or names a user no file defines', async () => {
    const missing = new RecordingSink();
    await open('no-such-context', lab.kubeconfigPath).start(missing);
    expect(missing.lastConnection).toMatchObject({ state: 'error', error: expect.stringMatching(/No context named "no-such-context".*kubectl config get-contexts/) });

    const orphanFile = writeKubeconfigVariant(lab.kubeconfigPath, dir, 'orphan.yaml', (config) => {
      config.users = [];
    });
    const orphan = new RecordingSink();
    await open('lab-admin', orphanFile).start(orphan);
    expect(orphan.lastConnection?.state).toBe('error');
    expect(orphan.lastConnection?.error).toContain(`context "lab-admin" in ${orphanFile} uses user "lab-admin", which no kubeconfig file defines`);
  });
});

describe('credentials', () => {
  /** A kubeconfig whose lab-admin user gets its token from an exec plugin that hands out `tokens` in turn. */
  function execKubeconfig(name: string, tokens: string[]): { file: string; calls: () => number } {
    const counter = join(dir, `${name}.count`);
    const tokenFile = join(dir, `${name}.tokens`);
    const plugin = join(dir, `${name}.mjs`);
    writeFileSync(counter, '0');
    writeFileSync(tokenFile, JSON.stringify(tokens));
    writeFileSync(
      plugin,
      `import { readFileSync, writeFileSync } from 'node:fs';
const n = Number(readFileSync(process.env.KSE_COUNTER, 'utf8'));
writeFileSync(process.env.KSE_COUNTER, String(n + 1));
const tokens = JSON.parse(readFileSync(process.env.KSE_TOKENS, 'utf8'));
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: tokens[Math.min(n, tokens.length - 1)] } }));
`,
    );
    const file = writeKubeconfigVariant(lab.kubeconfigPath, dir, `${name}.yaml`, (config) => {
      const user = config.users.find((entry) => entry.name === 'lab-admin')!;
      user.user = {
        exec: {
          apiVersion: 'client.authentication.k8s.io/v1',
          command: process.execPath,
          args: [plugin],
          env: [
            { name: 'KSE_COUNTER', value: counter },
            { name: 'KSE_TOKENS', value: tokenFile },
          ],
        },
      };
    });
    return { file, calls: () => Number(readFileSync(counter, 'utf8')) };
  }

  it('refreshes exec-plugin credentials once on a 401 and goes on with the new token', async () => {
    const { file, calls } = execKubeconfig('rotated', ['expired-token', lab.adminToken]);
    const sink = new RecordingSink();
    await open('lab-admin', file, { kinds: ['storageclasses', 'persistentvolumes'] }).start(sink);
    await until('synced', () => sink.statuses.get('persistentvolumes')?.state === 'synced', 30_000);
    expect(sink.lastConnection?.state).toBe('connected');
    expect(calls()).toBe(2); // the first token, and one refresh
  });

  it('reports credentials that stay rejected after one refresh, without retrying in a loop', async () => {
    const { file, calls } = execKubeconfig('revoked', ['revoked-token']);
    const sink = new RecordingSink();
    await open('lab-admin', file, { kinds: ['storageclasses'] }).start(sink);
    await until('the error', () => sink.lastConnection?.state === 'error', 30_000);
    expect(sink.lastConnection?.error).toMatch(/rejected the credentials of user "lab-admin" even after refreshing them \(401 Unauthorized\)/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(calls()).toBe(2);
  });
});
