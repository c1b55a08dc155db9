import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LESSON_ANCHORS } from '../shared/lessons';
import { LessonParseError } from '../shared/lesson-parse';
import { loadLessonBook } from './lessons-load';

describe('loadLessonBook on a scratch resources directory', () => {
  let resources: string;

  beforeEach(async () => {
    resources = await mkdtemp(join(tmpdir(), 'kse-lessons-'));
  });
  afterEach(async () => {
    await rm(resources, { recursive: true, force: true });
  });

  async function write(lang: string, name: string, text: string): Promise<void> {
    await mkdir(join(resources, 'lessons', lang), { recursive: true });
    await writeFile(join(resources, 'lessons', lang, name), text);
  }

  it('reads the .md files of the language in file-name order and ignores other files', async () => {
    await write('en', '10-later.md', '## Later {#later}\nz');
    await write('en', '02-second.md', '## Second {#second}\ny\n<!-- examples: storageclasses -->');
    await write('en', '01-first.md', '## First {#first}\nx');
    await write('en', 'notes.txt', '## Not a lesson {#ignored}');
    await write('ru', '01-first.md', '## Первый {#first}\nх');

    const book = await loadLessonBook(resources, 'en');
    expect(book.lang).toBe('en');
    expect(book.sections.map((s) => s.id)).toEqual(['first', 'second', 'later']);
    expect(book.sections[1]?.examples).toEqual(['storageclasses']);

    const ru = await loadLessonBook(resources, 'ru');
    expect(ru.sections.map((s) => s.title)).toEqual(['Первый']);
  });

  it('says which directory is missing and what to do', async () => {
    await expect(loadLessonBook(resources, 'ru')).rejects.toThrow(/Cannot read the ru lessons in .*lessons.ru \(ENOENT\)\. Reinstall/);
  });

  it('refuses an empty lessons directory', async () => {
    await mkdir(join(resources, 'lessons', 'en'), { recursive: true });
    await expect(loadLessonBook(resources, 'en')).rejects.toThrow(/No lesson files/);
  });

  it('reports a malformed file by name and line', async () => {
    await write('en', '01-a.md', '## A {#a}\nok');
    await write('en', '02-b.md', '## B {#b}\n<!-- examples: widgets -->');
    const error: unknown = await loadLessonBook(resources, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonParseError);
    expect((error as LessonParseError).message).toBe(
      'en/02-b.md:2: unknown kind "widgets" in examples (use a resource plural from src/shared/kube/resource-registry.ts)',
    );
  });
});

describe('loadLessonBook on the shipped resources', () => {
  const shipped = join(import.meta.dirname, '..', '..', 'resources');

  it.each(['en', 'ru'] as const)('loads every indexed section in %s', async (lang) => {
    const book = await loadLessonBook(shipped, lang);
    expect(book.sections.map((s) => s.id).sort()).toEqual([...LESSON_ANCHORS].sort());
    for (const section of book.sections) expect(section.markdown.length).toBeGreaterThan(200);
  });
});
