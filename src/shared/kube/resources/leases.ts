/** Leases: Lease objects. */
import type { Lease } from '../objects';
import { envelope, fields, ID, INT } from '../kept-fields';
import { describe } from './descriptor';

export const leases = describe<Lease>()({
  resource: 'leases',
  kind: 'Lease',
  group: 'coordination.k8s.io',
  version: 'v1',
  namespaced: true,
  optional: false,
  label: 'Leases',
  short: 'leases',
  diagnosed: false,
  storageEvents: false,
  keep: envelope({
    spec: fields({ holderIdentity: ID, leaseDurationSeconds: INT, acquireTime: ID, renewTime: ID, leaseTransitions: INT }),
  }),
});
