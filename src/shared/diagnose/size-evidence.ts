/**
 * A size the kubelet measured, as evidence: the exact byte count it reported (verbatim, like every observed value)
 * with the size in each UI language beside it («891 МиБ», "891Mi"), so a finding's facts say sizes as its cause
 * and the tables do. Trial 9 of issue 8: a Russian panel said «891 МиБ» in the cause and «891Mi» in the facts.
 */
import type { Evidence, Localized } from '../model/findings';
import { formatBytes, formatBytesIn } from '../quantity';
import { evidence, t } from './finding';

/** Evidence of `bytes` (an integer count; undefined: not reported, an empty value). */
export function sizeEvidence(label: Localized, bytes: number | undefined, where: { source?: string; at?: string; note?: Localized } = {}): Evidence {
  if (bytes === undefined) return evidence(label, '', where);
  const size = t(formatBytes(bytes), formatBytesIn(bytes, 'ru'));
  const note = where.note ? t(`${size.en}; ${where.note.en}`, `${size.ru}; ${where.note.ru}`) : size;
  return evidence(label, String(bytes), { ...where, note });
}
