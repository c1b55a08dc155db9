import { describe, expect, it } from 'vitest';
import { assembleLessonBook, LessonParseError, parseLesson } from './lesson-parse';

const twoSections = [
  '## Why stateless {#stateless}',
  '',
  'Keep state in a database.',
  '',
  '## Pod volumes {#pod-volumes}',
  'A pod declares volumes.',
  '<!-- examples: pods, persistentvolumeclaims -->',
  '',
  '### A sub-heading stays in the body',
  'More text.',
  '',
].join('\n');

function parseError(markdown: string): LessonParseError {
  try {
    parseLesson(markdown, 'test.md');
  } catch (error) {
    if (error instanceof LessonParseError) return error;
    throw error;
  }
  throw new Error('expected a LessonParseError');
}

describe('parseLesson', () => {
  it('splits by "## Title {#anchor}" and keeps sub-headings in the body', () => {
    const sections = parseLesson(twoSections);
    expect(sections.map((s) => [s.id, s.title])).toEqual([
      ['stateless', 'Why stateless'],
      ['pod-volumes', 'Pod volumes'],
    ]);
    expect(sections[0]?.markdown).toBe('Keep state in a database.');
    expect(sections[1]?.markdown).toBe('A pod declares volumes.\n\n### A sub-heading stays in the body\nMore text.');
  });

  it('moves the examples comment out of the body into examples', () => {
    const [first, second] = parseLesson(twoSections);
    expect(first?.examples).toBeUndefined();
    expect(second?.examples).toEqual(['pods', 'persistentvolumeclaims']);
    expect(second?.markdown).not.toContain('<!--');
  });

  it('reads a search per example kind in brackets', () => {
    const [section] = parseLesson('## A {#a}\ntext\n<!-- examples: pods[emptyDir], nodes -->');
    expect(section?.examples).toEqual(['pods', 'nodes']);
    expect(section?.exampleSearch).toEqual({ pods: 'emptyDir' });
    expect(() => parseLesson('## A {#a}\n<!-- examples: pod[emptyDir] -->')).toThrow(/unknown kind "pod"/);
  });

  it('merges several examples comments without duplicates', () => {
    const [section] = parseLesson('## A {#a}\n<!-- examples: pods -->\ntext\n<!--examples:pods,nodes-->');
    expect(section?.examples).toEqual(['pods', 'nodes']);
  });

  it('treats headings, comments and tags inside code blocks as code', () => {
    const markdown = [
      '## Commands {#commands}',
      '```bash',
      '## not a section',
      '# a shell comment',
      'echo "<b>" <!-- examples: pods -->',
      '```',
      '~~~',
      '## still code',
      '```',
      '~~~',
    ].join('\n');
    const sections = parseLesson(markdown);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.markdown).toContain('## not a section');
    expect(sections[0]?.markdown).toContain('## still code');
    expect(sections[0]?.examples).toBeUndefined();
  });

  it('allows angle brackets inside inline code and autolinks', () => {
    const [section] = parseLesson('## A {#a}\nThe claim is named `<pod>-<volume>`; see <https://kubernetes.io>, a < b.');
    expect(section?.markdown).toContain('`<pod>-<volume>`');
  });

  it('normalises Windows line endings', () => {
    const [section] = parseLesson('## A {#a}\r\nline one\r\nline two\r\n');
    expect(section?.markdown).toBe('line one\nline two');
  });

  it.each([
    ['text before the first heading', 'Intro\n## A {#a}\n', 1, /before the first/],
    ['a "##" heading without anchor', '## A {#a}\n## Plain\n', 2, /without an anchor/],
    ['a level-1 heading', '## A {#a}\n# Top\n', 2, /without an anchor/],
    ['a bad anchor', '## A {#Bad_Anchor}\n', 1, /lower-case words/],
    ['an empty title', '## {#a}\n', 1, /empty title/],
    ['a duplicate anchor', '## A {#a}\n\n## B {#a}\n', 3, /already used on line 1/],
    ['an unknown example kind', '## A {#a}\n<!-- examples: pods,deployments -->\n', 2, /unknown kind "deployments"/],
    ['raw HTML', '## A {#a}\nText <br> more\n', 2, /raw HTML/],
    ['another HTML comment', '## A {#a}\n<!-- todo -->\n', 2, /raw HTML/],
    ['an unclosed code block', '## A {#a}\n```yaml\nkind: Pod\n', 4, /never closed/],
  ])('rejects %s with file and line', (_what, markdown, line, message) => {
    const error = parseError(markdown);
    expect(error.source).toBe('test.md');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });
});

describe('assembleLessonBook', () => {
  it('concatenates sections of the sources in the order given', () => {
    const book = assembleLessonBook('ru', [
      { source: '01.md', markdown: '## A {#a}\nx' },
      { source: '02.md', markdown: '## B {#b}\ny\n## C {#c}\nz' },
    ]);
    expect(book.lang).toBe('ru');
    expect(book.sections.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('rejects an anchor used in two files, naming both', () => {
    expect(() =>
      assembleLessonBook('en', [
        { source: '01.md', markdown: '## A {#a}\nx' },
        { source: '02.md', markdown: '## A again {#a}\ny' },
      ]),
    ).toThrow(/02\.md.*already used in 01\.md/);
  });
});
