import { describe, expect, it } from 'vitest';
import { en } from './en';
import { dictionaryProblems, messageProblems, pluralCategories } from './check-messages';
import { DICTIONARIES, langFromLocale, translate, type MessageKey } from './i18n';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LANGS } from '../../../shared/model/findings';
import { strayPunctuationSpaces } from '../../../shared/typography';

describe('i18n dictionaries', () => {
  it('have the same keys in every language, none empty, every message valid ICU with the same arguments and full plurals', () => {
    expect(dictionaryProblems(DICTIONARIES)).toEqual([]);
  });

  it('are really translated: most Russian texts differ from the English ones', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    const same = keys.filter((k) => en[k] === DICTIONARIES.ru[k]);
    // Product names, kind names and placeholder-only texts may stay; most texts must differ.
    expect(same.length).toBeLessThan(keys.length / 10);
  });
});

describe('the dictionary checks catch what they are for', () => {
  it('knows the plural forms of each language from Intl', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('ru')).toEqual(['few', 'many', 'one', 'other']);
  });

  it('reports a Russian plural without few or many', () => {
    expect(messageProblems('ru', '{n, plural, one {# вид} other {# видов}}')).toEqual(['plural {n} lacks the ru form(s) few, many']);
    expect(messageProblems('ru', '{n, plural, one {# вид} few {# вида} many {# видов} other {# вида}}')).toEqual([]);
  });

  it('reports forms a language never uses and counts written before a word without a plural ("1 kinds")', () => {
    expect(messageProblems('en', '{n, plural, one {# kind} few {# kinds} other {# kinds}}')).toEqual(['plural {n} has forms few that en never uses']);
    expect(messageProblems('en', 'no permission for {n} kinds')).toEqual(['count {n} is followed by a word outside a plural']);
    expect(messageProblems('en', 'Rows: {n, number}')).toEqual([]);
    expect(messageProblems('en', 'Show these {n} in {table}')).toEqual([]);
    expect(messageProblems('ru', 'готово {n} из {total}')).toEqual([]);
    expect(messageProblems('ru', '{n} видов')).toEqual(['count {n} is followed by a word outside a plural']);
  });

  it('reports a key in one language only, differing arguments, and text that does not parse', () => {
    const problems = dictionaryProblems({
      en: { a: 'Open {name}', b: 'B' },
      ru: { a: 'Открыть {file}', c: 'C {' },
    });
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        'ru: b is missing',
        'ru: c exists only in ru',
        'ru: a uses arguments [file], en uses [name]',
        expect.stringMatching(/^ru: c does not parse as ICU MessageFormat/),
      ]),
    );
  });
});

describe('translate', () => {
  it('fills arguments and picks plural forms by the rules of each language', () => {
    expect(translate('en', 'status.forbiddenCount', { n: 1 })).toBe('no permission for 1 kind');
    expect(translate('en', 'status.forbiddenCount', { n: 2 })).toBe('no permission for 2 kinds');
    expect(translate('ru', 'init.restarts', { n: 1 })).toBe('1 перезапуск');
    expect(translate('ru', 'init.restarts', { n: 3 })).toBe('3 перезапуска');
    expect(translate('ru', 'init.restarts', { n: 5 })).toBe('5 перезапусков');
    expect(translate('ru', 'init.restarts', { n: 21 })).toBe('21 перезапуск');
    expect(translate('ru', 'init.restarts', { n: 111 })).toBe('111 перезапусков');
  });

  it('formats numbers in the UI language', () => {
    expect(translate('en', 'table.rows', { n: 12345 })).toBe('Rows: 12,345');
    expect(translate('ru', 'table.rows', { n: 12345 })).toBe('Строк: 12\u00a0345');
  });

  it('writes a number given to a plain argument in the UI language, as {n, number} would (T8-18: «3013 заявок»)', () => {
    expect(translate('en', 'overview.groupLink', { n: 3013, table: 'Claims' })).toBe('Show these 3,013 in Claims');
    expect(translate('ru', 'overview.groupLink', { n: 3013, table: 'Заявки' })).toContain('3\u00a0013');
    expect(translate('ru', 'overview.showingOf', { shown: 20, total: 3013, table: 'Заявки' })).toContain('3\u00a0013');
    // A string argument is left as it is, and a plural still reads its number.
    expect(translate('en', 'overview.groupLink', { n: '3013', table: 'Claims' })).toBe('Show these 3013 in Claims');
    expect(translate('ru', 'init.restarts', { n: 1021 })).toBe('1\u00a0021 перезапуск');
    // Identifiers are not amounts: a uid, an exit code and an HTTP status stay as the system writes them.
    expect(translate('en', 'init.user', { uid: 1000 })).toBe('runs as uid 1000');
    expect(translate('ru', 'init.exitCode', { code: 1234 })).toContain('1234');
  });

  it('keeps angle brackets and quotes as text', () => {
    expect(translate('en', 'app.openSnapshotHint')).toContain('`kse snapshot`');
  });

  it('names the key instead of failing when an argument is missing', () => {
    const error = console.error;
    console.error = () => undefined;
    try {
      expect(translate('en', 'clusters.close')).toBe('clusters.close');
    } finally {
      console.error = error;
    }
  });

  it('picks Russian for ru locales only', () => {
    expect(langFromLocale('ru-RU')).toBe('ru');
    expect(langFromLocale('RU')).toBe('ru');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('uk-UA')).toBe('en');
    expect(langFromLocale(undefined)).toBe('en');
  });
});

/** Sample arguments for a message: counts and numbers as `n`, choices as their `other` case, anything else as a word. */
function sampleArguments(text: string, n: number): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const walk = (list: readonly MessageFormatElement[]) => {
    for (const el of list) {
      if (el.type === TYPE.plural || el.type === TYPE.number) out[el.value] = n;
      else if (el.type === TYPE.select) out[el.value] = 'other';
      else if ((el.type === TYPE.argument || el.type === TYPE.date || el.type === TYPE.time) && !(el.value in out)) out[el.value] = 'value-1';
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) walk(option.value);
      if (el.type === TYPE.tag) walk(el.children);
    }
  };
  walk(parse(text, { ignoreTag: true }));
  return out;
}

describe('every message as rendered (trial 5 of issue 8, N-D9)', () => {
  it('has no space before ) , . : ; in either language, whatever the count', () => {
    const problems: string[] = [];
    for (const lang of LANGS) {
      for (const key of Object.keys(en) as MessageKey[]) {
        for (const n of [0, 1, 2, 5, 21]) {
          const text = translate(lang, key, sampleArguments(DICTIONARIES[lang][key], n));
          for (const at of strayPunctuationSpaces(text)) problems.push(`${lang}: ${key} (n=${n}): "${at}"`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
