/**
 * VolumeAttributesClasses (storage.k8s.io/v1, GA in Kubernetes 1.34): named sets of mutable volume parameters a
 * claim asks for with spec.volumeAttributesClassName. Listed in their own table; no findings of their own (an
 * unused class is normal): the claims that name a missing one, or whose change the driver refused, get them
 * (diagnose/claims-attributes-class.ts). Optional: served by clusters from 1.34 on (v1beta1 before), so discovery
 * confirms it before it is watched. Parameters are kept like a StorageClass's (secret-looking keys dropped).
 */
import type { VolumeAttributesClass } from '../objects';
import { envelope, ID, map } from '../kept-fields';
import { describe } from './descriptor';

export const volumeAttributesClasses = describe<VolumeAttributesClass>()({
  resource: 'volumeattributesclasses',
  kind: 'VolumeAttributesClass',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: true,
  label: 'VolumeAttributesClasses',
  short: 'vac',
  table: { id: 'attributesclasses', perObject: true },
  diagnosed: false,
  storageEvents: false,
  keep: envelope({ driverName: ID, parameters: map('parameter') }),
});
