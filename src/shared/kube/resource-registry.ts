/**
 * The Kubernetes resources this app watches, derived from their descriptors (resources/*.ts): nothing here names
 * a resource. Pure data: shared by the reflector (to build URLs), the store, the snapshot writer and the UI.
 */
import type { TableId } from '../table-ids';
import type { Keep } from './kept-fields';
import type { ResourceDescriptor } from './resources/descriptor';
import { configMaps } from './resources/config-maps';
import { csiDrivers } from './resources/csi-drivers';
import { csiNodes } from './resources/csi-nodes';
import { csiStorageCapacities } from './resources/csi-storage-capacities';
import { events } from './resources/events';
import { leases } from './resources/leases';
import { limitRanges } from './resources/limit-ranges';
import { nodes } from './resources/nodes';
import { persistentVolumeClaims } from './resources/persistent-volume-claims';
import { persistentVolumes } from './resources/persistent-volumes';
import { pods } from './resources/pods';
import { resourceQuotas } from './resources/resource-quotas';
import { secrets } from './resources/secrets';
import { statefulSets } from './resources/stateful-sets';
import { storageClasses } from './resources/storage-classes';
import { volumeAttachments } from './resources/volume-attachments';
import { volumeAttributesClasses } from './resources/volume-attributes-classes';
import { volumePopulators } from './resources/volume-populators';
import { volumeSnapshotClasses } from './resources/volume-snapshot-classes';
import { volumeSnapshotContents } from './resources/volume-snapshot-contents';
import { volumeSnapshots } from './resources/volume-snapshots';

/** Every descriptor, in the order the UI lists resources (status strip, snapshot files). */
export const RESOURCES = [
  storageClasses,
  persistentVolumes,
  persistentVolumeClaims,
  pods,
  events,
  nodes,
  csiDrivers,
  csiNodes,
  csiStorageCapacities,
  volumeAttachments,
  leases,
  volumeSnapshots,
  volumeSnapshotContents,
  volumeSnapshotClasses,
  volumeAttributesClasses,
  volumePopulators,
  configMaps,
  secrets,
  statefulSets,
  resourceQuotas,
  limitRanges,
] as const;

type Descriptors = (typeof RESOURCES)[number];

/** Resource plural of every kind the app reflects (e.g. 'persistentvolumeclaims'). */
export type Resource = Descriptors['resource'];

/** Maps each resource to the plain-JSON type of its objects. */
export type ObjectsByResource = {
  [D in Descriptors as D['resource']]: D extends ResourceDescriptor<string, infer Obj> ? Obj : never;
};

/** Where a kind lives in the API and how it is addressed: its descriptor. */
export type ResourceInfo = ResourceDescriptor<Resource>;

export const ALL_RESOURCES: Resource[] = RESOURCES.map((d) => d.resource);

export const DESCRIPTOR_OF_RESOURCE = Object.fromEntries(RESOURCES.map((d) => [d.resource, d])) as unknown as Record<Resource, ResourceInfo>;

/** What a snapshot and the store keep of each kind (an allow-list; see kept-fields.ts). */
export const KEPT_FIELDS = Object.fromEntries(RESOURCES.map((d) => [d.resource, d.keep])) as Record<Resource, Keep>;

/** Which table lists objects of a kind, for links and lesson examples (CSIDrivers: the provisioners table). */
export const TABLE_OF_RESOURCE: Partial<Record<Resource, TableId>> = Object.fromEntries(
  RESOURCES.flatMap((d): [Resource, TableId][] => ('table' in d && d.table ? [[d.resource, d.table.id]] : [])),
);

/** The table whose rows are this kind's objects, one per object (keyed like the object). */
export const ROW_TABLE_OF_RESOURCE: Partial<Record<Resource, TableId>> = Object.fromEntries(
  RESOURCES.flatMap((d): [Resource, TableId][] => ('table' in d && d.table?.perObject ? [[d.resource, d.table.id]] : [])),
);

/** The kind whose objects a table's rows are (provisioners mix kinds and have none). */
export const RESOURCE_OF_TABLE: Partial<Record<TableId, Resource>> = Object.fromEntries(
  Object.entries(ROW_TABLE_OF_RESOURCE).map(([kind, table]) => [table, kind]),
);

/** Short names for the status strip and event objects (kubectl's, where it has one). */
export const SHORT_NAME_OF_RESOURCE = Object.fromEntries(RESOURCES.map((d) => [d.resource, d.short])) as Record<Resource, string>;

/** Kinds the diagnosis rules give findings to. */
export const DIAGNOSED_RESOURCES: ReadonlySet<Resource> = new Set(RESOURCES.filter((d) => d.diagnosed).map((d) => d.resource));

/** Kinds listed and watched as PartialObjectMetadata: their payload never reaches the app (descriptor.ts). */
export const METADATA_ONLY_RESOURCES: ReadonlySet<Resource> = new Set(RESOURCES.filter((d) => 'metadataOnly' in d && d.metadataOnly).map((d) => d.resource));

/** Object kinds (the `kind` field) whose Events matter to storage. */
export const STORAGE_EVENT_KINDS: readonly string[] = RESOURCES.filter((d) => d.storageEvents).map((d) => d.kind);

/** Maps an object's `kind` field (e.g. "PersistentVolumeClaim") back to our Resource. */
export function resourceOfKind(objectKind: string): Resource | undefined {
  return OBJECT_KINDS.get(objectKind);
}
const OBJECT_KINDS = new Map<string, Resource>(RESOURCES.map((d) => [d.kind, d.resource]));

/** The collection path of a kind, optionally inside one namespace. */
export function collectionPath(kind: Resource, namespace?: string): string {
  const info = DESCRIPTOR_OF_RESOURCE[kind];
  const base = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  if (namespace !== undefined && info.namespaced) return `${base}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
  return `${base}/${kind}`;
}

export function isResource(value: unknown): value is Resource {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DESCRIPTOR_OF_RESOURCE, value);
}
