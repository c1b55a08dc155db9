/**
 * Fix commands aimed at the cause (issue 9 part 3): a suggested kubectl command reads the same in every POSIX
 * shell (and zsh), never lists every namespace without a selector (`kubectl get pods -A`), and names the objects
 * the finding is about (`kubectl get pv <near miss> -o yaml`, not `kubectl get pv`).
 * `shellWords` splits a command the way a POSIX shell does for what `command` (shell-quote.ts) produces (plain
 * words, single quotes, `'\''`); `parseCommand` also reads one quoted here-document (`kubectl apply -f - <<'EOF'`,
 * a manifest, see class-stub.ts). fix-commands.test.ts proves both against /bin/sh with a fake kubectl. The
 * evidence guard (testing/evidence-guard.ts) applies `fixCommandProblems` to every finding a unit test builds.
 */
import type { Finding } from '../model/findings';

/**
 * The words of a command as a POSIX shell reads them, for the quoting `command` produces: unquoted words split at
 * spaces, single-quoted parts taken literally, `\'` outside quotes as a quote. Returns undefined for anything else
 * (double quotes, `$`, backquotes, `;`, `|`, `&`, redirections, unquoted backslashes): a fix command must not need them.
 */
export function shellWords(command: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const end = command.indexOf("'", i + 1);
      if (end === -1) return undefined;
      word = (word ?? '') + command.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && command[i + 1] === "'") {
      word = (word ?? '') + "'";
      i += 1;
    } else if (/["$`;|&<>\\(){}*?[\]#~\n\t]/.test(c)) {
      return undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** A command as the shell reads it: its words and, for a here-document, the text given to it on stdin. */
export interface ParsedCommand {
  words: string[];
  /** The here-document's lines, without the delimiter lines (quoted delimiter: the shell expands nothing in it). */
  stdin?: string;
}

/** A quoted here-document operator closing the first line: `<<'EOF'`. */
const HEREDOC = / <<'([A-Z_]+)'$/;

/**
 * A command in its two forms: one line of words (`shellWords`), or a first line of words ending in a quoted
 * here-document operator (`<<'EOF'`), the document's lines, and the delimiter alone on the last line. Nothing may
 * follow the delimiter, and the document may not hold it on a line of its own (the shell would end it there).
 * Undefined when the command is neither.
 */
export function parseCommand(command: string): ParsedCommand | undefined {
  const lines = command.split('\n');
  if (lines.length === 1) {
    const words = shellWords(command);
    return words && { words };
  }
  const head = HEREDOC.exec(lines[0]!);
  if (!head || lines.length < 2) return undefined;
  const delimiter = head[1]!;
  const end = lines.indexOf(delimiter, 1);
  if (end !== lines.length - 1) return undefined;
  const words = shellWords(lines[0]!.slice(0, head.index));
  return words && { words, stdin: `${lines.slice(1, end).join('\n')}\n` };
}

const SELECTORS = ['-l', '--selector', '--field-selector'];

/**
 * What is wrong with a finding's commands: a command the shell would read differently from its words (a glob or
 * brace character left unquoted: zsh, the macOS shell, refuses `jsonpath={.items[0]}` with "no matches found"), or
 * a kubectl command over all namespaces (`-A`) that narrows the list by no selector. Empty when every command is fine.
 */
export function fixCommandProblems(f: Finding): string[] {
  const problems: string[] = [];
  for (const s of f.fix) {
    if (s.command === undefined) continue;
    const words = parseCommand(s.command)?.words;
    if (!words) {
      problems.push(`${f.code}: "${s.command}" uses shell syntax beyond plain words, single quotes and a quoted here-document`);
      continue;
    }
    if (words[0] !== 'kubectl') continue;
    const allNamespaces = words.includes('-A') || words.includes('--all-namespaces');
    const selected = words.some((w) => SELECTORS.includes(w) || SELECTORS.some((sel) => w.startsWith(`${sel}=`)));
    if (allNamespaces && !selected) problems.push(`${f.code}: "${s.command}" lists every namespace without a selector`);
  }
  return problems;
}

/** The names of the objects a finding is about: its own object and every object its evidence points at. */
export function namedObjects(f: Finding): Set<string> {
  const names = new Set<string>();
  if (f.object.name) names.add(f.object.name);
  for (const e of f.evidence) if (e.ref?.name) names.add(e.ref.name);
  return names;
}

/**
 * Every name a command gives kubectl: each word, the parts of a word after `=` or `/` (`pod/web-0`,
 * `metadata.name=x`), and the values of a here-document manifest's `key: value` lines (plain or double-quoted).
 */
export function commandNames(parsed: ParsedCommand): Set<string> {
  const out = new Set<string>();
  for (const w of parsed.words) {
    out.add(w);
    for (const part of w.split(/[=/]/)) out.add(part);
  }
  for (const line of parsed.stdin?.split('\n') ?? []) {
    const value = /^\s*[A-Za-z][\w.-]*:\s+(.+?)\s*$/.exec(line)?.[1];
    if (value === undefined) continue;
    out.add(value.startsWith('"') ? (JSON.parse(value) as string) : value);
  }
  return out;
}

/**
 * The commands that may name none of their finding's objects, and why. Keyed by the command exactly as the rules
 * write it: a new command that names nothing fails the guard until it is aimed at its objects or justified here.
 */
export const UNNAMED_COMMAND_EXCEPTIONS: ReadonlyMap<string, string> = new Map([]);

/** Problems with commands that name none of the finding's objects (see UNNAMED_COMMAND_EXCEPTIONS). */
export function unnamedCommandProblems(f: Finding): string[] {
  const objects = namedObjects(f);
  const problems: string[] = [];
  for (const s of f.fix) {
    if (s.command === undefined || UNNAMED_COMMAND_EXCEPTIONS.has(s.command)) continue;
    const parsed = parseCommand(s.command);
    if (!parsed || parsed.words[0] !== 'kubectl') continue;
    const names = commandNames(parsed);
    if (![...objects].some((n) => names.has(n))) problems.push(`${f.code}: "${s.command}" names none of the finding's objects (${[...objects].join(', ')})`);
  }
  return problems;
}
