/**
 * The object `kse doctor` may be pointed at, written as kubectl writes it: `pvc/data -n shop`, `pvc data -n shop`,
 * `persistentvolume/pv-1`, `sc/fast`. The type is any name kubectl accepts for the resources this app watches: the
 * resource (persistentvolumeclaims), the kind (PersistentVolumeClaim, any case), its singular (persistentvolumeclaim)
 * or the short name (pvc), all derived from the resource descriptors (src/shared/kube/resources).
 */
import { RESOURCES, type Resource } from '../shared/kube/resource-registry';
import type { ObjectRef } from '../shared/model/refs';
import { UsageError } from './args-error';

/** The resource a type word names, or undefined. */
export function resourceNamed(word: string): Resource | undefined {
  const w = word.toLowerCase();
  return RESOURCES.find((d) => d.resource === w || d.kind.toLowerCase() === w || d.short === w)?.resource;
}

/**
 * The object of `words` (one `TYPE/NAME` or two words `TYPE NAME`) in `namespace`. Throws UsageError, saying what
 * to type, for an unknown type, a missing name, extra words, or a namespaced type without --namespace.
 */
export function objectArg(words: readonly string[], namespace: string | undefined): ObjectRef {
  const [first = '', second, ...extra] = words;
  const slash = first.indexOf('/');
  const [type, name] = slash >= 0 ? [first.slice(0, slash), first.slice(slash + 1)] : [first, second];
  if (extra.length > 0 || (slash >= 0 && second !== undefined)) {
    throw new UsageError(`kse doctor looks at one object: give it as TYPE/NAME (e.g. pvc/data -n shop), got "${words.join(' ')}".`);
  }
  const kind = resourceNamed(type);
  if (!kind) {
    const known = RESOURCES.map((d) => d.short).join(', ');
    throw new UsageError(`Unknown type "${type}" in "${words.join(' ')}". Use one of: ${known} (or the full resource or kind name).`);
  }
  if (!name) throw new UsageError(`Which ${type}? Give its name: kse doctor ${type}/NAME.`);
  const descriptor = RESOURCES.find((d) => d.resource === kind);
  if (descriptor?.namespaced && !namespace) throw new UsageError(`${descriptor.kind} is namespaced: add --namespace NAMESPACE (e.g. kse doctor ${type}/${name} -n default).`);
  return { kind, name, ...(descriptor?.namespaced && namespace ? { namespace } : {}) };
}
