/** CSINodes: CSINode objects. */
import type { CSINode } from '../objects';
import { envelope, fields, ID, IDS, INT, list } from '../kept-fields';
import { describe } from './descriptor';

export const csiNodes = describe<CSINode>()({
  resource: 'csinodes',
  kind: 'CSINode',
  group: 'storage.k8s.io',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'CSINodes',
  short: 'csinodes',
  diagnosed: false,
  storageEvents: true,
  keep: envelope({
    spec: fields({ drivers: list(fields({ name: ID, nodeID: ID, topologyKeys: IDS, allocatable: fields({ count: INT }) })) }),
  }),
});
