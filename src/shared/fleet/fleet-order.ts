/**
 * The fleet's order, worst first (issue 18): a cluster with storage problems before one that cannot be reached
 * (an unknown may be fine), then warnings or unread kinds, then healthy ones, then those still syncing, and the
 * ones not watched last. Within a tier, more problems (then warnings, Pending claims) first, then by name. Pure.
 */
import type { FleetRow } from '../model/fleet';

/** The tier of a row: lower is shown first. */
export function fleetTier(row: FleetRow): number {
  const c = row.counts;
  if (row.state === 'synced' && c && (c.problems > 0 || c.claimsLost > 0 || c.provisionersNotAlive > 0)) return 0;
  if (row.state === 'unreachable' || row.state === 'unusable') return 1;
  if (row.state === 'synced' && c && (c.warnings > 0 || c.claimsPending > 0 || (c.volumesNearlyFull ?? 0) > 0 || (row.forbiddenKinds ?? 0) > 0)) return 2;
  if (row.state === 'synced') return 3;
  if (row.state === 'syncing' || row.state === 'queued') return 4;
  return 5;
}

/** Compares two rows for the fleet's order (Array.prototype.sort). */
export function compareFleetRows(a: FleetRow, b: FleetRow): number {
  const byTier = fleetTier(a) - fleetTier(b);
  if (byTier !== 0) return byTier;
  const ca = a.counts;
  const cb = b.counts;
  if (ca && cb) {
    for (const key of ['problems', 'claimsLost', 'provisionersNotAlive', 'warnings', 'claimsPending'] as const) {
      if (ca[key] !== cb[key]) return cb[key] - ca[key];
    }
    const fullA = ca.volumesNearlyFull ?? 0;
    const fullB = cb.volumesNearlyFull ?? 0;
    if (fullA !== fullB) return fullB - fullA;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The rows worst first, as a new array. */
export function sortFleet(rows: readonly FleetRow[]): FleetRow[] {
  return [...rows].sort(compareFleetRows);
}
