/**
 * Default classes, PersistentVolumes, expansion and a misbound volume, diagnosed by the app on the real lab through
 * its pipeline (live context -> reflectors -> ClusterStore -> listFindings). One lab for the file, not seeded: it
 * starts with no StorageClass at all, which the "no default class" scenario needs. Each scenario has its own
 * namespace.
 *
 * kube-controller-manager is paused (SIGSTOP, a few seconds, under its 10 s leader-renew deadline) to see states
 * the PV and ephemeral-volume controllers resolve in milliseconds: a volume bound to a deleted claim, a claim whose
 * fitting volume is not bound yet, a pod whose ephemeral claim is not created yet.
 *
 * Pods (init containers, access modes across nodes, CSI drivers missing on a node, hostPath and emptyDir) are in
 * pods.test.ts; attach failures on the lab's CSI stack in csi.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import {
  apply,
  claimRef,
  classRef,
  evidenceLines,
  expectCacheAgrees,
  type LiveCluster,
  namespace,
  paused,
  podRef,
  until,
  useLab,
  volumeRef,
} from './live';
import { claim, pod, staticClass, volume } from './manifests';

let lab: Lab;
let live: LiveCluster;
/** The default class the several-defaults finding says Kubernetes picks (checked against what it really picks). */
let pickedDefault = '';

useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

const admin = () => lab.client('admin');

function hostPathClass(name: string, isDefault: boolean): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name, ...(isDefault ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    provisioner: 'kubernetes.io/host-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
  };
}

async function deleteClaimForGood(ns: string, name: string): Promise<void> {
  await admin().delete(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`);
  // With the controller manager paused nobody removes kubernetes.io/pvc-protection: do it, as an admin forcing it would.
  await admin().mergePatch(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`, { metadata: { finalizers: null } }).catch(() => undefined);
}

describe('default classes', () => {
  it('no class and no default class; then several defaults: the claim is told which one Kubernetes will give it', async () => {
    expect(live.store.list('storageclasses')).toEqual([]);
    const ns = await namespace(lab, 'dx-no-default');
    await apply(lab, claim(ns, 'classless', { className: null }));
    const ref = claimRef(ns, 'classless');
    const f = await live.waitFor(ref, 'claim.no-default-class');
    expect(f.severity).toBe('problem');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Class asked for: not set', 'Default classes: none']));
    expect(f.fix.map((s) => s.command)).toContain(`kubectl patch storageclass '<class>' -p '{"metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"}}}'`);
    const event = await until('the FailedBinding event as evidence', () => live.finding(ref, 'claim.no-default-class')?.evidence.find((e) => e.event === 'FailedBinding'));
    expect(event.value).toBe('no persistent volumes available for this claim and no storage class is set');
    expectCacheAgrees(live, ref);

    // Two default classes appear while kube-controller-manager is paused: the claim still names no class. They
    // are created back to back, usually in the same second: then Kubernetes picks by name (dx-default-a), else
    // the newest (dx-default-z). The finding must name the class the PV controller then really gives the claim.
    await paused(lab, 'kube-controller-manager', async () => {
      await apply(lab, hostPathClass('dx-default-a', true), hostPathClass('dx-default-z', true));
      const several = await live.waitFor(ref, 'claim.several-default-classes', 5000);
      expect(several.severity).toBe('warning');
      expect(evidenceLines(several)).toEqual(expect.arrayContaining(['Default class: dx-default-a', 'Default class: dx-default-z']));
      pickedDefault = /Kubernetes picks the newest \((dx-default-[az])\)/.exec(several.cause.en)?.[1] ?? '';
    });
    const created = ['dx-default-a', 'dx-default-z'].map((n) => live.store.get('storageclasses', n)?.metadata?.creationTimestamp);
    console.info(`[diagnose] default classes created at ${created.join(' and ')}; the rule expects ${pickedDefault}`);
    expect(pickedDefault).toBe(created[0] === created[1] ? 'dx-default-a' : 'dx-default-z');

    // Running again, the PV controller gives the claim a default class retroactively, and it is provisioned.
    const resumedAt = Date.now();
    await until('the claim bound with a default class', () => {
      const c = live.store.get('persistentvolumeclaims', 'classless', ns);
      return c?.spec?.storageClassName && c.status?.phase === 'Bound';
    }, 60_000);
    console.info(`[diagnose] claim without a class got a default class and bound ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after the controller manager resumed`);
    expect(live.store.get('persistentvolumeclaims', 'classless', ns)?.spec?.storageClassName).toBe(pickedDefault);
    expect(live.findingsOf(ref)).toEqual([]);
  }, 90_000);

  it('several default classes: each one says so, until one remains', async () => {
    const a = await live.waitFor(classRef('dx-default-a'), 'class.several-defaults');
    const z = await live.waitFor(classRef('dx-default-z'), 'class.several-defaults');
    for (const f of [a, z]) {
      expect(f.severity).toBe('warning');
      expect(f.cause.en).toMatch(/^2 classes are marked default \((dx-default-a, dx-default-z|dx-default-z, dx-default-a)\)/);
    }
    expect(z.fix[0]?.command).toBe('kubectl annotate storageclass dx-default-z storageclass.kubernetes.io/is-default-class-');
    // A claim created now names no class, but admission gives it the same default at once: no claim-level finding.
    const ns = await namespace(lab, 'dx-several-defaults');
    await apply(lab, claim(ns, 'gets-default', { className: null }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'gets-default', ns)?.status?.phase === 'Bound');
    expect(live.store.get('persistentvolumeclaims', 'gets-default', ns)?.spec?.storageClassName).toBe(pickedDefault);
    expect(live.findingsOf(claimRef(ns, 'gets-default'))).toEqual([]);

    await admin().mergePatch('/apis/storage.k8s.io/v1/storageclasses/dx-default-z', { metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': null } } });
    await live.waitGone(classRef('dx-default-a'), 'class.several-defaults');
    expect(live.findingsOf(classRef('dx-default-z'))).toEqual([]);
  });
});

describe('classes that provision nothing', () => {
  it('a static-only class and no volume anywhere near: nothing will ever bind the claim', async () => {
    const ns = await namespace(lab, 'dx-no-match');
    await apply(lab, staticClass('dx-nothing'), claim(ns, 'hopeless', { className: 'dx-nothing', size: '50Gi', modes: ['ReadWriteMany'] }));
    const f = await live.waitFor(claimRef(ns, 'hopeless'), 'claim.no-matching-volume');
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toBe('The claim uses class dx-nothing, which provisions nothing, and no PersistentVolume comes close.');
  });

  it("a provisioner nobody runs and nobody waits for is unknown; once a claim waits, it is dead", async () => {
    await apply(lab, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'dx-elsewhere' }, provisioner: 'nfs.example.com/outside' });
    const unknown = await live.waitFor(classRef('dx-elsewhere'), 'class.provisioner-unknown');
    expect(unknown.severity).toBe('info');
    expect(unknown.cause.en).toBe(
      'The health of provisioner nfs.example.com/outside cannot be determined. No leader lease and no pods of it found: it may run outside the cluster or without leader election.',
    );
    const ns = await namespace(lab, 'dx-provisioner-unknown');
    await apply(lab, claim(ns, 'waits', { className: 'dx-elsewhere' }));
    // The claim's storage-provisioner annotation (set by the PV controller) makes it a claim that waits for it.
    await live.waitFor(claimRef(ns, 'waits'), 'claim.provisioner-dead', 30_000);
    await live.waitFor(classRef('dx-elsewhere'), 'class.provisioner-dead', 30_000);
  });
});

describe('volumes', () => {
  it('Available and unused', async () => {
    await apply(lab, volume('dx-spare', { className: 'dx-spare-class', size: '3Gi' }));
    const f = await live.waitFor(volumeRef('dx-spare'), 'volume.available-unused');
    expect(f.severity).toBe('info');
    expect(evidenceLines(f)).toEqual(
      expect.arrayContaining([
        'Volume: dx-spare (Capacity 3Gi, Access modes ReadWriteOnce, Class dx-spare-class, Volume mode Filesystem, Phase Available, Bound to claim none)',
        'Data lives in: hostPath /tmp/kse-diagnose-test/dx-spare',
      ]),
    );
  });

  it('Failed: the in-tree deleter refuses a path outside /tmp', async () => {
    const ns = await namespace(lab, 'dx-volume-failed');
    await apply(
      lab,
      staticClass('dx-fail'),
      volume('dx-fail-pv', { className: 'dx-fail', reclaim: 'Delete', path: '/srv/kse-diagnose-fail', annotations: { 'pv.kubernetes.io/provisioned-by': 'kubernetes.io/host-path' } }),
      claim(ns, 'short-lived', { className: 'dx-fail' }),
    );
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'short-lived', ns)?.status?.phase === 'Bound');
    await admin().delete(`/api/v1/namespaces/${ns}/persistentvolumeclaims/short-lived`);
    const f = await live.waitFor(volumeRef('dx-fail-pv'), 'volume.failed');
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toBe('Reclaiming the volume (policy Delete) failed: host_path deleter only supports /tmp/.+ but received provided /srv/kse-diagnose-fail');
    expect(evidenceLines(f)).toContain('Status message: host_path deleter only supports /tmp/.+ but received provided /srv/kse-diagnose-fail');
    await until('the VolumeFailedDelete event as evidence', () => live.finding(volumeRef('dx-fail-pv'), 'volume.failed')?.evidence.some((e) => e.event === 'VolumeFailedDelete'));
  });

  it('with the controller manager paused: a volume bound to a deleted claim, a claim whose volume is due, an ephemeral claim not yet made', async () => {
    const ns = await namespace(lab, 'dx-kcm-paused');
    await apply(lab, staticClass('dx-orphan'), staticClass('dx-due'), volume('dx-orphan-pv', { className: 'dx-orphan' }), volume('dx-due-pv', { className: 'dx-due' }));
    await apply(lab, claim(ns, 'orphaner', { className: 'dx-orphan' }));
    await until('the claim bound', () => live.store.get('persistentvolumes', 'dx-orphan-pv')?.status?.phase === 'Bound');
    const withEphemeral = pod(ns, 'scratch-user', {
      volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'dx-default-a', resources: { requests: { storage: '1Gi' } } } } } }],
      mounts: [{ name: 'scratch', mountPath: '/scratch' }],
    });

    await paused(lab, 'kube-controller-manager', async () => {
      await deleteClaimForGood(ns, 'orphaner');
      await apply(lab, claim(ns, 'due', { className: 'dx-due' }), withEphemeral);
      const [orphan, due, ephemeral] = await Promise.all([
        live.waitFor(volumeRef('dx-orphan-pv'), 'volume.claim-missing', 5000),
        live.waitFor(claimRef(ns, 'due'), 'claim.binding-pending', 5000),
        live.waitFor(podRef(ns, 'scratch-user'), 'pod.ephemeral-claim-pending', 5000),
      ]);
      expect(orphan.severity).toBe('problem');
      expect(orphan.cause.en).toContain(`bound to claim ${ns}/orphaner, which no longer exists`);
      expect(due.severity).toBe('expected-wait');
      expect(due.cause.en).toBe('Volume dx-due-pv fits this claim; the PV controller binds it on its next pass.');
      expect(ephemeral.severity).toBe('expected-wait');
      expect(ephemeral.cause.en).toContain('creating claim scratch-user-scratch');
    });

    // Running again: the volume is released (Retain keeps it), the claim binds, the ephemeral claim is created.
    const released = await live.waitFor(volumeRef('dx-orphan-pv'), 'volume.released-retain', 30_000);
    expect(released.fix.some((s) => s.command === `kubectl patch pv dx-orphan-pv --type merge -p '{"spec":{"claimRef":{"uid":null,"resourceVersion":null}}}'`)).toBe(true);
    await until('the due claim bound', () => live.store.get('persistentvolumeclaims', 'due', ns)?.status?.phase === 'Bound', 30_000);
    expect(live.findingsOf(claimRef(ns, 'due'))).toEqual([]);
    await live.waitGone(podRef(ns, 'scratch-user'), 'pod.ephemeral-claim-pending', 30_000);
  }, 90_000);

  it('a claim that lost its volume', async () => {
    const ns = await namespace(lab, 'dx-lost');
    await apply(lab, staticClass('dx-lost'), volume('dx-lost-pv', { className: 'dx-lost' }), claim(ns, 'loser', { className: 'dx-lost' }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'loser', ns)?.status?.phase === 'Bound');
    await admin().delete('/api/v1/persistentvolumes/dx-lost-pv');
    await admin().mergePatch('/api/v1/persistentvolumes/dx-lost-pv', { metadata: { finalizers: null } });
    const ref = claimRef(ns, 'loser');
    const f = await live.waitFor(ref, 'claim.lost');
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toBe('The claim was bound to volume dx-lost-pv, which no longer exists: the data on it is lost to this claim.');
    const event = await until('the ClaimLost event as evidence', () => live.finding(ref, 'claim.lost')?.evidence.find((e) => e.event === 'ClaimLost'));
    expect(event.value).toContain('Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    expect(live.store.get('persistentvolumeclaims', 'loser', ns)?.status?.phase).toBe('Lost');
    expectCacheAgrees(live, ref);
  });
});

describe('expansion', () => {
  it('a bigger request that nothing expands (the in-tree host-path plugin cannot): the claim says it waits for a resizer', async () => {
    const ns = await namespace(lab, 'dx-expansion');
    await apply(lab, { ...hostPathClass('dx-growable', false), allowVolumeExpansion: true }, claim(ns, 'grow-me', { className: 'dx-growable', size: '1Gi' }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'grow-me', ns)?.status?.phase === 'Bound', 30_000);
    await admin().mergePatch(`/api/v1/namespaces/${ns}/persistentvolumeclaims/grow-me`, { spec: { resources: { requests: { storage: '2Gi' } } } });
    const ref = claimRef(ns, 'grow-me');
    const f = await live.waitFor(ref, 'claim.resizing');
    expect(f.severity).toBe('expected-wait');
    expect(f.cause.en).toBe("The claim asks for 2Gi, its volume has 1Gi: the expansion waits for the volume's resizer, which has not reported progress yet.");
    // kube-controller-manager's expand controller hands it to "an external controller" that the lab does not have.
    const event = await until('the ExternalExpanding event as evidence', () => live.finding(ref, 'claim.resizing')?.evidence.find((e) => e.event === 'ExternalExpanding'));
    expect(event.value).toBe('waiting for an external controller to expand this PVC');
    // The API server refuses to take the request back to the current capacity, as the fix steps say.
    const back = await admin().raw('PATCH', `/api/v1/namespaces/${ns}/persistentvolumeclaims/grow-me`, { spec: { resources: { requests: { storage: '1Gi' } } } }, 'application/merge-patch+json');
    expect(back.status).toBe(422);
    expect(back.text).toContain('field can not be less than status.capacity');
  });
});

describe('a bound volume handed to another claim by hand', () => {
  it('the claim that had it is misbound (and Lost), the other one gets it', async () => {
    const ns = await namespace(lab, 'dx-misbound');
    await apply(lab, staticClass('dx-misbound'), volume('dx-mis-pv', { className: 'dx-misbound' }), claim(ns, 'first', { className: 'dx-misbound' }));
    await until('the first claim bound', () => live.store.get('persistentvolumeclaims', 'first', ns)?.status?.phase === 'Bound');
    await apply(lab, claim(ns, 'second', { className: 'dx-misbound' }));
    const second = await until('the second claim seen', () => live.store.get('persistentvolumeclaims', 'second', ns));
    // What an admin does with "kubectl patch pv" to give a volume to another claim while it is still bound.
    await admin().mergePatch('/api/v1/persistentvolumes/dx-mis-pv', { spec: { claimRef: { namespace: ns, name: 'second', uid: second.metadata?.uid, resourceVersion: null } } });
    // The PV controller notices on its next periodic pass over the first claim (15 s by default).
    const ref = claimRef(ns, 'first');
    const f = await live.waitFor(ref, 'claim.misbound', 40_000);
    expect(f.severity).toBe('problem');
    expect(f.cause.en).toBe(
      `The claim points at volume dx-mis-pv, but that volume is bound to another claim (${ns}/second, uid ${second.metadata?.uid}); this claim is bound incorrectly and becomes Lost.`,
    );
    const event = await until('the ClaimMisbound event as evidence', () => live.finding(ref, 'claim.misbound')?.evidence.find((e) => e.event === 'ClaimMisbound'));
    expect(event.value).toBe('Two claims are bound to the same volume, this one is bound incorrectly');
    await until('the second claim bound', () => live.store.get('persistentvolumeclaims', 'second', ns)?.status?.phase === 'Bound', 30_000);
    expect(live.findingsOf(claimRef(ns, 'second'))).toEqual([]);
  }, 90_000);
});
