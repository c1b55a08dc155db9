/**
 * Loads the built-in lessons of one language from disk: `<resourcesDir>/lessons/<lang>/*.md`, read in file-name
 * order (01-..., 02-...) and parsed into one book. The resources directory is passed in because it differs
 * between development (the repo's resources/) and a packaged app (process.resourcesPath).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LessonBook } from '../shared/contract';
import { assembleLessonBook, type LessonSource } from '../shared/lesson-parse';
import type { Lang } from '../shared/model/findings';

/** The directory holding one language's lesson files. */
export function lessonsDir(resourcesDir: string, lang: Lang): string {
  return join(resourcesDir, 'lessons', lang);
}

/**
 * Reads and parses the lessons of `lang`. Throws an Error that says which directory or file is at fault and
 * what to do; parse errors keep the file name and line (LessonParseError).
 */
export async function loadLessonBook(resourcesDir: string, lang: Lang): Promise<LessonBook> {
  const dir = lessonsDir(resourcesDir, lang);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new Error(
      `Cannot read the ${lang} lessons in ${dir} (${describe(error)}). ` +
        'Reinstall the app, or when running from source, start it from the repository root.',
    );
  }
  // Code-unit order, not locale order: the numeric prefixes decide, the same on every machine.
  const files = names.filter((name) => name.endsWith('.md')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) {
    throw new Error(`No lesson files (*.md) in ${dir}. Reinstall the app, or restore resources/lessons/${lang}.`);
  }
  const sources: LessonSource[] = await Promise.all(
    files.map(async (name) => ({ source: `${lang}/${name}`, markdown: await readFile(join(dir, name), 'utf8') })),
  );
  return assembleLessonBook(lang, sources);
}

function describe(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
