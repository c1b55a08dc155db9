import { describe, expect, it } from 'vitest';
import type { Lang } from '../../../shared/model/findings';
import { translate } from '../i18n/i18n';
import { formatBytes } from './bytes';
import type { UiLocale } from './locale';
import { age, ago, axisTime, clockTime, dateTime, duration, secondsSince } from './time';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const locale = (lang: Lang): UiLocale => ({ lang, t: (key, params) => translate(lang, key, params) });
const en = locale('en');
const ru = locale('ru');

describe('durations and ages, through Intl in the UI language', () => {
  it('read like kubectl in English', () => {
    expect(age('2026-11-28T09:59:15Z', NOW, 'en')).toBe('45s');
    expect(age('2026-11-28T09:48:00Z', NOW, 'en')).toBe('12m');
    expect(age('2026-11-28T05:00:00Z', NOW, 'en')).toBe('5h');
    expect(age('2026-11-25T10:00:00Z', NOW, 'en')).toBe('3d');
    expect(age(undefined, NOW, 'en')).toBe('');
    expect(age('garbage', NOW, 'en')).toBe('');
  });
  it('read as Russian units in Russian ("1m", "0s" never show there)', () => {
    expect(duration(0, 'ru')).toMatch(/^0\s?с$/);
    expect(duration(60, 'ru')).toMatch(/^1\s?мин$/);
    expect(duration(5 * 3600, 'ru')).toMatch(/^5\s?ч$/);
    expect(age('2026-11-25T10:00:00Z', NOW, 'ru')).toMatch(/^3\s?д/);
  });
  it('say how fresh data is', () => {
    expect(ago('2026-11-28T09:59:58Z', NOW, en)).toBe('2s ago');
    expect(ago('2026-11-28T10:00:00Z', NOW, en)).toBe('just now');
    expect(ago('2026-11-28T09:55:00Z', NOW, en)).toBe('5m ago');
    expect(ago('2026-11-28T09:55:00Z', NOW, ru)).toMatch(/^5\s?мин назад$/);
    expect(ago('2026-11-28T10:00:00Z', NOW, ru)).toBe('только что');
  });
  it('never report negative times for clocks slightly ahead', () => {
    expect(secondsSince('2026-11-28T10:00:05Z', NOW)).toBe(0);
  });
});

describe('dates and times, in the UI language rather than the browser locale', () => {
  it('write a Russian date the Russian way and an English one the English way', () => {
    const iso = '2026-11-28T03:26:00Z';
    // The hour depends on the machine's time zone, the spaces on the ICU version; the words and order do not.
    expect(dateTime(iso, 'ru')).toMatch(/^28\sнояб\.\s2026\sг\.,\s\d\d:\d\d$/);
    expect(dateTime(iso, 'en')).toMatch(/^Nov\s28,\s2026,\s\d{1,2}:\d\d\s?[AP]M$/);
    expect(clockTime(iso, 'ru')).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(dateTime('garbage', 'ru')).toBe('');
    expect(clockTime(undefined, 'en')).toBe('');
  });

  it("a chart's time ticks to the minute, without seconds (trial 5: '11:30:00 PM12:00:00 AM' ran together)", () => {
    const ms = Date.parse('2026-11-28T03:26:45Z');
    expect(axisTime(ms, 'ru')).toMatch(/^\d{1,2}:\d\d$/);
    expect(axisTime(ms, 'en')).toMatch(/^\d{1,2}:\d\d\s?[AP]M$/);
    expect(axisTime(Number.NaN, 'en')).toBe('');
  });
});

describe('formatBytes', () => {
  it('uses binary units, written the Kubernetes way in English', () => {
    expect(formatBytes(1024 ** 3, en)).toBe('1Gi');
    expect(formatBytes(1.5 * 1024 ** 3, en)).toBe('1.5Gi');
    expect(formatBytes(500, en)).toBe('500B');
    expect(formatBytes(250 * 1024 ** 2, en)).toBe('250Mi');
    expect(formatBytes(undefined, en)).toBe('');
  });
  it('writes the number and the unit the Russian way in Russian', () => {
    expect(formatBytes(1.5 * 1024 ** 3, ru)).toBe('1,5 ГиБ');
    expect(formatBytes(500, ru)).toBe('500 Б');
  });
});
