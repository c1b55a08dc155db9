/**
 * Shell quoting for the kubectl commands that findings suggest. Names come from the cluster (or from a
 * snapshot someone sent us), so they are untrusted: a name must never turn a copied command into another one.
 */
import { hasUnsafeCharacters } from '../terminal-text';

/** Characters that need no quoting in POSIX shells (and do not start an option when first). */
const PLAIN = /^[A-Za-z0-9_./:=@%+,-]+$/;

/** Quotes a value for a POSIX shell: plain values as they are, anything else in single quotes. */
export function shellQuote(value: string): string {
  if (value !== '' && PLAIN.test(value) && !value.startsWith('-')) return value;
  // Inside single quotes nothing is special except the quote itself, which is closed, escaped and reopened.
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Whether a value may be put into a suggested command at all. Quoting stops the shell from reading it,
 * but kubectl would still read a leading "-" as a flag, control characters would garble the terminal of
 * whoever pastes it, and bidirectional or invisible characters would make the command read differently
 * from what it runs. Real Kubernetes names never contain any of these.
 */
export function isCommandSafe(value: string): boolean {
  return value !== '' && !value.startsWith('-') && !hasUnsafeCharacters(value);
}

/**
 * Builds a command from literal parts (written by us) and values (from the cluster, quoted here).
 * Returns undefined when a value is not safe to put in a command, so the fix step shows text only.
 */
export function command(strings: TemplateStringsArray, ...values: (string | undefined)[]): string | undefined {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === undefined || !isCommandSafe(value)) return undefined;
    out += shellQuote(value) + (strings[i + 1] ?? '');
  }
  return out;
}

/**
 * A command built by `command` followed by several values from the cluster, each quoted (e.g. the claims of a pod:
 * `kubectl get pvc -n shop data-0 logs-0`). Undefined when the command or any value is not safe, or no value is given.
 */
export function withNames(base: string | undefined, values: readonly (string | undefined)[]): string | undefined {
  if (base === undefined || values.length === 0) return undefined;
  if (values.some((v) => v === undefined || !isCommandSafe(v))) return undefined;
  return `${base} ${(values as string[]).map(shellQuote).join(' ')}`;
}
