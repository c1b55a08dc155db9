/** Times as people read them in a dense tool: "2s ago" for freshness, "3d" for ages (as kubectl prints). */
import type { Translate } from '../i18n/i18n';

/** Seconds between an ISO time and now; undefined for missing or unparsable times. */
export function secondsSince(iso: string | undefined, now: number): number | undefined {
  if (!iso) return undefined;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.floor((now - at) / 1000));
}

/** kubectl-style age: 45s, 12m, 5h, 3d (days past 1 day, hours past 1 hour). */
export function age(iso: string | undefined, now: number): string {
  const s = secondsSince(iso, now);
  if (s === undefined) return '';
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** Translated freshness: "just now", "2s ago", "5m ago". */
export function ago(iso: string | undefined, now: number, t: Translate): string {
  const s = secondsSince(iso, now);
  if (s === undefined) return '';
  if (s < 1) return t('time.now');
  if (s < 60) return t('time.seconds', { n: s });
  if (s < 3600) return t('time.minutes', { n: Math.floor(s / 60) });
  if (s < 86_400) return t('time.hours', { n: Math.floor(s / 3600) });
  return t('time.days', { n: Math.floor(s / 86_400) });
}
