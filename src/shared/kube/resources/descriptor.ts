/**
 * The one home of a resource: where it lives in the API, what of it is kept, which table lists it and whether
 * the diagnosis rules read it. Every registry (DESCRIPTOR_OF_RESOURCE, KEPT_FIELDS, TABLE_OF_RESOURCE, SHORT_NAME_OF_RESOURCE, DIAGNOSED_RESOURCES,
 * the storage-event filter, ObjectsByResource) is derived from these descriptors in ../kinds.ts, so adding a resource
 * means adding one file here (plus its store indices and rows in main and its columns in the renderer, if it has a
 * table). See docs/architecture.md, "Adding a resource".
 */
import type { KubeObject } from '../objects';
import type { Keep } from '../kept-fields';
import type { TableId } from '../../table-ids';

/**
 * One resource. `Resource` is the plural in the URL (`persistentvolumeclaims`), `kind` the type name
 * (`PersistentVolumeClaim`), as the API says them; `Obj` is the plain-JSON type of its objects (../objects.ts).
 */
export interface ResourceDescriptor<Resource extends string = string, Obj extends KubeObject = KubeObject> {
  resource: Resource;
  /** The `kind` field of its objects. */
  kind: string;
  /** API group; '' for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  /** True when the resource comes from a CRD (or a newer API) that discovery must confirm before it is watched. */
  optional: boolean;
  /** Plural label for the UI and the CLI ("PersistentVolumeClaims"). */
  label: string;
  /** Short name in the status strip and events' object column: kubectl's short name where it has one. */
  short: string;
  /** What a snapshot and the store keep of its objects (kept-fields.ts): an allow-list. */
  keep: Keep;
  /**
   * The table that lists its objects. `perObject`: one row per object keyed like the object (false for
   * CSIDrivers, which the provisioners table aggregates: links go there, but rows are not the driver's own).
   */
  table?: { id: TableId; perObject: boolean };
  /** Whether the diagnosis rules give its objects findings (src/shared/diagnose). */
  diagnosed: boolean;
  /** Whether Events about its objects matter to storage (kept by the reflector's arrival filter). */
  storageEvents: boolean;
  /**
   * Listed and watched as PartialObjectMetadata (`Accept: application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1`):
   * the server sends metadata only, so the object's payload (a Secret's values, a ConfigMap's data) never
   * reaches the app. Arrival keeps only `metadata` of these (kube/arrival.ts), whatever the server sent.
   */
  metadataOnly?: boolean;
  /** Phantom: carries the object type for ObjectsByResource; never set. */
  readonly object?: Obj;
}

/**
 * Declares a resource with its object type: `describe<PersistentVolumeClaim>()({ resource: ..., ... })`.
 * The curried form lets TypeScript infer the literal resource name while the object type is given.
 */
export function describe<Obj extends KubeObject>() {
  return <Resource extends string>(descriptor: ResourceDescriptor<Resource, Obj>): ResourceDescriptor<Resource, Obj> => descriptor;
}
