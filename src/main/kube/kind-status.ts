/**
 * One KindStatus from the states of a kind's reflectors (one cluster-wide, or one per namespace for a
 * namespace-limited user). Pure.
 */
import type { Resource } from '../../shared/kube/resource-registry';
import type { KindStatus } from '../../shared/model/status';
import type { ReflectorState } from './reflector';

/** `states` maps a namespace ('' for cluster-wide) to its reflector's state. */
export function mergeKindStatus(kind: Resource, states: Map<string, ReflectorState>): KindStatus {
  const all = [...states.values()];
  const namespaces = [...states.keys()].filter((namespace) => namespace !== '').sort();
  const status: KindStatus = { kind, state: 'idle', count: 0 };
  if (namespaces.length > 0) status.namespaces = namespaces;
  if (all.length === 0) return status;
  status.count = all.reduce((sum, state) => sum + state.count, 0);
  status.lastEventAt = latest(all.map((state) => state.lastEventAt));
  // The worst state wins: an error anywhere must not hide behind a synced namespace.
  const order: ReflectorState['state'][] = ['error', 'forbidden', 'syncing', 'absent', 'synced'];
  status.state = order.find((candidate) => all.some((state) => state.state === candidate)) ?? 'synced';
  const worst = all.filter((state) => state.state === status.state);
  const message = worst.map((state) => state.message).find((text) => text !== undefined);
  if (message !== undefined) status.message = message;
  const detail = worst.map((state) => state.detail).find((text) => text !== undefined);
  if (detail !== undefined) status.detail = detail;
  const retry = earliest(worst.map((state) => state.nextRetryAt));
  if (retry !== undefined) status.nextRetryAt = retry;
  if (all.every((state) => state.syncedAt !== undefined)) {
    status.syncedAt = latest(all.map((state) => state.syncedAt));
    status.syncMillis = Math.max(...all.map((state) => state.syncMillis ?? 0));
  }
  return status;
}

// ISO timestamps of one clock compare correctly as strings.
function latest(values: (string | undefined)[]): string | undefined {
  return values.filter((value): value is string => value !== undefined).sort().at(-1);
}

function earliest(values: (string | undefined)[]): string | undefined {
  return values.filter((value): value is string => value !== undefined).sort()[0];
}
