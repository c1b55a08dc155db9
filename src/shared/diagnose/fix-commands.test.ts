/**
 * The fix commands a user copies are read by a real shell as the app means them (issue 9 part 3): each command
 * runs through /bin/sh with a fake `kubectl` first on the PATH that records its arguments, and the recorded words
 * must equal `shellWords` (which the evidence guard then relies on for every finding of every unit test).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../model/findings';
import { fixCommandProblems, parseCommand, shellWords } from './fix-commands';
import { diagnoseAll } from './index';
import { command } from './shell-quote';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import capture from './testing/lab-capture.json';

const dir = mkdtempSync(join(tmpdir(), 'kse-fake-kubectl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The fake kubectl: one line per call, each argument hex-encoded, so that any byte survives the round trip.
writeFileSync(join(dir, 'kubectl'), `#!/bin/sh\nfor a in "$@"; do printf '%s' "$a" | od -An -tx1 | tr -d ' \\n'; printf ' '; done >> "${join(dir, 'calls')}"\necho >> "${join(dir, 'calls')}"\n`);
chmodSync(join(dir, 'kubectl'), 0o755);

/** Runs the commands in one /bin/sh, one line each, and returns the argument lists kubectl received. */
function runInShell(commands: readonly string[]): string[][] {
  writeFileSync(join(dir, 'calls'), '');
  execFileSync('/bin/sh', ['-c', commands.join('\n')], { env: { PATH: `${dir}:/usr/bin:/bin` }, cwd: dir });
  const lines = readFileSync(join(dir, 'calls'), 'utf8').split('\n').slice(0, -1);
  return lines.map((line) => line.trim().split(' ').filter((h) => h !== '').map((h) => Buffer.from(h, 'hex').toString('utf8')));
}

/** Runs one command in /bin/sh with a fake kubectl that prints what it reads on stdin; returns that text. */
function readStdin(cmd: string): string {
  writeFileSync(join(dir, 'cat-kubectl'), '#!/bin/sh\ncat\n');
  chmodSync(join(dir, 'cat-kubectl'), 0o755);
  return execFileSync('/bin/sh', ['-c', cmd.replace(/^kubectl /, 'cat-kubectl ')], { env: { PATH: `${dir}:/usr/bin:/bin` }, cwd: dir, encoding: 'utf8' });
}

/** Hex encoding of an empty argument is empty: drop empty words from our side too for the comparison. */
const nonEmpty = (words: string[]) => words.filter((w) => w !== '');

describe('fix commands in a real shell', () => {
  it('any name the app puts in a command reaches kubectl as one argument, unchanged (hostile names too)', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'z', '-', '.', ' ', "'", '"', '$', '`', ';', '|', '&', '*', '?', '[', ']', '{', '}', '(', ')', '#', '~', '\\', '!', '<', '>', '%', '=', ','), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, name), { minLength: 1, maxLength: 20 }), (pairs) => {
        const commands = pairs.flatMap(([ns, claim]) => {
          const c = command`kubectl get pvc -n ${ns} ${claim} -o 'jsonpath={.spec.storageClassName}'`;
          return c === undefined ? [] : [c];
        });
        if (commands.length === 0) return;
        expect(runInShell(commands)).toEqual(commands.map((c) => nonEmpty(shellWords(c) ?? []).slice(1)));
      }),
      { numRuns: 25 },
    );
  });

  it("every command of the lab capture's findings runs as its words, and none lists every namespace unselected", () => {
    const UNCAPTURED = { configmaps: 'idle', secrets: 'idle' } as const;
    const view = fixtureView(capture.objects as unknown as FixtureObjects, { now: capture.capturedAt, states: UNCAPTURED });
    const findings: Finding[] = diagnoseAll(view);
    const commands = findings.flatMap((f) => f.fix.flatMap((s) => (s.command === undefined ? [] : [s.command])));
    expect(commands.length).toBeGreaterThan(10);
    const kubectl = commands.filter((c) => c.startsWith('kubectl '));
    expect(runInShell(kubectl)).toEqual(kubectl.map((c) => nonEmpty(parseCommand(c)?.words ?? []).slice(1)));
    // The missing class of the capture (lab-stuck/missing-class asks for fast-ssd) gets a manifest, read on stdin.
    const stub = kubectl.find((c) => c.startsWith("kubectl apply -f - <<'EOF'\n"));
    expect(stub).toContain('\n  name: fast-ssd\n');
    expect(readStdin(stub!)).toBe(parseCommand(stub!)?.stdin);
    expect(findings.flatMap(fixCommandProblems)).toEqual([]);
  });

  it('catches what a shell would read differently, and a listing of every namespace without a selector', () => {
    const f = (cmd: string): Finding =>
      ({ id: 'x', code: 'claim.class-missing', severity: 'problem', object: { kind: 'persistentvolumeclaims', name: 'a', namespace: 'b' }, cause: { en: '', ru: '' }, evidence: [], fix: [{ text: { en: '', ru: '' }, command: cmd }] }) as unknown as Finding;
    expect(fixCommandProblems(f('kubectl get pod a -o jsonpath={.items[0]}'))).toHaveLength(1);
    expect(fixCommandProblems(f('kubectl get pods -A'))).toHaveLength(1);
    expect(fixCommandProblems(f('kubectl get lease -A --field-selector metadata.name=x'))).toEqual([]);
    expect(fixCommandProblems(f("kubectl get pod 'a b' -o 'jsonpath={.items[0]}'"))).toEqual([]);
    expect(shellWords("kubectl get pvc 'it'\\''s'")).toEqual(['kubectl', 'get', 'pvc', "it's"]);
  });
});
