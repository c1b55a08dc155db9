/**
 * Secrets: metadata only. Pods mount them (secret volumes, projected sources, CSI nodePublishSecretRef), CSI
 * volumes and StorageClass parameters name them; the rules check that those exist. No secret value ever reaches
 * the app: the reflector asks for PartialObjectMetadata, and arrival keeps nothing but the names (kube/arrival.ts;
 * not even annotations, where kubectl's last-applied-configuration would carry the values).
 */
import type { Secret } from '../objects';
import { envelope } from '../kept-fields';
import { describe } from './descriptor';

export const secrets = describe<Secret>()({
  resource: 'secrets',
  kind: 'Secret',
  group: '',
  version: 'v1',
  namespaced: true,
  optional: false,
  metadataOnly: true,
  label: 'Secrets',
  short: 'secret',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({}),
});
