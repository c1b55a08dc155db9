/**
 * Pods and their volumes, diagnosed by the app on the real lab through its pipeline (live context -> reflectors ->
 * ClusterStore -> listFindings): a ReadWriteOnce claim used on two nodes, init containers, a CSI volume on a node
 * without its driver, hostPath and emptyDir. One lab for the file, not seeded; each scenario has its own namespace.
 *
 * The lab has no kubelet (kwok and the lab's init driver only report success). For init containers that fail,
 * crash-loop, cannot pull their image or hang, the test creates a Node that nothing manages and writes the pod
 * status a kubelet would write, through the status subresource, as kwok does for its nodes.
 *
 * Not producible here, covered by the fixture-based unit tests in src/shared/diagnose instead:
 * - pod.mount-failed: it is read from the kubelet's FailedMount events, and the lab has no kubelet: kwok mounts
 *   nothing and the CSI driver's Node service (NodeStage, NodePublish) is never called, so nothing emits them.
 *   (A missing ConfigMap or Secret is decided from the objects, and asserted in references.test.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../cluster/lab';
import { apply, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, podRef, until, useLab } from './live';
import { claim, pod, staticClass, volume } from './manifests';

let lab: Lab;
let live: LiveCluster;
const KUBELETLESS_NODE = 'dx-kubeletless';

useLab({ seedScenarios: false }, (l, v) => {
  lab = l;
  live = v;
});

const admin = () => lab.client('admin');

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
