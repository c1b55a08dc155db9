import { describe, expect, it } from 'vitest';
import { isLessonAnchor } from '../lessons';
import { LANGS, SEVERITY_ORDER } from '../model/findings';
import { ALL_FINDING_CODES, FINDING_CODES } from './catalog';
import { fixtureView } from './testing/fixture-view';
import {
  boundClaim,
  boundVolume,
  csiHostpathClass,
  eventAbout,
  lease,
  localPathClass,
  manualClaim,
  manualVolume,
  runningPod,
  taskPod,
} from './testing/fixtures';
import { allProvisioners, diagnoseAll } from './index';

describe('finding catalog', () => {
  it.each(ALL_FINDING_CODES)('%s has a title in every language and an existing lesson anchor', (code) => {
    const info = FINDING_CODES[code];
    for (const lang of LANGS) expect(info.title[lang].trim().length).toBeGreaterThan(3);
    expect(info.title.ru).toMatch(/[а-яё]/i);
    expect(isLessonAnchor(info.lesson)).toBe(true);
    expect(SEVERITY_ORDER).toContain(info.severity);
    expect(code).toMatch(/^(claim|volume|pod|class|node|statefulset|snapshot)\.[a-z0-9-]+$/);
  });
});

describe('diagnoseAll over a mixed cluster', () => {
  // One of many situations at once: every finding must be complete and bilingual, ids unique, problems first.
  const stale = lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 3600);
  const waitingClaim = { ...manualClaim, metadata: { ...manualClaim.metadata, name: 'needs-csi', uid: 'needs-csi' }, spec: { ...manualClaim.spec, storageClassName: 'csi-hostpath-sc' } };
  const released = { ...manualVolume, metadata: { ...manualVolume.metadata, name: 'old', uid: 'old' }, spec: { ...manualVolume.spec, claimRef: { namespace: 'x', name: 'gone', uid: 'u' } }, status: { phase: 'Released' } };
  const view = fixtureView({
    storageclasses: [localPathClass, csiHostpathClass],
    persistentvolumeclaims: [manualClaim, boundClaim, waitingClaim],
    persistentvolumes: [manualVolume, boundVolume, released],
    pods: [taskPod, runningPod, { ...runningPod, metadata: { ...runningPod.metadata, name: 'cache', uid: 'cache' }, spec: { ...runningPod.spec, volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'sock', hostPath: { path: '/var/run/docker.sock' } }] } }],
    leases: [stale],
    events: [eventAbout(waitingClaim, 'ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'hostpath.csi.k8s.io' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.")],
  });
  const findings = diagnoseAll(view);

  it('finds the expected situations', () => {
    expect(new Set(findings.map((f) => f.code))).toEqual(
      new Set(['claim.binding-pending', 'claim.provisioner-dead', 'class.provisioner-dead', 'class.provisioner-unknown', 'volume.released-retain', 'pod.claim-pending', 'pod.emptydir', 'pod.hostpath-sensitive', 'volume.available-unused']),
    );
  });

  it('every finding is complete, bilingual and linked to its catalog lesson', () => {
    for (const f of findings) {
      expect(FINDING_CODES[f.code as keyof typeof FINDING_CODES]).toBeDefined();
      expect(f.lesson).toBe(FINDING_CODES[f.code as keyof typeof FINDING_CODES].lesson);
      for (const lang of LANGS) {
        expect(f.cause[lang].length, `${f.id} cause ${lang}`).toBeGreaterThan(10);
        for (const e of f.evidence) expect(e.label[lang].length, `${f.id} evidence ${lang}`).toBeGreaterThan(0);
        for (const s of f.fix) expect(s.text[lang].length, `${f.id} fix ${lang}`).toBeGreaterThan(0);
      }
      expect(f.cause.ru).not.toBe(f.cause.en);
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('sorts problems first', () => {
    const ranks = findings.map((f) => SEVERITY_ORDER.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('can be limited to one namespace (kse doctor --namespace)', () => {
    const shop = diagnoseAll(view, { namespace: 'shop' });
    expect(shop.every((f) => f.object.namespace === 'shop' || f.object.kind === 'storageclasses' || f.object.kind === 'persistentvolumes')).toBe(true);
    expect(new Set(shop.map((f) => f.code))).toEqual(new Set(['class.provisioner-dead', 'pod.emptydir', 'pod.hostpath-sensitive']));
    const defaults = diagnoseAll(view, { namespace: 'default' }).map((f) => f.code);
    expect(defaults).toContain('claim.provisioner-dead');
    expect(defaults).toContain('class.provisioner-dead');
    expect(defaults).not.toContain('volume.released-retain');
  });

  it('gives a verdict for every provisioner a class names', () => {
    expect(allProvisioners(view).map((p) => [p.name, p.verdict])).toEqual([
      ['hostpath.csi.k8s.io', 'dead'],
      ['rancher.io/local-path', 'unknown'],
    ]);
  });
});
