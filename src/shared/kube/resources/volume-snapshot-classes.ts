/** VolumeSnapshotClasses: VolumeSnapshotClass objects (a CRD: watched when discovery finds it). */
import type { VolumeSnapshotClass } from '../objects';
import { envelope, ID, map } from '../kept-fields';
import { describe } from './descriptor';

export const volumeSnapshotClasses = describe<VolumeSnapshotClass>()({
  resource: 'volumesnapshotclasses',
  kind: 'VolumeSnapshotClass',
  group: 'snapshot.storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: true,
  label: 'VolumeSnapshotClasses',
  short: 'vsclass',
  diagnosed: false,
  storageEvents: true,
  keep: envelope({ driver: ID, deletionPolicy: ID, parameters: map('parameter') }),
});
