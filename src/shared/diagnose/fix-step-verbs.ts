/**
 * A fix step says what its command does (trial 9 defect 1): a step worded as a change ("Recreate the claim…",
 * "Create the Secret…", "Set spec.nodeName…") must not come with a command that only reads (`kubectl get … -o
 * yaml`): the user copies it, runs it, and nothing is fixed. Either the command makes the change, or the text is
 * worded as a check ("See …", "Check …") and the change is a step of its own (with its command, or in words only).
 *
 * `readOnlyFixProblems` is applied by the evidence guard (testing/evidence-guard.ts) to every finding any unit test
 * builds, so every rule's steps in every rule test are held to it; fix-step-verbs.test.ts pins the classifier.
 */
import type { FixStep, Finding } from '../model/findings';
import { kubectlVerbOf } from '../lesson-code';
import { parseCommand } from './fix-commands';

/** kubectl subcommands that change nothing on the cluster (kubectl's own grouping: Basic/Troubleshooting reads). */
const READ_VERBS = new Set(['get', 'describe', 'logs', 'top', 'explain', 'auth can-i', 'auth whoami', 'api-resources', 'api-versions', 'version', 'events', 'cluster-info', 'diff', 'wait']);

/** English imperatives that ask the user to change something on the cluster (the first verb of a step's text). */
const FIX_VERBS = new Set([
  'add', 'annotate', 'apply', 'ask-for', 'bind', 'change', 'clean', 'copy', 'create', 're-create', 'delete', 'edit', 'expand', 'fix', 'free', 'give', 'grow', 'install', 'keep', 'label', 'let',
  'lower', 'mark', 'move', 'name', 'patch', 'point', 'raise', 'recreate', 'reinstall', 'remove', 'rename', 'replace', 'restart', 'restore', 'scale', 'set', 'start', 'stop', 'take', 'uncordon', 'use',
]);

/** Words that open a step without being its verb: "Or …", "…or …", "First …", "Then …". */
const LEAD = /^(?:…\s*)?(?:or|either|first|then|and)\s+/i;
/** A condition before the verb: "If nobody needs it, delete the claim". */
const CONDITION = /^if\b[^,]*,\s*/i;
/** A short label before the verb: "A typo: recreate …", "Free room: delete …". */
const LABEL = /^(?:\S+\s+){0,3}\S+:\s+/;

/** English imperatives of a check: a step that opens with one of them reads, whatever its command. */
const CHECK_VERBS = new Set(['see', 'check', 'look', 'read', 'list', 'find', 'watch', 'compare', 'confirm', 'describe', 'inspect', 'view', 'ask', 'wait', 'decide']);

/** The first word of a step's English text that would be its verb, lower case (after a lead, a condition, a label). */
export function leadingVerb(text: string): string {
  let s = text.trim();
  for (let i = 0; i < 4; i++) {
    const match = /^(?:…\s*)?([A-Za-z-]+)(\s+for\b)?/.exec(s);
    // "Ask for at most 5Gi" asks the user to change the claim; "Ask the administrator" asks someone else.
    const word = `${(match?.[1] ?? '').toLowerCase()}${match?.[1]?.toLowerCase() === 'ask' && match[2] ? '-for' : ''}`;
    if (FIX_VERBS.has(word) || CHECK_VERBS.has(word)) return word;
    const next = [LEAD, CONDITION, LABEL].map((re) => s.replace(re, '')).find((n) => n !== s);
    if (next === undefined) return word;
    s = next;
  }
  return '';
}

/** Whether a command only reads: a kubectl read subcommand (`kubectl -n x get …` too). Undefined: not kubectl.
 * The subcommand is found as the lessons find theirs (lesson-code.ts kubectlVerbOf). */
export function commandOnlyReads(command: string): boolean | undefined {
  const words = parseCommand(command)?.words;
  if (!words || words[0] !== 'kubectl') return undefined;
  // Global flags before the subcommand: `kubectl -n ns get …`, `kubectl -A get …`.
  return READ_VERBS.has(kubectlVerbOf(words.slice(1)));
}

/** Whether a step is worded as a change but its command only reads. */
export function readOnlyFix(s: FixStep): boolean {
  return s.command !== undefined && commandOnlyReads(s.command) === true && FIX_VERBS.has(leadingVerb(s.text.en));
}

/** Each step of a finding worded as a fix whose command only reads. Empty when every step says what it does. */
export function readOnlyFixProblems(f: Finding): string[] {
  return f.fix.filter(readOnlyFix).map((s) => `${f.code}: "${s.text.en}" is worded as a fix, but its command only reads: ${s.command}`);
}
