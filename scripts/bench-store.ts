/**
 * Store benchmark: synthetic objects (N claims with their volumes, 2N pods, nodes, events, a few classes with a
 * live provisioner), timing the initial load, the first full query (which diagnoses everything), a single
 * update followed by a query, filtered + sorted page queries, and the periodic re-examination of what depends on
 * time. The clock is the store's own (the lease is renewed "in the future" so the provisioner stays alive). Usage: npx tsx scripts/bench-store.ts [N]
 */
import type { Resource } from '../src/shared/kube/resource-registry';
import type { KubeObject } from '../src/shared/kube/objects';
import { ClusterStore } from '../src/main/store/cluster-store';
import { boundPair, event, nodeObj, pod, pvc, sc } from '../src/main/store/testing/fixtures';

const N = Number(process.argv[2] ?? 10_000);
const NAMESPACES = 50;
const NODES = 100;

/** Wall time and this process's CPU time: on a busy machine the CPU time is the steadier number. */
function time<T>(label: string, run: () => T): T {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const out = run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start).toFixed(1).padStart(9);
  const cpuMs = ((used.user + used.system) / 1000).toFixed(1).padStart(9);
  console.log(`${label.padEnd(58)} ${wall} ms wall ${cpuMs} ms cpu`);
  return out;
}

function generate(): Partial<Record<Resource, KubeObject[]>> {
  const claims: KubeObject[] = [];
  const volumes: KubeObject[] = [];
  const pods: KubeObject[] = [];
  const events: KubeObject[] = [];
  for (let i = 0; i < N; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const className = i % 3 === 0 ? 'slow' : 'fast';
    if (i % 20 === 0) {
      // One claim in twenty waits for provisioning, with an event.
      const c = pvc(ns, `data-${i}`, { storageClassName: className, resources: { requests: { storage: `${1 + (i % 50)}Gi` } } });
      c.metadata = { ...c.metadata, annotations: { 'volume.kubernetes.io/storage-provisioner': 'example.com/nfs' } };
      claims.push(c);
      events.push(event({ kind: 'PersistentVolumeClaim', name: `data-${i}`, namespace: ns, uid: c.metadata?.uid }, 'ExternalProvisioning', 'Waiting for a volume to be created by the external provisioner'));
    } else {
      const [c, v] = boundPair(ns, `data-${i}`, `${1 + (i % 50)}Gi`, className);
      claims.push(c);
      volumes.push(v);
    }
    pods.push(pod(ns, `app-${i}`, [`data-${i}`], { nodeName: `node-${i % NODES}` }));
    pods.push(pod(ns, `web-${i}`, [], { nodeName: `node-${(i + 1) % NODES}` }));
  }
  const nodes = Array.from({ length: NODES }, (_, i) => nodeObj(`node-${i}`, `zone-${i % 3}`));
  const csinodes = nodes.map((n) => ({ kind: 'CSINode', metadata: { name: n.metadata?.name, uid: `csinode-${n.metadata?.name}` }, spec: { drivers: [{ name: 'example.com/nfs' }] } }));
  const lease = { kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'lease' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(Date.now() + 120_000).toISOString() } };
  return {
    storageclasses: [sc('fast', {}, true), sc('slow')],
    persistentvolumeclaims: claims,
    persistentvolumes: volumes,
    pods,
    events,
    nodes,
    csinodes,
    csidrivers: [{ kind: 'CSIDriver', metadata: { name: 'example.com/nfs', uid: 'csidriver' } }],
    leases: [lease],
  };
}

const objects = time(`generate ${N} claims, ${N - N / 20} volumes, ${2 * N} pods`, generate);
// A fixed clock keeps the lease fresh however long the run takes (the verdict must not flip mid-benchmark).
let benchNow = Date.now();
const store = new ClusterStore('bench', { now: () => benchNow });
const heapBefore = process.memoryUsage().heapUsed;
time('initial load (reset of every kind)', () => {
  for (const [kind, list] of Object.entries(objects) as [Resource, KubeObject[]][]) {
    store.replace(kind, list);
    store.kindStatus({ kind, state: 'synced', count: list.length });
  }
  for (const kind of ['volumeattachments'] as const) store.kindStatus({ kind, state: 'synced', count: 0 });
});
time('first query: diagnose everything + claims page', () => store.listRows({ clusterId: 'bench', table: 'claims', offset: 0, limit: 100 }));
time('first pods page (rows built)', () => store.listRows({ clusterId: 'bench', table: 'pods', offset: 0, limit: 100 }));
console.log(`heap used by the store ~${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MiB`);

const probe = Math.floor(N * 0.42);
const sample = store.get('pods', `app-${probe}`, `ns-${probe % NAMESPACES}`)!;
time('single update: apply one pod MODIFIED', () => store.update('pods', { ...sample, status: { ...sample.status, phase: 'Running' } }));
time('query after one update (re-diagnose touched, page)', () => store.listRows({ clusterId: 'bench', table: 'claims', offset: 0, limit: 100 }));
const claim = store.get('persistentvolumeclaims', 'data-40', 'ns-40')!;
time('single update: pending claim gets bound', () => store.update('persistentvolumeclaims', { ...claim, status: { phase: 'Bound' } }));
time('query after it', () => store.listRows({ clusterId: 'bench', table: 'claims', offset: 0, limit: 100 }));

const sorted = time('claims: search "data-1" + phase=Bound, sort by size desc', () =>
  store.listRows({ clusterId: 'bench', table: 'claims', search: 'data-1', filters: { phase: 'Bound' }, sort: { column: 'size', direction: 'desc' }, offset: 0, limit: 100 }),
);
console.log(`  -> ${sorted.total} rows match, first ${sorted.rows[0]?.name} ${sorted.rows[0]?.requested}`);
time('same query again (sorted order cached)', () =>
  store.listRows({ clusterId: 'bench', table: 'claims', search: 'data-1', filters: { phase: 'Bound' }, sort: { column: 'size', direction: 'desc' }, offset: 0, limit: 100 }),
);
time('pods: namespace ns-7, sort by name, page 2', () => store.listRows({ clusterId: 'bench', table: 'pods', namespaces: ['ns-7'], sort: { column: 'name', direction: 'asc' }, offset: 100, limit: 100 }));
time('pods: minSeverity problem', () => store.listRows({ clusterId: 'bench', table: 'pods', minSeverity: 'problem', offset: 0, limit: 100 }));
time('listFindings first page', () => store.listFindings({ offset: 0, limit: 100 }));
time('overview', () => store.getOverview());
time('getObject claim detail', () => store.getObject({ kind: 'persistentvolumeclaims', name: 'data-41', namespace: 'ns-41' }));
time('getObject class detail (chain of its claims and volumes)', () => store.getObject({ kind: 'storageclasses', name: 'fast' }));
time('locateRow: a claim near the end, sorted by size', () =>
  store.locateRow({ table: 'claims', sort: { column: 'size', direction: 'desc' }, ref: { kind: 'persistentvolumeclaims', namespace: `ns-${(N - 1) % NAMESPACES}`, name: `data-${N - 1}` } }),
);
time('getGraph namespace ns-3 (capped)', () => store.getGraph({ clusterId: 'bench', namespace: 'ns-3' }));
time('provisioner refresh (time-based)', () => store.refreshProvisioners());
benchNow += 61_000;
time('query 61 s later (re-examines the unhealthy, time-sensitive)', () => store.listRows({ clusterId: 'bench', table: 'claims', offset: 0, limit: 100 }));
store.dispose();
