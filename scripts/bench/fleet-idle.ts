/**
 * What one watched cluster of the fleet costs when idle (issue 18): memory (heap and RSS after a forced GC) and
 * CPU over an idle minute, in this process, with the core as the web host runs it. A lab at its own size (the
 * seeded scenarios, contexts lab-admin and lab-student), then the same lab with N more PVs, claims and 2N pods
 * (the benchmark's seeding). Each step: nothing watched, then every context watched and synced.
 * Run: `node --expose-gc --import tsx scripts/bench/fleet-idle.ts [--skip-lab] 2000`. Prints a JSON line per size.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLab, type Lab } from '../../e2e/cluster/lab';
import { Core } from '../../src/main/core/core';
import { createCoreDeps } from '../../src/main/core/wiring';
import { prepareNamespaces, seedRange } from './seed';

const resourcesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources');
const IDLE_MS = 60_000;
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function settledMemory(): { heapMiB: number; rssMiB: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc: the memory is measured after a full collection.');
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMiB: mib(m.heapUsed), rssMiB: mib(m.rss) };
}

async function measure(lab: Lab, label: string): Promise<void> {
  const core = new Core({ deps: createCoreDeps({ resourcesDir, kubeconfig: { kubeconfigEnv: lab.kubeconfigPath } }), resourcesDir, version: 'bench', transport: 'web', autoOpenDemo: false });
  await core.start();
  const before = settledMemory();
  const contexts = (await core.invoke('getFleet', {})).rows.map((r) => r.clusterId);
  const started = Date.now();
  await core.invoke('setFleetChoices', { watched: contexts });
  for (;;) {
    const fleet = await core.invoke('getFleet', {});
    if (fleet.rows.every((r) => r.state === 'synced')) break;
    if (Date.now() - started > 600_000) throw new Error(`not synced: ${JSON.stringify(fleet.rows.map((r) => [r.name, r.state, r.error]))}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const syncMs = Date.now() - started;
  const cpu = process.cpuUsage();
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const used = process.cpuUsage(cpu);
  const after = settledMemory();
  const n = contexts.length;
  console.log(
    JSON.stringify({
      size: label,
      watched: n,
      syncMs,
      perCluster: { heapMiB: mib(((after.heapMiB - before.heapMiB) * 1024 * 1024) / n), rssMiB: mib(((after.rssMiB - before.rssMiB) * 1024 * 1024) / n) },
      idleCpuPercent: Math.round(((used.user + used.system) / 1000 / IDLE_MS) * 1000) / 10,
      claims: (await core.invoke('getFleet', {})).rows.map((r) => [r.name, r.counts?.claimsPending, r.forbiddenKinds ?? 0]),
      before,
      after,
    }),
  );
  await core.close();
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  const lab = await startLab({ seedScenarios: true, log: () => undefined });
  try {
    // The first Core loads the app's modules: a later size's "before" would include them. `--skip-lab` measures
    // only the seeded size, in a fresh process.
    if (!process.argv.includes('--skip-lab')) await measure(lab, 'lab');
    let seeded = 0;
    const client = lab.client('admin');
    if (sizes.length > 0) await prepareNamespaces(client);
    const nodes = (await client.list('/api/v1/nodes')).items.map((node) => node.metadata.name).sort();
    for (const n of sizes) {
      await seedRange(client, seeded, n, nodes, 16, () => undefined);
      seeded = n;
      await measure(lab, `lab + ${n}`);
    }
  } finally {
    await lab.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
