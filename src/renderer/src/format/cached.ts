/** A cache of one formatter per UI language, apart from locale.ts so that the i18n layer can use it too. */
import type { Lang } from '../../../shared/model/findings';

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
