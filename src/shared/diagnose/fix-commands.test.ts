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
import { fixCommandProblems, parseCommand, shellWords, UNNAMED_COMMAND_EXCEPTIONS, unnamedCommandProblems } from './fix-commands';
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
    // A final `> FILE` saves the output (recreate-claim.ts); anything else after it is still refused.
    expect(parseCommand('kubectl get pvc a -n b -o yaml > a.yaml')).toEqual({ words: ['kubectl', 'get', 'pvc', 'a', '-n', 'b', '-o', 'yaml'], stdout: 'a.yaml' });
    expect(fixCommandProblems(f('kubectl get pvc a -n b -o yaml > a.yaml'))).toEqual([]);
    expect(fixCommandProblems(f('kubectl get pvc a -n b -o yaml > a.yaml; rm x'))).toHaveLength(1);
    expect(fixCommandProblems(f('kubectl get pods -A -n a'))).toHaveLength(1);
    expect(fixCommandProblems(f('kubectl get lease -A --field-selector metadata.name=a'))).toEqual([]);
    expect(fixCommandProblems(f("kubectl get pod 'a' -o 'jsonpath={.items[0]}'"))).toEqual([]);
    expect(shellWords("kubectl get pvc 'it'\\''s'")).toEqual(['kubectl', 'get', 'pvc', "it's"]);
    // A here-document must end with its delimiter, alone, on the last line.
    expect(parseCommand("kubectl apply -f - <<'EOF'\nkind: StorageClass\nEOF")).toEqual({ words: ['kubectl', 'apply', '-f', '-'], stdin: 'kind: StorageClass\n' });
    expect(parseCommand("kubectl apply -f - <<'EOF'\nkind: StorageClass\nEOF\nrm -rf /")).toBeUndefined();
    expect(parseCommand("kubectl apply -f - <<EOF\nkind: $(id)\nEOF")).toBeUndefined();
    expect(parseCommand('kubectl get pv\nkubectl get pvc')).toBeUndefined();
  });

  it('every kubectl command names one of the objects its finding is about, unless it is a listed exception', () => {
    const f = (cmd: string, code = 'claim.static-near-miss', evidence: Finding['evidence'] = []): Finding =>
      ({ id: 'x', code, severity: 'problem', object: { kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' }, cause: { en: '', ru: '' }, evidence, fix: [{ text: { en: '', ru: '' }, command: cmd }] }) as unknown as Finding;
    const nearMiss = [{ label: { en: 'Nearly fitting volume', ru: 'Почти подходящий том' }, value: 'pv-1', ref: { kind: 'persistentvolumes', name: 'pv-1' } }] as Finding['evidence'];
    // What the trial saw: listings that name nothing the finding is about.
    expect(unnamedCommandProblems(f('kubectl get pv', 'claim.static-near-miss', nearMiss))).toEqual(['claim.static-near-miss: "kubectl get pv" names none of the finding\'s objects (data, pv-1)']);
    expect(unnamedCommandProblems(f('kubectl get storageclass', 'claim.class-missing'))).toHaveLength(1);
    expect(unnamedCommandProblems(f('kubectl get pods -n shop', 'claim.terminating-in-use'))).toHaveLength(1);
    // Named as a word, after '=', as a path segment or kind/name, or in a manifest.
    expect(unnamedCommandProblems(f('kubectl get pv pv-1 -o yaml', 'claim.static-near-miss', nearMiss))).toEqual([]);
    expect(unnamedCommandProblems(f('kubectl get lease -A --field-selector metadata.name=data'))).toEqual([]);
    expect(unnamedCommandProblems(f("kubectl get --raw '/api/v1/namespaces/shop/persistentvolumeclaims/data'"))).toEqual([]);
    expect(unnamedCommandProblems(f('kubectl logs pvc/data'))).toEqual([]);
    expect(unnamedCommandProblems(f("kubectl apply -f - <<'EOF'\nmetadata:\n  name: data\nEOF"))).toEqual([]);
    expect(unnamedCommandProblems(f("kubectl apply -f - <<'EOF'\nmetadata:\n  name: \"data\"\nEOF"))).toEqual([]);
    expect(unnamedCommandProblems(f("kubectl apply -f - <<'EOF'\nmetadata:\n  name: other\nEOF"))).toHaveLength(1);
    // The exceptions hold for their codes and commands only.
    expect(unnamedCommandProblems(f('kubectl get pods -n kube-system -l component=kube-controller-manager', 'claim.binding-pending'))).toEqual([]);
    expect(unnamedCommandProblems(f('kubectl get storageclass', 'claim.no-default-class'))).toEqual([]);
    expect(unnamedCommandProblems(f('kubectl get secret -n shop', 'pod.secret-missing'))).toEqual([]);
    expect(unnamedCommandProblems(f('kubectl get secret -n shop', 'claim.provisioning-failed'))).toHaveLength(1);
    expect(unnamedCommandProblems(f('kubectl get pvc -n shop -o yaml', 'pod.claim-missing'))).toHaveLength(1);
    expect(UNNAMED_COMMAND_EXCEPTIONS.every((x) => x.why.length > 40)).toBe(true);
  });
});
