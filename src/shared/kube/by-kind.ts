/** Maps each Kind to the plain-JSON type of its objects. */
import type {
  CSIDriver,
  CSINode,
  KubeEvent,
  KubeNode,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
} from './objects';

export interface ObjectsByKind {
  storageclasses: StorageClass;
  persistentvolumes: PersistentVolume;
  persistentvolumeclaims: PersistentVolumeClaim;
  pods: Pod;
  events: KubeEvent;
  nodes: KubeNode;
  csidrivers: CSIDriver;
  csinodes: CSINode;
  volumeattachments: VolumeAttachment;
  leases: Lease;
  volumesnapshots: VolumeSnapshot;
  volumesnapshotcontents: VolumeSnapshotContent;
  volumesnapshotclasses: VolumeSnapshotClass;
}
