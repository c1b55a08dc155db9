/**
 * Does the core hold its event loop? (issue 13 item 3.) The benchmark's cluster (N PVs, N claims bound to them,
 * 2N pods; plus 1 % of claims Pending on a class whose provisioner does not run, so every provisioner assessment
 * and its pod scan is exercised) is put into a ClusterStore in this process, as a relist would. Then, with
 * `perf_hooks.monitorEventLoopDelay` on, it measures the first query two ways:
 *   - sliced: what the core does (await store.settle(), then the query);
 *   - whole: the query alone, which diagnoses everything and builds every row at once (the code before issue 13);
 * and one claim change followed by the next page (median of 15).
 *
 * No lab needed: this is the store's own cost, not the watch's. Run: `npm run bench:loop -- 10000`.
 * Prints a JSON line per N; docs/benchmarks.md has the figures.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ClusterStore } from '../../src/main/store/cluster-store';
import type { Resource } from '../../src/shared/kube/resource-registry';
import type { KubeObject } from '../../src/shared/kube/objects';
import { boundClaimStatus, claimManifest, classManifest, podManifest, volumeManifest } from './manifests';
import { watchStalls } from './loop-stall';
import { median } from './stats';

const NODES = ['lab-node-a1', 'lab-node-a2', 'lab-node-b1'];
const DEAD_CLASS = 'kse-bench-dead';

export function cluster(n: number): Partial<Record<Resource, KubeObject[]>> {
  const volumes: KubeObject[] = [];
  const claims: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const uid = `uid-claim-${i}`;
    const claim = claimManifest(i);
    claim.metadata = { ...claim.metadata, uid, resourceVersion: String(i + 1), creationTimestamp: '2026-11-30T10:00:00Z' };
    if (i % 100 === 99) {
      // Pending on a class whose provisioner nobody runs: the costly kind of claim to diagnose.
      claim.spec = { ...(claim.spec as object), storageClassName: DEAD_CLASS, volumeName: undefined } as KubeObject['spec'];
      (claim as { status?: unknown }).status = { phase: 'Pending' };
    } else {
      (claim as { status?: unknown }).status = boundClaimStatus(i);
      const pv = volumeManifest(i, uid);
      pv.metadata = { ...pv.metadata, uid: `uid-pv-${i}`, resourceVersion: String(i + 1) };
      (pv as { status?: unknown }).status = { phase: 'Bound' };
      volumes.push(pv);
    }
    claims.push(claim);
  }
  const pods: KubeObject[] = [];
  for (let j = 0; j < 2 * n; j++) {
    const pod = podManifest(j, n, NODES);
    pod.metadata = { ...pod.metadata, uid: `uid-pod-${j}`, resourceVersion: String(j + 1), creationTimestamp: '2026-11-30T10:00:00Z' };
    (pod as { status?: unknown }).status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    pods.push(pod);
  }
  const dead = { ...classManifest(), metadata: { name: DEAD_CLASS }, provisioner: 'example.com/nobody-runs-this', volumeBindingMode: 'Immediate' } as KubeObject;
  return { storageclasses: [classManifest(), dead], persistentvolumes: volumes, persistentvolumeclaims: claims, pods };
}

export function loaded(objects: Partial<Record<Resource, KubeObject[]>>): ClusterStore {
  const store = new ClusterStore('bench', { provisionerRefreshMs: 60_000 });
  // The app's window asks for the claims table as soon as the cluster opens, before the lists arrive.
  store.listRows({ table: 'claims', offset: 0, limit: 100 });
  const kinds: Resource[] = ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'events', 'nodes', 'leases', 'csidrivers', 'csinodes', 'volumeattachments'];
  for (const kind of kinds) {
    const items = structuredClone(objects[kind] ?? []);
    store.replace(kind, items);
    store.kindStatus({ kind, state: 'synced', count: items.length });
  }
  return store;
}

const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;

async function firstQuery(store: ClusterStore, sliced: boolean) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  // Let the monitor's timer start before the work: a stall must find it armed.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.reset();
  // And our own witness: the longest gap between two turns of the loop (a setImmediate chain).
  const stalls = watchStalls();
  const start = performance.now();
  if (sliced) await store.settle();
  const queryStart = performance.now();
  store.listRows({ table: 'claims', offset: 0, limit: 100 });
  const end = performance.now();
  // A few more turns, so a stall at the very end is recorded by both.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const longestGap = await stalls.stop();
  delay.disable();
  return {
    totalMs: Math.round(end - start),
    queryMs: Math.round((end - queryStart) * 10) / 10,
    longestStallMs: Math.round(longestGap),
    maxDelayMs: ms(delay.max),
    p99DelayMs: ms(delay.percentile(99)),
  };
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length > 0 ? sizes : [2000, 10000]) {
    const objects = cluster(n);
    const wholeStore = loaded(objects);
    const whole = await firstQuery(wholeStore, false);
    const store = loaded(objects);
    const sliced = await firstQuery(store, true);
    const line = {
      n,
      claims: n,
      pods: 2 * n,
      whole,
      sliced,
      changeThenPageMs: { whole: await changeThenPage(wholeStore, false), sliced: await changeThenPage(store, true) },
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

/** One claim changed (a label), then a sorted claims page: what a watch event plus the renderer's refetch costs. Median of 15, ms. */
async function changeThenPage(store: ClusterStore, sliced: boolean): Promise<number> {
  const claims = store.list('persistentvolumeclaims');
  const samples: number[] = [];
  for (let k = 0; k < 15; k++) {
    const claim = structuredClone(claims[(k * 7919) % claims.length]) as KubeObject;
    claim.metadata = { ...claim.metadata, labels: { ...(claim.metadata?.labels ?? {}), touched: String(k) }, resourceVersion: `x${k}` };
    const start = performance.now();
    store.update('persistentvolumeclaims', claim);
    if (sliced) await store.settle();
    store.listRows({ table: 'claims', offset: 0, limit: 100, sort: { column: 'size', direction: 'desc' } });
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
}
if (!process.env.KSE_BENCH_IMPORT) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:loop failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
