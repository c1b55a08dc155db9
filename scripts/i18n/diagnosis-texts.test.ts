import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosisTextProblems, scanDiagnosisTexts } from './diagnosis-texts';

const DIAGNOSE = fileURLToPath(new URL('../../src/shared/diagnose', import.meta.url));

describe('the diagnosis texts are Russian in Russian and count with real plurals', () => {
  it('have no untranslated Russian texts, no "(s)" plurals and no bare counts before words', () => {
    expect(scanDiagnosisTexts(DIAGNOSE).map((p) => `${p.file.slice(DIAGNOSE.length + 1)}:${p.line} ${p.problem}`)).toEqual([]);
  });
});

describe('the diagnosis text check catches what it is for', () => {
  const problems = (source: string) => diagnosisTextProblems('x.ts', source).map((p) => p.problem);

  it('reports "(s)", a count before a word and a Russian text left in English', () => {
    expect(problems("t(`${n} claim(s) wait`, `ждут заявки: ${n}`)")).toEqual(['en: a "(s)" plural; use counted() or pluralForm()']);
    expect(problems('t(`${pods.length} pods use it`, `её используют поды: ${pods.length}`)')).toEqual([
      'en: the count ${pods.length} is followed by a word; use counted() or pluralForm()',
    ]);
    expect(problems("t('Pod is dead', 'Pod is dead')")).toEqual([]);
    expect(problems("t('Pod is dead', 'Pod dead')")).toEqual(['the Russian text has no Russian in it']);
  });

  it('accepts identifiers kept as they are and counts after a colon', () => {
    expect(problems("t('emptyDir', 'emptyDir')")).toEqual([]);
    expect(problems('t(`Pods: ${pods.length}`, `Поды: ${pods.length}`)')).toEqual([]);
  });
});
