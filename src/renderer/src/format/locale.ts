/**
 * The UI language and its translator, as the formatters need them. `useI18n()` and a table's ColumnContext
 * both carry these two fields, so either can be passed as is.
 */
import type { Lang } from '../../../shared/model/findings';
import type { Translate } from '../i18n/i18n';
import { cached } from './cached';

export interface UiLocale {
  lang: Lang;
  t: Translate;
}

/** Numbers in the UI language (grouping and decimal separator: "12 345,5" in Russian). */
const plainNumber = cached((lang) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }));

export function formatNumber(value: number, lang: Lang): string {
  return plainNumber(lang).format(value);
}
