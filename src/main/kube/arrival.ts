/**
 * What happens to an object as it arrives from the API, before anything else sees it.
 */
import { KINDS, STORAGE_EVENT_KINDS, type Kind } from '../../shared/kube/kinds';
import type { KubeEvent, KubeObject } from '../../shared/kube/objects';

/**
 * Drops `metadata.managedFields` (server-side-apply bookkeeping: often the largest part of an object and never
 * shown), and fills `kind`/`apiVersion`, which LIST responses leave out of their items.
 */
export function prepareObject(kind: Kind, object: KubeObject): KubeObject {
  const metadata = object.metadata as (KubeObject['metadata'] & { managedFields?: unknown }) | undefined;
  if (metadata && 'managedFields' in metadata) delete metadata.managedFields;
  if (object.kind === undefined || object.apiVersion === undefined) {
    const info = KINDS[kind];
    object.kind ??= info.kind;
    object.apiVersion ??= info.group === '' ? info.version : `${info.group}/${info.version}`;
  }
  return object;
}

/**
 * Kinds whose events matter to storage: the objects we show (their descriptors say so), and the controllers that
 * create claims for pods.
 */
export const STORAGE_EVENT_OBJECT_KINDS: ReadonlySet<string> = new Set([...STORAGE_EVENT_KINDS, 'StatefulSet']);

/** Events about other things (deployments scaling, services...) are dropped before they reach the store. */
export function isStorageEvent(object: KubeObject): boolean {
  const kind = (object as KubeEvent).involvedObject?.kind;
  return kind !== undefined && STORAGE_EVENT_OBJECT_KINDS.has(kind);
}

/** The filter a kind's reflector applies before the sink, if any. */
export function arrivalFilter(kind: Kind): ((object: KubeObject) => boolean) | undefined {
  return kind === 'events' ? isStorageEvent : undefined;
}
