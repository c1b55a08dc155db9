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
import { leaseNameCandidates } from './lease-names';

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
  /** The file a final `> FILE` sends the output to (a plain file name: letters, digits, `.`, `_`, `-`). */
  stdout?: string;
}

/** A final redirection of the output to a plain file name: `kubectl get pvc a -o yaml > a.yaml`. */
const TO_FILE = / > ([A-Za-z0-9_][A-Za-z0-9._-]*)$/;

/** A quoted here-document operator closing the first line: `<<'EOF'`. */
const HEREDOC = / <<'([A-Z_]+)'$/;

/**
 * A command in its two forms: one line of words (`shellWords`), optionally ending in `> FILE`, or a first line of words ending in a quoted
 * here-document operator (`<<'EOF'`), the document's lines, and the delimiter alone on the last line. Nothing may
 * follow the delimiter, and the document may not hold it on a line of its own (the shell would end it there).
 * Undefined when the command is neither.
 */
export function parseCommand(command: string): ParsedCommand | undefined {
  const lines = command.split('\n');
  if (lines.length === 1) {
    const file = TO_FILE.exec(command);
    const words = shellWords(file ? command.slice(0, file.index) : command);
    return words && (file ? { words, stdout: file[1]! } : { words });
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
  return [...problems, ...unnamedCommandProblems(f)];
}

/**
 * The names of the objects a finding is about: its own object, the cluster values its cause and the step's own
 * words name, every object its evidence links to, and every name its evidence lists (a value, or each item of a comma-separated value: "Nodes the volume allows: a1, a2"), and
 * the names the leader Lease of a provisioner in the evidence would have. Broad on purpose: the rule catches commands that name nothing at all
 * (`kubectl get pv`), not a command that names the wrong one of the finding's objects.
 */
export function namedObjects(f: Finding, stepText?: string): Set<string> {
  const names = new Set<string>();
  if (f.object.name) names.add(f.object.name);
  // Names the cause or the step's own words give as cluster values (verbatim() isolates), e.g. "on node ⁨b1⁩".
  for (const text of [f.cause.en, stepText ?? '']) for (const m of text.matchAll(/\u2068([^\u2068\u2069]*)\u2069/g)) if (m[1]) names.add(m[1]);
  for (const e of f.evidence) {
    if (e.ref?.name) names.add(e.ref.name);
    if (e.value) names.add(e.value);
    for (const item of e.value.split(', ')) if (item) names.add(item);
    // A provisioner's leader Lease is named after it (leases.ts): looking it up by that name names the provisioner.
    if (e.source === 'StorageClass.provisioner' && e.value) for (const lease of leaseNameCandidates(e.value)) names.add(lease);
  }
  return names;
}

/**
 * Whether a command gives kubectl this name: as a word, as the part of a word after `=` (`metadata.name=x`), as a
 * segment of a path or a `kind/name` word (`/api/v1/nodes/x/proxy/...`, `pod/x`), as the file it is saved to or
 * applied from (`x.yaml`, recreate-claim.ts), or as the value of a
 * here-document manifest's `key: value` line (plain or double-quoted).
 */
export function commandNames(parsed: ParsedCommand, name: string): boolean {
  if (parsed.stdout === `${name}.yaml`) return true;
  for (const w of parsed.words) {
    if (w === name || w === `${name}.yaml` || w.endsWith(`=${name}`) || w.startsWith(`${name}/`) || w.endsWith(`/${name}`) || w.includes(`/${name}/`)) return true;
  }
  for (const line of parsed.stdin?.split('\n') ?? []) {
    const value = /^\s*[A-Za-z][\w.-]*:\s+(.+?)\s*$/.exec(line)?.[1];
    if (value !== undefined && (value === name || value === JSON.stringify(name))) return true;
  }
  return false;
}

/** A command that may name none of its finding's objects, and why (issue 9 part 3: the list stays short). */
export interface UnnamedCommandException {
  /** Finding codes it applies to; undefined: any. */
  codes?: readonly string[];
  /** The command's whole text. */
  pattern: RegExp;
  why: string;
}

export const UNNAMED_COMMAND_EXCEPTIONS: readonly UnnamedCommandException[] = [
  {
    pattern: /^kubectl get pods -n kube-system -l component=kube-controller-manager$/,
    why: "the cause is kube-controller-manager (the PV controller), no object of the finding; kubeadm's static pods carry this label",
  },
  {
    codes: ['claim.no-default-class'],
    pattern: /^kubectl (get storageclass|patch storageclass '<class>' .*)$/,
    why: 'the claim names no class and none is the default: the user picks one of the listed classes, then puts its name for <class>',
  },
  {
    codes: ['pod.claim-missing', 'pod.secret-missing', 'pod.configmap-missing', 'pod.optional-source-missing', 'volume.secret-missing', 'class.secret-missing', 'claim.secret-missing'],
    pattern: /^kubectl get (pvc|secret|configmap) -n \S+$/,
    why: 'the object the finding names does not exist (getting it by name only says NotFound): the namespace\'s list of that kind shows whether it exists under another name',
  },
  {
    codes: ['statefulset.claim-over-quota'],
    pattern: /^kubectl get pvc -n \S+$/,
    why: 'the quota is full: the user chooses which of the namespace\'s claims to delete, none of which the finding is about',
  },
];

/** Problems with kubectl commands that name none of the finding's objects (see UNNAMED_COMMAND_EXCEPTIONS). */
export function unnamedCommandProblems(f: Finding): string[] {
  const problems: string[] = [];
  for (const s of f.fix) {
    if (s.command === undefined) continue;
    const objects = [...namedObjects(f, s.text.en)];
    const parsed = parseCommand(s.command);
    if (!parsed || parsed.words[0] !== 'kubectl') continue;
    if (objects.some((n) => commandNames(parsed, n))) continue;
    if (UNNAMED_COMMAND_EXCEPTIONS.some((x) => (!x.codes || x.codes.includes(f.code)) && x.pattern.test(s.command!))) continue;
    problems.push(`${f.code}: "${s.command}" names none of the finding's objects (${objects.join(', ')})`);
  }
  return problems;
}
