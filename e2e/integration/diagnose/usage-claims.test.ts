/**
 * What the user sees of usage, read as the UI reads it, on the real lab: a live ClusterSession whose usage source
 * asks each node's kubelet stats through the real API server's node proxy (the lab's stats stand-in answers).
 * The Claims table's rows (session.listRows, sorted by Use % in the core), a claim's details (getObject: its usage
 * and inodes) and the trend findings follow claims filled by annotation:
 * - 'logs' (scenario 13-usage) filled step by step: its row, then claim.predicted-full;
 * - 'archive' (made here) kept at 2 % of 1 Gi: claim.over-provisioned once the session has seen enough history
 *   (the session's minimum is shortened to seconds for the test; the app's default is an hour).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, USED_BYTES_ANNOTATION, type Lab } from '../../cluster/lab';
import { ClusterSession } from '../../../src/main/core/cluster-session';
import { ClusterStore } from '../../../src/main/store/cluster-store';
import { openContextSource } from '../../../src/main/kube/open-context';
import { ALL_RESOURCES } from '../../../src/shared/kube/resource-registry';
import type { Finding } from '../../../src/shared/model/findings';
import type { ClaimRow } from '../../../src/shared/model/rows';
import { asRead, until } from './live';

const NS = 'lab-usage';
const MI = 1024 ** 2;
let lab: Lab;
let session: ClusterSession;
let latest: Finding[] = [];

const all = async (): Promise<Finding[]> => (latest = (await session.listFindings({ offset: 0, limit: 1000 })).rows.map(asRead));
const one = async (code: string, name: string) => (await all()).find((f) => f.code === code && f.object.name === name);
const seen = () => latest.map((f) => `${f.code}:${f.severity}:${f.object.name}`).join(', ');
const fill = (claim: string, used: string) => lab.client('admin').mergePatch(`/api/v1/namespaces/${NS}/persistentvolumeclaims/${claim}`, { metadata: { annotations: { [USED_BYTES_ANNOTATION]: used } } });
const claimRows = async (direction: 'asc' | 'desc' = 'desc') =>
  (await session.listRows({ clusterId: session.info.id, table: 'claims', namespaces: [NS], sort: { column: 'usePercent', direction }, offset: 0, limit: 100 })).rows as ClaimRow[];
const row = async (name: string) => (await claimRows()).find((r) => r.name === name);
const percentOf = (r: ClaimRow | undefined) => (r?.usage?.state === 'known' ? r.usage.usePercent : undefined);

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, log: () => undefined });
  await lab.seedScenarios(['00-classes', '13-usage']);
  const admin = lab.client('admin');
  await admin.create(`/api/v1/namespaces/${NS}/persistentvolumeclaims`, {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'archive', namespace: NS, annotations: { [USED_BYTES_ANNOTATION]: '20Mi' } },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  });
  await admin.create(`/api/v1/namespaces/${NS}/pods`, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'archive-reader', namespace: NS },
    spec: { containers: [{ name: 'app', image: 'busybox:1.37', volumeMounts: [{ name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'archive' } }] },
  });
  for (const pod of ['log-writer', 'archive-reader']) {
    await until(`pod ${pod} Running`, async () => (await admin.get(`/api/v1/namespaces/${NS}/pods/${pod}`)).status?.phase === 'Running', 90_000);
  }
  const source = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath }, { requestTimeoutMs: 10_000, backoff: { initialMs: 300, maxMs: 2000 } });
  const store = new ClusterStore('ctx:lab-admin');
  session = new ClusterSession({ id: 'ctx:lab-admin', name: 'lab-admin', source: 'context', connection: 'connecting' }, source, store, () => undefined);
  // History kept 75 s (the app keeps 2 h): the first test's full claim leaves the fit before the second fills it again.
  session.usageOptions = { intervalMs: 1000, timeoutMs: 5000, historyMs: 75_000, overProvisionedMinMs: 8000 };
  await session.start();
  await until('every kind settled', () => ALL_RESOURCES.every((k) => ['synced', 'absent', 'forbidden'].includes(store.kindState(k))), 60_000);
}, 240_000);

afterAll(async () => {
  await session?.stop();
  await lab?.stop();
});

describe('usage in the Claims table and the claim details on the lab', () => {
  it('rows carry Use %, Used and Free from the node proxy, sort by Use %, and follow an annotation', async () => {
    const logs = await until('logs measured', async () => ((await row('logs'))?.usage?.state === 'known' ? row('logs') : undefined), 30_000);
    expect(logs.usage).toMatchObject({ state: 'known', usedBytes: 900 * MI, capacityBytes: 1024 * MI, availableBytes: 124 * MI, usePercent: 87 });
    await until('archive measured', async () => percentOf(await row('archive')) !== undefined, 30_000);
    // Sorted in the core: the fullest first, then back the other way.
    expect((await claimRows('desc')).map((r) => r.name)).toEqual(['logs', 'archive']);
    expect((await claimRows('asc')).map((r) => r.name)).toEqual(['archive', 'logs']);
    await fill('logs', '1000Mi');
    await until('logs row at 97 %', async () => percentOf(await row('logs')) === 97, 30_000);
    // Its row's finding badge counts the usage finding (the store alone has none for it).
    expect((await row('logs'))?.badge).toMatchObject({ severity: 'problem', code: 'claim.nearly-full' });
    const detail = await session.getObject({ kind: 'persistentvolumeclaims', namespace: NS, name: 'logs' });
    expect(detail?.usage?.key).toBe('claim:lab-usage/logs');
    expect(detail?.usage?.claim).toMatchObject({ state: 'known', usePercent: 97, inodesPercent: 0 });
    expect(detail?.findings.map((f) => f.code)).toContain('claim.nearly-full');
  });

  it('a claim filling up steadily is predicted full within 24 h, from the history the session kept', async () => {
    // 10 MiB every 4 s for over a minute (the trend needs a minute of measurements): full in minutes.
    let used = 300;
    await fill('logs', `${used}Mi`);
    const started = Date.now();
    const f = await until(
      'claim.predicted-full on logs',
      async () => {
        if (Date.now() - started > 4000 * ((used - 300) / 10 + 1)) {
          used += 10;
          await fill('logs', `${used}Mi`);
        }
        return one('claim.predicted-full', 'logs');
      },
      150_000,
      seen,
    );
    expect(f.severity).toBe('warning');
    expect(f.cause.en).toMatch(/^Claim logs grew by about [\d.]+(Mi|Gi) an hour over the last \d+ min: at that rate it is full in about \d+ h/);
    expect(f.evidence.find((e) => e.label.en === 'History seen')?.note?.en).toContain('one every 1 s');
    expect(session.usageHistory('claim:lab-usage/logs').length).toBeGreaterThan(30);
    // Emptied, it stops rising: the prediction goes (the old points leave the fit only as usage falls).
    await fill('logs', '100Mi');
    await until('claim.predicted-full gone', async () => !(await one('claim.predicted-full', 'logs')), 90_000, seen);
  }, 300_000);

  it('a claim under 2 % all along is over-provisioned, as far as the session has seen', async () => {
    const f = await until('claim.over-provisioned on archive', () => one('claim.over-provisioned', 'archive'), 60_000, seen);
    expect(f.severity).toBe('info');
    expect(f.cause.en).toMatch(/^Claim archive used at most 1 % of its 1Gi \(20Mi\) over the \d+ min of measurements the app has of it\. How full it was before them is unknown/);
    expect(f.lesson).toBe('volume-usage');
    // Filled past 10 % once, it is no longer claimed over-provisioned.
    await fill('archive', '200Mi');
    await until('claim.over-provisioned gone', async () => !(await one('claim.over-provisioned', 'archive')), 30_000, seen);
  });
});
