/** Small builders that keep every rule's findings in the same shape. */
import type { Evidence, Finding, FixStep, Localized, Severity } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import { refKey } from '../model/refs';
import { FINDING_CODES, type FindingCode } from './catalog';

/** A text in both languages. */
export function t(en: string, ru: string): Localized {
  return { en, ru };
}

export interface FindingInput {
  code: FindingCode;
  object: ObjectRef;
  cause: Localized;
  evidence?: Evidence[];
  fix?: FixStep[];
  /** Overrides the catalog's default severity (e.g. a wait that has lasted too long). */
  severity?: Severity;
  /** Tells apart several findings of one code on one object (e.g. the volume name). */
  key?: string;
  /** This case's own title, when the catalog's would mislead (see Finding.headline). */
  headline?: Localized;
}

/** A finding with its id and lesson filled in from the catalog, so the two can never disagree. */
export function finding(input: FindingInput): Finding {
  const info = FINDING_CODES[input.code];
  const objectId = input.object.uid ?? `${input.object.kind}/${refKey(input.object)}`;
  return {
    id: `${input.code}:${objectId}${input.key !== undefined ? `#${input.key}` : ''}`,
    code: input.code,
    severity: input.severity ?? info.severity,
    object: input.object,
    cause: input.cause,
    ...(input.headline ? { headline: input.headline } : {}),
    evidence: input.evidence ?? [],
    fix: input.fix ?? [],
    lesson: info.lesson,
  };
}

/**
 * One piece of evidence: a label in both languages and the verbatim value from the cluster, with optional
 * words about the value (`note`), the object it is about, the API field or the event it was read from.
 */
export function evidence(label: Localized, value: string, where?: { ref?: ObjectRef; source?: string; event?: string; note?: Localized; at?: string }): Evidence {
  const out: Evidence = { label, value };
  if (where?.note) out.note = where.note;
  if (where?.ref) out.ref = where.ref;
  if (where?.source) out.source = where.source;
  if (where?.event) out.event = where.event;
  if (where?.at) out.at = where.at;
  return out;
}

/** Notes for evidence values that are absent rather than observed. */
export const NOTE = {
  notSet: t('not set', 'не задан'),
  none: t('none', 'нет'),
} as const;

/** One fix step; `command` is undefined when a name was unsafe to put into a command (see shell-quote.ts). */
export function step(text: Localized, command?: string): FixStep {
  return command === undefined ? { text } : { text, command };
}
