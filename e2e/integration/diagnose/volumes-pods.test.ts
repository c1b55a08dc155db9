/**
 * Default classes, PersistentVolumes and pods, diagnosed by the app on the real lab through its pipeline (live
 * context -> reflectors -> ClusterStore -> listFindings). One lab for the file, not seeded: it starts with no
 * StorageClass at all, which the "no default class" scenario needs. Each scenario has its own namespace.
 *
 * How the lab is made to show what a kubelet or a stopped controller would:
 * - kube-controller-manager is paused (SIGSTOP, a few seconds, under its 10 s leader-renew deadline) to see
 *   states the PV and ephemeral-volume controllers resolve in milliseconds: a volume bound to a deleted claim,
 *   a claim whose fitting volume is not bound yet, a pod whose ephemeral claim is not created yet.
 * - The lab has no kubelet (kwok and the lab's init driver only report success). For init containers that
 *   fail, crash-loop, cannot pull their image or hang, the test creates a Node that nothing manages and writes
 *   the pod status a kubelet would write, through the status subresource, as kwok does for its nodes.
 *
 * Attach failures (pod.attach-failed, pod.multi-attach, volume.attach-error) are made on the lab's CSI stack in
 * csi.test.ts.
 *
 * Not producible here, covered by the fixture-based unit tests in src/shared/diagnose instead:
 * - pod.mount-failed: it is read from the kubelet's FailedMount events, and the lab has no kubelet: kwok mounts
 *   nothing and the CSI driver's Node service (NodeStage, NodePublish) is never called, so nothing emits them.
 *   (A missing ConfigMap or Secret is decided from the objects, and asserted in references.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import {
  apply,
  claimRef,
  classRef,
  codes,
  evidenceLines,
  expectCacheAgrees,
  type LiveCluster,
  namespace,
  openLive,
  paused,
  podRef,
  until,
  volumeRef,
} from './live';
import { claim, pod, staticClass, volume } from './manifests';

let lab: Lab;
let live: LiveCluster;
const KUBELETLESS_NODE = 'dx-kubeletless';
/** The default class the several-defaults finding says Kubernetes picks (checked against what it really picks). */
let pickedDefault = '';

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, log: () => undefined });
  live = await openLive(lab);
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
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

describe('pods', () => {
  beforeAll(async () => {
    // A node no kubelet stand-in manages: its pods stay Pending, and the test writes their status.
    await apply(lab, { apiVersion: 'v1', kind: 'Node', metadata: { name: KUBELETLESS_NODE, labels: { 'kubernetes.io/hostname': KUBELETLESS_NODE } } });
  });

  /** Writes a pod's status as a kubelet would (merge patch of the status subresource). */
  async function kubeletReports(ns: string, name: string, status: Record<string, unknown>): Promise<void> {
    await admin().mergePatch(`/api/v1/namespaces/${ns}/pods/${name}/status`, { status });
  }

  const migrate = { name: 'migrate', image: 'registry.example.com/migrate:v9', command: ['/migrate', '--up'] };
  const initPod = (ns: string, name: string, restartPolicy = 'Always') => {
    const p = pod(ns, name, { nodeName: KUBELETLESS_NODE, tolerateAll: true, initContainers: [migrate, { name: 'seed', image: 'registry.example.com/seed:v1' }] });
    p.spec.restartPolicy = restartPolicy;
    return p;
  };

  it('a ReadWriteOnce claim used on two nodes, and a pod on a third that cannot start', async () => {
    const ns = await namespace(lab, 'dx-rwo');
    await apply(lab, staticClass('dx-rwo'), volume('dx-rwo-pv', { className: 'dx-rwo' }), claim(ns, 'shared', { className: 'dx-rwo' }));
    await until('the claim bound', () => live.store.get('persistentvolumeclaims', 'shared', ns)?.status?.phase === 'Bound');
    await apply(lab, pod(ns, 'on-a1', { claims: ['shared'], nodeName: 'lab-node-a1' }), pod(ns, 'on-b1', { claims: ['shared'], nodeName: 'lab-node-b1' }));
    await until('both pods running', () => ['on-a1', 'on-b1'].every((n) => live.store.get('pods', n, ns)?.status?.phase === 'Running'), 30_000);
    const f = await live.waitFor(claimRef(ns, 'shared'), 'claim.rwo-multi-node');
    expect(f.cause.en).toBe('The claim is ReadWriteOnce, yet pods on 2 nodes use it: the volume attaches to one node, pods elsewhere cannot mount it.');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Pod and node: on-a1 @ lab-node-a1', 'Pod and node: on-b1 @ lab-node-b1']));

    await apply(lab, pod(ns, 'late', { claims: ['shared'], nodeName: KUBELETLESS_NODE, tolerateAll: true }));
    const other = await live.waitFor(podRef(ns, 'late'), 'pod.rwo-claim-other-node');
    expect(other.cause.en).toMatch(new RegExp(`^Claim shared is ReadWriteOnce and pod on-(a1|b1) uses it on node lab-node-(a1|b1); this pod is on ${KUBELETLESS_NODE}`));
  });

  it('init containers: crash-looping, failed, unable to start, running too long', async () => {
    const ns = await namespace(lab, 'dx-init');
    await apply(lab, initPod(ns, 'crashing'), initPod(ns, 'failed', 'Never'), initPod(ns, 'no-image'), initPod(ns, 'hanging'));
    const waitingSeed = { name: 'seed', image: 'registry.example.com/seed:v1', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'PodInitializing' } } };
    const base = { name: 'migrate', image: migrate.image, imageID: '', ready: false, started: false };
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await kubeletReports(ns, 'crashing', {
      phase: 'Pending',
      initContainerStatuses: [
        { ...base, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=migrate' } }, lastState: { terminated: { exitCode: 3, reason: 'Error', message: 'relation "users" already exists', startedAt: minutesAgo(1), finishedAt: minutesAgo(1) } } },
        waitingSeed,
      ],
    });
    await kubeletReports(ns, 'failed', {
      phase: 'Failed',
      initContainerStatuses: [{ ...base, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error', message: 'cannot reach db:5432', startedAt: minutesAgo(2), finishedAt: minutesAgo(2) } } }, waitingSeed],
    });
    await kubeletReports(ns, 'no-image', {
      phase: 'Pending',
      initContainerStatuses: [{ ...base, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "registry.example.com/migrate:v9"' } } }, waitingSeed],
    });
    await kubeletReports(ns, 'hanging', {
      phase: 'Pending',
      initContainerStatuses: [{ ...base, started: true, restartCount: 0, state: { running: { startedAt: minutesAgo(15) } } }, waitingSeed],
    });

    const crash = await live.waitFor(podRef(ns, 'crashing'), 'pod.init-crashloop');
    expect(crash.cause.en).toBe('Init container migrate (1/2) keeps failing (5 restarts, last exit code 3 Error); the containers after it and the app wait.');
    expect(evidenceLines(crash)).toEqual(expect.arrayContaining(['Last run: exit 3 Error: relation "users" already exists', 'Command: /migrate --up']));
    expect(crash.fix[0]?.command).toBe(`kubectl logs crashing -n ${ns} -c migrate --previous`);

    const failed = await live.waitFor(podRef(ns, 'failed'), 'pod.init-failed');
    expect(failed.cause.en).toBe('Init container migrate (1/2) failed with exit code 1 (Error), and the pod does not restart it: the pod has failed.');
    expect(evidenceLines(failed)).toContain('Last message: cannot reach db:5432');

    const noImage = await live.waitFor(podRef(ns, 'no-image'), 'pod.init-waiting');
    expect(noImage.cause.en).toBe('Init container migrate (1/2) cannot start: ImagePullBackOff — Back-off pulling image "registry.example.com/migrate:v9"');

    const hanging = await live.waitFor(podRef(ns, 'hanging'), 'pod.init-stuck');
    expect(hanging.severity).toBe('warning');
    expect(hanging.cause.en).toMatch(/^Init container migrate \(1\/2\) has been running for 1[45] min/);
    for (const name of ['crashing', 'failed', 'no-image', 'hanging']) expectCacheAgrees(live, podRef(ns, name));
  });

  it('init containers progressing one by one (the lab init driver): no finding while they run nor after', async () => {
    const ns = await namespace(lab, 'dx-init-progress');
    const p = pod(ns, 'stepping', {
      labels: { 'lab.kse.dev/init-driver': 'true' },
      annotations: { 'lab.kse.dev/init-step-seconds': '2' },
      initContainers: [{ name: 'one', image: 'busybox:1.37' }, { name: 'two', image: 'busybox:1.37' }],
    });
    await apply(lab, p);
    const ref = podRef(ns, 'stepping');
    await until('an init container running', () => live.store.get('pods', 'stepping', ns)?.status?.initContainerStatuses?.some((s) => s.state?.running));
    expect(codes(live.findingsOf(ref)).filter((c) => c.startsWith('pod.init'))).toEqual([]);
    await until('the pod running', () => live.store.get('pods', 'stepping', ns)?.status?.phase === 'Running', 30_000);
    expect(codes(live.findingsOf(ref)).filter((c) => c.startsWith('pod.init'))).toEqual([]);
  });

  it('a CSI volume on a node where its driver is not registered', async () => {
    const ns = await namespace(lab, 'dx-csi-node');
    await apply(
      lab,
      pod(ns, 'inline-csi', {
        nodeName: KUBELETLESS_NODE,
        tolerateAll: true,
        volumes: [{ name: 'cache', csi: { driver: 'hostpath.lab.kse.dev' } }],
        mounts: [{ name: 'cache', mountPath: '/cache' }],
      }),
    );
    const f = await live.waitFor(podRef(ns, 'inline-csi'), 'pod.csi-driver-missing-on-node');
    expect(f.cause.en).toBe(`Volume cache needs CSI driver hostpath.lab.kse.dev, which is not registered on node ${KUBELETLESS_NODE} (it is on 3 nodes elsewhere): the kubelet cannot mount it there.`);
    expect(evidenceLines(f)).toContain('CSINode drivers: no CSINode object');
  });

  it('hostPath and emptyDir explained', async () => {
    const ns = await namespace(lab, 'dx-pod-volumes');
    await apply(
      lab,
      pod(ns, 'local-data', {
        volumes: [
          { name: 'logs', hostPath: { path: '/var/log/app', type: 'DirectoryOrCreate' } },
          { name: 'host-etc', hostPath: { path: '/etc' } },
          { name: 'cache', emptyDir: { sizeLimit: '500Mi' } },
          { name: 'ram', emptyDir: { medium: 'Memory' } },
          { name: 'ram-limited', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        ],
        mounts: [
          { name: 'logs', mountPath: '/logs' },
          { name: 'host-etc', mountPath: '/host/etc', readOnly: true },
          { name: 'cache', mountPath: '/cache' },
          { name: 'ram', mountPath: '/ram' },
          { name: 'ram-limited', mountPath: '/ram-limited' },
        ],
      }),
    );
    const ref = podRef(ns, 'local-data');
    await until('the pod running', () => live.store.get('pods', 'local-data', ns)?.status?.phase === 'Running', 30_000);
    const node = live.store.get('pods', 'local-data', ns)!.spec!.nodeName!;
    const byKey = (code: string, volumeName: string) => live.findingsOf(ref).find((f) => f.code === code && f.id.endsWith(`#${volumeName}`));
    await live.waitFor(ref, 'pod.hostpath');

    const logs = byKey('pod.hostpath', 'logs')!;
    expect(logs.severity).toBe('info');
    expect(logs.cause.en).toContain(`Volume logs is the directory /var/log/app of node ${node}`);
    expect(evidenceLines(logs)).toEqual(expect.arrayContaining(['Host path: /var/log/app (type DirectoryOrCreate)', 'Mounted by: app: /logs', `Node: ${node}`]));
    const etc = byKey('pod.hostpath-sensitive', 'host-etc')!;
    expect(etc.severity).toBe('warning');
    expect(etc.cause.en).toContain('Volume host-etc mounts /etc of the node: the containers can read the node');
    const cache = byKey('pod.emptydir', 'cache')!;
    expect(cache.severity).toBe('info');
    expect(cache.cause.en).toContain('deleted with the pod; over 500Mi the pod is evicted');
    const ram = byKey('pod.emptydir-memory', 'ram')!;
    expect(ram.severity).toBe('warning');
    expect(ram.cause.en).toContain("with no sizeLimit and no memory limit it can fill the node's memory");
    const ramLimited = byKey('pod.emptydir-memory', 'ram-limited')!;
    expect(ramLimited.severity).toBe('info');
    expect(ramLimited.cause.en).toContain('up to 64Mi');
  });
});
