/**
 * Seeding the lab for the benchmark: N PVs, N claims and 2N pods, created in parallel over keep-alive
 * connections with a bounded number of requests in flight. Seeding size N after size M < N creates only
 * objects M..N, so one lab serves every size of a run.
 */
import { KubeError, type KubeClient, type KubeObject } from '../../e2e/cluster/kube';
import { objectPath } from '../../e2e/cluster/kube';
import { BENCH_LABEL, BENCH_NAMESPACES, BIND_COMPLETED, boundClaimStatus, classManifest, claimManifest, namespaceManifest, podManifest, volumeManifest } from './manifests';
import { runBounded } from './pool';

export interface SeedTimings {
  /** Objects created by this call. */
  created: number;
  millis: { pairs: number; pods: number; total: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the object; one that already exists (a re-run) is fine. Returns what the server holds. */
async function createIfMissing(client: KubeClient, obj: KubeObject): Promise<KubeObject> {
  try {
    return await client.create(objectPath(obj, false), obj);
  } catch (error) {
    if (error instanceof KubeError && error.status === 409) return client.get(objectPath(obj));
    throw error;
  }
}

/**
 * Claim i and PV i, bound as the PV controller would bind them: claim first (the PV's claimRef needs its UID),
 * then the PV, its phase, the claim's bind-completed annotation and its status. Five requests instead of two,
 * but ours run in parallel while the controller's would queue behind its client rate limit.
 */
async function seedBoundPair(client: KubeClient, i: number): Promise<void> {
  const claim = await createIfMissing(client, claimManifest(i));
  const uid = claim.metadata.uid;
  if (!uid) throw new Error(`The API server returned claim ${claim.metadata.namespace}/${claim.metadata.name} without a UID.`);
  const volume = await createIfMissing(client, volumeManifest(i, uid));
  const claimPath = objectPath(claim);
  // Merge patches carry no resourceVersion, so the three can go at once (claim and its status are separate writes).
  await Promise.all([
    client.mergePatch(`${objectPath(volume)}/status`, { status: { phase: 'Bound' } }),
    client.mergePatch(claimPath, { metadata: { annotations: { [BIND_COMPLETED]: 'yes' } } }),
    client.mergePatch(`${claimPath}/status`, { status: boundClaimStatus(i) }),
  ]);
}

/** The lab's (kwok) node names, sorted: the seeded pods name them. */
export async function nodeNames(client: KubeClient): Promise<string[]> {
  const nodes = await client.list('/api/v1/nodes');
  const names = nodes.items.map((node) => node.metadata.name).sort();
  if (names.length === 0) throw new Error('The lab has no nodes; kwok should have registered its fake nodes at start-up.');
  return names;
}

/**
 * Namespaces and the class, then waits for each namespace's "default" service account: the ServiceAccount
 * admission plugin rejects pods until the controller manager has made it.
 */
export async function prepareNamespaces(client: KubeClient, timeoutMs = 60_000): Promise<void> {
  await createIfMissing(client, classManifest());
  for (let k = 0; k < BENCH_NAMESPACES; k++) await createIfMissing(client, namespaceManifest(k));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accounts = await client.list('/api/v1/serviceaccounts', { fieldSelector: 'metadata.name=default' });
    const ready = new Set(accounts.items.map((sa) => sa.metadata.namespace));
    const missing = Array.from({ length: BENCH_NAMESPACES }, (_, k) => `kse-bench-${k}`).filter((ns) => !ready.has(ns));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`The controller manager made no "default" service account in ${missing.join(', ')} within ${timeoutMs / 1000} s; is kube-controller-manager running? See its log in the lab's data dir.`);
    await sleep(250);
  }
}

/** Seeds objects [from, to) of PVs and claims and [2 from, 2 to) of pods. */
export async function seedRange(client: KubeClient, from: number, to: number, nodes: readonly string[], concurrency: number, log: (line: string) => void): Promise<SeedTimings> {
  const started = performance.now();
  const phase = async (label: string, count: number, task: (i: number) => Promise<void>, lo: number, hi: number): Promise<number> => {
    const t0 = performance.now();
    await runBounded(lo, hi, concurrency, task);
    const ms = performance.now() - t0;
    log(`  ${count} ${label} in ${(ms / 1000).toFixed(1)} s (${Math.round(count / (ms / 1000))}/s)`);
    return ms;
  };
  const pairs = await phase('bound PV + claim pairs', to - from, (i) => seedBoundPair(client, i), from, to);
  const pods = await phase('pods', 2 * (to - from), async (j) => void (await createIfMissing(client, podManifest(j, to, nodes))), 2 * from, 2 * to);
  return { created: 4 * (to - from), millis: { pairs, pods, total: performance.now() - started } };
}

/** Claims of the benchmark that are Bound, and how many there are. */
export async function countBoundClaims(client: KubeClient): Promise<{ bound: number; total: number }> {
  const list = await client.list('/api/v1/persistentvolumeclaims', { labelSelector: `${BENCH_LABEL}=true` });
  return { bound: list.items.filter((c) => c.status?.phase === 'Bound').length, total: list.items.length };
}

/** Benchmark pods not yet Running (a field selector: the server filters, the answer shrinks as kwok works). */
export async function countPodsNotRunning(client: KubeClient): Promise<number> {
  const list = await client.list('/api/v1/pods', { labelSelector: `${BENCH_LABEL}=true`, fieldSelector: 'status.phase!=Running' });
  return list.items.length;
}

/** Polls `count` until it is done or the time is up; returns the last value and the time waited. */
export async function waitFor<T>(count: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, onProgress: (value: T) => void, everyMs = 3000): Promise<{ value: T; millis: number; done: boolean }> {
  const started = performance.now();
  for (;;) {
    const value = await count();
    const millis = performance.now() - started;
    if (done(value)) return { value, millis, done: true };
    if (millis >= timeoutMs) return { value, millis, done: false };
    onProgress(value);
    await sleep(everyMs);
  }
}
