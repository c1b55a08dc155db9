/**
 * Objects from a file (a snapshot or recording someone sent) made to fit the shapes the app reads: a field that
 * kept-fields.ts declares but that has the wrong type (`ownerReferences: "x"`, `spec.volumes: {}`,
 * `exitCode: "1"`) is dropped, so that no rule, row or detail meets a value it cannot handle. Fields the app does
 * not read are left as they are (they are only shown). Objects from the API server already fit; this is for
 * files. Pure; returns a new object when something was dropped, counting what it dropped.
 */
import { keptField, type Keep } from './kept-fields';
import { KEPT_FIELDS, type Resource } from './resource-registry';
import type { KubeObject } from './objects';

export interface Conformed {
  object: KubeObject;
  /** Paths of the fields dropped for having the wrong type. */
  dropped: string[];
}

export function conformObject(kind: Resource, object: KubeObject): Conformed {
  const dropped: string[] = [];
  const out = conform(object, KEPT_FIELDS[kind], '', dropped);
  return { object: (isRecord(out) ? out : {}) as KubeObject, dropped };
}

const DROP = Symbol('drop');

function conform(value: unknown, keep: Keep, path: string, dropped: string[]): unknown {
  if (value === undefined) return undefined;
  const fits = (ok: boolean): unknown => {
    if (ok) return value;
    dropped.push(path || '(object)');
    return DROP;
  };
  if (typeof keep === 'string') {
    switch (keep) {
      case 'int':
        return fits(typeof value === 'number' && Number.isFinite(value));
      case 'bool':
        return fits(typeof value === 'boolean');
      case 'argv':
        return fits(Array.isArray(value) && value.every((v) => typeof v === 'string'));
      default:
        return fits(typeof value === 'string' || value === null);
    }
  }
  if ('list' in keep) {
    if (!Array.isArray(value)) return fits(false);
    let changed = false;
    const items = value.flatMap((item, i) => {
      const out = conform(item, keep.list, `${path}[${i}]`, dropped);
      if (out !== item) changed = true;
      return out === DROP ? [] : [out];
    });
    return changed ? items : value;
  }
  if (!isRecord(value)) return fits(false);
  let out: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const child: Keep | undefined = 'annotations' in keep ? 'id' : 'map' in keep ? keep.map : keptField(keep, key);
    if (child === undefined) continue; // not read: left as it is
    const conformed = conform(item, child, path ? `${path}.${key}` : key, dropped);
    if (conformed === item) continue;
    out ??= { ...value };
    if (conformed === DROP) delete out[key];
    else Object.defineProperty(out, key, { value: conformed, enumerable: true, writable: true, configurable: true });
  }
  return out ?? value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
