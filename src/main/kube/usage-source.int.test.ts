/**
 * Volume usage on the real lab, through the production path: the app's ContextSource and ClusterSession ask
 * `/api/v1/nodes/<node>/proxy/stats/summary` of the real API server, whose node proxy reaches the lab's kubelet
 * stats stand-in (e2e/cluster/kubelet-stats.ts) over mutual TLS. Nothing here is faked: the claim is filled by its
 * annotation, the student's nodes/proxy permission is granted and taken away with RBAC, and one node's kubelet
 * listener is stopped. `kse df` is run as users run it (bin/kse.mjs).
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, USED_BYTES_ANNOTATION, type Lab } from '../../../e2e/cluster/lab';
import type { Notice } from '../../shared/contract';
import { ALL_RESOURCES } from '../../shared/kube/resource-registry';
import type { UsageReport } from '../../shared/model/usage';
import { ClusterSession } from '../core/cluster-session';
import { ClusterStore } from '../store/cluster-store';
import { openContextSource } from './open-context';
import { pollUntil } from './testing/until';

const ROOT = resolve(__dirname, '../../..');
const NS = 'lab-usage';
const MI = 1024 ** 2;
let lab: Lab;

function kse(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, KUBECONFIG: lab.kubeconfigPath } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

interface Opened {
  session: ClusterSession;
  notices: Notice[];
  close(): Promise<void>;
}

/** A live session of `context` as the app opens one, usage polled every second. */
async function open(context: string): Promise<Opened> {
  const source = openContextSource(context, { kubeconfigEnv: lab.kubeconfigPath }, { requestTimeoutMs: 10_000, backoff: { initialMs: 300, maxMs: 2000 } });
  const store = new ClusterStore(`ctx:${context}`);
  const notices: Notice[] = [];
  const session = new ClusterSession({ id: `ctx:${context}`, name: context, source: 'context', connection: 'connecting' }, source, store, (n) => notices.push(n));
  session.usageOptions = { intervalMs: 1000, timeoutMs: 5000 };
  await session.start();
  await pollUntil('every kind settled', () => ALL_RESOURCES.every((k) => ['synced', 'absent', 'forbidden'].includes(store.kindState(k))), { timeoutMs: 60_000, intervalMs: 200 });
  return { session, notices, close: () => session.stop() };
}

const until = <T>(what: string, check: () => T, seen: () => string, timeoutMs = 30_000) => pollUntil(what, check, { timeoutMs, intervalMs: 200, seen });
const show = (r: UsageReport) => JSON.stringify({ access: r.access, message: r.message, nodes: r.nodes.map((n) => `${n.node}:${n.state}`), volumes: r.volumes.map((v) => `${v.key}=${v.usedBytes}`) });
const annotate = (used: string) => lab.client('admin').mergePatch(`/api/v1/namespaces/${NS}/persistentvolumeclaims/logs`, { metadata: { annotations: { [USED_BYTES_ANNOTATION]: used } } });

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, log: () => undefined });
  await lab.seedScenarios(['00-classes', '08-student', '13-usage']);
  const admin = lab.client('admin');
  await pollUntil('pod log-writer Running', async () => (await admin.get(`/api/v1/namespaces/${NS}/pods/log-writer`)).status?.phase === 'Running', { timeoutMs: 60_000, intervalMs: 300 });
});

afterAll(async () => {
  await lab?.stop();
});

describe('volume usage through the node proxy', () => {
  it('maps the claim by pvcRef and the emptyDir by pod and volume, follows the annotation, and announces what moved', async () => {
    const live = await open('lab-admin');
    try {
      const { session } = live;
      expect(session.usageReport().access).toMatch(/checking|allowed/); // the first call starts polling
      const first = await until('usage of lab-usage/logs', () => session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`), () => show(session.usageReport()));
      expect(first).toMatchObject({ kind: 'claim', claim: 'logs', pod: 'log-writer', volume: 'logs', capacityBytes: 1024 * MI, usedBytes: 900 * MI, availableBytes: 124 * MI });
      const cache = session.usageReport(NS).volumes.find((v) => v.key === `emptyDir:${NS}/log-writer/cache`);
      expect(cache).toMatchObject({ kind: 'emptyDir', sizeLimitBytes: 100 * MI, usedBytes: 92 * MI, node: first.node });
      expect(session.usageReport().access).toBe('allowed');
      expect(session.usageReport().nodes.map((n) => `${n.node}:${n.state}`)).toEqual(['lab-node-a1:ok', 'lab-node-a2:ok', 'lab-node-b1:ok']);

      live.notices.length = 0;
      await annotate('1000Mi');
      await until('1000Mi used', () => session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`)?.usedBytes === 1000 * MI, () => show(session.usageReport()));
      const notice = await until('a usage notice naming the claim', () => live.notices.find((n) => n.type === 'usage' && n.volumes?.includes(`claim:${NS}/logs`)), () => JSON.stringify(live.notices));
      expect(notice).toMatchObject({ type: 'usage', nodes: [first.node], access: false });
      // It names the claim alone, so the UI refetches that claim's details and rows, not every open panel.
      expect(notice.type === 'usage' && notice.objects).toEqual([{ kind: 'persistentvolumeclaims', namespace: NS, name: 'logs' }]);
      const history = session.usageHistory(`claim:${NS}/logs`).map((p) => p.usedBytes);
      expect(history[0]).toBe(900 * MI);
      expect(history.at(-1)).toBe(1000 * MI);
    } finally {
      await live.close();
      await annotate('900Mi');
    }
  });

  it('the interval the user sets applies at once: a node polled an hour apart is asked again soon after a 5 s interval is set', async () => {
    const live = await open('lab-admin');
    const { session } = live;
    try {
      // The user's setting, not the test's 1 s: an hour between polls, so nothing is asked twice unless the setting moves.
      session.usageOptions = { timeoutMs: 5000 };
      session.applyUsageSettings({ intervalMs: 3_600_000, warningPercent: 85, problemPercent: 95 });
      const first = await until('usage of lab-usage/logs', () => session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`), () => show(session.usageReport()));
      expect(session.usageReport().intervalMs).toBe(3_600_000);
      const polledAt = session.usageReport().nodes.find((n) => n.node === first.node)?.polledAt;
      await annotate('700Mi');
      // Still the old measurement: its node is not due for an hour.
      expect(session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`)?.usedBytes).toBe(first.usedBytes);
      session.applyUsageSettings({ intervalMs: 5_000, warningPercent: 85, problemPercent: 95 });
      expect(session.usageReport().intervalMs).toBe(5_000);
      // Asked again without waiting out the hour: the new value arrives, measured by a later poll of the node.
      await until('700Mi used', () => session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`)?.usedBytes === 700 * MI, () => show(session.usageReport()));
      const again = session.usageReport().nodes.find((n) => n.node === first.node)?.polledAt;
      expect(again && polledAt && again > polledAt).toBe(true);
    } finally {
      await live.close();
      await annotate('900Mi');
    }
  });

  it('stopping one node\'s kubelet stats makes usage unknown on that node only, named, and it recovers', async () => {
    const live = await open('lab-admin');
    const { session } = live;
    try {
      session.usageReport();
      const node = (await until('usage of the claim', () => session.usageReport(NS).volumes.find((v) => v.key === `claim:${NS}/logs`), () => show(session.usageReport()))).node;
      await lab.stopKubeletStats(node);
      const failed = await until(`${node} in error`, () => session.usageReport().nodes.find((n) => n.node === node && n.state === 'error'), () => show(session.usageReport()));
      expect(failed.error).toMatch(new RegExp(`nodes/${node}/proxy/stats/summary answered 5\\d\\d`));
      const report = session.usageReport();
      expect(report.nodes.filter((n) => n.node !== node).map((n) => n.state)).toEqual(['ok', 'ok']);
      expect(report.volumes.some((v) => v.node === node)).toBe(false); // unknown, not stale
      expect(report.access).toBe('allowed');
      // Retried after its backoff (twice the 1 s interval, growing), it answers again.
      await lab.startKubeletStats(node);
      await until(`${node} ok again`, () => session.usageReport().nodes.find((n) => n.node === node)?.state === 'ok', () => show(session.usageReport()));
      expect(session.usageReport(NS).volumes.some((v) => v.key === `claim:${NS}/logs`)).toBe(true);
    } finally {
      for (const n of ['lab-node-a1', 'lab-node-a2', 'lab-node-b1']) await lab.startKubeletStats(n).catch(() => undefined);
      await live.close();
    }
  });

  it('the student: no permission without nodes/proxy, usage with it, and no permission again once it is taken away', async () => {
    const admin = lab.client('admin');
    const live = await open('lab-student');
    const { session } = live;
    try {
      session.usageReport();
      await until('forbidden', () => session.usageReport().access === 'forbidden', () => show(session.usageReport()));
      expect(session.usageReport().message).toMatch(/No permission to read usage.*nodes\/proxy/);
      expect(session.usageReport().volumes).toEqual([]);

      await admin.apply({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'usage-reader' }, rules: [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }] });
      await admin.apply({
        apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'student-usage-reader' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'usage-reader' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'lab-student' }],
      });
      // The student reads no nodes; the nodes polled are those its pods run on (namespace student, scenario 08).
      await until('allowed, with the student\'s nodes polled', () => session.usageReport().access === 'allowed' && session.usageReport().nodes.some((n) => n.state === 'ok'), () => show(session.usageReport()));

      await admin.delete('/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/student-usage-reader');
      await until('forbidden again', () => session.usageReport().access === 'forbidden', () => show(session.usageReport()));
      expect(session.usageReport().volumes).toEqual([]);
    } finally {
      await live.close();
    }
  });

  it('kse df: the table, --json, --sort use, and exit 1 once a claim is 95 % full', async () => {
    const ok = await kse(['df', '--context', 'lab-admin', '--namespace', NS]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/NAMESPACE\s+CLAIM\s+VOLUME\s+NODE\s+CAPACITY\s+USED\s+AVAILABLE\s+USE %\s+INODES %/);
    expect(ok.stdout).toMatch(/lab-usage\s+logs\s+pvc-\S+\s+lab-node-\S+\s+1Gi\s+900Mi\s+124Mi\s+87%\s+0%/);
    expect(ok.stdout).toMatch(/lab-usage\s+-\s+log-writer\/cache\s+\S+\s+100Gi \(of sizeLimit 100Mi\)\s+92Mi\s+\S+Gi\s+92%/);

    await annotate('990Mi');
    const full = await kse(['df', '--context', 'lab-admin', '--json', '--sort', 'use']);
    expect(full.code, full.stderr).toBe(1);
    const parsed = JSON.parse(full.stdout) as { access: string; nodes: { node: string; state: string }[]; volumes: { namespace: string; claim?: string; usePercent?: number }[] };
    expect(parsed.access).toBe('allowed');
    expect(parsed.volumes[0]).toMatchObject({ namespace: NS, claim: 'logs', usePercent: 96 });
    expect(parsed.nodes.map((n) => n.state)).toEqual(['ok', 'ok', 'ok']);

    const student = await kse(['df', '--context', 'lab-student']);
    expect(student.code).toBe(2);
    expect(student.stderr).toContain('No permission to read usage');
    await annotate('900Mi');
  }, 120_000);
});
