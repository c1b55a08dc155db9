/**
 * CSIStorageCapacities: what a CSI driver reports it can still provision, per class and topology segment. Listed
 * (watched, counted, kept in snapshots, shown as objects and in the capacities table); they get no findings of their own, but the scheduler's
 * "did not have enough free storage" verdict on a pod is explained from them (diagnose/storage-capacity.ts). Namespaced: the
 * external-provisioner writes them in its own namespace. Optional: served since Kubernetes 1.24 (storage.k8s.io/v1),
 * so discovery confirms it before it is watched.
 */
import type { CSIStorageCapacity } from '../objects';
import { envelope, ID, LABEL_SELECTOR } from '../kept-fields';
import { describe } from './descriptor';

export const csiStorageCapacities = describe<CSIStorageCapacity>()({
  resource: 'csistoragecapacities',
  kind: 'CSIStorageCapacity',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: true,
  optional: true,
  label: 'CSIStorageCapacities',
  short: 'csisc',
  table: { id: 'capacities', perObject: true },
  diagnosed: false,
  storageEvents: false,
  keep: envelope({ storageClassName: ID, capacity: ID, maximumVolumeSize: ID, nodeTopology: LABEL_SELECTOR }),
});
