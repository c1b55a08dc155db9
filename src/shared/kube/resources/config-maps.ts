/**
 * ConfigMaps: metadata only. Pods mount them (configMap volumes, projected sources); the rules check that the
 * ones a pod names exist. Their data is never read: the reflector asks for PartialObjectMetadata, and arrival keeps
 * nothing but the names (kube/arrival.ts), so no ConfigMap content enters the store, a snapshot or a recording.
 */
import type { ConfigMap } from '../objects';
import { envelope } from '../kept-fields';
import { describe } from './descriptor';

export const configMaps = describe<ConfigMap>()({
  resource: 'configmaps',
  kind: 'ConfigMap',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  metadataOnly: true,
  label: 'ConfigMaps',
  short: 'cm',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({}),
});
