/**
 * The web host in-process over the real core, kube file sources and store, on a snapshot built from objects
 * captured from the lab: every contract method over HTTP with and without the token, and notices over WS.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { METHOD_NAMES, type MethodName, type Notice } from '../../../shared/contract';
import type { KubeObject } from '../../../shared/kube/objects';
import { ALL_RESOURCES, type Resource } from '../../../shared/kube/resource-registry';
import { TOKEN_HEADER, WS_PROTOCOL, tokenProtocol } from '../../../shared/transport';
import { Core } from '../../core/core';
import { createCoreDeps } from '../../core/wiring';
import { startWebHost, type WebHost } from './server';

const ROOT = resolve(__dirname, '../../../..');
const CAPTURE = join(ROOT, 'src/shared/diagnose/testing/lab-capture.json');

let core: Core;
let host: WebHost;
let snapshotText: string;
let claimCount = 0;

/** A kse snapshot of the captured lab objects (kinds not captured are "absent"). */
async function snapshotFromCapture(): Promise<string> {
  const capture = JSON.parse(await readFile(CAPTURE, 'utf8')) as { capturedAt: string; objects: Partial<Record<Resource, KubeObject[]>> };
  claimCount = capture.objects.persistentvolumeclaims?.length ?? 0;
  const kinds = Object.fromEntries(
    ALL_RESOURCES.map((kind) => {
      const items = capture.objects[kind];
      return [kind, items ? { state: 'synced', items } : { state: 'absent', items: [], message: 'not captured' }];
    }),
  );
  return JSON.stringify({ format: 'kse-snapshot', version: 1, capturedAt: capture.capturedAt, context: 'lab-capture', kinds });
}

async function post(method: string, body: unknown, token: string | null = host.token): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string; ru?: string } } }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers[TOKEN_HEADER] = token;
  const response = await fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as never };
}

function noticeSocket(token: string): Promise<{ ws: WebSocket; notices: Notice[] }> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/notices`, [WS_PROTOCOL, tokenProtocol(token)], { headers: { Origin: `http://127.0.0.1:${host.port}` } });
    const notices: Notice[] = [];
    ws.on('message', (data) => notices.push(JSON.parse(String(data)) as Notice));
    ws.on('open', () => done({ ws, notices }));
    ws.on('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', fail);
  });
}

async function waitFor<T>(probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  snapshotText = await snapshotFromCapture();
  const resourcesDir = join(ROOT, 'resources');
  // No kubeconfig: the test must not depend on (or touch) the machine's clusters.
  const kubeconfigEnv = join(await mkdtemp(join(tmpdir(), 'kse-int-')), 'absent-kubeconfig');
  core = new Core({ deps: createCoreDeps({ resourcesDir, kubeconfig: { kubeconfigEnv } }), resourcesDir, version: 'test', transport: 'web', autoOpenDemo: false, noticeIntervalMs: 50 });
  await core.start();
  let rendererDir = join(ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    rendererDir = await mkdtemp(join(tmpdir(), 'kse-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Kube Storage Explorer</title>');
  }
  host = await startWebHost({ core, rendererDir });
});

afterAll(async () => {
  await host?.close();
  await core?.close();
});

describe('web host over the real core', () => {
  it('serves the UI page with its CSP', async () => {
    const response = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Kube Storage Explorer');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('answers every contract method with the token and none without it, and pushes notices', async () => {
    const refused = await new Promise<number>((done) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/notices`, [WS_PROTOCOL, tokenProtocol('0'.repeat(64))]);
      ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
      ws.on('open', () => done(101));
    });
    expect(refused).toBe(401);
    const { ws, notices } = await noticeSocket(host.token);

    const opened = await post('openSnapshot', { fileName: 'lab-capture.json', content: snapshotText });
    expect(opened.status).toBe(200);
    const clusterId = (opened.body.value as { id: string }).id;
    const claim = { kind: 'persistentvolumeclaims', namespace: 'lab-stuck', name: 'missing-class' };
    const requests: Record<MethodName, unknown> = {
      listClusters: {},
      kubeconfigProblems: {},
      openCluster: { clusterId },
      controlReplay: { clusterId, action: 'pause' },
      openSnapshot: { fileName: 'lab-capture.json', content: snapshotText },
      clusterStatus: { clusterId },
      addNamespace: { clusterId, namespace: 'team-a' },
      listRows: { clusterId, table: 'claims', offset: 0, limit: 100 },
      locateRow: { clusterId, table: 'claims', filters: { phase: 'Pending' }, ref: claim },
      getObject: { clusterId, ref: claim },
      getProvisioner: { clusterId, name: 'hostpath.lab.kse.dev' },
      getGraph: { clusterId, root: claim },
      getOverview: { clusterId },
      listFindings: { clusterId, offset: 0, limit: 100 },
      getUsage: { clusterId },
      getUsageHistory: { clusterId, key: 'claim:lab-stuck/missing-class' },
      getUsageSettings: {},
      setUsageSettings: { intervalMs: 30_000 },
      getReport: { clusterId, namespace: 'lab-stuck', format: 'html', lang: 'ru' },
      exportSnapshot: { clusterId },
      getFleet: {},
      // No contexts in this host's kubeconfig: choosing none is the one valid choice (and a concurrency).
      setFleetChoices: { watched: [], concurrency: 2 },
      getLessons: { lang: 'ru' },
      listExercises: { lang: 'ru' },
      checkExercise: { clusterId, exercise: 'stuck-claims' },
      about: {},
      closeCluster: { clusterId },
    };
    const answers = new Map<MethodName, Awaited<ReturnType<typeof post>>>();
    for (const method of METHOD_NAMES) {
      const without = await post(method, requests[method], null);
      expect(without.status, `${method} without token`).toBe(401);
      const wrong = await post(method, requests[method], 'f'.repeat(64));
      expect(wrong.status, `${method} with a wrong token`).toBe(401);
    }
    // closeCluster last, so every other method sees the open cluster.
    for (const method of [...METHOD_NAMES.filter((m) => m !== 'closeCluster'), 'closeCluster' as const]) {
      answers.set(method, await post(method, requests[method]));
    }
    expect([...answers.keys()].sort()).toEqual([...METHOD_NAMES].sort());

    for (const [method, answer] of answers) {
      // A snapshot has no namespaces to add and no replay to control: clear refusals, checked below.
      if (method === 'addNamespace' || method === 'controlReplay') continue;
      expect(answer.status, `${method}: ${JSON.stringify(answer.body.error)}`).toBe(200);
    }
    expect(answers.get('addNamespace')).toMatchObject({ status: 503, body: { ok: false, error: { code: 'unavailable' } } });
    expect(answers.get('controlReplay')).toMatchObject({ status: 503, body: { ok: false, error: { code: 'unavailable', message: expect.stringContaining('not a recording') } } });
    expect(answers.get('clusterStatus')?.body.value).toMatchObject({ synced: true, cluster: { source: 'snapshot', connection: 'offline' } });
    expect(answers.get('listRows')?.body.value).toMatchObject({ total: claimCount });
    expect(answers.get('locateRow')?.body.value).toMatchObject({ index: expect.any(Number) });
    expect((answers.get('locateRow')?.body.value as { index: number }).index).toBeGreaterThanOrEqual(0);
    const detail = answers.get('getObject')?.body.value as { yaml: string; findings: { code: string }[]; summary: { id: string }[] };
    expect(detail.yaml).toContain('missing-class');
    expect(detail.yaml.startsWith('apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n')).toBe(true);
    expect(detail.summary.map((f) => f.id)).toContain('storageClass');
    expect(detail.findings.length).toBeGreaterThan(0);
    expect((answers.get('getGraph')?.body.value as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
    expect((answers.get('listFindings')?.body.value as { total: number }).total).toBeGreaterThan(0);
    expect((answers.get('getOverview')?.body.value as { findings: { problem: number } }).findings.problem).toBeGreaterThan(0);
    expect((answers.get('getLessons')?.body.value as { lang: string }).lang).toBe('ru');
    const report = answers.get('getReport')?.body.value as { fileName: string; mimeType: string; content: string };
    expect(report.mimeType).toBe('text/html;charset=utf-8');
    expect(report.fileName).toMatch(/^kse-report-.*-lab-stuck-.*\.html$/);
    expect(report.content).toContain('Отчёт о хранилище');
    expect(report.content).toContain('missing-class');
    const exported = answers.get('exportSnapshot')?.body.value as { fileName: string; content: string };
    expect(exported.fileName).toMatch(/^kse-.*\.json$/);
    expect((JSON.parse(exported.content) as { format: string; kinds: { persistentvolumeclaims: { items: unknown[] } } }).kinds.persistentvolumeclaims.items).toHaveLength(claimCount);
    expect(answers.get('about')?.body.value).toMatchObject({ version: 'test', transport: 'web' });
    expect(answers.get('setFleetChoices')?.body.value).toMatchObject({ concurrency: 2 });
    const exercises = answers.get('listExercises')?.body.value as { lang: string; text: { title: string } }[];
    expect(exercises).toHaveLength(10);
    expect(exercises[0]?.lang).toBe('ru');
    // The capture holds no exercise namespace: every step is explained as not done, over the same contract call.
    const checked = answers.get('checkExercise')?.body.value as { namespace: string; done: boolean; steps: { state: string; explanation: { ru: string } }[] };
    expect(checked).toMatchObject({ namespace: 'ex-stuck', done: false });
    expect(checked.steps.length).toBeGreaterThan(0);
    for (const step of checked.steps) expect(step.explanation.ru).toContain('ex-stuck');

    // Opening and closing changed the cluster list: the socket was told.
    await waitFor(() => notices.find((n) => n.type === 'clusters'));
    ws.close();
  });

  it('refuses malformed calls with what is wrong', async () => {
    const bad = await post('listRows', { clusterId: 'x', table: 'claims', offset: 0, limit: 0 });
    expect(bad).toEqual({ status: 400, body: { ok: false, error: { code: 'bad-request', message: 'listRows: limit must be between 1 and 1000, got 0.' } } });
    const notSnapshot = await post('openSnapshot', { fileName: 'notes.json', content: '{"hello":1}' });
    expect(notSnapshot.status).toBe(400);
    expect(notSnapshot.body.error?.message).toMatch(/^notes\.json cannot be opened: /);
    // The Russian wording crosses the wire beside the English (ContractError.ru).
    expect(notSnapshot.body.error?.ru).toMatch(/^notes\.json — неисправный снимок kse: /);
  });
});
