/**
 * What the lessons ask a student to run or recognise, read out of the lesson markdown so that tests can prove it:
 * the fenced code blocks (YAML to apply, shell commands to run), the kubectl commands in them, and the messages
 * the prose quotes. Pure: text in, lists out (the lab test in e2e/integration/lessons runs them; the unit test in
 * lesson-code.test.ts checks the quoted messages against the diagnosis rules).
 *
 * A block that cannot work on the lab says so in its info string, after the language, with the reason:
 *
 *     ```yaml lab-skip: the VolumeSnapshot CRDs are not installed on the lab
 *
 * The viewer ignores everything after the language word, so the marker is invisible to readers.
 */

/** One fenced code block of a lesson. `line` is 1-based, at the opening fence. */
export interface LessonCodeBlock {
  source: string;
  section: string;
  line: number;
  /** The first word of the info string: yaml, bash, text... ('' when none). */
  lang: string;
  /** Why the block cannot run on the lab, from `lab-skip: <reason>` in the info string. */
  labSkip?: string;
  text: string;
}

/** A kubectl command found in a shell block, continuation lines joined. */
export interface LessonCommand {
  block: LessonCodeBlock;
  /** 1-based line in the lesson file. */
  line: number;
  command: string;
  /** The kubectl verb: "get", "describe", "auth can-i", ... ('' when none was found). */
  verb: string;
  /** Whether the command only reads (get, describe, explain, events, auth can-i, api-resources). */
  readOnly: boolean;
}

/** A piece of text the prose quotes that looks like a message a cluster prints. */
export interface QuotedMessage {
  source: string;
  section: string;
  line: number;
  text: string;
  /** Where it was quoted: an inline code span, an event line of a text block, or "quotes" / «guillemets» in prose. */
  form: 'code' | 'event-line' | 'prose';
  /** The paragraph (or code block) it stands in, to check what the text says around it. */
  context: string;
}

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/;
const SECTION = /^##[ \t]+.*\{#([^}\s]+)\}[ \t]*$/;
const LAB_SKIP = /\blab-skip:\s*(.+)$/;

/** Fenced blocks of one lesson file, with the section each belongs to. */
export function lessonCodeBlocks(markdown: string, source: string): LessonCodeBlock[] {
  const blocks: LessonCodeBlock[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let section = '';
  let open: { fence: string; info: string; line: number; body: string[] } | undefined;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line);
    if (open) {
      const close = fence?.[1];
      if (close !== undefined && close[0] === open.fence[0] && close.length >= open.fence.length && (fence?.[2] ?? '').trim() === '') {
        const info = open.info.trim();
        const skip = LAB_SKIP.exec(info)?.[1]?.trim();
        blocks.push({ source, section, line: open.line, lang: info.split(/\s+/)[0] ?? '', ...(skip ? { labSkip: skip } : {}), text: open.body.join('\n') });
        open = undefined;
      } else {
        open.body.push(line);
      }
      return;
    }
    if (fence?.[1] !== undefined) {
      open = { fence: fence[1], info: fence[2] ?? '', line: index + 1, body: [] };
      return;
    }
    const heading = SECTION.exec(line);
    if (heading?.[1]) section = heading[1];
  });
  return blocks;
}

const READ_ONLY_VERBS = new Set(['get', 'describe', 'explain', 'events', 'auth can-i', 'api-resources']);
/** kubectl global flags that take a value as the next word. */
const FLAGS_WITH_VALUE = new Set(['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-l', '--selector']);

/** kubectl commands of a shell block (bash, sh, console): one per line, `\` continuations joined, comments dropped. */
export function kubectlCommands(block: LessonCodeBlock): LessonCommand[] {
  if (!['bash', 'sh', 'shell', 'console'].includes(block.lang)) return [];
  const out: LessonCommand[] = [];
  const lines = block.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let command = (lines[i] ?? '').trim();
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${(lines[++i] ?? '').trim()}`;
    if (!/^kubectl\s/.test(command)) continue;
    const verb = kubectlVerb(command);
    out.push({ block, line: block.line + 1 + first, command, verb, readOnly: READ_ONLY_VERBS.has(verb) });
  }
  return out;
}

/** The verb of a kubectl command line, skipping global flags ("kubectl -n x get pv" -> "get"). */
export function kubectlVerb(command: string): string {
  return kubectlVerbOf(command.split(/\s+/).slice(1));
}

/**
 * The verb of kubectl's words after `kubectl` (as a shell parsed them), skipping global flags and the values of
 * those that take one (`-n x`, `--context c`; `-A` takes none): "get", or "auth can-i" for auth's subcommands.
 */
export function kubectlVerbOf(words: readonly string[]): string {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('-')) {
      if (FLAGS_WITH_VALUE.has(word)) i++;
      continue;
    }
    return word === 'auth' ? `auth ${words[i + 1] ?? ''}` : word;
  }
  return '';
}

/**
 * Messages the prose of one lesson file quotes: inline code spans that read like a sentence of a message, the
 * message column of event lines in `text` blocks ("Normal  Reason  component  message"), and "quotes" or
 * «guillemets» of three words or more without Cyrillic letters. Commands, YAML fields and names are left out.
 */
export function quotedMessages(markdown: string, source: string): QuotedMessage[] {
  const out: QuotedMessage[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let section = '';
  let inFence: string | undefined;
  let fenceLang = '';
  let paragraph: { start: number; text: string[] } | undefined;
  const flush = () => {
    if (!paragraph) return;
    const text = paragraph.text.join('\n');
    const lineAt = (offset: number) => paragraph!.start + (text.slice(0, offset).match(/\n/g)?.length ?? 0);
    for (const m of text.matchAll(/(?<!`)`([^`]+)`(?!`)/g)) {
      const span = (m[1] ?? '').replace(/\s*\n\s*/g, ' ').trim();
      if (isMessageLike(span)) out.push({ source, section, line: lineAt(m.index ?? 0), text: span, form: 'code', context: text });
    }
    const prose = text.replace(/`[^`]*`/g, (s) => ' '.repeat(s.length));
    for (const m of prose.matchAll(/«([^»]+)»|"([^"]+)"/g)) {
      const quote = (m[1] ?? m[2] ?? '').replace(/\s*\n\s*/g, ' ').trim();
      if (!/[А-Яа-яЁё]/.test(quote) && quote.split(' ').length >= 3) out.push({ source, section, line: lineAt(m.index ?? 0), text: quote, form: 'prose', context: text });
    }
    paragraph = undefined;
  };
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line);
    if (inFence !== undefined) {
      if (fence?.[1] !== undefined && fence[1][0] === inFence[0] && fence[1].length >= inFence.length) inFence = undefined;
      else if (fenceLang === 'text') {
        const columns = line.trim().split(/\s{2,}/);
        if (columns.length >= 4 && /^(Normal|Warning)$/.test(columns[0] ?? '')) {
          out.push({ source, section, line: index + 1, text: columns.slice(3).join('  '), form: 'event-line', context: line });
        }
      }
      return;
    }
    if (fence?.[1] !== undefined) {
      flush();
      inFence = fence[1];
      fenceLang = (fence[2] ?? '').trim().split(/\s+/)[0] ?? '';
      return;
    }
    const heading = SECTION.exec(line);
    if (heading?.[1]) {
      flush();
      section = heading[1];
      return;
    }
    if (line.trim() === '') {
      flush();
      return;
    }
    if (!paragraph) paragraph = { start: index + 1, text: [] };
    paragraph.text.push(line);
  });
  flush();
  return out;
}

/**
 * Whether an inline code span reads like (part of) a message rather than a command, a YAML field, a path or a
 * name: at least two words, the first not a command, no `key: value` shape.
 */
export function isMessageLike(span: string): boolean {
  if (!/\s/.test(span)) return false;
  if (/^(kubectl|kse|npm|npx|rm|chown|chmod|mount|echo|cat|ls|cd|git|sh|bash)\b/.test(span)) return false;
  if (/^[\w.\-/[\]]+:\s/.test(span) && !/^[A-Z][\w.]+ failed\b/.test(span)) return false;
  if (!/\s/.test(span.replace(/<[^<>]*>/g, 'x'))) return false;
  return /[a-z]{2,}\s+[a-z(]{2,}/i.test(span);
}
