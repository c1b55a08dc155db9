/**
 * Byte counts in binary units, as Kubernetes quantities are written (1.5Gi in English; 1,5 ГиБ in Russian),
 * the number through Intl in the UI language and the unit through the i18n layer.
 */
import type { MessageKey } from '../i18n/i18n';
import { formatNumber, type UiLocale } from './locale';

const UNITS = ['size.B', 'size.Ki', 'size.Mi', 'size.Gi', 'size.Ti', 'size.Pi'] as const satisfies readonly MessageKey[];

export function formatBytes(bytes: number | undefined, locale: UiLocale): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // One decimal below 100 (1.5Gi), whole numbers above (250Mi), as people round sizes.
  const rounded = Math.abs(value) >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return locale.t(UNITS[unit] ?? 'size.B', { value: formatNumber(rounded, locale.lang) });
}
