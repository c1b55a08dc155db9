/**
 * The store after a real sync, measured in-process: the same core as the app opens the lab context, syncs, and
 * then the store answers a filtered + sorted page of claims and takes single updates. Also the end-to-end delay
 * of one change: a label patched through the API server until the store holds it (the watch path).
 */
import type { KubeClient } from '../../e2e/cluster/kube';
import { Core } from '../../src/main/core/core';
import { createCoreDeps } from '../../src/main/core/wiring';
import { contextClusterId } from '../../src/main/kube/kubeconfig';
import { ClusterStore } from '../../src/main/store/cluster-store';
import { ALL_RESOURCES, type Resource } from '../../src/shared/kube/resource-registry';
import type { ListRequest } from '../../src/shared/model/rows';
import { heapPerObject, heapUsedAfterGc } from './heap';
import { benchNamespace, claimName } from './manifests';
import { median } from './stats';

export interface StoreProbe {
  /** Open to synced, in-process (no process start, no module loading). */
  syncMillis: number;
  /** The first query after the sync: diagnoses everything, builds rows, answers a claims page. */
  firstPageMillis: number;
  /** search + phase filter + sort by size, first time (sorted order built). */
  filteredSortedColdMillis: number;
  /** The same page asked again (median). */
  filteredSortedWarmMillis: number;
  /** store.apply of one changed claim (median over several claims). */
  updateApplyMillis: number;
  /** The filtered + sorted page right after that update (median). */
  updateThenPageMillis: number;
  /** Label patched via the API server until the store has it (median). */
  watchDelayMillis: number;
  /** Rows matching the filtered query, to show it did real work. */
  filteredTotal: number;
  /**
   * V8 heap after a forced GC, synced minus before opening (the store, its indices, the reflectors' state; no
   * rows yet), divided by the objects the store holds, bytes.
   */
  heapBytesPerObject: number;
  /** Objects in the store after the sync, all kinds. */
  objects: number;
  /** Per kind: a JSON.parse copy of the objects as kept, heap bytes and JSON bytes per object (heap.ts). */
  byKind: Partial<Record<Resource, { count: number; heapBytes: number; jsonBytes: number }>>;
}

const SAMPLES = 7;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function probeStore(opts: { kubeconfigPath: string; resourcesDir: string; client: KubeClient; n: number; timeoutMs: number }): Promise<StoreProbe> {
  let store: ClusterStore | undefined;
  const deps = createCoreDeps({ resourcesDir: opts.resourcesDir, kubeconfig: { kubeconfigEnv: opts.kubeconfigPath } });
  const core = new Core({
    deps: {
      ...deps,
      watchKubeconfig: undefined,
      // The concrete store, kept to call its API directly (the app reaches it through the contract).
      createStore: (info) => (store = new ClusterStore(info.id)),
    },
    resourcesDir: opts.resourcesDir,
    version: 'bench',
    transport: 'web',
    autoOpenDemo: false,
    timeouts: { openCluster: opts.timeoutMs },
    log: (message) => process.stderr.write(`core: ${message}\n`),
  });
  await core.start();
  const clusterId = contextClusterId('lab-admin');
  try {
    const heapEmpty = heapUsedAfterGc();
    const t0 = performance.now();
    await core.invoke('openCluster', { clusterId });
    while (!(await core.invoke('clusterStatus', { clusterId })).synced) {
      if (performance.now() - t0 > opts.timeoutMs) throw new Error(`In-process sync of lab-admin took over ${opts.timeoutMs / 1000} s.`);
      await sleep(20);
    }
    const syncMillis = performance.now() - t0;
    const s = store;
    if (!s) throw new Error('The core opened lab-admin without creating a store.');
    const heapSynced = heapUsedAfterGc();
    const objects = ALL_RESOURCES.reduce((sum, kind) => sum + s.count(kind), 0);

    const [, firstPageMillis] = timed(() => s.listRows({ clusterId, table: 'claims', offset: 0, limit: 100 }));
    const query: ListRequest<'claims'> = { clusterId, table: 'claims', search: 'data-1', filters: { phase: 'Bound' }, sort: { column: 'size', direction: 'desc' }, offset: 0, limit: 100 };
    const [page, filteredSortedColdMillis] = timed(() => s.listRows(query));
    const warm = Array.from({ length: SAMPLES }, () => timed(() => s.listRows(query))[1]);

    const applies: number[] = [];
    const pagesAfter: number[] = [];
    for (let k = 0; k < SAMPLES; k++) {
      const i = Math.floor(((k + 1) * opts.n) / (SAMPLES + 1));
      const claim = s.get('persistentvolumeclaims', claimName(i), benchNamespace(i));
      if (!claim) throw new Error(`The store has no claim ${benchNamespace(i)}/${claimName(i)} after the sync.`);
      // A changed label and a new (opaque) resourceVersion: what a watch MODIFIED event brings.
      const changed = { ...claim, metadata: { ...claim.metadata, labels: { ...claim.metadata?.labels, 'bench.kse.dev/touched': String(k) }, resourceVersion: `${claim.metadata?.resourceVersion ?? ''}-bench-${k}` } };
      applies.push(timed(() => s.update('persistentvolumeclaims', changed))[1]);
      pagesAfter.push(timed(() => s.listRows(query))[1]);
    }

    const delays: number[] = [];
    for (let k = 0; k < 3; k++) {
      const i = Math.floor(((k + 1) * opts.n) / 4);
      const ns = benchNamespace(i);
      const name = claimName(i);
      const value = `w${k}-${Date.now()}`;
      const sent = performance.now();
      await opts.client.mergePatch(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`, { metadata: { labels: { 'bench.kse.dev/watch': value } } });
      while (s.get('persistentvolumeclaims', name, ns)?.metadata?.labels?.['bench.kse.dev/watch'] !== value) {
        if (performance.now() - sent > 30_000) throw new Error(`A label patched on ${ns}/${name} did not reach the store within 30 s.`);
        await sleep(1);
      }
      delays.push(performance.now() - sent);
    }

    const byKind: StoreProbe['byKind'] = {};
    for (const kind of ALL_RESOURCES) if (s.count(kind) > 0) byKind[kind] = heapPerObject(s.list(kind));

    return {
      heapBytesPerObject: (heapSynced - heapEmpty) / objects,
      objects,
      byKind,
      syncMillis,
      firstPageMillis,
      filteredSortedColdMillis,
      filteredSortedWarmMillis: median(warm),
      updateApplyMillis: median(applies),
      updateThenPageMillis: median(pagesAfter),
      watchDelayMillis: median(delays),
      filteredTotal: page.total,
    };
  } finally {
    await core.close();
  }
}
