/** References to objects across the contract. */
import type { Kind } from '../kube/kinds';

/** Points at one object of one cluster's store. `uid` is set when the object exists. */
export interface ObjectRef {
  kind: Kind;
  name: string;
  namespace?: string;
  uid?: string;
}

/** "namespace/name" for namespaced objects, "name" otherwise: the store's key within a kind. */
export function refKey(ref: { namespace?: string | undefined; name: string }): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

export function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
