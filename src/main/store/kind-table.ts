/**
 * The objects of one kind in one cluster, keyed by "namespace/name", with per-namespace maps and list arrays
 * built on demand (a list is rebuilt only after its kind or namespace changed, not on every read).
 */
import type { KubeObject } from '../../shared/kube/objects';

export class KindTable<T extends KubeObject = KubeObject> {
  private readonly byKey = new Map<string, T>();
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private all: T[] | undefined;
  private readonly namespaceLists = new Map<string, T[]>();

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): T | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }

  entries(): IterableIterator<[string, T]> {
    return this.byKey.entries();
  }

  /** Keys of the objects in one namespace. */
  keysIn(namespace: string): IterableIterator<string> {
    return (this.byNamespace.get(namespace) ?? new Map<string, T>()).keys();
  }

  namespaces(): IterableIterator<string> {
    return this.byNamespace.keys();
  }

  set(key: string, obj: T): void {
    const ns = obj.metadata?.namespace ?? '';
    this.byKey.set(key, obj);
    let inNs = this.byNamespace.get(ns);
    if (!inNs) {
      inNs = new Map();
      this.byNamespace.set(ns, inNs);
    }
    inNs.set(key, obj);
    this.invalidate(ns);
  }

  delete(key: string): T | undefined {
    const obj = this.byKey.get(key);
    if (!obj) return undefined;
    const ns = obj.metadata?.namespace ?? '';
    this.byKey.delete(key);
    const inNs = this.byNamespace.get(ns);
    inNs?.delete(key);
    if (inNs && inNs.size === 0) this.byNamespace.delete(ns);
    this.invalidate(ns);
    return obj;
  }

  /** Every object, or those of one namespace; the array is shared until the next change: do not mutate it. */
  list(namespace?: string): readonly T[] {
    if (namespace === undefined) return (this.all ??= [...this.byKey.values()]);
    let list = this.namespaceLists.get(namespace);
    if (!list) {
      list = [...(this.byNamespace.get(namespace)?.values() ?? [])];
      this.namespaceLists.set(namespace, list);
    }
    return list;
  }

  private invalidate(namespace: string): void {
    this.all = undefined;
    this.namespaceLists.delete(namespace);
  }
}

/** A many-to-many index: index key -> object keys, updated by diffing an object's old and new index keys. */
export class MultiIndex {
  private readonly map = new Map<string, Set<string>>();

  get(indexKey: string): ReadonlySet<string> {
    return this.map.get(indexKey) ?? EMPTY;
  }

  indexKeys(): IterableIterator<string> {
    return this.map.keys();
  }

  update(objectKey: string, before: readonly string[], after: readonly string[]): void {
    for (const k of before) if (!after.includes(k)) this.remove(k, objectKey);
    for (const k of after) if (!before.includes(k)) this.add(k, objectKey);
  }

  private add(indexKey: string, objectKey: string): void {
    let set = this.map.get(indexKey);
    if (!set) {
      set = new Set();
      this.map.set(indexKey, set);
    }
    set.add(objectKey);
  }

  private remove(indexKey: string, objectKey: string): void {
    const set = this.map.get(indexKey);
    if (!set) return;
    set.delete(objectKey);
    if (set.size === 0) this.map.delete(indexKey);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
