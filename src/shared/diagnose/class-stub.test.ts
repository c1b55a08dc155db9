/**
 * The StorageClass manifest offered for a missing class (class-stub.ts): named exactly as the missing class, the
 * default class's provisioner first and the cluster's others offered, and a here-document that /bin/sh hands to
 * kubectl unchanged, which YAML 1.1 (kubectl's reader) reads back to the same names, for any name the API accepts.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { StorageClass } from '../kube/objects';
import type { Finding } from '../model/findings';
import { plainText } from '../verbatim';
import { classStubStep } from './class-stub';
import { fixCommandProblems, parseCommand, unnamedCommandProblems } from './fix-commands';
import { diagnoseObject } from './index';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { csiDriver, csiHostpathClass, localPathClass, manualClaim, noProvisionerClass } from './testing/fixtures';

const dir = mkdtempSync(join(tmpdir(), 'kse-fake-kubectl-stub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A fake kubectl that keeps its arguments and what it read on stdin (the manifest of `apply -f -`).
writeFileSync(join(dir, 'kubectl'), `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'args')}"\ncat > "${join(dir, 'stdin')}"\n`);
chmodSync(join(dir, 'kubectl'), 0o755);

function runInShell(command: string): { args: string[]; stdin: string } {
  execFileSync('/bin/sh', ['-c', command], { env: { PATH: `${dir}:/usr/bin:/bin` }, cwd: dir });
  return { args: readFileSync(join(dir, 'args'), 'utf8').split('\n').slice(0, -1), stdin: readFileSync(join(dir, 'stdin'), 'utf8') };
}

const claimRef = { kind: 'persistentvolumeclaims' as const, name: 'task-pv-claim', namespace: 'default' };
const inClass = (className: string) => ({ ...manualClaim, spec: { ...manualClaim.spec, storageClassName: className } });
const diagnose = (objects: FixtureObjects): Finding[] => diagnoseObject(fixtureView(objects), claimRef);
const classNamed = (name: string, provisioner: string): StorageClass => ({ ...csiHostpathClass, metadata: { name, uid: `sc-${name}` }, provisioner });

describe('a StorageClass manifest for a missing class', () => {
  it("names the missing class, the default class's provisioner first, the others commented out; shell and YAML read it back", () => {
    const [f] = diagnose({ storageclasses: [csiHostpathClass, localPathClass, noProvisionerClass], csidrivers: [csiDriver, { ...csiDriver, metadata: { name: 'nfs.csi.k8s.io', uid: 'd2' } }], persistentvolumeclaims: [inClass('fast-ssd')] });
    expect(f?.code).toBe('claim.class-missing');
    const stub = f!.fix[0]!;
    expect(stub.command).toBe(
      [
        "kubectl apply -f - <<'EOF'",
        'apiVersion: storage.k8s.io/v1',
        'kind: StorageClass',
        'metadata:',
        '  name: fast-ssd',
        'provisioner: rancher.io/local-path',
        '# provisioner: hostpath.csi.k8s.io',
        '# provisioner: nfs.csi.k8s.io',
        'reclaimPolicy: Delete',
        'volumeBindingMode: WaitForFirstConsumer',
        'EOF',
      ].join('\n'),
    );
    // kubernetes.io/no-provisioner is not offered: a class of hand-made volumes needs no StorageClass object.
    expect(stub.command).not.toContain('no-provisioner');
    expect(plainText(stub.text.en)).toBe(
      'If the class should exist, create it: this manifest names provisioner rancher.io/local-path (as class standard does); to use another, swap in one of the commented-out lines: hostpath.csi.k8s.io, nfs.csi.k8s.io. Applying it writes to the cluster; save it to a file first if you want to edit it',
    );
    expect(plainText(stub.text.ru)).toContain('Если такой класс нужен, создайте его: в этом манифесте провизионер rancher.io/local-path (как у класса standard)');
    const ran = runInShell(stub.command!);
    expect(ran.args).toEqual(['apply', '-f', '-']);
    expect(parse(ran.stdin, { version: '1.1' })).toEqual({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast-ssd' }, provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' });
    expect(parseCommand(stub.command!)).toEqual({ words: ['kubectl', 'apply', '-f', '-'], stdin: ran.stdin });
    expect(fixCommandProblems(f!)).toEqual([]);
    expect(unnamedCommandProblems(f!)).toEqual([]);
  });

  it('without classes, a registered CSIDriver is offered; with nothing that provisions, words only', () => {
    const view = fixtureView({ csidrivers: [csiDriver] });
    expect(classStubStep(view, 'fast').command).toContain('provisioner: hostpath.csi.k8s.io\nEOF');
    expect(plainText(classStubStep(view, 'fast').text.en)).toContain('names provisioner hostpath.csi.k8s.io (its CSIDriver is registered)');
    const none = classStubStep(fixtureView({ storageclasses: [noProvisionerClass] }), 'fast');
    expect(none.command).toBeUndefined();
    expect(plainText(none.text.en)).toBe('To create class fast, install a provisioner first: no class or CSIDriver on this cluster names one that could make its volumes');
  });

  it('a name the API would refuse is never written into a manifest (a snapshot may carry anything)', () => {
    const view = fixtureView({ storageclasses: [localPathClass] });
    for (const hostile of ['EOF', 'a\nEOF\nrm -rf /', 'Fast', "x'y", 'a: b', '-x', 'x'.repeat(254)]) {
      const s = classStubStep(view, hostile);
      expect(s.command, hostile).toBeUndefined();
    }
    // A provisioner the API would refuse is not offered either; a valid one still is.
    const odd = fixtureView({ storageclasses: [classNamed('odd', 'x\nEOF\ntouch /tmp/pwned'), localPathClass] });
    expect(classStubStep(odd, 'fast').command).not.toContain('pwned');
  });

  it('a name YAML 1.1 could read as a number without a mantissa (e0, E-1) is quoted and reads back as the same string', () => {
    // fast-check found "e0": the yaml package's 1.1 schema reads a bare exponent as NaN.
    for (const className of ['e0', 'e-1', 'e12']) {
      const s = classStubStep(fixtureView({ storageclasses: [classNamed('existing', 'E5')] }), className);
      const doc = parse(runInShell(s.command!).stdin, { version: '1.1' }) as { metadata: { name: unknown }; provisioner: unknown };
      expect(doc.metadata.name).toBe(className);
      expect(doc.provisioner).toBe('E5');
    }
  });

  it('for every name the API accepts, the shell hands kubectl the manifest and YAML 1.1 reads the same names back', () => {
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?$/);
    const dns = fc.array(label, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.'));
    const special = fc.constantFrom('true', 'no', 'on', 'null', 'y', '1e3', '0x1f', '007', '1.5', 'inf', 'nan');
    const name = fc.oneof(dns, special);
    const provisioner = fc.oneof(name, fc.tuple(dns, name).map(([a, b]) => `${a}/${b}`));
    fc.assert(
      fc.property(name, provisioner, (className, prov) => {
        const s = classStubStep(fixtureView({ storageclasses: [classNamed('existing', prov)] }), className);
        const ran = runInShell(s.command!);
        const doc = parse(ran.stdin, { version: '1.1' }) as { metadata: { name: unknown }; provisioner: unknown };
        expect(doc.metadata.name).toBe(className);
        expect(doc.provisioner).toBe(prov);
      }),
      { numRuns: 40 },
    );
  });

  it("a StatefulSet's claim template naming a missing class gets the same manifest", () => {
    const set = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: 'default', uid: 'set-web' },
      spec: { replicas: 1, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { storageClassName: 'fast-ssd', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
    };
    const findings = diagnoseObject(fixtureView({ storageclasses: [localPathClass], statefulsets: [set] } as FixtureObjects), { kind: 'statefulsets', name: 'web', namespace: 'default' });
    const f = findings.find((x) => x.code === 'statefulset.class-missing');
    expect(f?.fix[0]?.command).toContain('  name: fast-ssd\nprovisioner: rancher.io/local-path\n');
  });
});
