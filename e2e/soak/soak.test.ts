/**
 * The chaos soak (issue 13, item 6): the app's store follows a live lab through minutes of churn and faults and
 * ends equal to the server's truth, with no lost object and no ghost, and without growing.
 *
 * - Churn: claims, volumes and pods created, updated and deleted across 10 namespaces at about 20 changes/s
 *   (SOAK_SECONDS, default 300; SOAK_SEED picks the churn and the fault times).
 * - Faults at seeded random moments: the API server restarted 5 times; etcd compacted twice while the app was cut
 *   off and the API server restarted, so the app's next watch gets 410 Gone and must relist; the link blackholed
 *   twice for longer than the watchdog; the lab provisioner stopped and started again.
 * - The app side is the production path: a ContextSource (reflectors) through a TCP proxy into a ClusterStore
 *   (indices, findings, rows), queried every second as the UI would.
 * - At the end, for every kind the server serves: namespace/name@uid#resourceVersion in the store equals a plain
 *   LIST. The heap after a forced GC is within 10 % of its value after the first minute (the population is
 *   held steady, so growth would be a leak).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLab, type Lab } from '../cluster/lab';
import { ALL_RESOURCES, collectionPath, type Resource } from '../../src/shared/kube/resource-registry';
import type { KubeObject } from '../../src/shared/kube/objects';
import { isStorageEvent } from '../../src/main/kube/arrival';
import type { ContextSource } from '../../src/main/kube/context-source';
import { openContextSource } from '../../src/main/kube/open-context';
import type { SourceSink } from '../../src/main/kube/source';
import { startTcpProxy, type TcpProxy } from '../../src/main/kube/testing/tcp-proxy';
import { until, writeKubeconfigVariant } from '../../src/main/kube/testing/lab-truth';
import { ClusterStore } from '../../src/main/store/cluster-store';
import { Churn, seededRandom } from './churn';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const SEED = Number(process.env.SOAK_SEED ?? 1337);
const RATE_PER_SECOND = 20;
const WATCHDOG_MS = 4000;
const NAMESPACES = Array.from({ length: 10 }, (_, i) => `soak-${i}`);

let lab: Lab;
let proxy: TcpProxy;
let dir: string;
let source: ContextSource;
const store = new ClusterStore('soak');
const relists = new Map<Resource, number>();
const sink: SourceSink = {
  replace: (kind, objects, namespace) => {
    relists.set(kind, (relists.get(kind) ?? 0) + 1);
    store.replace(kind, objects, namespace);
  },
  add: (kind, object) => store.add(kind, object),
  update: (kind, object) => store.update(kind, object),
  delete: (kind, object) => store.delete(kind, object),
  kindStatus: (status) => store.kindStatus(status),
  connection: (state, error) => store.connection(state, error),
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const identity = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}@${o.metadata?.uid ?? ''}#${o.metadata?.resourceVersion ?? ''}`;

async function serverTruth(kind: Resource): Promise<string[]> {
  const list = await lab.client('admin').list<KubeObject>(collectionPath(kind));
  return (kind === 'events' ? list.items.filter(isStorageEvent) : list.items).map(identity).sort();
}
const storeHolds = (kind: Resource): string[] => store.list(kind).map(identity).sort();

/** What differs between the store and the server for a kind: missing (lost) and extra (ghost or stale). */
function difference(held: string[], truth: string[]): { lost: string[]; ghosts: string[] } {
  const heldSet = new Set(held);
  const truthSet = new Set(truth);
  return { lost: truth.filter((id) => !heldSet.has(id)), ghosts: held.filter((id) => !truthSet.has(id)) };
}

beforeAll(async () => {
  lab = await startLab({ log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'kse-soak-'));
  proxy = await startTcpProxy(Number(new URL(lab.server).port));
  const kubeconfig = writeKubeconfigVariant(lab.kubeconfigPath, dir, 'proxied.yaml', (config) => {
    for (const entry of config.clusters) entry.cluster.server = `https://127.0.0.1:${proxy.port}`;
  });
  source = openContextSource('lab-admin', { kubeconfigEnv: kubeconfig }, {
    reflector: { silenceMs: WATCHDOG_MS },
    requestTimeoutMs: 5000,
    backoff: { initialMs: 200, maxMs: 2000 },
  });
}, 600_000);

afterAll(async () => {
  await source?.stop();
  store.dispose();
  await proxy?.close();
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it(`follows ${SECONDS} s of churn and faults to the exact truth, without growing`, async () => {
  const random = seededRandom(SEED);
  const churn = new Churn(lab.client('admin'), {
    namespaces: NAMESPACES,
    population: { claimsPerNamespace: 8, podsPerNamespace: 8, volumes: 40 },
    random,
    className: 'soak-no-such-class',
  });
  await churn.seed();
  await source.start(sink);
  await until('every kind synced or absent', () => ALL_RESOURCES.every((kind) => ['synced', 'absent'].includes(store.kindState(kind))), 120_000);

  // Fault times: seeded, spread over the run, never in its first 20 s or its last 20 s.
  const faults: { at: number; name: string; run: () => Promise<void> }[] = [];
  const at = () => (20 + random() * Math.max(1, SECONDS - 40)) * 1000;
  const counts = { restarts: 0, compactions: 0, blackholes: 0, provisionerRestarts: 0, queries: 0 };
  for (let i = 0; i < 5; i++) faults.push({ at: at(), name: 'restart the API server', run: async () => { await lab.restartApiserver(); counts.restarts += 1; } });
  for (let i = 0; i < 2; i++) {
    faults.push({
      at: at(),
      name: 'compact etcd while the app is cut off',
      run: async () => {
        proxy.mode = 'down';
        await sleep(1000);
        await lab.compactEtcd();
        await lab.restartApiserver(); // a fresh watch cache: the app's last resourceVersion is now too old (410)
        proxy.mode = 'pass';
        counts.compactions += 1;
      },
    });
  }
  for (let i = 0; i < 2; i++) {
    faults.push({
      at: at(),
      name: 'blackhole the link past the watchdog',
      run: async () => {
        proxy.mode = 'blackhole';
        await sleep(WATCHDOG_MS * 2);
        proxy.mode = 'pass';
        counts.blackholes += 1;
      },
    });
  }
  faults.push({
    at: at(),
    name: 'stop and start the provisioner',
    run: async () => {
      await lab.stopProvisioner();
      await sleep(10_000);
      await lab.startProvisioner();
      counts.provisionerRestarts += 1;
    },
  });
  faults.sort((a, b) => a.at - b.at);

  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  let heapAtMinute: number | undefined;
  let faultError: unknown;
  const faultLoop = (async () => {
    for (const fault of faults) {
      const wait = started + fault.at - Date.now();
      if (wait > 0) await sleep(wait);
      await fault.run().catch((error: unknown) => {
        faultError ??= new Error(`fault "${fault.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  })();
  // The UI's reads while it all happens: the first page of claims, the findings and the overview.
  const queryLoop = (async () => {
    while (Date.now() < deadline) {
      store.listRows({ table: 'claims', offset: 0, limit: 50 });
      store.listFindings({ offset: 0, limit: 50 });
      store.getOverview();
      counts.queries += 1;
      await sleep(1000);
    }
  })();
  // Steady churn: one change every 1/RATE s, on schedule (a slow write does not shift the ones after it).
  let changes = 0;
  while (Date.now() < deadline) {
    await churn.step();
    changes += 1;
    if (heapAtMinute === undefined && Date.now() - started >= 60_000) heapAtMinute = heapAfterGc();
    const due = started + (changes * 1000) / RATE_PER_SECOND - Date.now();
    if (due > 0) await sleep(due);
  }
  await faultLoop;
  await queryLoop;
  if (faultError) throw faultError;
  proxy.mode = 'pass';

  await until(
    'every kind synced again after the last fault',
    () => ALL_RESOURCES.every((kind) => ['synced', 'absent'].includes(store.kindState(kind))),
    120_000,
  ).catch(() => undefined);
  expect(Object.fromEntries(ALL_RESOURCES.map((kind) => [kind, store.kindState(kind)])), 'every kind synced or absent at the end').toEqual(
    Object.fromEntries(ALL_RESOURCES.map((kind) => [kind, store.kindState(kind) === 'absent' ? 'absent' : 'synced'])),
  );

  // The truth, kind by kind: leases and events keep changing, so each kind is compared until a moment they agree.
  const served = ALL_RESOURCES.filter((kind) => store.kindState(kind) === 'synced');
  expect(served).toEqual(expect.arrayContaining(['persistentvolumeclaims', 'persistentvolumes', 'pods', 'storageclasses', 'nodes', 'leases', 'events']));
  const diffs: Record<string, { lost: string[]; ghosts: string[] }> = {};
  for (const kind of served) {
    await until(`${kind} in the store to equal a plain LIST`, async () => {
      const d = difference(storeHolds(kind), await serverTruth(kind));
      diffs[kind] = d;
      return d.lost.length === 0 && d.ghosts.length === 0;
    }, 90_000, 250).catch(() => undefined);
  }
  const heapAtEnd = heapAfterGc();
  const finalDiff = Object.values(diffs).reduce((sum, d) => sum + d.lost.length + d.ghosts.length, 0);
  const totalRelists = [...relists.values()].reduce((a, b) => a + b, 0);
  const mib = (bytes: number | undefined) => (bytes === undefined ? '-' : `${(bytes / 1048576).toFixed(1)} MiB`);
  console.log(
    [
      `soak: ${SECONDS} s, seed ${SEED}: ${changes} changes attempted (${churn.counts.created} created, ${churn.counts.updated} updated, ${churn.counts.deleted} deleted, ${churn.counts.failed} refused while the server was away)`,
      `soak: survived ${counts.restarts} API server restarts, ${counts.compactions} compactions (410 and relist), ${counts.blackholes} blackholes, ${counts.provisionerRestarts} provisioner restart; ${counts.queries} query rounds`,
      `soak: lists and relists ${totalRelists} (${[...relists].map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
      `soak: store objects ${served.reduce((n, kind) => n + store.count(kind), 0)}; heap after GC at 1 min ${mib(heapAtMinute)}, at the end ${mib(heapAtEnd)}; final diff ${finalDiff}`,
    ].join('\n'),
  );

  expect(counts).toMatchObject({ restarts: 5, compactions: 2, blackholes: 2, provisionerRestarts: 1 });
  expect(changes).toBeGreaterThan(SECONDS * RATE_PER_SECOND * 0.5);
  for (const kind of served) expect(diffs[kind], kind).toEqual({ lost: [], ghosts: [] });
  // Each compaction made the watched kinds relist: more lists than the first one per kind.
  expect(relists.get('persistentvolumeclaims') ?? 0).toBeGreaterThanOrEqual(3);
  if (heapAtMinute !== undefined) expect(heapAtEnd).toBeLessThanOrEqual(heapAtMinute * 1.1);
  else expect(SECONDS, 'the heap is compared only on runs longer than a minute').toBeLessThan(60);
}, (SECONDS + 600) * 1000);
