/// <reference types="vite/client" />
// The lesson texts are read through Vite's glob import rather than node:fs, because src/shared is also
// type-checked for the browser (tsconfig.web.json), where Node's types do not exist.
import { describe, expect, it } from 'vitest';
import { assembleLessonBook } from './lesson-parse';
import { LESSON_ANCHORS } from './lessons';
import { LANGS, type Lang } from './model/findings';

const files = import.meta.glob<string>('../../resources/lessons/*/*.md', { query: '?raw', import: 'default', eager: true });

/** The lesson files of one language, keyed by file name, in file-name order. */
function filesOf(lang: Lang): { name: string; text: string }[] {
  const prefix = `../../resources/lessons/${lang}/`;
  return Object.entries(files)
    .filter(([path]) => path.startsWith(prefix))
    .map(([path, text]) => ({ name: path.slice(prefix.length), text }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function bookOf(lang: Lang) {
  return assembleLessonBook(
    lang,
    filesOf(lang).map(({ name, text }) => ({ source: `${lang}/${name}`, markdown: text })),
  );
}

/** Anchors as written in the raw text, counted independently of the parser. */
function rawAnchorCounts(lang: Lang): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text } of filesOf(lang)) {
    for (const match of text.matchAll(/^## .*\{#([^}]+)\}\s*$/gm)) {
      const id = match[1] ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

describe.each(LANGS)('lessons in %s', (lang) => {
  it('has lesson files', () => {
    expect(filesOf(lang).length).toBeGreaterThan(0);
  });

  it('parses without errors', () => {
    expect(() => bookOf(lang)).not.toThrow();
  });

  it.each(LESSON_ANCHORS)('has section {#%s} exactly once', (anchor) => {
    expect(rawAnchorCounts(lang).get(anchor) ?? 0).toBe(1);
    expect(bookOf(lang).sections.filter((s) => s.id === anchor)).toHaveLength(1);
  });

  it('has no section missing from LESSON_ANCHORS', () => {
    const indexed = new Set<string>(LESSON_ANCHORS);
    expect([...rawAnchorCounts(lang).keys()].filter((id) => !indexed.has(id))).toEqual([]);
  });

  it('uses only CommonMark outside code blocks (the viewer renders no GFM tables)', () => {
    for (const section of bookOf(lang).sections) {
      const prose = section.markdown.replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, '');
      expect(prose, section.id).not.toMatch(/^\s*\|.*\|\s*$/m);
    }
  });

  it('points to the lab in every section: where it shows the topic, and a command to look at it', () => {
    const marker = lang === 'ru' ? '**На стенде**' : '**On the lab**';
    for (const section of bookOf(lang).sections) {
      // Line breaks may fall inside the marker; compare with runs of white space made single spaces.
      const flat = section.markdown.replace(/\s+/g, ' ');
      expect(flat, `${section.id}: a paragraph starting ${marker}`).toContain(marker);
      expect(flat.slice(flat.indexOf(marker)), `${section.id}: a kubectl command after ${marker}`).toMatch(/```bash kubectl /);
    }
  });

  it('has a title and a substantive body in every section', () => {
    for (const section of bookOf(lang).sections) {
      expect(section.title.trim(), section.id).not.toBe('');
      expect(section.markdown.length, section.id).toBeGreaterThan(300);
    }
  });
});

describe('English and Russian lessons', () => {
  it('have the same files', () => {
    expect(filesOf('ru').map((f) => f.name)).toEqual(filesOf('en').map((f) => f.name));
  });

  it('have the same sections in the same order', () => {
    expect(bookOf('ru').sections.map((s) => s.id)).toEqual(bookOf('en').sections.map((s) => s.id));
  });

  it('offer the same live examples in each section', () => {
    const examplesOf = (lang: Lang) => bookOf(lang).sections.map((s) => [s.id, s.examples ?? [], s.exampleSearch ?? {}]);
    expect(examplesOf('ru')).toEqual(examplesOf('en'));
  });

  it('show live examples about the section, not the first objects of a kind (trial 3: emptyDir pods under "Is the provisioner alive?")', () => {
    const sections = new Map(bookOf('en').sections.map((s) => [s.id, s]));
    // A section about a volume type shows pods that use it (the pods table's search matches volume types).
    const volumeTypeOf: Record<string, string> = { hostpath: 'hostPath', emptydir: 'emptyDir', 'ephemeral-volumes': 'ephemeral', 'statefulset-claims': 'persistentVolumeClaim', 'data-survives': 'persistentVolumeClaim' };
    for (const [id, type] of Object.entries(volumeTypeOf)) {
      const section = sections.get(id);
      expect(section?.examples, id).toContain('pods');
      expect(section?.exampleSearch?.pods, id).toBe(type);
    }
    // The provisioner's health is read from its lease and driver registrations; no pod search can pick its pods.
    expect(sections.get('provisioner-health')?.examples).toEqual(['leases', 'csidrivers', 'csinodes']);
  });

  it('have the same code blocks in each section, so commands and manifests agree', () => {
    // Comments inside YAML and shell blocks are translated, so compare the fence count and the non-comment lines.
    const codeOf = (lang: Lang) =>
      bookOf(lang).sections.map((s) => [
        s.id,
        [...s.markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) =>
          (m[1] ?? '')
            .split('\n')
            .map((line) => line.replace(/\s+#.*$/, '').trimEnd())
            .filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
            .join('\n'),
        ),
      ]);
    expect(codeOf('ru')).toEqual(codeOf('en'));
  });

  it('the Russian text is in Russian', () => {
    for (const section of bookOf('ru').sections) {
      expect(section.title, section.id).toMatch(/[А-Яа-яЁё]/);
      expect(section.markdown, section.id).toMatch(/[А-Яа-яЁё]{3,}.*[А-Яа-яЁё]{3,}/);
    }
  });
});
