/**
 * Fix commands aimed at the cause (issue 9 part 3): a suggested kubectl command reads the same in every POSIX
 * shell (and zsh), and never lists every namespace without a selector (`kubectl get pods -A`).
 * `shellWords` splits a command the way a POSIX shell does for what `command` (shell-quote.ts) produces (plain
 * words, single quotes, `'\''`); fix-commands.test.ts proves that against /bin/sh with a fake kubectl. The
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
    const words = shellWords(s.command);
    if (!words) {
      problems.push(`${f.code}: "${s.command}" uses shell syntax beyond plain words and single quotes`);
      continue;
    }
    if (words[0] !== 'kubectl') continue;
    const allNamespaces = words.includes('-A') || words.includes('--all-namespaces');
    const selected = words.some((w) => SELECTORS.includes(w) || SELECTORS.some((sel) => w.startsWith(`${sel}=`)));
    if (allNamespaces && !selected) problems.push(`${f.code}: "${s.command}" lists every namespace without a selector`);
  }
  return problems;
}
