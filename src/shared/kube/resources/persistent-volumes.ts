/** PersistentVolumes: PersistentVolume objects. */
import type { PersistentVolume } from '../objects';
import { BOOL, envelope, fields, ID, ID_MAP, IDS, list, NODE_SELECTOR_TERMS, OBJECT_REFERENCE, OTHER_VOLUME_SOURCE, SECRET_REFERENCE, TEXT } from '../kept-fields';
import { describe } from './descriptor';

export const persistentVolumes = describe<PersistentVolume>()({
  resource: 'persistentvolumes',
  kind: 'PersistentVolume',
  group: '',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'PersistentVolumes',
  short: 'pv',
  table: { id: 'volumes', perObject: true },
  diagnosed: true,
  storageEvents: true,
  keep: envelope({
    spec: fields(
      {
        capacity: ID_MAP,
        accessModes: IDS,
        persistentVolumeReclaimPolicy: ID,
        storageClassName: ID,
        volumeMode: ID,
        claimRef: OBJECT_REFERENCE,
        nodeAffinity: fields({ required: fields({ nodeSelectorTerms: NODE_SELECTOR_TERMS }) }),
        mountOptions: list(TEXT),
        volumeAttributesClassName: ID,
        csi: fields({
          driver: ID,
          volumeHandle: ID,
          fsType: ID,
          readOnly: BOOL,
          nodeStageSecretRef: SECRET_REFERENCE,
          nodePublishSecretRef: SECRET_REFERENCE,
          controllerPublishSecretRef: SECRET_REFERENCE,
          controllerExpandSecretRef: SECRET_REFERENCE,
          nodeExpandSecretRef: SECRET_REFERENCE,
        }),
        hostPath: fields({ path: ID, type: ID }),
        local: fields({ path: ID, fsType: ID }),
        nfs: fields({ server: ID, path: ID, readOnly: BOOL }),
      },
      OTHER_VOLUME_SOURCE,
    ),
    status: fields({ phase: ID, message: TEXT, reason: ID, lastPhaseTransitionTime: ID }),
  }),
});
