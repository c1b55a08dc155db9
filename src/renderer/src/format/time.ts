/**
 * Times as people read them in a dense tool, in the UI language through Intl (never the browser's locale):
 * ages as kubectl prints them ("3d" in English, "3 д." in Russian: Intl's narrow units), freshness ("2s ago"),
 * clock times and dates.
 */
import type { Lang } from '../../../shared/model/findings';
import { cached } from './cached';
import type { UiLocale } from './locale';

/** Seconds between an ISO time and now; undefined for missing or unparsable times. */
export function secondsSince(iso: string | undefined, now: number): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.floor((now - at) / 1000));
}

type DurationUnit = 'second' | 'minute' | 'hour' | 'day';
const UNIT_FORMATS: Record<DurationUnit, (lang: Lang) => Intl.NumberFormat> = {
  second: cached((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'second', unitDisplay: 'narrow' })),
  minute: cached((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'narrow' })),
  hour: cached((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'narrow' })),
  day: cached((lang) => new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'narrow' })),
};

/** A duration in its largest whole unit, as kubectl rounds ages: 45s, 12m, 5h, 3d (days past 1 day, hours past 1 hour). */
export function duration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return UNIT_FORMATS.second(lang).format(s);
  if (s < 3600) return UNIT_FORMATS.minute(lang).format(Math.floor(s / 60));
  if (s < 86_400) return UNIT_FORMATS.hour(lang).format(Math.floor(s / 3600));
  return UNIT_FORMATS.day(lang).format(Math.floor(s / 86_400));
}

/** Age of an object created at `iso`; '' when the time is missing or unparsable. */
export function age(iso: string | undefined, now: number, lang: Lang): string {
  const s = secondsSince(iso, now);
  return s === undefined ? '' : duration(s, lang);
}

/** Translated freshness: "just now", "2s ago", "5m ago". */
export function ago(iso: string | undefined, now: number, locale: UiLocale): string {
  const s = secondsSince(iso, now);
  if (s === undefined) return '';
  if (s < 1) return locale.t('time.now');
  return locale.t('time.ago', { duration: duration(s, locale.lang) });
}

const CLOCK = cached((lang) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
const HOUR_MINUTE = cached((lang) => new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }));
const DATE_TIME = cached((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));

/** The time of day, to the second ("09:50:10"); '' for a missing or unparsable time. */
export function clockTime(iso: string | undefined, lang: Lang): string {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? '' : CLOCK(lang).format(at);
}

/**
 * A chart's time tick, to the minute ("23:30" / "11:30 PM"): seconds carry nothing between samples 30 s apart
 * (trial 5, N-D5). `ms` since the epoch; '' when it is not a time.
 */
export function axisTime(ms: number, lang: Lang): string {
  return Number.isFinite(ms) ? HOUR_MINUTE(lang).format(ms) : '';
}

/** Date and time ("28 нояб. 2026 г., 03:26" / "Nov 28, 2026, 3:26 AM"); '' for a missing or unparsable time. */
export function dateTime(iso: string | undefined, lang: Lang): string {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? '' : DATE_TIME(lang).format(at);
}
