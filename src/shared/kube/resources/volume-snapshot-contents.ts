/** VolumeSnapshotContents: VolumeSnapshotContent objects (a CRD: watched when discovery finds it). */
import type { VolumeSnapshotContent } from '../objects';
import { BOOL, envelope, ERROR, fields, ID, INT, OBJECT_REFERENCE } from '../kept-fields';
import { describe } from './descriptor';

export const volumeSnapshotContents = describe<VolumeSnapshotContent>()({
  resource: 'volumesnapshotcontents',
  kind: 'VolumeSnapshotContent',
  group: 'snapshot.storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: true,
  label: 'VolumeSnapshotContents',
  short: 'vsc',
  diagnosed: false,
  storageEvents: true,
  keep: envelope({
    spec: fields({
      driver: ID,
      deletionPolicy: ID,
      volumeSnapshotRef: OBJECT_REFERENCE,
      volumeSnapshotClassName: ID,
      source: fields({ volumeHandle: ID, snapshotHandle: ID }),
    }),
    status: fields({ readyToUse: BOOL, restoreSize: INT, error: ERROR }),
  }),
});
