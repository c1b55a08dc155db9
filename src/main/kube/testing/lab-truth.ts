/** Helpers for integration tests against the lab: the truth from a plain LIST, kubeconfigs, polling. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { collectionPath, type Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import { isStorageEvent } from '../arrival';
import { pollUntil } from './until';

interface ListClient {
  list<T>(path: string, query?: Record<string, string>): Promise<{ items: T[] }>;
}

/** "namespace/name@uid" of every object a plain LIST returns (events filtered as the reflector does). */
export async function truth(client: ListClient, kind: Resource, namespace?: string): Promise<string[]> {
  const list = await client.list<KubeObject>(collectionPath(kind, namespace));
  const items = kind === 'events' ? list.items.filter(isStorageEvent) : list.items;
  return items.map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}@${o.metadata?.uid ?? ''}`).sort();
}

/** Polls until `check` returns true (or a truthy value); fails with `what` and the last error after the timeout. */
export function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 100): Promise<NonNullable<T>> {
  return pollUntil(what, check, { timeoutMs, intervalMs });
}

/** A copy of the lab's kubeconfig in `dir` with the server (and optionally users) changed. */
export function writeKubeconfigVariant(
  labKubeconfig: string,
  dir: string,
  name: string,
  change: (config: { clusters: { cluster: Record<string, unknown> }[]; users: { name: string; user: Record<string, unknown> }[] }) => void,
): string {
  const config = parse(readFileSync(labKubeconfig, 'utf8')) as Parameters<typeof change>[0];
  change(config);
  const file = join(dir, name);
  writeFileSync(file, stringify(config));
  return file;
}
