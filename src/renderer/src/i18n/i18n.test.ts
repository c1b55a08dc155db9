import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../shared/model/findings';
import { en } from './en';
import { DICTIONARIES, format, langFromLocale, translate } from './i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionaries', () => {
  const keys = Object.keys(en).sort();

  it.each(LANGS)('%s has exactly the English keys, none empty', (lang) => {
    const dict = DICTIONARIES[lang];
    expect(Object.keys(dict).sort()).toEqual(keys);
    for (const key of keys) expect(dict[key as keyof typeof en].trim(), key).not.toBe('');
  });

  it.each(LANGS)('%s uses the same placeholders as English in every text', (lang) => {
    for (const key of keys) {
      const k = key as keyof typeof en;
      expect(placeholders(DICTIONARIES[lang][k]), key).toEqual(placeholders(en[k]));
    }
  });

  it('translates navigation differently in Russian (the UI is really translated)', () => {
    const same = keys.filter((k) => en[k as keyof typeof en] === DICTIONARIES.ru[k as keyof typeof en]);
    // Product names, kind names and placeholders-only texts may stay; most texts must differ.
    expect(same.length).toBeLessThan(keys.length / 10);
  });
});

describe('format and translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n}s ago, {x}', { n: 2 })).toBe('2s ago, {x}');
  });
  it('translates with parameters', () => {
    expect(translate('en', 'time.seconds', { n: 5 })).toBe('5s ago');
    expect(translate('ru', 'time.seconds', { n: 5 })).toBe('5 с назад');
  });
  it('picks Russian for ru locales only', () => {
    expect(langFromLocale('ru-RU')).toBe('ru');
    expect(langFromLocale('RU')).toBe('ru');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('uk-UA')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
});
