/** CSIDrivers: CSIDriver objects. */
import type { CSIDriver } from '../objects';
import { BOOL, envelope, fields, ID, IDS } from '../kept-fields';
import { describe } from './descriptor';

export const csiDrivers = describe<CSIDriver>()({
  resource: 'csidrivers',
  kind: 'CSIDriver',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'CSIDrivers',
  short: 'csidrivers',
  table: { id: 'provisioners', perObject: false },
  diagnosed: false,
  storageEvents: true,
  keep: envelope({
    spec: fields({
      attachRequired: BOOL,
      podInfoOnMount: BOOL,
      volumeLifecycleModes: IDS,
      storageCapacity: BOOL,
      fsGroupPolicy: ID,
      requiresRepublish: BOOL,
    }),
  }),
});
