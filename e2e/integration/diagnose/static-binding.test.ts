/**
 * Static binding: a claim next to a volume that almost fits it (too small, missing access modes, another class,
 * labels that do not match its selector, reserved for another claim, Released with Retain, named by the claim but
 * taken or not fitting). Each is created for real on the lab, in its own namespace, and the near-miss finding is
 * read back through the app's pipeline (live context -> reflectors -> ClusterStore -> listFindings). One lab for the
 * file, not seeded: every scenario brings its own static class and volumes.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../../src/shared/verbatim';
import type { Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { apply, claimRef, evidenceLines, type LiveCluster, namespace, until, useLab, volumeRef } from './live';
import { claim, staticClass, volume } from './manifests';

let lab: Lab;
let live: LiveCluster;

useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

describe('static binding: volumes that almost fit', () => {
  /** A claim of its own static class next to one volume that differs; returns the near-miss finding. */
  async function nearMiss(ns: string, className: string, pv: KubeObject, claimObject: KubeObject) {
    await apply(lab, staticClass(className), pv);
    await apply(lab, claimObject);
    const f = await live.waitFor(claimRef(ns, claimObject.metadata.name), 'claim.static-near-miss');
    expect(f.severity).toBe('problem');
    const line = f.evidence.find((e) => e.ref?.kind === 'persistentvolumes' && e.ref.name === pv.metadata.name);
    expect(line, `near-miss evidence for ${pv.metadata.name}: ${evidenceLines(f).join(' | ')}`).toBeDefined();
    return { finding: f, line: line! };
  }

  it('too small', async () => {
    const ns = await namespace(lab, 'dx-nm-size');
    const { line } = await nearMiss(ns, 'dx-nm-size', volume('dx-nm-size-pv', { className: 'dx-nm-size', size: '1Gi' }), claim(ns, 'big', { className: 'dx-nm-size', size: '2Gi' }));
    expect(line.source).toBe('spec.capacity.storage');
    expect(line.note?.en).toContain('capacity 1Gi is smaller than the 2Gi requested');
  });

  it('missing access modes', async () => {
    const ns = await namespace(lab, 'dx-nm-modes');
    const { line } = await nearMiss(ns, 'dx-nm-modes', volume('dx-nm-modes-pv', { className: 'dx-nm-modes' }), claim(ns, 'shared', { className: 'dx-nm-modes', modes: ['ReadWriteMany'] }));
    expect(line.source).toBe('spec.accessModes');
    expect(line.note?.en).toContain('offers ReadWriteOnce, not ReadWriteMany');
  });

  it('another class', async () => {
    const ns = await namespace(lab, 'dx-nm-class');
    await apply(lab, staticClass('dx-nm-class-other'));
    const { line } = await nearMiss(ns, 'dx-nm-class', volume('dx-nm-class-pv', { className: 'dx-nm-class-other' }), claim(ns, 'picky', { className: 'dx-nm-class' }));
    expect(line.source).toBe('spec.storageClassName');
    expect(line.note?.en).toContain('class is "dx-nm-class-other", the claim asks for "dx-nm-class"');
  });

  it('labels that do not match the selector', async () => {
    const ns = await namespace(lab, 'dx-nm-selector');
    const { line } = await nearMiss(
      ns,
      'dx-nm-selector',
      volume('dx-nm-selector-pv', { className: 'dx-nm-selector', labels: { tier: 'bronze' } }),
      claim(ns, 'choosy', { className: 'dx-nm-selector', selector: { tier: 'gold' } }),
    );
    expect(line.source).toBe('metadata.labels');
    expect(line.note?.en).toContain('labels tier=bronze do not match the claim\'s selector tier=gold');
  });

  it('reserved for another claim (claimRef), which does not exist: the volume says so too', async () => {
    const ns = await namespace(lab, 'dx-nm-claimref');
    const { line } = await nearMiss(
      ns,
      'dx-nm-claimref',
      volume('dx-nm-claimref-pv', { className: 'dx-nm-claimref', claimRef: { namespace: ns, name: 'someone-else' } }),
      claim(ns, 'hopeful', { className: 'dx-nm-claimref' }),
    );
    expect(line.source).toBe('spec.claimRef');
    expect(line.note?.en).toContain(`reserved (pre-bound) for claim ${ns}/someone-else`);
    const reserved = await live.waitFor(volumeRef('dx-nm-claimref-pv'), 'volume.prebound-claim-missing');
    expect(reserved.cause.en).toContain(`reserved (claimRef) for claim ${ns}/someone-else, which does not exist`);
  });

  it('Released with Retain: the volume explains how to reuse it, the new claim sees why it cannot have it', async () => {
    const ns = await namespace(lab, 'dx-nm-released');
    await apply(lab, staticClass('dx-nm-released'), volume('dx-nm-released-pv', { className: 'dx-nm-released', reclaim: 'Retain' }));
    await apply(lab, claim(ns, 'first-owner', { className: 'dx-nm-released' }));
    await until('the first claim bound', () => live.store.get('persistentvolumeclaims', 'first-owner', ns)?.status?.phase === 'Bound');
    await lab.client('admin').delete(`/api/v1/namespaces/${ns}/persistentvolumeclaims/first-owner`);
    const released = await live.waitFor(volumeRef('dx-nm-released-pv'), 'volume.released-retain');
    expect(released.severity).toBe('warning');
    expect(released.cause.en).toContain(`Its claim ${ns}/first-owner was deleted; with reclaim policy Retain the data is kept`);
    expect(released.fix.map((s) => s.command)).toEqual(
      expect.arrayContaining([
        'kubectl get pv dx-nm-released-pv -o yaml',
        `kubectl patch pv dx-nm-released-pv --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`,
        'kubectl delete pv dx-nm-released-pv',
      ]),
    );

    await apply(lab, claim(ns, 'second-owner', { className: 'dx-nm-released' }));
    const f = await live.waitFor(claimRef(ns, 'second-owner'), 'claim.static-near-miss');
    const line = f.evidence.find((e) => e.ref?.name === 'dx-nm-released-pv');
    expect(line?.source).toBe('status.phase');
    expect(line?.note?.en).toContain(`Released: still holds the claimRef of ${ns}/first-owner`);
    const clear = f.fix.find((s) => s.command === `kubectl patch pv dx-nm-released-pv --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`);
    // The warning comes first: any fitting claim may take it, the data stays, and what the reclaim policy does next.
    expect(plainText(clear!.text.en)).toContain('volume dx-nm-released-pv becomes Available and the first claim that fits takes it');
    expect(plainText(clear!.text.en)).toContain('Its reclaim policy is Retain');
    // Run as the user would paste it (/bin/sh, the lab's kubectl): the volume goes back to Available and binds the new claim.
    if (!lab.kubectlPath) throw new Error('kubectl was not built (npm run lab:build)');
    const bin = mkdtempSync(join(tmpdir(), 'kse-lab-kubectl-'));
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\nexec ${JSON.stringify(lab.kubectlPath)} --kubeconfig ${JSON.stringify(lab.kubeconfigPath)} "$@"\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    try {
      expect(execFileSync('/bin/sh', ['-c', clear!.command!], { env: { PATH: `${bin}:/usr/bin:/bin`, HOME: bin }, encoding: 'utf8' })).toContain('persistentvolume/dx-nm-released-pv patched');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
    await until('the second owner bound to the freed volume', () => live.store.get('persistentvolumeclaims', 'second-owner', ns)?.spec?.volumeName === 'dx-nm-released-pv' && live.store.get('persistentvolumeclaims', 'second-owner', ns)?.status?.phase === 'Bound', 60_000);
  });

  it('a claim that names its volume: missing, taken by another claim, or not fitting', async () => {
    const ns = await namespace(lab, 'dx-volume-name');
    await apply(lab, staticClass('dx-named'), volume('dx-named-small', { className: 'dx-named', size: '1Gi' }), volume('dx-named-taken', { className: 'dx-named' }));
    await apply(lab, claim(ns, 'owner', { className: 'dx-named', volumeName: 'dx-named-taken' }));
    await until('the owner bound', () => live.store.get('persistentvolumeclaims', 'owner', ns)?.status?.phase === 'Bound');
    await apply(
      lab,
      claim(ns, 'wants-missing', { className: 'dx-named', volumeName: 'dx-named-nowhere' }),
      claim(ns, 'wants-taken', { className: 'dx-named', volumeName: 'dx-named-taken' }),
      claim(ns, 'wants-small', { className: 'dx-named', volumeName: 'dx-named-small', size: '3Gi' }),
    );
    const missing = await live.waitFor(claimRef(ns, 'wants-missing'), 'claim.volume-name-missing');
    expect(missing.cause.en).toContain('asks for volume dx-named-nowhere, which does not exist');
    const taken = await live.waitFor(claimRef(ns, 'wants-taken'), 'claim.volume-taken');
    expect(taken.cause.en).toBe(`The requested volume dx-named-taken is bound to another claim, ${ns}/owner.`);
    const small = await live.waitFor(claimRef(ns, 'wants-small'), 'claim.volume-mismatch');
    expect(small.cause.en).toContain('capacity 1Gi is smaller than the 3Gi requested');
    // The PV controller's own words, once its events arrive.
    const event = await until('a VolumeMismatch or FailedBinding event', () => live.finding(claimRef(ns, 'wants-small'), 'claim.volume-mismatch')?.evidence.find((e) => e.event !== undefined));
    expect(event.value).toMatch(/Cannot bind to requested volume "dx-named-small": requested PV is too small/);
  });
});
