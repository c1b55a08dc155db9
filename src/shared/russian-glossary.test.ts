import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Russian terms the project settled on (issue 17, item 4; the UI dictionary's header): «замечание» for a finding,
 * never «находка»; «место для временных данных» for scratch space, never «рабочее место»; a Lease is a Lease, not
 * «аренда». The words are looked for in every place Russian text is written: the UI dictionary, the diagnosis rules
 * and texts in src/shared, and the Russian lessons.
 */
const FORBIDDEN: { word: RegExp; instead: string }[] = [
  { word: /находк/iu, instead: 'замечание' },
  { word: /рабоч(ее|его|ем) мест/iu, instead: 'место для временных данных' },
  { word: /аренд/iu, instead: 'Lease' },
];

const root = join(__dirname, '..', '..');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext) && !file.endsWith('.test.ts'))
    .map((file) => join(dir, file));
}

const PLACES = [
  'src/renderer/src/i18n/ru.ts',
  ...filesUnder('src/shared', '.ts'),
  ...filesUnder('resources/lessons/ru', '.md'),
];

describe('Russian glossary', () => {
  it('looks in the dictionary, the rules and the lessons', () => {
    expect(PLACES).toContain('src/renderer/src/i18n/ru.ts');
    expect(PLACES.filter((p) => p.startsWith('resources/lessons/ru/')).length).toBeGreaterThan(4);
    expect(PLACES.filter((p) => p.startsWith('src/shared/diagnose/')).length).toBeGreaterThan(10);
  });

  it('uses the settled terms everywhere', () => {
    const hits: string[] = [];
    for (const place of PLACES) {
      readFileSync(join(root, place), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const { word, instead } of FORBIDDEN) if (word.test(line)) hits.push(`${place}:${i + 1}: ${word.source} -> ${instead}`);
        });
    }
    expect(hits).toEqual([]);
  });

  it('would catch a forbidden word', () => {
    expect(FORBIDDEN.some(({ word }) => word.test('Находка: класс'))).toBe(true);
    expect(FORBIDDEN.some(({ word }) => word.test('срок аренды'))).toBe(true);
  });
});
