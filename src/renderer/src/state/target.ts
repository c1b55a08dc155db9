/** What the renderer needs to know of a selected target (an object or a provisioner) beyond its ref. */
import { DESCRIPTOR_OF_RESOURCE, TABLE_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import { isProvisionerRef, type TargetRef } from '../../../shared/model/refs';
import type { TableId } from '../../../shared/model/rows';

/** The table that lists the target: a provisioner's is Provisioners, an object's is its kind's (if any). */
export function tableOfTarget(ref: TargetRef): TableId | undefined {
  return isProvisionerRef(ref) ? 'provisioners' : TABLE_OF_RESOURCE[ref.kind];
}

/** The target's namespace; provisioners and cluster-scoped objects have none. */
export function targetNamespace(ref: TargetRef): string | undefined {
  return isProvisionerRef(ref) ? undefined : ref.namespace;
}

/** The Kubernetes kind of an object ("PersistentVolumeClaim"), or `provisionerWord` (in the UI language) for a provisioner. */
export function targetKindWord(ref: TargetRef, provisionerWord: string): string {
  return isProvisionerRef(ref) ? provisionerWord : DESCRIPTOR_OF_RESOURCE[ref.kind].kind;
}
