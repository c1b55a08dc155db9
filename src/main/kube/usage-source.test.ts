/**
 * The usage poller's own logic (bounded concurrency, per-node errors and backoff, forbidden, history window)
 * over an in-memory API. What the API server and kubelet really answer is proven on the lab in
 * usage-source.int.test.ts; these answers are shaped like the ones captured there.
 */
import { describe, expect, test, vi } from 'vitest';
import { ApiError } from './api-client';
import { UsageSource, type UsageChange, type UsageClient } from './usage-source';

const summary = (node: string, used: number) => ({
  node: { nodeName: node, fs: { capacityBytes: 100, usedBytes: 10, availableBytes: 90 } },
  pods: [{ podRef: { name: `p-${node}`, namespace: 'ns', uid: 'u' }, volume: [{ name: 'data', usedBytes: used, capacityBytes: 1000, availableBytes: 1000 - used, pvcRef: { name: `c-${node}`, namespace: 'ns' } }] }],
});

function api(opts: { allowed?: () => boolean; fail?: Set<string>; used?: () => number; delayMs?: number }) {
  let inFlight = 0;
  let maxInFlight = 0;
  const calls: string[] = [];
  const client: UsageClient = {
    async json<T>(path: string): Promise<T> {
      calls.push(path);
      if (path.includes('selfsubjectaccessreviews')) return { status: { allowed: opts.allowed?.() ?? true } } as T;
      const node = /nodes\/([^/]+)\/proxy/.exec(path)![1]!;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 1));
      inFlight--;
      if (opts.fail?.has(node)) throw new ApiError(503, `https://api/api/v1/nodes/${node}/proxy/stats/summary answered 503: error trying to reach service: dial tcp: connection refused.`);
      return summary(node, opts.used?.() ?? 10) as T;
    },
  };
  return { client, calls, maxInFlight: () => maxInFlight };
}

const nodes = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, '0')}`);

describe('UsageSource', () => {
  test('asks every node once per round, at most `concurrency` at a time, after one access review', async () => {
    const a = api({ delayMs: 5 });
    const changes: UsageChange[] = [];
    const usage = new UsageSource({ client: a.client, nodes: () => nodes, podOf: () => undefined, onChange: (c) => changes.push(c), concurrency: 3 });
    await usage.pollOnce();
    expect(a.calls.filter((c) => c.includes('selfsubject'))).toHaveLength(1);
    expect(a.calls.filter((c) => c.includes('/proxy/stats/summary'))).toHaveLength(12);
    expect(a.maxInFlight()).toBe(3);
    expect(usage.report().volumes).toHaveLength(12);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.nodes).toEqual(nodes);
    // Nothing moved: no notice.
    await usage.pollOnce();
    expect(changes).toHaveLength(1);
  });

  test('a node that fails is unknown (named, its volumes dropped), the others stay, and it is retried after a backoff', async () => {
    let now = 1_000_000;
    const fail = new Set(['n01']);
    const a = api({ fail });
    const usage = new UsageSource({ client: a.client, nodes: () => ['n00', 'n01'], podOf: () => undefined, onChange: () => undefined, intervalMs: 1000, now: () => now });
    await usage.pollOnce();
    const report = usage.report();
    expect(report.nodes.map((n) => n.state)).toEqual(['ok', 'error']);
    expect(report.nodes[1]!.error).toMatch(/nodes\/n01\/proxy\/stats\/summary answered 503/);
    expect(report.volumes.map((v) => v.node)).toEqual(['n00']);
    // Due nodes only: n00 again after the interval, n01 not before its backoff (>= the interval, growing).
    now += 1000;
    a.calls.length = 0;
    await usage.pollOnce(false);
    expect(a.calls.filter((c) => c.includes('stats'))).toEqual(['/api/v1/nodes/n00/proxy/stats/summary']);
    fail.clear();
    now += 10 * 60_000;
    await usage.pollOnce(false);
    expect(usage.report().nodes.map((n) => n.state)).toEqual(['ok', 'ok']);
  });

  test('forbidden: no volumes, never zeros; a 403 from the proxy says the same', async () => {
    let allowed = false;
    const a = api({ allowed: () => allowed });
    const usage = new UsageSource({ client: a.client, nodes: () => ['n00'], podOf: () => undefined, onChange: () => undefined });
    await usage.pollOnce();
    expect(usage.report()).toMatchObject({ access: 'forbidden', volumes: [], message: expect.stringContaining('No permission to read usage') });
    expect(a.calls.some((c) => c.includes('stats'))).toBe(false);
    allowed = true;
    await usage.pollOnce();
    expect(usage.report().volumes).toHaveLength(1);

    const denied: UsageClient = {
      json: async <T>(path: string) => {
        if (path.includes('selfsubject')) return { status: { allowed: true } } as T;
        throw new ApiError(403, 'User "x" may not do this');
      },
    };
    const usage2 = new UsageSource({ client: denied, nodes: () => ['n00'], podOf: () => undefined, onChange: () => undefined });
    await usage2.pollOnce();
    expect(usage2.report().access).toBe('forbidden');
  });

  test('history keeps the window only', async () => {
    let now = 0;
    let used = 0;
    const a = api({ used: () => used });
    const usage = new UsageSource({ client: a.client, nodes: () => ['n00'], podOf: () => undefined, onChange: () => undefined, historyMs: 3000, now: () => now });
    for (let i = 0; i < 6; i++) {
      used = i * 10;
      await usage.pollOnce();
      now += 1000;
    }
    expect(usage.history('claim:ns/c-n00').map((p) => p.usedBytes)).toEqual([20, 30, 40, 50]);
    // Each point carries its time as a number too, the same instant: trends and pruning never parse (trend.ts).
    expect(usage.history('claim:ns/c-n00').map((p) => [p.timeMs, Date.parse(p.time)])).toEqual([2000, 3000, 4000, 5000].map((ms) => [ms, ms]));
  });
});

describe('UsageSource pausing', () => {
  test('stops polling when nobody asks for three intervals, and resumes on the next report', async () => {
    const a = api({});
    const usage = new UsageSource({ client: a.client, nodes: () => ['n00'], podOf: () => undefined, onChange: () => undefined, intervalMs: 20 });
    const polls = () => a.calls.filter((c) => c.includes('stats')).length;
    usage.start();
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await sleep(300);
    expect(usage.paused).toBe(true);
    const before = polls();
    expect(before).toBeGreaterThan(0);
    await sleep(200);
    expect(polls()).toBe(before);
    usage.report();
    await sleep(100);
    expect(polls()).toBeGreaterThan(before);
    await usage.stop();
  });
  test('every round grows the history and its revision and calls onRound, even when no value moved (trends may have)', async () => {
    let now = 1_000_000;
    let rounds = 0;
    const changes: UsageChange[] = [];
    const usage = new UsageSource({ client: api({}).client, nodes: () => ['n00'], podOf: () => undefined, onChange: (c) => changes.push(c), onRound: () => (rounds += 1), intervalMs: 1000, historyMs: 2500, now: () => now });
    await usage.pollOnce();
    const first = usage.historyRevision;
    now += 1000;
    await usage.pollOnce();
    expect(changes).toHaveLength(1); // the second round moved nothing
    expect(rounds).toBe(2);
    expect(usage.historyRevision).toBeGreaterThan(first);
    expect(usage.history('claim:ns/c-n00')).toHaveLength(2);
    // Points leaving the window move the revision too.
    now += 5000;
    const before = usage.historyRevision;
    await usage.pollOnce();
    expect(usage.history('claim:ns/c-n00')).toHaveLength(1);
    expect(usage.historyRevision).toBeGreaterThan(before + 1);
  });

  test('a shorter interval set while polling asks a node that answered longer ago than it at once; a longer one waits', async () => {
    let now = 1_000_000;
    const a = api({});
    const polls = () => a.calls.filter((c) => c.includes('/proxy/stats/summary')).length;
    let rounds = 0;
    const usage = new UsageSource({ client: a.client, nodes: () => ['n00'], podOf: () => undefined, onChange: () => undefined, onRound: () => rounds++, intervalMs: 600_000, now: () => now });
    usage.start();
    await vi.waitFor(() => expect(rounds).toBe(1), { timeout: 30_000 });
    expect(polls()).toBe(1);
    // 10 minutes' interval: on the page's clock one minute passes and nothing is due.
    now += 60_000;
    usage.report();
    usage.setIntervalMs(120_000);
    // Still not due (answered 1 min ago, interval 2 min): the loop woke, ran a round, and asked no node.
    await vi.waitFor(() => expect(rounds).toBe(2), { timeout: 30_000 });
    expect(polls()).toBe(1);
    usage.setIntervalMs(30_000);
    // Answered 1 min ago, interval 30 s: due now, asked without waiting for the old 10 minutes.
    await vi.waitFor(() => expect(polls()).toBe(2), { timeout: 30_000 });
    expect(usage.report().intervalMs).toBe(30_000);
    await usage.stop();
  });
});
