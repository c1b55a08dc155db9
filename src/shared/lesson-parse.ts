/**
 * Parses lesson markdown into sections. Pure: text in, sections out (no file access; see src/main/lessons-load.ts).
 *
 * A lesson file is a sequence of sections, each opened by a level-2 heading with a stable anchor:
 *
 *     ## Title of the section {#anchor}
 *     Markdown body...
 *     <!-- examples: persistentvolumeclaims,storageclasses,pods[emptyDir] -->
 *
 * A kind may carry a search in brackets (the table's search: name, status, volume types...) that its examples
 * must match, so that they show the section's subject rather than the first objects of the kind.
 * The examples comment is the only HTML allowed: the viewer renders markdown without HTML, so any other tag or
 * comment would show up as noise or vanish. It is taken out of the body and returned as `examples`.
 * Malformed input throws a LessonParseError naming the file and line, so a typo fails the unit tests rather
 * than shipping a lesson that silently loses a section.
 */
import type { LessonBook, LessonSection } from './contract';
import { isResource, type Resource } from './kube/resource-registry';
import type { Lang } from './model/findings';

/** A lesson text that cannot be turned into sections; `source` and `line` say where. */
export class LessonParseError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${source}:${line}: ${problem}`);
    this.name = 'LessonParseError';
  }
}

/** One lesson text and where it came from (a file name, for error messages). */
export interface LessonSource {
  source: string;
  markdown: string;
}

const SECTION_HEADING = /^##[ \t]+(.*?)[ \t]*\{#([^}\s]*)\}[ \t]*$/;
/** Any level-1 or level-2 ATX heading: sections are only "##" with an anchor, sub-headings use "###". */
const TOP_HEADING = /^#{1,2}(?:[ \t]|$)/;
const ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXAMPLES_COMMENT = /^[ \t]*<!--[ \t]*examples:(.*?)-->[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;
/** Something a markdown renderer would take for raw HTML: a tag, a closing tag or a comment (not an autolink). */
const RAW_HTML = /<(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^>]*)?\/?>|\/[A-Za-z][A-Za-z0-9-]*\s*>|!--)/;

interface OpenSection {
  id: string;
  title: string;
  lines: string[];
  examples: Resource[];
  exampleSearch: Partial<Record<Resource, string>>;
}

/** Splits one lesson text into its sections, in order. */
export function parseLesson(markdown: string, source = 'lesson'): LessonSection[] {
  const sections: LessonSection[] = [];
  const seen = new Map<string, number>();
  let current: OpenSection | undefined;
  let fence: string | undefined;

  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    const fail = (problem: string): never => {
      throw new LessonParseError(source, lineNo, problem);
    };

    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      // Inside a code block nothing is a heading or HTML: "## step" in a shell script is just text.
      if (fenceMatch?.[1] !== undefined && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        fence = undefined;
      }
      current?.lines.push(line);
      return;
    }
    if (fenceMatch?.[1] !== undefined) {
      if (current === undefined) fail('a code block before the first "## Title {#anchor}" heading');
      fence = fenceMatch[1];
      current?.lines.push(line);
      return;
    }

    const heading = SECTION_HEADING.exec(line);
    if (heading) {
      const title = heading[1] ?? '';
      const id = heading[2] ?? '';
      if (title === '') fail(`section {#${id}} has an empty title`);
      if (!ANCHOR.test(id)) fail(`anchor "${id}" must be lower-case words joined by dashes, e.g. "pod-volumes"`);
      const previous = seen.get(id);
      if (previous !== undefined) fail(`anchor {#${id}} is already used on line ${previous}`);
      seen.set(id, lineNo);
      if (current) sections.push(finish(current));
      current = { id, title, lines: [], examples: [], exampleSearch: {} };
      return;
    }
    if (TOP_HEADING.test(line)) {
      fail('a "#" or "##" heading without an anchor: start sections with "## Title {#anchor}", sub-headings with "###"');
    }

    const examples = EXAMPLES_COMMENT.exec(line);
    if (examples) {
      if (current === undefined) fail('an examples comment before the first section');
      for (const raw of (examples[1] ?? '').split(',')) {
        const [, kind = '', search] = /^\s*([^[\s]*)\s*(?:\[([^\]]*)\])?\s*$/.exec(raw) ?? [];
        if (kind === '') continue;
        if (!isResource(kind)) fail(`unknown kind "${kind}" in examples (use a resource plural from src/shared/kube/resource-registry.ts)`);
        if (!current?.examples.includes(kind as Resource)) current?.examples.push(kind as Resource);
        if (search?.trim() && current) current.exampleSearch[kind as Resource] = search.trim();
      }
      return;
    }
    if (RAW_HTML.test(line.replace(INLINE_CODE, ''))) {
      fail('raw HTML is not rendered by the lesson viewer: write markdown, or put the text in `code`');
    }

    if (current === undefined) {
      if (line.trim() !== '') fail('text before the first "## Title {#anchor}" heading');
      return;
    }
    current.lines.push(line);
  });

  if (fence !== undefined) throw new LessonParseError(source, lines.length, `code block opened with ${fence} is never closed`);
  if (current) sections.push(finish(current));
  return sections;
}

/**
 * Parses the lesson files of one language (already in reading order) into one book.
 * An anchor used in two files is an error: links must lead to exactly one place.
 */
export function assembleLessonBook(lang: Lang, sources: readonly LessonSource[]): LessonBook {
  const sections: LessonSection[] = [];
  const origin = new Map<string, string>();
  for (const { source, markdown } of sources) {
    for (const section of parseLesson(markdown, source)) {
      const other = origin.get(section.id);
      if (other !== undefined) {
        throw new LessonParseError(source, 0, `anchor {#${section.id}} is already used in ${other}`);
      }
      origin.set(section.id, source);
      sections.push(section);
    }
  }
  return { lang, sections };
}

function finish(open: OpenSection): LessonSection {
  const section: LessonSection = { id: open.id, title: open.title, markdown: trimBlankLines(open.lines).join('\n') };
  if (open.examples.length > 0) section.examples = open.examples;
  if (Object.keys(open.exampleSearch).length > 0) section.exampleSearch = open.exampleSearch;
  return section;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && (lines[start] ?? '').trim() === '') start++;
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(start, end);
}
