/**
 * Checks of the dictionaries that the typecheck cannot make: every message parses as ICU MessageFormat, uses
 * the same arguments in every language, gives every plural the forms its language needs (CLDR plural
 * categories from Intl.PluralRules: English one/other, Russian one/few/many/other), and never puts a count
 * straight before a word outside a plural ("{n} kinds" reads "1 kinds"). Used by i18n.test.ts.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Lang } from '../../../shared/model/findings';

/** Argument names that hold counts by convention. */
const COUNT_ARGUMENTS = new Set(['n', 'count']);

/** Words that may follow a count without agreeing with it ("5 of 20", "these 302 in Claims", "5 из 20"). */
const FUNCTION_WORDS = new Set(['of', 'in', 'on', 'at', 'to', 'from', 'out', 'and', 'or', 'per', 'из', 'в', 'во', 'на', 'и', 'или', 'по', 'с', 'со', 'до', 'от']);

/** Plural categories a language needs for whole and fractional numbers (CLDR, via Intl). */
export function pluralCategories(lang: Lang): string[] {
  return [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
}

/** Every argument name a message uses, sorted and unique. */
export function argumentsOf(elements: readonly MessageFormatElement[]): string[] {
  const names = new Set<string>();
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const el of list) {
      if ('value' in el && el.type !== TYPE.literal && typeof el.value === 'string') names.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(elements);
  return [...names].sort();
}

/** Problems of one message in one language; empty when it is fine. */
export function messageProblems(lang: Lang, text: string): string[] {
  let elements: MessageFormatElement[];
  try {
    elements = parse(text, { ignoreTag: true });
  } catch (error) {
    return [`does not parse as ICU MessageFormat: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const needed = pluralCategories(lang);
  const walk = (list: readonly MessageFormatElement[], inPlural: boolean) => {
    list.forEach((el, i) => {
      if (el.type === TYPE.plural) {
        const have = Object.keys(el.options).filter((k) => !k.startsWith('='));
        const missing = needed.filter((c) => !have.includes(c));
        if (missing.length) problems.push(`plural {${el.value}} lacks the ${lang} form(s) ${missing.join(', ')}`);
        const extra = have.filter((c) => !needed.includes(c));
        if (extra.length) problems.push(`plural {${el.value}} has forms ${extra.join(', ')} that ${lang} never uses`);
        for (const option of Object.values(el.options)) walk(option.value, true);
        return;
      }
      if (el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value, inPlural);
      if (!inPlural && (el.type === TYPE.argument || el.type === TYPE.number) && COUNT_ARGUMENTS.has(el.value)) {
        const next = list[i + 1];
        const word = next?.type === TYPE.literal ? /^\s?(\p{L}+)/u.exec(next.value)?.[1] : undefined;
        if (word && !FUNCTION_WORDS.has(word.toLowerCase())) problems.push(`count {${el.value}} is followed by a word outside a plural`);
      }
    });
  };
  walk(elements, false);
  return problems;
}

/** Problems across dictionaries: keys missing or extra in a language, arguments that differ from English. */
export function dictionaryProblems(dictionaries: Record<Lang, Record<string, string>>, source: Lang = 'en'): string[] {
  const problems: string[] = [];
  const sourceKeys = Object.keys(dictionaries[source]);
  for (const [lang, dict] of Object.entries(dictionaries) as [Lang, Record<string, string>][]) {
    const keys = Object.keys(dict);
    for (const key of sourceKeys) if (!(key in dict)) problems.push(`${lang}: ${key} is missing`);
    for (const key of keys) if (!(key in dictionaries[source])) problems.push(`${lang}: ${key} exists only in ${lang}`);
    for (const key of keys) {
      const text = dict[key] ?? '';
      if (text.trim() === '') problems.push(`${lang}: ${key} is empty`);
      for (const problem of messageProblems(lang, text)) problems.push(`${lang}: ${key} ${problem}`);
      const base = dictionaries[source][key];
      if (base === undefined || lang === source) continue;
      try {
        const mine = argumentsOf(parse(text, { ignoreTag: true })).join(',');
        const theirs = argumentsOf(parse(base, { ignoreTag: true })).join(',');
        if (mine !== theirs) problems.push(`${lang}: ${key} uses arguments [${mine}], ${source} uses [${theirs}]`);
      } catch {
        // Reported above as a parse problem.
      }
    }
  }
  return problems;
}
