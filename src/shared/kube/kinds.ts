/**
 * The Kubernetes kinds this app watches, keyed by their API resource plural.
 * Pure data: shared by the reflector (to build URLs), the store and the UI.
 */

/** Resource plural of every kind the app reflects. */
export type Kind =
  | 'storageclasses'
  | 'persistentvolumes'
  | 'persistentvolumeclaims'
  | 'pods'
  | 'events'
  | 'nodes'
  | 'csidrivers'
  | 'csinodes'
  | 'volumeattachments'
  | 'leases'
  | 'volumesnapshots'
  | 'volumesnapshotcontents'
  | 'volumesnapshotclasses';

/** Where a kind lives in the API and how it is addressed. */
export interface KindInfo {
  kind: Kind;
  /** The `kind` field of its objects. */
  objectKind: string;
  group: string;
  version: string;
  namespaced: boolean;
  /** True when the kind comes from a CRD that discovery must confirm before it is watched. */
  optional: boolean;
  /** Short label for the UI and the CLI. */
  label: string;
}

export const KINDS: Record<Kind, KindInfo> = {
  storageclasses: k('storageclasses', 'StorageClass', 'storage.k8s.io', 'v1', false, 'StorageClasses'),
  persistentvolumes: k('persistentvolumes', 'PersistentVolume', '', 'v1', false, 'PersistentVolumes'),
  persistentvolumeclaims: k('persistentvolumeclaims', 'PersistentVolumeClaim', '', 'v1', true, 'PersistentVolumeClaims'),
  pods: k('pods', 'Pod', '', 'v1', true, 'Pods'),
  events: k('events', 'Event', '', 'v1', true, 'Events'),
  nodes: k('nodes', 'Node', '', 'v1', false, 'Nodes'),
  csidrivers: k('csidrivers', 'CSIDriver', 'storage.k8s.io', 'v1', false, 'CSIDrivers'),
  csinodes: k('csinodes', 'CSINode', 'storage.k8s.io', 'v1', false, 'CSINodes'),
  volumeattachments: k('volumeattachments', 'VolumeAttachment', 'storage.k8s.io', 'v1', false, 'VolumeAttachments'),
  leases: k('leases', 'Lease', 'coordination.k8s.io', 'v1', true, 'Leases'),
  volumesnapshots: k('volumesnapshots', 'VolumeSnapshot', 'snapshot.storage.k8s.io', 'v1', true, 'VolumeSnapshots', true),
  volumesnapshotcontents: k(
    'volumesnapshotcontents',
    'VolumeSnapshotContent',
    'snapshot.storage.k8s.io',
    'v1',
    false,
    'VolumeSnapshotContents',
    true,
  ),
  volumesnapshotclasses: k(
    'volumesnapshotclasses',
    'VolumeSnapshotClass',
    'snapshot.storage.k8s.io',
    'v1',
    false,
    'VolumeSnapshotClasses',
    true,
  ),
};

function k(
  kind: Kind,
  objectKind: string,
  group: string,
  version: string,
  namespaced: boolean,
  label: string,
  optional = false,
): KindInfo {
  return { kind, objectKind, group, version, namespaced, optional, label };
}

export const ALL_KINDS = Object.keys(KINDS) as Kind[];

/** Maps an object's `kind` field (e.g. "PersistentVolumeClaim") back to our Kind. */
export function kindOfObjectKind(objectKind: string): Kind | undefined {
  return ALL_KINDS.find((kind) => KINDS[kind].objectKind === objectKind);
}

/** The collection path of a kind, optionally inside one namespace. */
export function collectionPath(kind: Kind, namespace?: string): string {
  const info = KINDS[kind];
  const base = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  if (namespace !== undefined && info.namespaced) return `${base}/namespaces/${encodeURIComponent(namespace)}/${kind}`;
  return `${base}/${kind}`;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}
