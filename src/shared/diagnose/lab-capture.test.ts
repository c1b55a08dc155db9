/**
 * The rules against objects captured from the local lab (testing/lab-capture.json: Kubernetes v1.37.2, the seeded
 * scenarios, read with kubectl get -o json). Real shapes and real event texts; the integration tests assert the
 * same codes against the live lab.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/findings';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { allProvisioners, diagnoseAll, diagnoseObject } from './index';
import capture from './testing/lab-capture.json';

// The capture holds no ConfigMaps or Secrets (taken before the app watched them): as if they were still loading.
const UNCAPTURED = { configmaps: 'idle', secrets: 'idle' } as const;
const view = fixtureView(capture.objects as unknown as FixtureObjects, { now: capture.capturedAt, states: UNCAPTURED });
const claim = (namespace: string, name: string): Finding[] => diagnoseObject(view, { kind: 'persistentvolumeclaims', name, namespace });

describe('lab capture', () => {
  it.each([
    ['lab-stuck', 'missing-class', 'claim.class-missing'],
    ['lab-stuck', 'absent-provisioner', 'claim.provisioner-dead'],
    ['lab-stuck', 'provisioning-fails', 'claim.provisioning-failed'],
    ['lab-stuck', 'too-big-for-pv', 'claim.static-near-miss'],
    ['lab-wffc', 'waiting', 'claim.wait-for-first-consumer'],
    ['student', 'scratch', 'claim.provisioner-dead'],
  ])('%s/%s: %s', (namespace, name, code) => {
    expect(claim(namespace, name).map((f) => f.code)).toEqual([code]);
  });

  it('bound claims of the lab have no findings', () => {
    for (const [ns, name] of [['lab-dynamic', 'data'], ['lab-external', 'uploads'], ['lab-static', 'reports'], ['student', 'notebooks']] as const) {
      expect(claim(ns, name), `${ns}/${name}`).toEqual([]);
    }
  });

  it('quotes the real event texts as evidence', () => {
    expect(claim('lab-stuck', 'missing-class')[0]?.evidence.map((e) => e.value)).toContain('storageclass.storage.k8s.io "fast-ssd" not found');
    expect(claim('lab-stuck', 'too-big-for-pv')[0]?.evidence.find((e) => e.ref?.name === 'lab-near-miss-pv')?.source).toBe('spec.capacity.storage');
    expect(claim('lab-stuck', 'provisioning-fails')[0]?.cause.en).toContain('refusing to provision');
  });

  it('gives every provisioner a verdict', () => {
    expect(Object.fromEntries(allProvisioners(view).map((p) => [p.name, [p.type, p.verdict]]))).toEqual({
      'hostpath.lab.kse.dev': ['csi', 'degraded'],
      'kubernetes.io/host-path': ['in-tree', 'alive'],
      'storage.example.com/absent': ['external', 'dead'],
    });
  });

  it('the provisioner turns dead once its lease has not been renewed for a minute', () => {
    const later = fixtureView(capture.objects as unknown as FixtureObjects, { now: new Date(Date.parse(capture.capturedAt) + 60_000).toISOString(), states: UNCAPTURED });
    const row = allProvisioners(later).find((p) => p.name === 'hostpath.lab.kse.dev');
    expect(row?.verdict).toBe('dead');
  });

  it('the pod waiting for a claim with a missing class is reported as unschedulable because of volumes', () => {
    const pods = diagnoseAll(view).filter((f) => f.object.kind === 'pods' && f.severity === 'problem');
    expect(pods.map((f) => `${f.object.namespace}/${f.object.name} ${f.code}`)).toEqual(['lab-stuck/app-waiting-for-claim pod.unschedulable-volumes']);
  });
});
