/**
 * The shape every evidence row must have (issue 9 part 2): a short label naming what was looked at (a field
 * name, not a sentence), the fact found (a value, or a note such as "not set" when the fact is an absence) and
 * where it was read (an API field path or an event reason), in every UI language.
 */
import { LANGS, type Evidence, type Finding, type Localized } from '../model/findings';
import { strayPunctuationSpaces } from '../typography';

/** Longest label that still reads as a field name in the evidence table's label column. */
export const MAX_EVIDENCE_LABEL = 40;

/** What is wrong with one evidence row, in words for a test failure; [] when it is well formed. */
export function evidenceProblems(e: Evidence): string[] {
  const out: string[] = [];
  for (const lang of LANGS) {
    const label = e.label[lang].trim();
    if (label.length === 0) out.push(`${lang} label is empty`);
    if (label.length > MAX_EVIDENCE_LABEL) out.push(`${lang} label "${label}" is longer than ${MAX_EVIDENCE_LABEL} characters`);
    if (/[.!?]$/.test(label)) out.push(`${lang} label "${label}" ends like a sentence`);
    if (e.value.trim() === '' && !e.note?.[lang].trim()) out.push(`${lang}: "${label}" has neither a value nor a note`);
  }
  if (untranslatedLabel(e)) out.push(`ru label "${e.label.ru}" is not translated`);
  if (!e.source?.trim() && !e.event?.trim()) out.push(`"${e.label.en}" names no source field or event`);
  // A bare word ("size", "class", "storageclasses") reads as English prose in the Russian UI: a source is a path.
  if (e.source && /^[a-z]+$/.test(e.source.trim())) out.push(`source "${e.source}" is a word, not a field path`);
  // Several `key=value` pairs in one value (trial 4: "capacity=1Gi accessModes=ReadWriteOnce class=...") are an
  // object's fields dumped raw: they belong in `facts`, each with a label in the user's language.
  // (A cluster message with a "volumes=[data]" inside is prose, not a dump: only values made of pairs count.)
  if (/^(\S+:\s+)?([A-Za-z]+=\S*\s+)+[A-Za-z]+=\S*$/.test(e.value.trim())) out.push(`value "${e.value}" is a raw key=value dump; give the fields as facts`);
  for (const f of e.facts ?? []) {
    for (const lang of LANGS) {
      if (!f.label[lang].trim()) out.push(`${lang} fact label of "${e.label.en}" is empty`);
      if (f.value.trim() === '' && !f.note?.[lang].trim()) out.push(`${lang}: fact "${f.label[lang]}" of "${e.label.en}" has neither a value nor a note`);
    }
    if (untranslatedLabel({ label: f.label, value: f.value })) out.push(`ru fact label "${f.label.ru}" is not translated`);
  }
  return out;
}

/**
 * A Russian label the same as the English one although it is words (an untranslated label); a single API name
 * such as "claimRef" or "sizeLimit" is the same in both languages.
 */
function untranslatedLabel(e: Evidence): boolean {
  return /\s/.test(e.label.en.trim()) && e.label.ru === e.label.en && !/[а-яё]/i.test(e.label.ru);
}

/** Every problem of a finding's evidence, and a stray space before punctuation in any of its texts, prefixed with the finding id. */
export function findingEvidenceProblems(f: Finding): string[] {
  const own = f.evidence.flatMap((e) => evidenceProblems(e).map((p) => `${f.id}: ${p}`));
  return [...own, ...repeatedRows(f.evidence).map((p) => `${f.id}: ${p}`), ...findingTextProblems(f).map((p) => `${f.id}: ${p}`)];
}

/**
 * White space before closing punctuation in any text of a finding, in either language (typography.ts; trial 5 of
 * issue 8, N-D9: the too-big headline was reported as «… 5Gi )»).
 */
export function findingTextProblems(f: Finding): string[] {
  const texts: Localized[] = [
    f.cause,
    ...(f.headline ? [f.headline] : []),
    ...f.evidence.flatMap((e) => [e.label, ...(e.note ? [e.note] : []), ...(e.facts ?? []).flatMap((x) => [x.label, ...(x.note ? [x.note] : [])])]),
    ...f.fix.map((step) => step.text),
  ];
  return texts.flatMap((text) => LANGS.flatMap((lang) => strayPunctuationSpaces(text[lang]).map((at) => `${lang} text has a space before punctuation: "${at}"`)));
}

/**
 * Rows that say the same thing twice: one label and one value (trial 4: «Провизионер» listed twice, once with
 * its verdict). Several rows under one label with different values (near-miss volumes) are fine.
 */
export function repeatedRows(rows: readonly Evidence[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of rows) {
    const key = `${e.label.en}\u0000${e.value}`;
    if (seen.has(key)) out.push(`"${e.label.en}: ${e.value}" is given twice`);
    seen.add(key);
  }
  return out;
}
