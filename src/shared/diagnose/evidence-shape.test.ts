/**
 * Evidence rows are structured everywhere (issue 9 part 2, issue 8 trial 3 defect 7): a short label, the fact and
 * its source, in both languages. testing/evidence-guard.ts applies evidenceProblems() to every finding any unit
 * test builds; this file proves the check itself catches each kind of malformed row, that every finding code is
 * produced by some unit test (so the guard sees every code), and checks the lab capture's findings directly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../model/findings';
import { ALL_FINDING_CODES } from './catalog';
import { evidenceProblems, findingEvidenceProblems, repeatedRows } from './evidence-shape';
import { evidence, t } from './finding';
import { diagnoseAll } from './index';
import { assessProvisioner, healthEvidence } from './provisioners';
import { fixtureView } from './testing/fixture-view';
import { csiHostpathClass, lease, localPathClass, manualClaim } from './testing/fixtures';

const good: Evidence = evidence(t('Requested class', 'Запрошенный класс'), 'fast', { source: 'spec.storageClassName' });

describe('evidenceProblems', () => {
  it('accepts a short label, a value (or a note) and a source (or an event)', () => {
    expect(evidenceProblems(good)).toEqual([]);
    expect(evidenceProblems(evidence(t('Leader lease', 'Лидерский Lease'), '', { note: t('none found', 'не найден'), source: 'metadata.name (Lease)' }))).toEqual([]);
    expect(evidenceProblems(evidence(t('Event', 'Событие'), 'Waiting for a volume', { event: 'ExternalProvisioning' }))).toEqual([]);
    expect(evidenceProblems(evidence(t('claimRef', 'claimRef'), 'shop/data', { source: 'spec.claimRef' }))).toEqual([]);
  });

  it('rejects the rows seen in the third trial: a sentence as the label with an empty value, no source', () => {
    const sentence = evidence(t('No leader lease and no pods of it found, and 2 claims wait for it.', 'Не найдено ни лидерского Lease, ни его подов, хотя его ждут 2 заявки.'), '');
    const problems = evidenceProblems(sentence);
    expect(problems.some((p) => p.includes('longer than'))).toBe(true);
    expect(problems.some((p) => p.includes('ends like a sentence'))).toBe(true);
    expect(problems.some((p) => p.includes('neither a value nor a note'))).toBe(true);
    expect(problems.some((p) => p.includes('no source'))).toBe(true);
    expect(evidenceProblems(evidence(t('Volume lab-near-miss-pv: capacity 1Gi', 'Том lab-near-miss-pv: ёмкость 1Gi меньше запрошенных 5Gi'), 'x', { source: 'spec.capacity.storage' }))).toHaveLength(1);
    expect(evidenceProblems(evidence(t('Requested class', 'Requested class'), 'fast', { source: 'spec.storageClassName' }))).toEqual(['ru label "Requested class" is not translated']);
    expect(evidenceProblems(evidence(t('Requested class', 'Запрошенный класс'), 'fast', { source: 'class' }))).toEqual(['source "class" is a word, not a field path']);
  });

  it('rejects a row given twice (one label, one value), not several values under one label', () => {
    const provisioner = evidence(t('Provisioner', 'Провизионер'), 'hostpath.csi.k8s.io', { source: 'StorageClass.provisioner' });
    expect(repeatedRows([provisioner, { ...provisioner, note: t('dead', 'не работает') }])).toEqual(['"Provisioner: hostpath.csi.k8s.io" is given twice']);
    expect(repeatedRows([evidence(t('Nearly fitting volume', 'Почти подходящий том'), 'a', { source: 'spec.capacity.storage' }), evidence(t('Nearly fitting volume', 'Почти подходящий том'), 'b', { source: 'spec.capacity.storage' })])).toEqual([]);
  });

  it('rejects the raw field dump of the fourth trial and accepts the same fields as facts', () => {
    const dump = evidence(t('Nearly fitting volume', 'Почти подходящий том'), 'pv-1: capacity=1Gi accessModes=ReadWriteOnce class="" volumeMode=Filesystem', { source: 'spec.capacity.storage' });
    expect(evidenceProblems(dump)).toEqual([expect.stringContaining('raw key=value dump')]);
    const facts = { ...evidence(t('Nearly fitting volume', 'Почти подходящий том'), 'pv-1', { source: 'spec.capacity.storage' }), facts: [{ label: t('Capacity', 'Ёмкость'), value: '1Gi' }, { label: t('Class', 'Класс'), value: '', note: t('no class', 'без класса') }] };
    expect(evidenceProblems(facts)).toEqual([]);
    expect(evidenceProblems({ ...facts, facts: [{ label: t('Access modes', 'Access modes'), value: '' }] })).toHaveLength(3);
  });
});

/** Unit test sources under src/ (the files whose findings the guard checks). */
function unitTestSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return unitTestSources(path);
    return /\.test\.tsx?$/.test(name) && !name.endsWith('.int.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('every finding code goes through the evidence guard', () => {
  it('is asserted by some unit test', () => {
    const sources = unitTestSources(join(__dirname, '..', '..')).join('\n');
    const missing = ALL_FINDING_CODES.filter((code) => !new RegExp(`['"\`]${code.replace('.', '\\.')}['":\\s]`).test(sources));
    expect(missing, 'codes that no unit test produces and asserts').toEqual([]);
  });
});

describe('provisioner health as evidence', () => {
  it('each verdict gives rows with a short label, a value and a source, not its reason sentences', () => {
    const waiting = { ...manualClaim, metadata: { ...manualClaim.metadata, name: 'w', uid: 'w', annotations: { 'volume.kubernetes.io/storage-provisioner': 'hostpath.csi.k8s.io' } }, spec: { ...manualClaim.spec, storageClassName: 'csi-hostpath-sc' }, status: { phase: 'Pending' as const } };
    const views = [
      fixtureView({ storageclasses: [csiHostpathClass], persistentvolumeclaims: [waiting] }),
      fixtureView({ storageclasses: [csiHostpathClass], leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 3)] }),
      fixtureView({ storageclasses: [csiHostpathClass], leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 3600)] }),
      fixtureView({ storageclasses: [localPathClass] }),
    ];
    for (const view of views) {
      for (const provisioner of ['hostpath.csi.k8s.io', 'rancher.io/local-path', 'kubernetes.io/no-provisioner', 'kubernetes.io/glusterfs', 'kubernetes.io/aws-ebs', 'kubernetes.io/host-path']) {
        const rows = healthEvidence(assessProvisioner(view, provisioner));
        expect(rows.flatMap((e) => evidenceProblems(e).map((p) => `${provisioner}: ${p}`))).toEqual([]);
      }
    }
    const dead = healthEvidence(assessProvisioner(views[0]!, 'hostpath.csi.k8s.io'));
    expect(dead.find((e) => e.label.en === 'Claims waiting for it')?.value).toBe('1');
    expect(dead.find((e) => e.label.en === 'Leader lease')?.note?.ru).toBe('не найден');
  });

  it('a mixed cluster: every finding of diagnoseAll is well formed', () => {
    const view = fixtureView({ storageclasses: [localPathClass, csiHostpathClass], persistentvolumeclaims: [manualClaim], leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 3600)] });
    expect(diagnoseAll(view).flatMap(findingEvidenceProblems)).toEqual([]);
  });
});
