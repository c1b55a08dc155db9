/**
 * Entry points of the diagnosis rules. Pure: objects in (through ClusterView), findings out.
 * Placeholder signatures: the rules themselves live in the files next to this one.
 */
import type { Finding } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { ProvisionerRow } from '../model/rows';
import type { ClusterView } from './view';

/** Findings about one object (claim, volume, pod, class...). */
export function diagnoseObject(_view: ClusterView, _ref: ObjectRef): Finding[] {
  return [];
}

/** Health of one provisioner named by a StorageClass. */
export function provisionerHealth(_view: ClusterView, name: string): ProvisionerRow {
  return {
    ref: { kind: 'storageclasses', name },
    name,
    type: 'none',
    verdict: 'unknown',
    reasons: ['not diagnosed yet'],
    classes: [],
    registeredNodes: [],
  };
}
