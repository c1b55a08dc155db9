/**
 * What happens to an object as it arrives from the API, before anything else sees it.
 */
import { DESCRIPTOR_OF_RESOURCE, METADATA_ONLY_RESOURCES, STORAGE_EVENT_KINDS, type Resource } from '../../shared/kube/resource-registry';
import type { KubeEvent, KubeObject, ObjectMeta } from '../../shared/kube/objects';

/**
 * The media types that make the API server send PartialObjectMetadata (metadata only) for a LIST and a WATCH,
 * as client-go's metadata client asks (k8s.io/client-go/metadata). Without a plain `application/json` fallback:
 * a server that cannot send metadata only answers 406, and the kind shows as failed, rather than sending data.
 */
export const PARTIAL_METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
export const PARTIAL_METADATA = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

/** The metadata of a metadata-only object the app keeps: names and ownership. Annotations are never kept. */
const KEPT_METADATA = ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'labels', 'ownerReferences'] as const;

/**
 * Drops `metadata.managedFields` (server-side-apply bookkeeping: often the largest part of an object and never
 * shown), and fills `kind`/`apiVersion`, which LIST responses leave out of their items.
 */
export function prepareObject(kind: Resource, object: KubeObject): KubeObject {
  if (METADATA_ONLY_RESOURCES.has(kind)) return metadataOnly(kind, object);
  const metadata = object.metadata as (KubeObject['metadata'] & { managedFields?: unknown }) | undefined;
  if (metadata && 'managedFields' in metadata) delete metadata.managedFields;
  if (object.kind === undefined || object.apiVersion === undefined) {
    const info = DESCRIPTOR_OF_RESOURCE[kind];
    object.kind ??= info.kind;
    object.apiVersion ??= info.group === '' ? info.version : `${info.group}/${info.version}`;
  }
  return object;
}

/**
 * What is kept of a ConfigMap or Secret: its kind and the names in its metadata, nothing else. The server was asked
 * for PartialObjectMetadata (kind "PartialObjectMetadata"), but whatever it sent (a proxy that ignored the media
 * type, a full object in a watch), `data`, `stringData`, `binaryData` and annotations (kubectl's
 * last-applied-configuration holds the values) are dropped here, before any store sees the object.
 */
function metadataOnly(kind: Resource, object: KubeObject): KubeObject {
  const info = DESCRIPTOR_OF_RESOURCE[kind];
  const source: ObjectMeta = object.metadata ?? {};
  const metadata: Record<string, unknown> = {};
  for (const key of KEPT_METADATA) if (source[key] !== undefined) metadata[key] = source[key];
  return { apiVersion: info.group === '' ? info.version : `${info.group}/${info.version}`, kind: info.kind, metadata: metadata as ObjectMeta };
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
export function arrivalFilter(kind: Resource): ((object: KubeObject) => boolean) | undefined {
  return kind === 'events' ? isStorageEvent : undefined;
}
