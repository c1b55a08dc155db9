import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FleetCounts, FleetRow, FleetState } from '../model/fleet';
import { compareFleetRows, fleetTier, sortFleet } from './fleet-order';

const counts = (over: Partial<FleetCounts> = {}): FleetCounts => ({ problems: 0, warnings: 0, claimsPending: 0, claimsLost: 0, provisionersNotAlive: 0, ...over });
const row = (name: string, state: FleetState, c?: Partial<FleetCounts>, extra: Partial<FleetRow> = {}): FleetRow => ({
  clusterId: `ctx:${name}`,
  name,
  watched: state !== 'not-watched',
  state,
  ...(c ? { counts: counts(c) } : {}),
  ...extra,
});

describe('the fleet order', () => {
  it('puts problems first, then clusters that cannot be reached, warnings, healthy, syncing, and not watched last', () => {
    const rows = [
      row('quiet', 'not-watched'),
      row('healthy', 'synced', {}),
      row('starting', 'syncing'),
      row('waiting', 'queued'),
      row('pending', 'synced', { claimsPending: 1 }),
      row('gone', 'unreachable'),
      row('broken-entry', 'unusable'),
      row('lost', 'synced', { claimsLost: 1 }),
      row('two-problems', 'synced', { problems: 2 }),
      row('one-problem', 'synced', { problems: 1, warnings: 9 }),
      row('forbidden', 'synced', {}, { forbiddenKinds: 2 }),
      row('full', 'synced', { volumesNearlyFull: 1 }),
    ];
    expect(sortFleet(rows).map((r) => r.name)).toEqual([
      'two-problems',
      'one-problem',
      'lost',
      'broken-entry',
      'gone',
      'pending',
      'full',
      'forbidden',
      'healthy',
      'starting',
      'waiting',
      'quiet',
    ]);
  });

  it('is a total order: antisymmetric, transitive through sort, and never reorders equal tiers by input order', () => {
    const state = fc.constantFrom<FleetState>('not-watched', 'queued', 'syncing', 'synced', 'unreachable', 'unusable');
    const n = fc.nat({ max: 3 });
    const arbRow = fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), state, problems: n, warnings: n, pending: n, lost: n, dead: n }).map((r) =>
      row(r.name, r.state, r.state === 'synced' ? { problems: r.problems, warnings: r.warnings, claimsPending: r.pending, claimsLost: r.lost, provisionersNotAlive: r.dead } : undefined),
    );
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 12 }), (rows) => {
        const once = sortFleet(rows);
        expect(sortFleet([...rows].reverse()).map((r) => [r.name, fleetTier(r)])).toEqual(once.map((r) => [r.name, fleetTier(r)]));
        for (let i = 1; i < once.length; i++) expect(compareFleetRows(once[i - 1]!, once[i]!)).toBeLessThanOrEqual(0);
        for (const a of rows) for (const b of rows) expect(Math.sign(compareFleetRows(a, b))).toBe(-Math.sign(compareFleetRows(b, a)) || 0);
      }),
    );
  });
});
