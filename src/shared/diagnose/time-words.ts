/**
 * How long before "now" something happened, in both languages: "5 min ago" / «5 мин назад» on a live cluster,
 * "5 min before the capture" / «5 мин до снимка» in a snapshot, whose "now" is the moment it was taken (the
 * renderer words its own times the same way: state/source-clock.ts, CAPTURE_WORDING). Trial 8 of issue 8, T8-9: a
 * snapshot's Lease read «обновлён 4 с назад» beside the UI's «4 с до снимка»; it now reads «обновлён за 4 с до снимка».
 */
import type { ClusterView } from './view';
import type { Localized } from '../model/findings';
import { t } from './finding';
import { duration } from './object-helpers';

/**
 * `ms` (>= 0) before the view's now, as "<duration> ago" / «<duration> назад», or in a snapshot "<duration> before
 * the capture" / «за <duration> до снимка» (with «за»: these words stand inside sentences, «Создана за 5 мин до
 * снимка», where the UI's own label «5 мин до снимка» stands alone).
 */
export function beforeNow(view: Pick<ClusterView, 'nowIsCapture'>, ms: number): Localized {
  const d = duration(ms);
  return view.nowIsCapture?.() ? t(`${d.en} before the capture`, `за ${d.ru} до снимка`) : t(`${d.en} ago`, `${d.ru} назад`);
}
