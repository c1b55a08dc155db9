/** Findings: what the diagnosis rules say about an object. Plain data, bilingual. */
import type { ObjectRef } from './refs';

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

/**
 * A text in every UI language. Values from the cluster inside it (names, messages) are wrapped in Unicode
 * isolates by `verbatim()` (src/shared/verbatim.ts), so the UI can show them untranslated.
 */
export type Localized = Record<Lang, string>;

/**
 * problem: something is broken and will not fix itself.
 * warning: works now but is risky or will break.
 * expected-wait: not bound/ready yet, by design (e.g. WaitForFirstConsumer without a pod).
 * info: worth knowing (e.g. a hostPath volume ties data to one node).
 */
export type Severity = 'problem' | 'warning' | 'expected-wait' | 'info';

export const SEVERITY_ORDER: readonly Severity[] = ['problem', 'warning', 'expected-wait', 'info'];

/** One piece of evidence behind a finding: a field, an event or a related object. */
export interface Evidence {
  label: Localized;
  /** The observed value, verbatim from the cluster (never translated); '' when there is none (see note). */
  value: string;
  /** Words about the value in every UI language, e.g. "not set", "none", "static volumes only". */
  note?: Localized;
  /** The object the evidence is about, so the UI can link to it. */
  ref?: ObjectRef;
  /** The field or annotation the value comes from, as written in the API, e.g. "spec.storageClassName". */
  source?: string;
  /** The reason of the event the value comes from, e.g. "ProvisioningFailed". */
  event?: string;
  /**
   * When the observed value was last seen (ISO 8601), e.g. an event's last timestamp. Not part of the label:
   * a label is text frozen when the diagnosis ran, while the UI shows this time live ("3 s ago" keeps moving).
   */
  at?: string;
  /**
   * The observed object's fields as label/value pairs (a volume's capacity, access modes, class...), shown under
   * the value in the user's language rather than as one raw `key=value` line.
   */
  facts?: EvidenceFact[];
}

/** One field of an evidence's object: a localised label, the value verbatim, words about it when absent or empty. */
export interface EvidenceFact {
  label: Localized;
  value: string;
  note?: Localized;
}

/** One step of a fix. The app never writes to a cluster: commands are for the user to run. */
export interface FixStep {
  text: Localized;
  /**
   * A kubectl command to copy, with names filled in and shell-quoted: one line, or a first line ending in a quoted
   * here-document (`kubectl apply -f - <<'EOF'`), a manifest's lines and `EOF` (diagnose/fix-commands.ts parseCommand).
   */
  command?: string;
}

export interface Finding {
  /** Stable id: code + object uid (or key), so the UI can keep selection across updates. */
  id: string;
  /** Stable machine code, e.g. "claim.class-not-found". */
  code: string;
  severity: Severity;
  object: ObjectRef;
  /** One-line cause. */
  cause: Localized;
  /**
   * A title for this object's case when the catalog's title alone would mislead (trial 4: "Volumes almost match"
   * read as good news for a claim stuck because no volume is big enough): the Summary's first line uses it.
   */
  headline?: Localized;
  evidence: Evidence[];
  fix: FixStep[];
  /** Lesson section anchor, e.g. "storageclass" (see src/shared/lessons.ts). */
  lesson: string;
}

/** Finding counts of one object, for table badges. */
export interface FindingBadge {
  severity: Severity;
  count: number;
  /** Code of the most severe finding. */
  code: string;
}
