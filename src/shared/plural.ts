/**
 * Counted words in both UI languages, for texts built in src/shared (diagnosis causes, provisioner reasons):
 * "1 claim" / "2 claims", "1 заявка" / "3 заявки" / "5 заявок". The form is chosen by Intl.PluralRules (CLDR
 * rules: Russian uses one for 1, 21, 101; few for 2-4, 22-24; many for 0, 5-20, 25-30; other for fractions).
 * The types require every form a language has, so a Russian text cannot be written with English plurals.
 */
import type { Lang, Localized } from './model/findings';

export interface PluralForms {
  en: { one: string; other: string };
  ru: { one: string; few: string; many: string; other: string };
}

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/** The form of a word for the count `n` in `lang`. */
export function pluralForm(lang: Lang, n: number, forms: PluralForms): string {
  const category = RULES[lang].select(n);
  const own = forms[lang] as Record<string, string>;
  return own[category] ?? own['other'] ?? '';
}

/** The word alone, in both languages, e.g. plural(3, CLAIMS) -> {en: 'claims', ru: 'заявки'}. */
export function plural(n: number, forms: PluralForms): Localized {
  return { en: pluralForm('en', n, forms), ru: pluralForm('ru', n, forms) };
}

/** The count with its word, e.g. counted(3, CLAIMS) -> {en: '3 claims', ru: '3 заявки'}. */
export function counted(n: number, forms: PluralForms): Localized {
  const p = plural(n, forms);
  return { en: `${n} ${p.en}`, ru: `${n} ${p.ru}` };
}
