/** Nodes: Node objects. */
import type { KubeNode } from '../objects';
import { BOOL, CONDITIONS, envelope, fields, ID, ID_MAP, list } from '../kept-fields';
import { describe } from './descriptor';

export const nodes = describe<KubeNode>()({
  resource: 'nodes',
  kind: 'Node',
  group: '',
  version: 'v1',
  namespaced: false,
  optional: false,
  label: 'Nodes',
  short: 'nodes',
  table: { id: 'nodes', perObject: true },
  diagnosed: false,
  storageEvents: true,
  keep: envelope({
    spec: fields({ unschedulable: BOOL, taints: list(fields({ key: ID, value: ID, effect: ID })) }),
    status: fields({ conditions: CONDITIONS, capacity: ID_MAP, allocatable: ID_MAP, nodeInfo: fields({ kubeletVersion: ID }) }),
  }),
});
