/**
 * The UI language and its translator, as the formatters need them. `useI18n()` and a table's ColumnContext
 * both carry these two fields, so either can be passed as is.
 */
import type { Lang } from '../../../shared/model/findings';
import type { Translate } from '../i18n/i18n';

export interface UiLocale {
  lang: Lang;
  t: Translate;
}

/** One Intl formatter per language and options: building them is costly, and a table formats every row. */
export function cached<F>(make: (lang: Lang) => F): (lang: Lang) => F {
  const byLang = new Map<Lang, F>();
  return (lang) => {
    let formatter = byLang.get(lang);
    if (!formatter) {
      formatter = make(lang);
      byLang.set(lang, formatter);
    }
    return formatter;
  };
}

/** Numbers in the UI language (grouping and decimal separator: "12 345,5" in Russian). */
const plainNumber = cached((lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }));

export function formatNumber(value: number, lang: Lang): string {
  return plainNumber(lang).format(value);
}
