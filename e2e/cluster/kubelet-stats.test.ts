/**
 * The kubelet stats stand-in behind the real API server's node proxy: GET /api/v1/nodes/<node>/proxy/stats/summary
 * goes API server -> node proxy -> the stand-in over mutual TLS (the API server verifies the stand-in's serving
 * certificate with --kubelet-certificate-authority). Annotations drive the values; stopping a node's listener
 * fails that node only; a user without nodes/proxy is refused by the API server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLab, USED_BYTES_ANNOTATION, type Lab } from './lab';
import { emptyDirUsed, parseBytes } from './kubelet-stats';
import type { KubeClient } from './kube';

let lab: Lab;
let admin: KubeClient;
const NS = 'lab-usage';

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
const summary = async (node: string) => {
  const r = await admin.raw('GET', `/api/v1/nodes/${node}/proxy/stats/summary`);
  return { status: r.status, text: r.text, json: r.status === 200 ? JSON.parse(r.text) : undefined };
};

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false });
  admin = lab.client('admin');
  await lab.seedScenarios(['00-classes', '13-usage']);
  await waitUntil('pod log-writer Running', async () => (await admin.get(`/api/v1/namespaces/${NS}/pods/log-writer`)).status?.phase === 'Running');
});
afterAll(async () => {
  await lab?.stop();
});

describe('annotation values', () => {
  test('quantities and per-volume usage', () => {
    expect(parseBytes('900Mi')).toBe(900 * 1024 ** 2);
    expect(parseBytes('2G')).toBe(2e9);
    expect(parseBytes('lots')).toBeUndefined();
    expect(emptyDirUsed('cache=92Mi,tmp=1Ki', 'tmp')).toBe(1024);
    expect(emptyDirUsed('5Mi', 'any')).toBe(5 * 1024 ** 2);
    expect(emptyDirUsed(undefined, 'any')).toBe(0);
  });
});

describe('kubelet stats stand-in through the node proxy', () => {
  test('the nodes advertise the stand-in, and the summary has the kubelet Summary API shape', async () => {
    expect(lab.kubeletAddress, 'this host has no non-loopback IPv4 address').toBeTruthy();
    const pod = await admin.get(`/api/v1/namespaces/${NS}/pods/log-writer`);
    const node = await admin.get(`/api/v1/nodes/${pod.spec.nodeName}`);
    expect(node.status.addresses.find((a: any) => a.type === 'InternalIP').address).toBe(lab.kubeletAddress);
    expect(node.status.daemonEndpoints.kubeletEndpoint.Port).toBeGreaterThan(0);
    const s = await summary(pod.spec.nodeName);
    expect(s.status, s.text).toBe(200);
    expect(s.json.node.nodeName).toBe(pod.spec.nodeName);
    expect(s.json.node.fs.capacityBytes).toBe(100 * 1024 ** 3);
    const p = s.json.pods.find((x: any) => x.podRef.name === 'log-writer');
    expect(p.podRef).toEqual({ name: 'log-writer', namespace: NS, uid: pod.metadata.uid });
    const logs = p.volume.find((v: any) => v.name === 'logs');
    expect(logs).toMatchObject({ pvcRef: { name: 'logs', namespace: NS }, capacityBytes: 1024 ** 3, usedBytes: 900 * 1024 ** 2, availableBytes: 124 * 1024 ** 2 });
    expect(logs.inodes).toBe(65536);
    const cache = p.volume.find((v: any) => v.name === 'cache');
    expect(cache.pvcRef).toBeUndefined();
    expect(cache.usedBytes).toBe(92 * 1024 ** 2);
  });

  test('filling the claim by annotation changes what the next summary reports', async () => {
    await admin.mergePatch(`/api/v1/namespaces/${NS}/persistentvolumeclaims/logs`, { metadata: { annotations: { [USED_BYTES_ANNOTATION]: '1000Mi' } } });
    const pod = await admin.get(`/api/v1/namespaces/${NS}/pods/log-writer`);
    const s = await summary(pod.spec.nodeName);
    const logs = s.json.pods.find((x: any) => x.podRef.name === 'log-writer').volume.find((v: any) => v.name === 'logs');
    expect(logs.usedBytes).toBe(1000 * 1024 ** 2);
  });

  test('the student has no nodes/proxy: the API server refuses before any kubelet is asked', async () => {
    const r = await lab.client('student').raw('GET', '/api/v1/nodes/lab-node-a1/proxy/stats/summary');
    expect(r.status).toBe(403);
    expect(r.text).toContain('nodes/proxy');
  });

  test('stopping one node\'s listener fails that node only, and starting it again recovers', async () => {
    await lab.stopKubeletStats('lab-node-a2');
    const down = await summary('lab-node-a2');
    expect(down.status).toBeGreaterThanOrEqual(500);
    expect((await summary('lab-node-a1')).status).toBe(200);
    expect((await summary('lab-node-b1')).status).toBe(200);
    await lab.startKubeletStats('lab-node-a2');
    expect((await summary('lab-node-a2')).status).toBe(200);
  });

  test('a stranger without the API server\'s client certificate is refused by the stand-in', async () => {
    const port = lab.kubeletPorts.get('lab-node-a1')!;
    const err = await fetch(`https://${lab.kubeletAddress}:${port}/stats/summary`, { signal: AbortSignal.timeout(5000) }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
  });
});
