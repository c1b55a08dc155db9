/**
 * VolumePopulators (populator.storage.k8s.io/v1beta1, a CRD of kubernetes-csi/volume-data-source-validator,
 * client/config/crd/populator.storage.k8s.io_volumepopulators.yaml): cluster-scoped registrations, one per kind a
 * volume populator fills claims from (`sourceKind: {group, kind}`). The validator warns on a claim whose
 * spec.dataSourceRef names a kind no VolumePopulator registers. No findings of their own: the claims that name an
 * unregistered kind get them (diagnose/claims-populator.ts). Optional: served only where the CRD is installed, so
 * discovery confirms it before it is watched; where it is absent the app cannot tell which kinds are served.
 */
import type { VolumePopulator } from '../objects';
import { envelope, fields, ID } from '../kept-fields';
import { describe } from './descriptor';

export const volumePopulators = describe<VolumePopulator>()({
  resource: 'volumepopulators',
  kind: 'VolumePopulator',
  group: 'populator.storage.k8s.io',
  version: 'v1beta1',
  namespaced: false,
  optional: true,
  label: 'VolumePopulators',
  short: 'volumepopulator',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({ sourceKind: fields({ group: ID, kind: ID }) }),
});
