/**
 * Trial 9 defect 1: a fix step worded as a change must come with a command that makes it (or none), never with one
 * that only reads. The evidence guard applies readOnlyFixProblems to every finding of every unit test; this file
 * pins the classifier and walks the lab capture's findings (every rule that fires there).
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/findings';
import { commandOnlyReads, leadingVerb, readOnlyFix, readOnlyFixProblems } from './fix-step-verbs';
import { diagnoseAll } from './index';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import capture from './testing/lab-capture.json';

const s = (en: string, command?: string) => ({ text: { en, ru: en }, ...(command ? { command } : {}) });

describe('fix steps say what their commands do', () => {
  it('finds the verb after a lead, a condition or a short label', () => {
    expect(leadingVerb('Recreate the claim with storageClassName standard')).toBe('recreate');
    expect(leadingVerb('A typo: recreate the claim')).toBe('recreate');
    expect(leadingVerb('…or mark one class as the default')).toBe('mark');
    expect(leadingVerb('If nobody needs it, delete the claim')).toBe('delete');
    expect(leadingVerb('Or free space in the storage')).toBe('free');
    expect(leadingVerb('See the claim: delete it later')).toBe('see');
    expect(leadingVerb('Ask for at most 5Gi in claim data')).toBe('ask-for');
    expect(leadingVerb("Ask the namespace's administrator to raise it")).toBe('ask');
    expect(leadingVerb('Nothing is wrong if the data is kept on purpose. See the claim')).toBe('nothing');
  });

  it('tells reading commands from writing ones', () => {
    expect(commandOnlyReads('kubectl get pvc a -n b -o yaml')).toBe(true);
    expect(commandOnlyReads('kubectl get pvc a -n b -o yaml > a.yaml')).toBe(true);
    expect(commandOnlyReads("kubectl -n b get pod a -o 'jsonpath={.spec}'")).toBe(true);
    expect(commandOnlyReads('kubectl describe pvc a -n b')).toBe(true);
    // Flags without a value before the subcommand, and auth's read and write subcommands.
    expect(commandOnlyReads('kubectl -A get pvc')).toBe(true);
    expect(commandOnlyReads('kubectl --context=lab get pv')).toBe(true);
    expect(commandOnlyReads('kubectl auth can-i create persistentvolumeclaims -n b')).toBe(true);
    expect(commandOnlyReads('kubectl auth reconcile -f rbac.yaml')).toBe(false);
    expect(commandOnlyReads('kubectl delete pvc a -n b')).toBe(false);
    expect(commandOnlyReads('kubectl apply -f a.yaml')).toBe(false);
    expect(commandOnlyReads("kubectl patch pvc a -n b --type merge -p '{}'")).toBe(false);
  });

  it('flags the trial\'s case: "recreate the claim" with only `kubectl get … -o yaml`', () => {
    expect(readOnlyFix(s('Recreate the claim with storageClassName standard: save it, fix the name, delete and apply it', 'kubectl get pvc a -n b -o yaml'))).toBe(true);
    expect(readOnlyFix(s('Create the claim, or fix the claim name in the pod template', 'kubectl get pvc -n b'))).toBe(true);
    expect(readOnlyFix(s('Save the claim to a.yaml', 'kubectl get pvc a -n b -o yaml > a.yaml'))).toBe(false);
    expect(readOnlyFix(s('Delete the claim', 'kubectl delete pvc a -n b'))).toBe(false);
    expect(readOnlyFix(s('Create it again from the edited file', 'kubectl apply -f a.yaml'))).toBe(false);
    expect(readOnlyFix(s('Recreate the claim (in words only)'))).toBe(false);
  });

  it("no finding of the lab capture has a fix step worded as a change whose command only reads", () => {
    const view = fixtureView(capture.objects as unknown as FixtureObjects, { now: capture.capturedAt, states: { configmaps: 'idle', secrets: 'idle' } });
    const findings: Finding[] = diagnoseAll(view);
    expect(findings.length).toBeGreaterThanOrEqual(10);
    expect(findings.flatMap(readOnlyFixProblems)).toEqual([]);
    // The capture's missing class (lab-stuck/missing-class asks for fast-ssd) now gets the recreation, not a read.
    const missing = findings.find((f) => f.code === 'claim.class-missing');
    expect(missing?.fix.map((x) => x.command?.split(' ').slice(0, 3).join(' '))).toEqual(expect.arrayContaining(['kubectl get pvc', 'kubectl delete pvc', 'kubectl apply -f']));
  });
});
