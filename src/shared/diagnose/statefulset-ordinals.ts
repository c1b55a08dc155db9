/**
 * How a StatefulSet names what it creates, as the controller does (pkg/controller/statefulset/stateful_set_utils.go):
 * the pod of ordinal N is `<set>-N`, the claim of template T for that pod `T-<set>-N` (getPersistentVolumeClaimName).
 * Ordinals run from spec.ordinals.start (default 0) for spec.replicas (default 1).
 */
import type { ClaimTemplate, StatefulSet } from '../kube/objects-owners';

/** The ordinals the set wants now, in order. */
export function wantedOrdinals(set: StatefulSet): number[] {
  const start = nonNegative(set.spec?.ordinals?.start, 0);
  const replicas = nonNegative(set.spec?.replicas, 1);
  // A hostile snapshot may say a billion replicas: the rules never walk more than this many ordinals.
  const count = Math.min(replicas, MAX_ORDINALS);
  return Array.from({ length: count }, (_, i) => start + i);
}

/** At most this many ordinals are examined per set (a real set past it is beyond what one screen can show). */
export const MAX_ORDINALS = 1000;

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata?.name ?? ''}-${ordinal}`;
}

export function claimName(template: ClaimTemplate, set: StatefulSet, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata?.name ?? ''}-${ordinal}`;
}

/** The templates that have a name (the API server refuses others; a snapshot may hold anything). */
export function claimTemplates(set: StatefulSet): ClaimTemplate[] {
  return (set.spec?.volumeClaimTemplates ?? []).filter((t) => Boolean(t.metadata?.name));
}

/**
 * The ordinal of a claim name made from template T of this set, or undefined when the name is not `T-<set>-N`.
 * Claims left after a scale-down keep their names, so this finds them without owner references (which the
 * controller sets only under a Delete retention policy).
 */
export function ordinalOfClaim(template: ClaimTemplate, set: StatefulSet, name: string): number | undefined {
  const prefix = `${template.metadata?.name ?? ''}-${set.metadata?.name ?? ''}-`;
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9][0-9]{0,8})$/.test(rest) ? Number(rest) : undefined;
}

function nonNegative(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}
