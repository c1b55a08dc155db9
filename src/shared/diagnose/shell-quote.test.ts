import { describe, expect, it } from 'vitest';
import { command, isCommandSafe, shellQuote } from './shell-quote';

type ExecFileSync = (file: string, args: string[], options: { encoding: 'utf8' }) => string;
// src/shared is also type-checked for the renderer, which has no Node types: load child_process untyped.
const childProcessModule = 'node:child_process';
const { execFileSync } = (await import(/* @vite-ignore */ childProcessModule)) as { execFileSync: ExecFileSync };

/** Runs `printf %s <quoted>` in a real shell and returns what the shell passed as the argument. */
function throughShell(quoted: string): string {
  return execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  it('leaves plain Kubernetes names unquoted', () => {
    expect(shellQuote('data-postgres-0')).toBe('data-postgres-0');
    expect(shellQuote('pvc-0b1c.example')).toBe('pvc-0b1c.example');
  });

  it('quotes empty strings and names with shell syntax', () => {
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  const hostile = [
    'x; rm -rf /',
    '$(touch /tmp/kse-pwned)',
    '`id`',
    "a'b'c",
    "'; echo pwned; '",
    'x && echo pwned',
    'x | cat /etc/passwd',
    'x\necho pwned',
    '$HOME',
    '*',
    '~root',
    'a"b',
    '\\',
  ];
  it.each(hostile)('a real shell receives %j back unchanged', (value) => {
    expect(throughShell(shellQuote(value))).toBe(value);
  });
});

describe('command', () => {
  it('fills quoted values into literal parts', () => {
    expect(command`kubectl get pvc ${'a b'} -n ${'default'}`).toBe("kubectl get pvc 'a b' -n default");
  });

  it('refuses values that kubectl would read as flags or that hold control characters', () => {
    expect(command`kubectl delete pv ${'--all'}`).toBeUndefined();
    expect(command`kubectl get pv ${'x\u001b[2J'}`).toBeUndefined();
    expect(command`kubectl get pv ${undefined}`).toBeUndefined();
    expect(isCommandSafe('pv-1')).toBe(true);
  });

  it('refuses values with bidirectional or invisible characters (a command must run what it shows)', () => {
    expect(command`kubectl delete pvc ${'data‮0-bd'}`).toBeUndefined();
    expect(command`kubectl delete pvc ${'da​ta'}`).toBeUndefined();
    expect(command`kubectl delete pvc ${'data x'}`).toBeUndefined();
    expect(command`kubectl delete pvc ${'data؜'}`).toBeUndefined();
  });
});
