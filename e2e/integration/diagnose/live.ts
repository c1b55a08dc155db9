/**
 * The app's real pipeline over the lab, for the diagnosis integration tests: a live kubeconfig context
 * (ContextSource: list + watch) feeding a ClusterStore, findings read back with the store's own query
 * (listFindings, as the UI and `kse doctor` read them) and, for cross-checks, the pure diagnoseObject.
 * Helpers to create objects as lab-admin, pause a control-plane process and wait for a finding; nothing here
 * decides a finding itself. Manifests are in manifests.ts.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startLab, type Lab } from '../../cluster/lab';
import type { LabOptions } from '../../cluster/lab-types';
import type { KubeObject } from '../../cluster/kube';
import { openContextSource } from '../../../src/main/kube/open-context';
import type { ContextSource } from '../../../src/main/kube/context-source';
import { ClusterStore } from '../../../src/main/store/cluster-store';
import { ALL_RESOURCES } from '../../../src/shared/kube/resource-registry';
import { diagnoseObject } from '../../../src/shared/diagnose';
import type { Finding, Localized } from '../../../src/shared/model/findings';
import { plainText } from '../../../src/shared/verbatim';
import { sameRef, type ObjectRef } from '../../../src/shared/model/refs';
import type { ProvisionerRow } from '../../../src/shared/model/rows';
import { pollUntil } from '../../../src/main/kube/testing/until';

const ROOT = resolve(__dirname, '../../..');

export interface LiveCluster {
  store: ClusterStore;
  source: ContextSource;
  /** Every finding the store holds now about this object (listFindings, the app's query). */
  findingsOf(ref: ObjectRef): Finding[];
  /** The one finding with this code about this object, or undefined. */
  finding(ref: ObjectRef, code: string): Finding | undefined;
  /** Waits until the object has a finding with this code (the store follows the cluster through its watches). */
  waitFor(ref: ObjectRef, code: string, timeoutMs?: number): Promise<Finding>;
  /** Waits until the object has no finding with this code. */
  waitGone(ref: ObjectRef, code: string, timeoutMs?: number): Promise<void>;
  /** The provisioners table row, as the UI and doctor show it. */
  provisioner(name: string): ProvisionerRow | undefined;
  close(): Promise<void>;
}

/**
 * One lab and the app's live pipeline over it for a test file: started in the file's beforeAll (quietly, with
 * `options`), handed to `bind` so the file keeps them in its own variables, then `setup` (objects every test of the
 * file needs); closed and stopped in afterAll, also when the start failed half-way.
 */
export function useLab(options: Omit<LabOptions, 'log'>, bind: (lab: Lab, live: LiveCluster) => void, setup?: (lab: Lab) => Promise<void>): void {
  let lab: Lab | undefined;
  let live: LiveCluster | undefined;
  beforeAll(async () => {
    lab = await startLab({ ...options, log: () => undefined });
    live = await openLive(lab);
    bind(lab, live);
    await setup?.(lab);
  });
  afterAll(async () => {
    await live?.close();
    await lab?.stop();
  });
}

/**
 * Opens `context` of the lab's kubeconfig (or of another kubeconfig file, e.g. one for a service account the test
 * made) as the app does and resolves once every kind has settled.
 */
export async function openLive(lab: Lab, context = 'lab-admin', kubeconfigPath = lab.kubeconfigPath): Promise<LiveCluster> {
  const source = openContextSource(context, { kubeconfigEnv: kubeconfigPath }, { requestTimeoutMs: 10_000, backoff: { initialMs: 300, maxMs: 2000 } });
  const store = new ClusterStore(`ctx:${context}`);
  // The app listens to change notices; that also starts the store's periodic provisioner re-assessment.
  const unsubscribe = store.onChange(() => undefined);
  await source.start(store);
  // Settled: synced, not served, or (for a namespace-limited user) not readable.
  await until('every kind settled', () => ALL_RESOURCES.every((k) => ['synced', 'absent', 'forbidden'].includes(store.kindState(k))), 60_000);

  const findingsOf = (ref: ObjectRef) =>
    store
      .listFindings({ offset: 0, limit: 100_000, ...(ref.namespace ? { namespace: ref.namespace } : {}) })
      .rows.filter((f) => sameRef(f.object, ref))
      .map(asRead);
  const finding = (ref: ObjectRef, code: string) => findingsOf(ref).find((f) => f.code === code);
  return {
    store,
    source,
    findingsOf,
    finding,
    waitFor: (ref, code, timeoutMs = 30_000) =>
      until(`${code} on ${describeRef(ref)}`, () => finding(ref, code), timeoutMs, () => `it has: ${codes(findingsOf(ref)).join(', ') || 'no findings'}`),
    waitGone: async (ref, code, timeoutMs = 30_000) => {
      await until(`${code} gone from ${describeRef(ref)}`, () => !finding(ref, code), timeoutMs);
    },
    provisioner: (name) => store.listRows({ clusterId: store.clusterId, table: 'provisioners', offset: 0, limit: 1000 }).rows.find((r) => (r as ProvisionerRow).name === name) as ProvisionerRow | undefined,
    close: async () => {
      unsubscribe();
      await source.stop();
      store.dispose();
    },
  };
}

/**
 * A finding's texts as a person reads them: without the invisible isolate marks around cluster values
 * (src/shared/verbatim.ts; the UI shows those values untranslated, the unit tests check the marks).
 */
export function asRead(f: Finding): Finding {
  const plain = (text: Localized): Localized => ({ en: plainText(text.en), ru: plainText(text.ru) });
  return {
    ...f,
    cause: plain(f.cause),
    evidence: f.evidence.map((e) => ({ ...e, label: plain(e.label), ...(e.note ? { note: plain(e.note) } : {}) })),
    fix: f.fix.map((step) => ({ ...step, text: plain(step.text) })),
  };
}

/** The codes of the findings, for messages and set comparisons. */
export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** The pure rules over the same store agree with what the store's findings cache serves (codes only: texts hold ages). */
export function expectCacheAgrees(live: LiveCluster, ref: ObjectRef): void {
  expect(codes(diagnoseObject(live.store, ref)).sort(), `diagnoseObject vs listFindings for ${describeRef(ref)}`).toEqual(codes(live.findingsOf(ref)).sort());
}

/** All evidence of a finding as "label: value note" lines, for matching ("Class asked for: not set"). */
export function evidenceLines(f: Finding): string[] {
  // An object's fields (facts) follow as "Label value" pairs: "Volume: pv-1 (Capacity 3Gi, Access modes ReadWriteOnce, ...)".
  const facts = (e: Finding['evidence'][number]) => (e.facts?.length ? `(${e.facts.map((x) => `${x.label.en} ${[x.value, x.note?.en].filter(Boolean).join(' ')}`).join(', ')})` : '');
  return f.evidence.map((e) => `${e.label.en}: ${[e.value, facts(e), e.note?.en].filter(Boolean).join(' ')}`);
}

export function describeRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

export const claimRef = (namespace: string, name: string): ObjectRef => ({ kind: 'persistentvolumeclaims', namespace, name });
export const podRef = (namespace: string, name: string): ObjectRef => ({ kind: 'pods', namespace, name });
export const volumeRef = (name: string): ObjectRef => ({ kind: 'persistentvolumes', name });
export const classRef = (name: string): ObjectRef => ({ kind: 'storageclasses', name });

/** Polls until `check` returns a truthy value; the timeout message says what was awaited and what was seen. */
export function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, seen?: () => string): Promise<NonNullable<T>> {
  return pollUntil(what, check, { timeoutMs, intervalMs: 200, ...(seen ? { seen } : {}) });
}

/**
 * Runs `work` while a control-plane process is paused (SIGSTOP), to see states its controllers resolve in
 * milliseconds. Keep it to a few seconds: the process exits (and is restarted) when it cannot renew its leader
 * Lease for 10 s.
 */
export async function paused<T>(lab: Lab, component: 'kube-scheduler' | 'kube-controller-manager', work: () => Promise<T>): Promise<T> {
  const pid = lab.pids()[component];
  if (!pid) throw new Error(`${component} is not running`);
  process.kill(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/** Creates (server-side apply, as lab-admin) each object in order. */
export async function apply(lab: Lab, ...objects: KubeObject[]): Promise<void> {
  for (const o of objects) await lab.client('admin').apply(o);
}

export async function namespace(lab: Lab, name: string): Promise<string> {
  await apply(lab, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return name;
}

// --- the kse command ----------------------------------------------------------------------------------------------------

export interface DoctorReport {
  cluster: string;
  findings: Finding[];
  provisioners: ProvisionerRow[];
}

/** Runs `kse` as users do (node bin/kse.mjs) with the lab's kubeconfig. */
export function kse(lab: Lab, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/kse.mjs'), ...args], { env: { ...process.env, KUBECONFIG: lab.kubeconfigPath }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
