/**
 * The cost of one volume-usage poll (issue 14): N bound claims (half of them mounted by a pod) and 2N pods
 * spread over the lab's nodes, then rounds of the app's UsageSource (SelfSubjectAccessReview + one
 * /api/v1/nodes/<node>/proxy/stats/summary per node, through the real API server, answered by the lab's kubelet
 * stats stand-in). Prints wall time per round, the app's CPU per round (parse and map), and the bytes per node.
 *
 *   npx tsx scripts/bench/usage-poll.ts [claims=1000] [rounds=5] [nodes=3]
 */
import { startLab } from '../../e2e/cluster/lab';
import type { LabNode } from '../../e2e/cluster/bootstrap';
import { ClusterSession } from '../../src/main/core/cluster-session';
import { openContextSource } from '../../src/main/kube/open-context';
import { ClusterStore } from '../../src/main/store/cluster-store';
import { ALL_RESOURCES } from '../../src/shared/kube/resource-registry';
import { countPodsNotRunning, prepareNamespaces, seedRange, waitFor } from './seed';

const [claims = 1000, rounds = 5, nodeCount = 3] = process.argv.slice(2).map(Number);
const log = (line: string) => process.stderr.write(`${line}\n`);
const nodes: LabNode[] = Array.from({ length: nodeCount }, (_, i) => ({ name: `lab-node-${i}`, zone: `lab-zone-${i % 2}` }));

async function main(): Promise<void> {
  const lab = await startLab({ nodes, log: () => undefined, provisioner: false });
  try {
    const admin = lab.client('admin');
    await prepareNamespaces(admin);
    const seeded = await seedRange(admin, 0, claims, nodes.map((n) => n.name), 16, log);
    log(`seeded ${seeded.created} objects in ${(seeded.millis.total / 1000).toFixed(1)} s`);
    await waitFor(() => countPodsNotRunning(admin), (left) => left === 0, 600_000, (left) => log(`  pods not Running yet: ${left}`));

    const bytes: number[] = [];
    for (const n of nodes) bytes.push((await admin.raw('GET', `/api/v1/nodes/${n.name}/proxy/stats/summary`, undefined, undefined, 60_000)).text.length);

    const source = openContextSource('lab-admin', { kubeconfigEnv: lab.kubeconfigPath }, { requestTimeoutMs: 60_000 });
    const store = new ClusterStore('ctx:lab-admin');
    const session = new ClusterSession({ id: 'ctx:lab-admin', name: 'lab-admin', source: 'context', connection: 'connecting' }, source, store, () => undefined);
    session.usageOptions = { timeoutMs: 60_000 };
    await session.start();
    for (;;) {
      if (ALL_RESOURCES.every((k) => ['synced', 'absent', 'forbidden'].includes(store.kindState(k)))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const wall: number[] = [];
    const cpu: number[] = [];
    let volumes = 0;
    for (let r = 0; r < rounds; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const report = await session.pollUsage();
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      volumes = report.volumes.length;
      if (report.nodes.some((n) => n.state !== 'ok')) throw new Error(`a node failed: ${JSON.stringify(report.nodes)}`);
    }
    await session.stop();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const result = {
      claims, pods: 2 * claims, nodes: nodeCount, volumesReported: volumes, rounds,
      summaryBytesPerNode: bytes,
      wallMsPerRound: { median: Math.round(median(wall)), all: wall.map(Math.round) },
      appCpuMsPerRound: { median: Math.round(median(cpu)), all: cpu.map(Math.round) },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await lab.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
