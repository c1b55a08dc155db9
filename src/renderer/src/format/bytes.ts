/**
 * Byte counts in binary units, as Kubernetes quantities are written (1.5Gi in English; 1,5 ГиБ in Russian), the
 * number through Intl in the UI language. The text is shared/quantity.ts formatBytesIn, so a finding's sentence
 * (written in the core) and the tables say the same size the same way («891 МиБ» in both, trial 7).
 */
import { formatBytesIn } from '../../../shared/quantity';
import type { UiLocale } from './locale';

export function formatBytes(bytes: number | undefined, locale: Pick<UiLocale, 'lang'>): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  return formatBytesIn(bytes, locale.lang);
}
