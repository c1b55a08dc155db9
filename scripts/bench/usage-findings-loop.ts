/**
 * Does computing the usage findings hold the event loop? (issue 13 item 3, issue 14.) N claims on 3 nodes, each
 * with a full 2 h history (240 points at 30 s) growing 1 MiB a point, so every claim gets a trend (the worst case:
 * every one predicted full). Measures, in this process, without a lab:
 *   - whole: `diagnoseUsage` in one piece (what the session did before);
 *   - sliced: `usageFindings` (src/main/core/usage-findings.ts), as the session runs it now;
 * each as its total time and the longest gap between two turns of a `setImmediate` chain (the stall IPC, the web
 * host and the watch would see). Run: `npx tsx scripts/bench/usage-findings-loop.ts 10000`. Prints a JSON line per N.
 */
import { performance } from 'node:perf_hooks';
import { usageFindings } from '../../src/main/core/usage-findings';
import { diagnoseUsage } from '../../src/shared/diagnose/usage';
import type { UsagePoint, UsageReport, VolumeUsage } from '../../src/shared/model/usage';
import { watchStalls } from './loop-stall';

const MI = 1024 ** 2;
const GI = 1024 * MI;
const T0 = Date.parse('2026-12-01T00:00:00Z');

function setup(n: number): { report: UsageReport; history: (key: string) => UsagePoint[] } {
  const nodes = ['n1', 'n2', 'n3'];
  const volumes: VolumeUsage[] = Array.from({ length: n }, (_, i) => ({
    key: `claim:ns-${i % 10}/data-${i}`, kind: 'claim', namespace: `ns-${i % 10}`, pod: `web-${i}`, volume: 'data', claim: `data-${i}`,
    node: nodes[i % 3] ?? 'n1', capacityBytes: GI, usedBytes: 740 * MI, availableBytes: 284 * MI,
  }));
  const points = Array.from({ length: 240 }, (_, i) => ({ time: new Date(T0 + i * 30_000).toISOString(), timeMs: T0 + i * 30_000, usedBytes: 500 * MI + i * MI, capacityBytes: GI }));
  const histories = new Map(volumes.map((v) => [v.key, points.map((p) => ({ ...p }))]));
  return {
    report: { access: 'allowed', intervalMs: 30_000, nodes: nodes.map((node) => ({ node, state: 'ok' as const })), volumes },
    history: (key) => histories.get(key) ?? [],
  };
}

/** Runs `work` while a setImmediate chain ticks; returns its time and the longest gap between ticks (ms). */
async function measure(work: () => Promise<unknown> | unknown): Promise<{ totalMs: number; longestStallMs: number }> {
  const stalls = watchStalls();
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  return { totalMs: Math.round(totalMs), longestStallMs: Math.round(await stalls.stop()) };
}

async function main(): Promise<void> {
  for (const n of process.argv.slice(2).map(Number).filter((x) => x > 0)) {
    const { report, history } = setup(n);
    const trend = { history, intervalMs: 30_000 };
    diagnoseUsage(report, trend); // warm-up: times parsed and cached per point, as after the session's first pass
    const whole = await measure(() => diagnoseUsage(report, trend));
    const sliced = await measure(() => usageFindings(report, trend));
    console.log(JSON.stringify({ n, findings: diagnoseUsage(report, trend).length, whole, sliced }));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
