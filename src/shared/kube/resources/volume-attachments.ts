/** VolumeAttachments: VolumeAttachment objects. */
import type { VolumeAttachment } from '../objects';
import { BOOL, envelope, ERROR, fields, ID } from '../kept-fields';
import { describe } from './descriptor';

export const volumeAttachments = describe<VolumeAttachment>()({
  resource: 'volumeattachments',
  kind: 'VolumeAttachment',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'VolumeAttachments',
  short: 'va',
  diagnosed: false,
  storageEvents: true,
  keep: envelope({
    spec: fields({ attacher: ID, nodeName: ID, source: fields({ persistentVolumeName: ID }) }),
    status: fields({ attached: BOOL, attachError: ERROR, detachError: ERROR }),
  }),
});
