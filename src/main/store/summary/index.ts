/**
 * The Summary of any object the app shows: the basics first, per kind (claims.ts, volumes.ts, classes.ts,
 * pods.ts, others.ts), as plain data the renderer only words and formats. See shared/model/summary.ts.
 */
import type { Kind } from '../../../shared/kube/kinds';
import type {
  CSIDriver,
  CSINode,
  KubeEvent,
  KubeNode,
  KubeObject,
  Lease,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
  VolumeAttachment,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
} from '../../../shared/kube/objects';
import type { ProvisionerRow } from '../../../shared/model/rows';
import type { SummaryField } from '../../../shared/model/summary';
import type { FindingsCache } from '../findings-cache';
import type { ObjectStore } from '../object-store';
import { claimSummary } from './claims';
import { classSummary, csiDriverSummary, provisionerSummary } from './classes';
import { SummaryList } from './fields';
import { attachmentSummary, csiNodeSummary, eventSummary, leaseSummary, snapshotClassSummary, snapshotContentSummary, snapshotSummary } from './others';
import { nodeSummary, podSummary } from './pods';
import { volumeSummary } from './volumes';

/** The Summary fields of one object of a kind, in the order the tab shows them. */
export function objectSummary(store: ObjectStore, findings: FindingsCache, kind: Kind, obj: KubeObject): SummaryField[] {
  const list = new SummaryList(store);
  switch (kind) {
    case 'persistentvolumeclaims':
      claimSummary(list, store, obj as PersistentVolumeClaim);
      break;
    case 'persistentvolumes':
      volumeSummary(list, obj as PersistentVolume);
      break;
    case 'storageclasses':
      classSummary(list, findings, obj as StorageClass);
      break;
    case 'pods':
      podSummary(list, obj as Pod);
      break;
    case 'nodes':
      nodeSummary(list, store, obj as KubeNode);
      break;
    case 'csidrivers':
      csiDriverSummary(list, findings, obj as CSIDriver);
      break;
    case 'csinodes':
      csiNodeSummary(list, obj as CSINode);
      break;
    case 'volumeattachments':
      attachmentSummary(list, obj as VolumeAttachment);
      break;
    case 'volumesnapshots':
      snapshotSummary(list, obj as VolumeSnapshot);
      break;
    case 'volumesnapshotcontents':
      snapshotContentSummary(list, obj as VolumeSnapshotContent);
      break;
    case 'volumesnapshotclasses':
      snapshotClassSummary(list, obj as VolumeSnapshotClass);
      break;
    case 'events':
      eventSummary(list, obj as KubeEvent);
      break;
    case 'leases':
      leaseSummary(list, obj as Lease);
      break;
  }
  return list.fields;
}

/** The Summary of a provisioner (not an object: its health row). */
export function provisionerRowSummary(store: ObjectStore, row: ProvisionerRow): SummaryField[] {
  const list = new SummaryList(store);
  provisionerSummary(list, row);
  return list.fields;
}
