/** StorageClasses: StorageClass objects. */
import type { StorageClass } from '../objects';
import { BOOL, envelope, fields, ID, IDS, list, map, TEXT } from '../kept-fields';
import { describe } from './descriptor';

export const storageClasses = describe<StorageClass>()({
  resource: 'storageclasses',
  kind: 'StorageClass',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'StorageClasses',
  short: 'sc',
  table: { id: 'classes', perObject: true },
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    provisioner: ID,
    parameters: map('parameter'),
    reclaimPolicy: ID,
    volumeBindingMode: ID,
    allowVolumeExpansion: BOOL,
    allowedTopologies: list(fields({ matchLabelExpressions: list(fields({ key: ID, values: IDS })) })),
    mountOptions: list(TEXT),
  }),
});
