/**
 * Small checks for values that arrive over a transport (JSON from a renderer or a browser). Each failure is a
 * bad-request KseCallError that names the field, what it must be and what it was, so a caller can fix the call.
 */
import { badRequest } from './errors';

export type Fields = Record<string, unknown>;

/** Describes a received value briefly (never echoes a whole payload back). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

/** A plain object with only the allowed keys. */
export function record(value: unknown, where: string, allowed: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest(`${where} must be an object, got ${describeValue(value)}.`);
  }
  const unknownKeys = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0) {
    const allowedText = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'it takes no fields';
    throw badRequest(`${where} has unknown field(s) ${unknownKeys.map((k) => `"${k}"`).join(', ')} (${allowedText}).`);
  }
  return value as Fields;
}

export interface StringRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternText?: string;
}

export function string(value: unknown, where: string, rule: StringRule = {}): string {
  const { min = 1, max = 1024 } = rule;
  if (typeof value !== 'string') throw badRequest(`${where} must be a string, got ${describeValue(value)}.`);
  if (value.length < min) throw badRequest(min === 1 ? `${where} must not be empty.` : `${where} must have at least ${min} characters.`);
  if (value.length > max) throw badRequest(`${where} must have at most ${max} characters, got ${value.length}.`);
  if (rule.pattern && !rule.pattern.test(value)) {
    throw badRequest(`${where} must be ${rule.patternText ?? `like ${rule.pattern.source}`}, got ${describeValue(value)}.`);
  }
  return value;
}

export function optionalString(value: unknown, where: string, rule: StringRule = {}): string | undefined {
  return value === undefined ? undefined : string(value, where, rule);
}

export function integer(value: unknown, where: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw badRequest(`${where} must be a whole number, got ${describeValue(value)}.`);
  }
  if (value < min || value > max) throw badRequest(`${where} must be between ${min} and ${max}, got ${value}.`);
  return value;
}

export function oneOf<T extends string>(value: unknown, where: string, options: readonly T[]): T {
  if (typeof value !== 'string' || !options.includes(value as T)) {
    throw badRequest(`${where} must be one of ${options.join(', ')}, got ${describeValue(value)}.`);
  }
  return value as T;
}

export function optionalOneOf<T extends string>(value: unknown, where: string, options: readonly T[]): T | undefined {
  return value === undefined ? undefined : oneOf(value, where, options);
}

/** A map of short strings to short strings (table filters). */
export function stringMap(value: unknown, where: string, maxEntries: number): Record<string, string> {
  const fields = record(value, where, Object.keys(value ?? {}));
  const entries = Object.entries(fields);
  if (entries.length > maxEntries) throw badRequest(`${where} may have at most ${maxEntries} entries, got ${entries.length}.`);
  const out: Record<string, string> = {};
  for (const [key, entry] of entries) out[string(key, `${where} key`, { max: 100 })] = string(entry, `${where}.${key}`, { min: 0, max: 500 });
  return out;
}

/** A list of at most `maxEntries` strings, each checked by `rule`. */
export function stringList(value: unknown, where: string, maxEntries: number, rule: StringRule = {}): string[] {
  if (!Array.isArray(value)) throw badRequest(`${where} must be a list, got ${describeValue(value)}.`);
  if (value.length > maxEntries) throw badRequest(`${where} may have at most ${maxEntries} entries, got ${value.length}.`);
  return value.map((entry, i) => string(entry, `${where}[${i}]`, rule));
}
