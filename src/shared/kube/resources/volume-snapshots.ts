/** VolumeSnapshots: VolumeSnapshot objects (a CRD: watched when discovery finds it). */
import type { VolumeSnapshot } from '../objects';
import { BOOL, envelope, ERROR, fields, ID } from '../kept-fields';
import { describe } from './descriptor';

export const volumeSnapshots = describe<VolumeSnapshot>()({
  resource: 'volumesnapshots',
  kind: 'VolumeSnapshot',
  group: 'snapshot.storage.k8s.io',
  version: 'v1',
  namespaced: true,
  optional: true,
  label: 'VolumeSnapshots',
  short: 'vs',
  table: { id: 'snapshots', perObject: true },
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    spec: fields({ source: fields({ persistentVolumeClaimName: ID, volumeSnapshotContentName: ID }), volumeSnapshotClassName: ID }),
    status: fields({ boundVolumeSnapshotContentName: ID, readyToUse: BOOL, restoreSize: ID, creationTime: ID, error: ERROR }),
  }),
});
