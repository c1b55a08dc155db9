/** References to objects across the contract. */
import type { Resource } from '../kube/resource-registry';

/** Points at one object of one cluster's store. `uid` is set when the object exists. */
export interface ObjectRef {
  kind: Resource;
  name: string;
  namespace?: string;
  uid?: string;
}

/**
 * Points at a provisioner: not a Kubernetes object but the name StorageClasses give in `provisioner`
 * (e.g. "hostpath.lab.kse.dev", "kubernetes.io/no-provisioner"). Its details come from getProvisioner.
 */
export interface ProvisionerRef {
  kind: 'provisioners';
  name: string;
}

/** What can be selected and shown in the details panel: an object, or a provisioner. */
export type TargetRef = ObjectRef | ProvisionerRef;

export function isProvisionerRef(ref: TargetRef): ref is ProvisionerRef {
  return ref.kind === 'provisioners';
}

export function provisionerRef(name: string): ProvisionerRef {
  return { kind: 'provisioners', name };
}

/** "namespace/name" for namespaced objects, "name" otherwise: the store's key within a kind. */
export function refKey(ref: { namespace?: string | undefined; name: string }): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

export function sameRef(a: TargetRef, b: TargetRef): boolean {
  return a.kind === b.kind && a.name === b.name && ('namespace' in a ? (a.namespace ?? '') : '') === ('namespace' in b ? (b.namespace ?? '') : '');
}
