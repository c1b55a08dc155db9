/**
 * Applies the allow-list (kept-fields.ts) and the scrubs (scrub.ts) to objects going into a snapshot or a
 * recording, and counts what it removed per kind and field path ("pods: spec.containers[].env[].value": 12),
 * so the export can say how much was taken out and where. Pure apart from its counters; input is not modified.
 */
import { KEPT_FIELDS, type Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import { keptField, READ_ANNOTATIONS, type Keep } from '../../../shared/kube/kept-fields';
import { isSecretName, looksLikeCredential, REDACTED, scrubArguments, scrubText } from './scrub';

export class Redactor {
  private readonly removed = new Map<string, number>();
  private readonly provisioners: Set<string>;

  /** `provisioners`: provisioner names the snapshot holds (its StorageClasses'); env values equal to one are kept. */
  constructor(provisioners: Iterable<string> = []) {
    this.provisioners = new Set(provisioners);
  }

  /** A provisioner name seen later (a recording's StorageClass created while recording). */
  addProvisioner(name: string): void {
    this.provisioners.add(name);
  }

  /** The object with only its kept fields, each kept string checked or scrubbed. */
  object(kind: Resource, object: KubeObject): KubeObject {
    const kept = this.walk(object, KEPT_FIELDS[kind], kind, '');
    return (isRecord(kept) ? kept : {}) as KubeObject;
  }

  /** Free text outside objects (a kind's state message). */
  text(where: string, text: string): string {
    const scrubbed = scrubText(text);
    this.count(where, scrubbed.removed);
    return scrubbed.text;
  }

  /** Values removed per "kind: field path", sorted by path. */
  report(): Record<string, number> {
    return Object.fromEntries([...this.removed].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total values removed. */
  total(): number {
    return [...this.removed.values()].reduce((sum, n) => sum + n, 0);
  }

  private count(where: string, n = 1): void {
    if (n > 0) this.removed.set(where, (this.removed.get(where) ?? 0) + n);
  }

  private walk(value: unknown, keep: Keep, kind: Resource, path: string): unknown {
    const where = `${kind}: ${path || '(object)'}`;
    if (value === undefined) return undefined;
    if (typeof keep === 'string') return this.scalar(value, keep, where);
    if (value === null) return null;
    if ('list' in keep) {
      if (!Array.isArray(value)) return this.drop(where);
      return value.map((item) => this.walk(item, keep.list, kind, `${path}[]`)).filter((item) => item !== undefined);
    }
    if (!isRecord(value)) return this.drop(where);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      let kept: unknown;
      if ('annotations' in keep) {
        kept = READ_ANNOTATIONS.has(key) ? this.scalar(item, 'id', `${where}[${key}]`) : this.drop(`${kind}: ${path}`);
      } else if ('map' in keep) {
        kept = keep.map === 'parameter' ? this.parameter(key, item, `${kind}: ${path}[${key}]`) : this.walk(item, keep.map, kind, `${path}[]`);
      } else {
        const child = keptField(keep, key);
        const childPath = path ? `${path}.${key}` : key;
        kept = child === undefined ? this.drop(`${kind}: ${childPath}`) : this.walk(item, child, kind, childPath);
      }
      // defineProperty: a key such as "__proto__" in a hostile object stays a plain key.
      if (kept !== undefined) Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private scalar(value: unknown, keep: 'id' | 'int' | 'bool' | 'text' | 'argv' | 'env-value' | 'parameter', where: string): unknown {
    if (keep === 'int') return typeof value === 'number' && Number.isFinite(value) ? value : this.drop(where);
    if (keep === 'bool') return typeof value === 'boolean' ? value : this.drop(where);
    if (keep === 'argv') {
      if (!Array.isArray(value)) return this.drop(where);
      const strings = value.filter((v): v is string => typeof v === 'string');
      this.count(where, value.length - strings.length);
      const scrubbed = scrubArguments(strings);
      this.count(where, scrubbed.removed);
      return scrubbed.argv;
    }
    if (value === null) return value;
    if (typeof value !== 'string') return this.drop(where);
    switch (keep) {
      case 'id':
        if (!looksLikeCredential(value)) return value;
        this.count(where);
        return REDACTED;
      case 'env-value':
        if (this.provisioners.has(value)) return value;
        this.count(where);
        return REDACTED;
      default: {
        const scrubbed = scrubText(value);
        this.count(where, scrubbed.removed);
        return scrubbed.text;
      }
    }
  }

  /**
   * A class parameter: the names and namespaces of secrets (csi.storage.k8s.io/provisioner-secret-name...) are
   * what support needs and are not secret; a value under any other secret-looking key is a credential.
   */
  private parameter(key: string, value: unknown, where: string): unknown {
    if (typeof value !== 'string') return this.scalar(value, 'id', where);
    if (isSecretName(key) && !/(name|namespace)$/i.test(key)) {
      this.count(where);
      return REDACTED;
    }
    if (looksLikeCredential(value)) {
      this.count(where);
      return REDACTED;
    }
    return this.scalar(value, 'text', where);
  }

  private drop(where: string): undefined {
    this.count(where);
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
