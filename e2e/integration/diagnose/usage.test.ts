/**
 * Usage findings on the real lab, read as the app reads them: a live ClusterSession (ContextSource -> ClusterStore)
 * whose usage source asks every node's kubelet stats through the real API server's node proxy, answered by the
 * lab's kubelet stats stand-in. The claim is filled and its inodes used by annotations, the emptyDir by the pod's
 * annotation (scenario 13-usage: 92 of 100 Mi), a pod's containers' writes by its container annotation against
 * their ephemeral-storage limit, and one node's stand-in is stopped. Findings are read with the
 * session's listFindings (what the UI and `kse doctor` read) and getObject (the details).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTAINER_USED_BYTES_ANNOTATION, INODES_USED_ANNOTATION, startLab, USED_BYTES_ANNOTATION, type Lab } from '../../cluster/lab';
import { ClusterSession } from '../../../src/main/core/cluster-session';
import { ClusterStore } from '../../../src/main/store/cluster-store';
import { openContextSource } from '../../../src/main/kube/open-context';
import { ALL_RESOURCES } from '../../../src/shared/kube/resource-registry';
import type { Finding } from '../../../src/shared/model/findings';
import { asRead, until } from './live';

const NS = 'lab-usage';
let lab: Lab;
let session: ClusterSession;

let latest: Finding[] = [];
const all = async (): Promise<Finding[]> => (latest = (await session.listFindings({ offset: 0, limit: 1000 })).rows.map(asRead));
const one = async (code: string, name: string) => (await all()).find((f) => f.code === code && f.object.name === name);
const seen = () => latest.map((f) => `${f.code}:${f.severity}:${f.object.name}`).join(', ');
const annotateClaim = (annotations: Record<string, string>) =>
  lab.client('admin').mergePatch(`/api/v1/namespaces/${NS}/persistentvolumeclaims/logs`, { metadata: { annotations } });

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, log: () => undefined });
  await lab.seedScenarios(['00-classes', '13-usage']);
  await until('pod log-writer Running', async () => (await lab.client('admin').get(`/api/v1/namespaces/${NS}/pods/log-writer`)).status?.phase === 'Running', 60_000);
  const source = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath }, { requestTimeoutMs: 10_000, backoff: { initialMs: 300, maxMs: 2000 } });
  const store = new ClusterStore('ctx:lab-admin');
  session = new ClusterSession({ id: 'ctx:lab-admin', name: 'lab-admin', source: 'context', connection: 'connecting' }, source, store, () => undefined);
  session.usageOptions = { intervalMs: 1000, timeoutMs: 5000 };
  await session.start();
  await until('every kind settled', () => ALL_RESOURCES.every((k) => ['synced', 'absent', 'forbidden'].includes(store.kindState(k))), 60_000);
});

afterAll(async () => {
  await session?.stop();
  await lab?.stop();
});

describe('usage findings on the lab', () => {
  it('the seeded claim at 87.9 % is nearly full (warning); filled to 97 % it is a problem, and the details show it', async () => {
    const warning = await until('claim.nearly-full on logs', () => one('claim.nearly-full', 'logs'), 30_000, seen);
    expect(warning.severity).toBe('warning');
    expect(warning.cause.en).toBe('Claim logs is 87 % full (900Mi of 1Gi): when it is full, writes fail with "No space left on device".');
    await annotateClaim({ [USED_BYTES_ANNOTATION]: '1000Mi' });
    const problem = await until('claim.nearly-full a problem', () => one('claim.nearly-full', 'logs').then((f) => (f?.severity === 'problem' ? f : undefined)), 30_000, seen);
    expect(problem.cause.en).toContain('is 97 % full');
    const detail = await session.getObject({ kind: 'persistentvolumeclaims', namespace: NS, name: 'logs' });
    expect(detail?.findings.map((f) => f.code)).toContain('claim.nearly-full');
    await annotateClaim({ [USED_BYTES_ANNOTATION]: '100Mi' });
    await until('claim.nearly-full gone at 9 %', async () => !(await one('claim.nearly-full', 'logs')), 30_000, seen);
  });

  it('inodes nearly exhausted', async () => {
    await annotateClaim({ [INODES_USED_ANNOTATION]: '64000' }); // of 65536 (1 GiB / 16 KiB)
    const f = await until('claim.inodes-nearly-exhausted', () => one('claim.inodes-nearly-exhausted', 'logs'), 30_000, seen);
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toContain('(64000 of 65536)');
    await annotateClaim({ [INODES_USED_ANNOTATION]: '1' });
    await until('inodes finding gone', async () => !(await one('claim.inodes-nearly-exhausted', 'logs')), 30_000, seen);
  });

  it('the emptyDir at 92 of its 100 Mi sizeLimit: the pod will be evicted', async () => {
    const f = await until('pod.emptydir-near-limit', () => one('pod.emptydir-near-limit', 'log-writer'), 30_000, seen);
    expect(f.severity).toBe('warning');
    expect(f.cause.en).toBe("emptyDir cache of pod log-writer holds 92Mi, 92 % of its sizeLimit 100Mi: past the limit the kubelet evicts the pod, and the emptyDir's data is lost with it.");
    expect(f.evidence.map((e) => e.source)).toContain('spec.volumes[name=cache].emptyDir.sizeLimit');
  });

  it("a pod's ephemeral storage near its containers' limit: warning at 90 %, a problem at 97 %, in its details", async () => {
    const admin = lab.client('admin');
    // 160 Mi limit (100 + 60): the kubelet sums the containers' limits (eviction_manager.go podEphemeralStorageLimitEviction).
    await admin.apply({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'scratch-writer', namespace: NS, annotations: { [CONTAINER_USED_BYTES_ANNOTATION]: 'build=140Mi,sidecar=4Mi' } },
      spec: {
        containers: [
          { name: 'build', image: 'busybox:1.37', resources: { limits: { 'ephemeral-storage': '100Mi' } } },
          { name: 'sidecar', image: 'busybox:1.37', resources: { limits: { 'ephemeral-storage': '60Mi' } } },
        ],
      },
    });
    try {
      await until('pod scratch-writer Running', async () => (await admin.get(`/api/v1/namespaces/${NS}/pods/scratch-writer`)).status?.phase === 'Running', 60_000);
      const warning = await until('pod.ephemeral-storage-near-limit', () => one('pod.ephemeral-storage-near-limit', 'scratch-writer'), 30_000, seen);
      expect(warning.severity).toBe('warning');
      expect(warning.cause.en).toBe('Pod scratch-writer uses 144Mi of ephemeral storage, 90 % of its containers\' ephemeral-storage limit 160Mi: its containers\' writable layers and logs and its emptyDirs on disk all count. Past the limit the kubelet evicts the pod ("Pod ephemeral local storage usage exceeds the total limit of containers 160Mi.").');
      expect(warning.evidence[0]!.source).toMatch(/^\/api\/v1\/nodes\/[^/]+\/proxy\/stats\/summary pods\[podRef.name=scratch-writer\]\.ephemeral-storage\.usedBytes$/);
      await admin.mergePatch(`/api/v1/namespaces/${NS}/pods/scratch-writer`, { metadata: { annotations: { [CONTAINER_USED_BYTES_ANNOTATION]: 'build=150Mi,sidecar=6Mi' } } });
      await until('a problem at 97 %', () => one('pod.ephemeral-storage-near-limit', 'scratch-writer').then((f) => (f?.severity === 'problem' ? f : undefined)), 30_000, seen);
      const detail = await session.getObject({ kind: 'pods', namespace: NS, name: 'scratch-writer' });
      expect(detail?.findings.map((f) => f.code)).toContain('pod.ephemeral-storage-near-limit');
      // A pod without a limit has nothing to be evicted against: log-writer writes nothing outside its volumes.
      expect(await one('pod.ephemeral-storage-near-limit', 'log-writer')).toBeUndefined();
    } finally {
      await admin.delete(`/api/v1/namespaces/${NS}/pods/scratch-writer`).catch(() => undefined);
    }
  });

  it('usage unknown on a node whose kubelet stats stopped, that node only', async () => {
    const node = (await lab.client('admin').get(`/api/v1/namespaces/${NS}/pods/log-writer`)).spec.nodeName as string;
    await lab.stopKubeletStats(node);
    try {
      const f = await until(`node.usage-unknown on ${node}`, () => one('node.usage-unknown', node), 30_000, seen);
      expect(f.cause.en).toContain(`Volume usage on node ${node} is unknown`);
      expect(f.evidence[0]!.value).toMatch(/proxy\/stats\/summary answered 5\d\d/);
      expect((await all()).filter((x) => x.code === 'node.usage-unknown').map((x) => x.object.name)).toEqual([node]);
      // The volumes there are unknown, so their findings are gone rather than stale.
      expect(await one('pod.emptydir-near-limit', 'log-writer')).toBeUndefined();
    } finally {
      await lab.startKubeletStats(node);
    }
    // The failing node's backoff has grown while it failed (2 s doubling, up to 5 min: usage-source.ts); a poll of
    // every node now, as `kse df` asks, reads it at once instead of waiting out a backoff that a loaded machine
    // stretched past this wait (seen in a clean-clone run).
    await session.pollUsage();
    await until('node.usage-unknown gone', async () => !(await one('node.usage-unknown', node)), 30_000, seen);
  });
});
