/**
 * Summaries of the kinds around volumes: CSINode registrations, VolumeAttachments, snapshots, events and leases.
 */
import type {
  CSIStorageCapacity,
  CSINode,
  KubeEvent,
  Lease,
  VolumeAttachment,
  VolumeAttributesClass,
  VolumeSnapshot,
  VolumeSnapshotClass,
  VolumeSnapshotContent,
} from '../../../shared/kube/objects';
import { resourceOfKind } from '../../../shared/kube/resource-registry';
import type { ObjectStore } from '../object-store';
import { refOf } from '../related-chain';
import type { SummaryList } from './fields';

export function csiNodeSummary(list: SummaryList, csiNode: CSINode): void {
  list.refs('node', 'metadata.name', [list.byName('nodes', csiNode.metadata?.name ?? '')]);
  list.list(
    'driverRegistrations',
    'spec.drivers',
    (csiNode.spec?.drivers ?? []).map((d) => {
      const limit = d.allocatable?.count;
      return [d.name, d.nodeID ? `nodeID=${d.nodeID}` : '', limit !== undefined ? `allocatable.count=${limit}` : ''].filter(Boolean).join(' ');
    }),
  );
  list.metadata(csiNode);
}

export function attachmentSummary(list: SummaryList, va: VolumeAttachment): void {
  const spec = va.spec ?? {};
  list.text('attacher', 'spec.attacher', spec.attacher);
  if (spec.nodeName) list.refs('node', 'spec.nodeName', [list.byName('nodes', spec.nodeName)]);
  const pv = spec.source?.persistentVolumeName;
  if (pv) list.refs('attachedVolume', 'spec.source.persistentVolumeName', [list.byName('persistentvolumes', pv)]);
  list.bool('attached', 'status.attached', va.status?.attached);
  list.text('attachError', 'status.attachError.message', va.status?.attachError?.message ?? va.status?.detachError?.message);
  list.metadata(va);
}

export function snapshotSummary(list: SummaryList, snap: VolumeSnapshot): void {
  const ns = snap.metadata?.namespace ?? '';
  const source = snap.spec?.source;
  if (source?.persistentVolumeClaimName) list.refs('sourceClaim', 'spec.source.persistentVolumeClaimName', [list.byName('persistentvolumeclaims', source.persistentVolumeClaimName, ns)]);
  if (snap.spec?.volumeSnapshotClassName) list.refs('snapshotClass', 'spec.volumeSnapshotClassName', [list.byName('volumesnapshotclasses', snap.spec.volumeSnapshotClassName)]);
  const content = snap.status?.boundVolumeSnapshotContentName ?? source?.volumeSnapshotContentName;
  if (content) list.refs('snapshotContent', 'status.boundVolumeSnapshotContentName', [list.byName('volumesnapshotcontents', content)]);
  list.bool('readyToUse', 'status.readyToUse', snap.status?.readyToUse);
  list.text('restoreSize', 'status.restoreSize', snap.status?.restoreSize);
  list.text('snapshotError', 'status.error.message', snap.status?.error?.message);
  list.metadata(snap);
}

export function snapshotContentSummary(list: SummaryList, content: VolumeSnapshotContent): void {
  const spec = content.spec ?? {};
  list.text('driver', 'spec.driver', spec.driver);
  list.text('deletionPolicy', 'spec.deletionPolicy', spec.deletionPolicy);
  const ref = spec.volumeSnapshotRef;
  if (ref?.name) list.refs('volumeSnapshot', 'spec.volumeSnapshotRef', [list.byName('volumesnapshots', ref.name, ref.namespace ?? '')]);
  list.code('snapshotHandle', spec.source?.snapshotHandle ? 'spec.source.snapshotHandle' : 'spec.source.volumeHandle', spec.source?.snapshotHandle ?? spec.source?.volumeHandle);
  list.bool('readyToUse', 'status.readyToUse', content.status?.readyToUse);
  list.text('restoreSize', 'status.restoreSize', content.status?.restoreSize);
  list.text('snapshotError', 'status.error.message', content.status?.error?.message);
  list.metadata(content);
}

export function snapshotClassSummary(list: SummaryList, sc: VolumeSnapshotClass): void {
  list.text('driver', 'driver', sc.driver);
  list.text('deletionPolicy', 'deletionPolicy', sc.deletionPolicy);
  list.map('parameters', 'parameters', sc.parameters);
  list.metadata(sc);
}

export function eventSummary(list: SummaryList, event: KubeEvent): void {
  list.text('eventType', 'type', event.type);
  list.text('reason', 'reason', event.reason);
  list.text('message', 'message', event.message);
  const involved = event.involvedObject;
  const kind = involved?.kind ? resourceOfKind(involved.kind) : undefined;
  if (kind && involved?.name) list.refs('involvedObject', 'involvedObject', [list.byName(kind, involved.name, involved.namespace)]);
  else if (involved?.kind && involved.name) list.code('involvedObject', 'involvedObject', `${involved.kind}/${involved.namespace ? `${involved.namespace}/` : ''}${involved.name}`);
  list.text('count', event.series?.count !== undefined ? 'series.count' : 'count', event.series?.count ?? event.count);
  list.time('firstSeen', 'firstTimestamp', event.firstTimestamp);
  list.time('lastSeen', event.lastTimestamp ? 'lastTimestamp' : 'eventTime', event.lastTimestamp ?? event.series?.lastObservedTime ?? event.eventTime);
  list.text('reportedBy', event.source?.component ? 'source.component' : 'reportingComponent', event.source?.component ?? event.reportingComponent);
  list.metadata(event);
}

export function leaseSummary(list: SummaryList, lease: Lease): void {
  list.text('holderIdentity', 'spec.holderIdentity', lease.spec?.holderIdentity);
  list.time('renewTime', 'spec.renewTime', lease.spec?.renewTime);
  list.text('leaseDuration', 'spec.leaseDurationSeconds', lease.spec?.leaseDurationSeconds);
  list.metadata(lease);
}

/** A CSIStorageCapacity: which class, how much is left (listed, not diagnosed: the YAML shows the topology). */
/** A VolumeAttributesClass: its driver, parameters and the claims that ask for it. */
export function attributesClassSummary(list: SummaryList, store: ObjectStore, vac: VolumeAttributesClass): void {
  list.text('driver', 'driverName', vac.driverName);
  list.map('parameters', 'parameters', vac.parameters);
  list.refs('claims', undefined, store.claimsOfAttributesClass(vac.metadata?.name ?? '', 'wanted').map((c) => ({ ref: refOf('persistentvolumeclaims', c) })));
  list.metadata(vac);
}

export function storageCapacitySummary(list: SummaryList, capacity: CSIStorageCapacity): void {
  if (capacity.storageClassName) list.refs('storageClass', 'storageClassName', [list.byName('storageclasses', capacity.storageClassName)]);
  list.text('capacity', 'capacity', capacity.capacity);
  list.metadata(capacity);
}
