/**
 * The fleet view's core (issue 18) over two real labs running at once and a context whose API server port is
 * closed, in one kubeconfig. Each lab is given its own problems (claims naming a StorageClass that does not
 * exist: two on A, one on B), so a row with the other lab's counts fails. Proves: a context not watched is
 * never contacted; watched ones sync a few at a time, and an unreachable one holds its slot only until its time
 * limit; the counts are each cluster's own, worst first; the choice is remembered across starts; a context no
 * longer watched is closed; a stopped lab turns unreachable while the other stays synced.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetKubeconfig } from '../../../e2e/cluster/fleet-kubeconfig';
import { claimManifest } from '../../../e2e/cluster/manifests';
import { startLab, type Lab } from '../../../e2e/cluster/lab';
import type { Fleet, FleetRow } from '../../shared/model/fleet';
import { Core } from './core';
import { FleetChoicesFile } from './fleet-choices';
import { createCoreDeps } from './wiring';

const resourcesDir = resolve(__dirname, '../../../resources');
const SYNC_LIMIT_MS = 8_000;
let labA: Lab | undefined;
let labB: Lab;
let work: string;
let kubeconfig: string;
const cores: Core[] = [];

function startCore(): Promise<Core> {
  const core = new Core({
    deps: createCoreDeps({ resourcesDir, kubeconfig: { kubeconfigEnv: kubeconfig } }),
    resourcesDir,
    version: 'test',
    transport: 'web',
    autoOpenDemo: false,
    fleetChoices: new FleetChoicesFile(join(work, 'state', 'fleet.json')),
    fleetSyncTimeoutMs: SYNC_LIMIT_MS,
  });
  cores.push(core);
  return core.start().then(() => core);
}

const ids = { a: 'ctx:fleet-a', b: 'ctx:fleet-b', dead: 'ctx:fleet-dead', hanging: 'ctx:fleet-hanging' };
/** Accepts connections and never answers (a black-holed API server): only the time limit ends a wait on it. */
let hanging: Server;
const held = new Set<Socket>();
const rowOf = (fleet: Fleet, id: string): FleetRow => fleet.rows.find((r) => r.clusterId === id)!;

/** Polls getFleet until `done` holds (or fails with the last fleet seen). */
async function fleetUntil(core: Core, done: (fleet: Fleet) => boolean, timeoutMs = 90_000): Promise<Fleet> {
  const started = Date.now();
  for (;;) {
    const fleet = await core.invoke('getFleet', {});
    if (done(fleet)) return fleet;
    if (Date.now() - started > timeoutMs) throw new Error(`fleet not as expected after ${timeoutMs} ms: ${JSON.stringify(fleet.rows.map((r) => [r.name, r.state, r.counts, r.error]))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  [labA, labB] = await Promise.all([startLab({ seedScenarios: false, log: () => undefined }), startLab({ seedScenarios: false, log: () => undefined })]);
  work = await mkdtemp(join(tmpdir(), 'kse-fleet-view-'));
  kubeconfig = join(work, 'fleet.kubeconfig');
  hanging = createServer((socket) => void held.add(socket));
  await new Promise<void>((done) => hanging.listen(0, '127.0.0.1', done));
  const hangingPort = (hanging.address() as { port: number }).port;
  await writeFleetKubeconfig(kubeconfig, { 'fleet-a': labA, 'fleet-b': labB }, 'fleet-dead', { 'fleet-hanging': `https://127.0.0.1:${hangingPort}` });
  for (const name of ['a-one', 'a-two']) await labA.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', claimManifest(name, { storageClassName: 'missing-a' }));
  await labB.client('admin').create('/api/v1/namespaces/default/persistentvolumeclaims', claimManifest('b-one', { storageClassName: 'missing-b' }));
}, 600_000);

afterAll(async () => {
  await Promise.all(cores.map((c) => c.close()));
  await Promise.all([labA?.stop(), labB?.stop()]);
  for (const socket of held) socket.destroy();
  hanging?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the fleet over two labs and a dead context', () => {
  let core: Core;

  it('lists every context as not watched, and contacts none, until the user chooses', async () => {
    core = await startCore();
    const fleet = await core.invoke('getFleet', {});
    expect(fleet.rows.map((r) => [r.name, r.state, r.watched])).toEqual([
      ['fleet-a', 'not-watched', false],
      ['fleet-b', 'not-watched', false],
      ['fleet-dead', 'not-watched', false],
      ['fleet-hanging', 'not-watched', false],
    ]);
    expect(core.registry.sessions()).toEqual([]);
  }, 60_000);

  it('syncs the watched contexts one at a time: one that never answers holds the slot only until its limit', async () => {
    const chosen = await core.invoke('setFleetChoices', { watched: [ids.hanging, ids.dead, ids.a, ids.b], concurrency: 1 });
    expect(chosen.concurrency).toBe(1);
    // One slot: the hanging context takes it, the others wait without being contacted.
    expect(chosen.rows.filter((r) => r.state === 'queued').map((r) => r.name).sort()).toEqual(['fleet-a', 'fleet-b', 'fleet-dead']);
    const connection = (id: string) => core.registry.list().find((c) => c.id === id)?.connection;
    expect(connection(ids.hanging)).toBe('connecting');
    expect([connection(ids.a), connection(ids.b), connection(ids.dead)]).toEqual(['closed', 'closed', 'closed']);
    const started = Date.now();
    const seen: string[][] = [];
    const fleet = await fleetUntil(core, (f) => {
      seen.push(f.rows.filter((r) => r.state === 'syncing').map((r) => r.name));
      return rowOf(f, ids.a).state === 'synced' && rowOf(f, ids.b).state === 'synced' && rowOf(f, ids.dead).state === 'unreachable' && rowOf(f, ids.hanging).state === 'unreachable';
    });
    // Never more than one syncing at once.
    expect(Math.max(...seen.map((s) => s.length))).toBeLessThanOrEqual(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SYNC_LIMIT_MS - 1_000);
    const a = rowOf(fleet, ids.a);
    const b = rowOf(fleet, ids.b);
    expect(a.counts).toMatchObject({ claimsPending: 2, claimsLost: 0 });
    expect(b.counts).toMatchObject({ claimsPending: 1, claimsLost: 0 });
    expect(a.counts!.problems).toBeGreaterThan(b.counts!.problems);
    expect(b.counts!.problems).toBeGreaterThanOrEqual(1);
    // Usage is not read by the fleet: unknown, not 0.
    expect(a.counts!.volumesNearlyFull).toBeUndefined();
    expect(a.serverVersion).toMatch(/^v1\./);
    expect(Date.parse(a.lastSyncedAt!)).toBeGreaterThan(started - 60_000);
    const dead = rowOf(fleet, ids.dead);
    // Refused at once: its connection's own error, and it did not wait for the limit.
    expect(dead.error).toMatch(/Cannot reach the API server https:\/\/127\.0\.0\.1:\d+/);
    const stuck = rowOf(fleet, ids.hanging);
    expect(stuck.error).toContain('kubectl --context fleet-hanging get --raw /version');
    expect(rowOf(fleet, ids.hanging).error).toContain(`did not sync within ${SYNC_LIMIT_MS / 1000} s`);
    // Worst first: the lab with more problems, then the other, then the ones that cannot be reached (by name).
    expect(fleet.rows.map((r) => r.name)).toEqual(['fleet-a', 'fleet-b', 'fleet-dead', 'fleet-hanging']);
  }, 180_000);

  it('remembers the choice: a new start watches the same contexts', async () => {
    const again = await startCore();
    const fleet = await fleetUntil(again, (f) => rowOf(f, ids.a).state === 'synced' && rowOf(f, ids.b).state === 'synced');
    expect(fleet.rows.every((r) => r.watched)).toBe(true);
    expect(fleet.concurrency).toBe(1);
    await again.close();
  }, 180_000);

  it('closes a context no longer watched, and a stopped lab turns unreachable while the other stays synced', async () => {
    const fleet = await core.invoke('setFleetChoices', { watched: [ids.a, ids.b] });
    expect(rowOf(fleet, ids.dead)).toMatchObject({ state: 'not-watched', watched: false });
    expect(rowOf(fleet, ids.hanging)).toMatchObject({ state: 'not-watched', watched: false });
    await expect.poll(() => core.registry.sessions().map((s) => s.info.id).sort(), { timeout: 30_000 }).toEqual([ids.a, ids.b]);

    await labA?.stop();
    labA = undefined;
    const after = await fleetUntil(core, (f) => rowOf(f, ids.a).state === 'unreachable', 120_000);
    expect(rowOf(after, ids.b).state).toBe('synced');
    expect(rowOf(after, ids.b).counts).toMatchObject({ claimsPending: 1 });
    expect(rowOf(after, ids.a).error).toBeTruthy();
  }, 240_000);
});
