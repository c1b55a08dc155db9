/** PersistentVolumeClaims: PersistentVolumeClaim objects. */
import type { PersistentVolumeClaim } from '../objects';
import { CLAIM_SPEC, CONDITIONS, envelope, fields, ID, ID_MAP, IDS } from '../kept-fields';
import { describe } from './descriptor';

export const persistentVolumeClaims = describe<PersistentVolumeClaim>()({
  resource: 'persistentvolumeclaims',
  kind: 'PersistentVolumeClaim',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'PersistentVolumeClaims',
  short: 'pvc',
  table: { id: 'claims', perObject: true },
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    spec: CLAIM_SPEC,
    status: fields({
      phase: ID,
      accessModes: IDS,
      capacity: ID_MAP,
      conditions: CONDITIONS,
      allocatedResources: ID_MAP,
      allocatedResourceStatuses: ID_MAP,
      currentVolumeAttributesClassName: ID,
      modifyVolumeStatus: fields({ targetVolumeAttributesClassName: ID, status: ID }),
    }),
  }),
});
