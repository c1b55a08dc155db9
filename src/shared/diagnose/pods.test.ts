import { describe, expect, it } from 'vitest';
import type { Pod } from '../kube/objects';
import { fixtureView, type FixtureObjects, type FixtureOptions } from './testing/fixture-view';
import { boundClaim, boundVolume, csiNode, eventAbout, manualClaim, minutesAgo, runningPod, taskPod } from './testing/fixtures';
import { diagnoseObject } from './index';
import { isSensitiveHostPath } from './pods-volumes';
import { plainText } from '../verbatim';

const diagnose = (objects: FixtureObjects, pod: Pod, options: FixtureOptions = {}) =>
  diagnoseObject(fixtureView(objects, options), { kind: 'pods', name: pod.metadata!.name!, namespace: pod.metadata!.namespace! });
const codes = (objects: FixtureObjects, pod: Pod) => diagnose(objects, pod).map((f) => f.code);
const pendingOnNode = (pod: Pod): Pod => ({ ...pod, spec: { ...pod.spec, nodeName: 'node-1' }, status: { phase: 'Pending' } });

describe('pod volumes from the spec', () => {
  it('a claim that does not exist', () => {
    const [f] = diagnose({ pods: [taskPod] }, taskPod);
    expect(f?.code).toBe('pod.claim-missing');
    expect(f?.evidence[0]?.ref).toEqual({ kind: 'persistentvolumeclaims', name: 'task-pv-claim', namespace: 'default' });
  });

  it('an ephemeral volume whose claim is still being created', () => {
    const pod: Pod = { ...taskPod, metadata: { ...taskPod.metadata, creationTimestamp: minutesAgo(0.5) }, spec: { ...taskPod.spec, volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } }] } };
    expect(diagnose({ pods: [pod] }, pod)[0]).toMatchObject({ code: 'pod.ephemeral-claim-pending', severity: 'expected-wait' });
  });

  it('waits for a Pending claim', () => {
    expect(codes({ pods: [taskPod], persistentvolumeclaims: [manualClaim] }, taskPod)).toEqual(['pod.claim-pending']);
  });

  it('a ReadWriteOnce claim in use on another node, reported on the pod that cannot start', () => {
    const waiting: Pod = { ...runningPod, metadata: { ...runningPod.metadata, name: 'db-1', uid: 'db-1' }, spec: { ...runningPod.spec, nodeName: 'node-2' }, status: { phase: 'Pending' } };
    const csinodes = [csiNode('node-1', ['hostpath.csi.k8s.io']), csiNode('node-2', ['hostpath.csi.k8s.io'])];
    const objects = { pods: [runningPod, waiting], persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], csinodes };
    expect(codes(objects, waiting)).toEqual(['pod.rwo-claim-other-node']);
    expect(codes(objects, runningPod)).toEqual([]);
  });

  it('a CSI volume on a node where the driver is not registered', () => {
    const pod: Pod = { ...runningPod, status: { phase: 'Pending' } };
    const objects = { pods: [pod], persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], csinodes: [csiNode('node-1', []), csiNode('node-2', ['hostpath.csi.k8s.io'])] };
    const [f] = diagnose(objects, pod);
    expect(f?.code).toBe('pod.csi-driver-missing-on-node');
    expect(plainText(f?.cause.en ?? '')).toContain('it is on 1 node elsewhere');
    expect(f?.fix[0]?.command).toBe('kubectl get pods -A --field-selector spec.nodeName=node-1');
    expect(codes({ ...objects, csinodes: [csiNode('node-1', ['hostpath.csi.k8s.io'])] }, pod)).toEqual([]);
    const inline: Pod = { ...pod, spec: { ...pod.spec, volumes: [{ name: 'secrets-store', csi: { driver: 'secrets-store.csi.k8s.io' } }] } };
    expect(codes({ pods: [inline], csinodes: [csiNode('node-1', ['hostpath.csi.k8s.io'])] }, inline)).toEqual(['pod.csi-driver-missing-on-node']);
  });

  it('hostPath: info for data paths, a warning for the node itself', () => {
    const pod = (path: string): Pod => ({ ...runningPod, spec: { ...runningPod.spec, volumes: [{ name: 'host', hostPath: { path, type: 'Directory' } }], containers: [{ name: 'c', volumeMounts: [{ name: 'host', mountPath: '/host' }] }] } });
    expect(diagnose({ pods: [pod('/mnt/data')] }, pod('/mnt/data'))[0]).toMatchObject({ code: 'pod.hostpath', severity: 'info', lesson: 'hostpath' });
    const [sock] = diagnose({ pods: [pod('/var/run/docker.sock')] }, pod('/var/run/docker.sock'));
    expect(sock).toMatchObject({ code: 'pod.hostpath-sensitive', severity: 'warning' });
    expect(sock?.cause.en).toContain('writable');
    expect(['/', '/etc/', '/var/lib/kubelet/pods', '/run/containerd/containerd.sock'].every(isSensitiveHostPath)).toBe(true);
    expect(['/mnt/data', '/data', '/etcetera', '/var/log/app'].some(isSensitiveHostPath)).toBe(false);
  });

  it('emptyDir: info; in memory without any limit: a warning', () => {
    const pod = (emptyDir: { medium?: string; sizeLimit?: string }, limit?: string): Pod => ({
      ...runningPod,
      spec: { ...runningPod.spec, volumes: [{ name: 'cache', emptyDir }], containers: [{ name: 'c', resources: limit ? { limits: { memory: limit } } : {}, volumeMounts: [{ name: 'cache', mountPath: '/cache' }] }] },
    });
    expect(diagnose({ pods: [pod({})] }, pod({}))[0]).toMatchObject({ code: 'pod.emptydir', severity: 'info' });
    expect(diagnose({ pods: [pod({ medium: 'Memory' })] }, pod({ medium: 'Memory' }))[0]).toMatchObject({ code: 'pod.emptydir-memory', severity: 'warning' });
    const limited = pod({ medium: 'Memory', sizeLimit: '64Mi' }, '256Mi');
    expect(diagnose({ pods: [limited] }, limited)[0]).toMatchObject({ code: 'pod.emptydir-memory', severity: 'info' });
  });
});

describe('pods held back by volumes (scheduler and kubelet reports)', () => {
  it('unschedulable because of volumes: quotes the scheduler message', () => {
    const message = '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    const pod: Pod = { ...taskPod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }] } };
    const found = diagnose({ pods: [pod], persistentvolumeclaims: [manualClaim] }, pod);
    expect(found.map((f) => f.code)).toEqual(['pod.unschedulable-volumes']);
    expect(found[0]?.cause.en).toContain('unbound immediate PersistentVolumeClaims');
  });

  it('unschedulable for other reasons is not a volume finding', () => {
    const pod: Pod = { ...taskPod, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.' }] } };
    expect(codes({ pods: [pod], persistentvolumeclaims: [manualClaim] }, pod)).toEqual(['pod.claim-pending']);
  });

  it('a missing ConfigMap and Secret, from the kubelet FailedMount text, where the user may not read them', () => {
    const pod = pendingOnNode({ ...runningPod, spec: { ...runningPod.spec, volumes: [] } });
    const events = [
      eventAbout(pod, 'FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found', { type: 'Warning', component: 'kubelet', count: 7 }),
      eventAbout(pod, 'FailedMount', 'MountVolume.SetUp failed for volume "tls" : secret "app-tls" not found', { type: 'Warning', component: 'kubelet', minutesAgo: 2 }),
    ];
    const found = diagnose({ pods: [pod], events }, pod, { states: { configmaps: 'forbidden', secrets: 'forbidden' } });
    expect(found.map((f) => f.code).sort()).toEqual(['pod.configmap-missing', 'pod.secret-missing']);
    // Where they can be read, the objects decide: both exist now, so the lingering events say nothing.
    const exist = { configmaps: [{ metadata: { name: 'app-config', namespace: 'shop' } }], secrets: [{ metadata: { name: 'app-tls', namespace: 'shop' } }] };
    expect(codes({ pods: [pod], events, ...exist }, pod)).toEqual([]);
    expect(found.find((f) => f.code === 'pod.configmap-missing')?.fix[0]?.command).toBe('kubectl get configmap -n shop');
    expect(found.find((f) => f.code === 'pod.configmap-missing')?.evidence[0]?.label.en).toContain('×7');
  });

  // The attach/detach controller's text for a volume held by another node: "Multi-Attach error" up to 1.36,
  // "Waiting for detach" from 1.37 (kubernetes/kubernetes#138837, also backported to 1.35 and 1.36 patches), in the
  // two forms of pkg/controller/volume/attachdetach/reconciler/reconciler.go reportMultiAttachError.
  it.each([
    ['before 1.37, pods named', 'Multi-Attach error for volume "pvc-db-uid" Volume is already used by pod(s) db-0'],
    ["before 1.37, no pod left", 'Multi-Attach error for volume "pvc-db-uid" Volume is already exclusively attached to one node and can\'t be attached to another'],
    ['from 1.37, pods named', 'Waiting for detach for volume "pvc-db-uid" Volume is already used by pod(s) db-0'],
    ['from 1.37, no pod left', 'Waiting for detach for volume "pvc-db-uid" Volume is already exclusively attached to one node, waiting on detach before it can be attached to another node'],
  ])('a volume attached to another node (%s) is a multi-attach finding, not a generic attach failure', (_, message) => {
    const pod = pendingOnNode({ ...runningPod, spec: { ...runningPod.spec, volumes: [] } });
    const events = [eventAbout(pod, 'FailedAttachVolume', message, { type: 'Warning', component: 'attachdetach-controller' })];
    const found = diagnose({ pods: [pod], events }, pod);
    expect(found.map((f) => f.code)).toEqual(['pod.multi-attach']);
    expect(found[0]?.cause.en).toContain('still attached to another node');
    expect(found[0]?.cause.en).toContain(message);
  });

  it('attach and mount failures of other kinds', () => {
    const pod = pendingOnNode({ ...runningPod, spec: { ...runningPod.spec, volumes: [] } });
    const events = [
      eventAbout(pod, 'FailedAttachVolume', 'AttachVolume.Attach failed for volume "pvc-db-uid" : timed out waiting for external-attacher of hostpath.csi.k8s.io CSI driver to attach volume vol-1', { type: 'Warning', component: 'attachdetach-controller' }),
      eventAbout(pod, 'FailedMount', 'Unable to attach or mount volumes: unmounted volumes=[data], unattached volumes=[data], failed to process volumes=[data]: error processing PVC default/data: PVC is not bound', { type: 'Warning', component: 'kubelet' }),
    ];
    expect(codes({ pods: [pod], events }, pod).sort()).toEqual(['pod.attach-failed', 'pod.mount-failed']);
  });

  // Events linger for an hour: a failure the attach/detach controller later overcame is not a finding any more.
  describe('an attach that failed and then succeeded', () => {
    const pod = pendingOnNode({ ...runningPod, spec: { ...runningPod.spec, volumes: [] } });
    const failed = 'AttachVolume.Attach failed for volume "pvc-db-uid" : rpc error: code = Internal desc = backend busy';
    const attachment = (attached: boolean, nodeName = 'node-1') => ({
      apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: `csi-${nodeName}`, uid: `va-${nodeName}` },
      spec: { attacher: 'example.com/csi', nodeName, source: { persistentVolumeName: 'pvc-db-uid' } },
      status: { attached },
    });

    it('a later SuccessfulAttachVolume for that volume settles it', () => {
      const events = [
        eventAbout(pod, 'FailedAttachVolume', failed, { type: 'Warning', minutesAgo: 3, component: 'attachdetach-controller' }),
        eventAbout(pod, 'SuccessfulAttachVolume', 'AttachVolume.Attach succeeded for volume "pvc-db-uid"', { minutesAgo: 1, component: 'attachdetach-controller' }),
      ];
      expect(codes({ pods: [pod], events }, pod)).toEqual([]);
    });

    it('a volume that waited for detach elsewhere and then attached here is settled too', () => {
      const events = [
        eventAbout(pod, 'FailedAttachVolume', 'Waiting for detach for volume "pvc-db-uid" Volume is already used by pod(s) db-0', { type: 'Warning', minutesAgo: 4, component: 'attachdetach-controller' }),
      ];
      expect(codes({ pods: [pod], events }, pod)).toEqual(['pod.multi-attach']);
      expect(codes({ pods: [pod], events, volumeattachments: [attachment(true)] }, pod)).toEqual([]);
    });

    it('its VolumeAttachment to the pod\'s node saying attached settles it', () => {
      const events = [eventAbout(pod, 'FailedAttachVolume', failed, { type: 'Warning', minutesAgo: 1, component: 'attachdetach-controller' })];
      expect(codes({ pods: [pod], events, volumeattachments: [attachment(true)] }, pod)).toEqual([]);
    });

    it('still a finding when the success is older than the failure, for another volume, or attached elsewhere', () => {
      const older = [
        eventAbout(pod, 'SuccessfulAttachVolume', 'AttachVolume.Attach succeeded for volume "pvc-db-uid"', { minutesAgo: 5, component: 'attachdetach-controller' }),
        eventAbout(pod, 'FailedAttachVolume', failed, { type: 'Warning', minutesAgo: 1, component: 'attachdetach-controller' }),
      ];
      expect(codes({ pods: [pod], events: older }, pod)).toEqual(['pod.attach-failed']);
      const otherVolume = [
        eventAbout(pod, 'FailedAttachVolume', failed, { type: 'Warning', minutesAgo: 3, component: 'attachdetach-controller' }),
        eventAbout(pod, 'SuccessfulAttachVolume', 'AttachVolume.Attach succeeded for volume "pvc-other"', { minutesAgo: 1, component: 'attachdetach-controller' }),
      ];
      expect(codes({ pods: [pod], events: otherVolume }, pod)).toEqual(['pod.attach-failed']);
      const events = [eventAbout(pod, 'FailedAttachVolume', failed, { type: 'Warning', minutesAgo: 1, component: 'attachdetach-controller' })];
      expect(codes({ pods: [pod], events, volumeattachments: [attachment(true, 'node-2'), attachment(false)] }, pod)).toEqual(['pod.attach-failed']);
    });
  });

  it('old mount events of a running pod are ignored', () => {
    const events = [eventAbout(runningPod, 'FailedMount', 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found', { minutesAgo: 5 })];
    expect(codes({ pods: [runningPod], persistentvolumeclaims: [boundClaim], persistentvolumes: [boundVolume], events }, runningPod)).toEqual([]);
  });
});

describe('init containers', () => {
  const initPod = (statuses: NonNullable<Pod['status']>['initContainerStatuses'], restartPolicy?: string): Pod => ({
    ...runningPod,
    spec: {
      ...runningPod.spec,
      volumes: [],
      restartPolicy,
      initContainers: [
        { name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nslookup db; do sleep 2; done'] },
        { name: 'migrate', image: 'app:1', command: ['./migrate'] },
        { name: 'log-shipper', image: 'fluent-bit', restartPolicy: 'Always' },
      ],
    },
    status: { phase: 'Pending', initContainerStatuses: statuses },
  });
  const done = (name: string) => ({ name, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });

  it('crash-looping: which one, restarts and its last message', () => {
    const pod = initPod([
      done('wait-db'),
      { name: 'migrate', restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=migrate' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', message: 'relation "users" already exists' } } },
      { name: 'log-shipper', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
    ]);
    const [f] = diagnose({ pods: [pod] }, pod);
    expect(f?.code).toBe('pod.init-crashloop');
    expect(f?.cause.en).toContain('migrate (2/3)');
    expect(f?.cause.en).toContain('4 restarts');
    expect(f?.evidence.map((e) => e.value)).toContain('exit 1 Error: relation "users" already exists');
    expect(f?.fix[0]?.command).toBe('kubectl logs db-0 -n shop -c migrate --previous');
  });

  it('failed for good with restartPolicy Never', () => {
    const pod = initPod([done('wait-db'), { name: 'migrate', state: { terminated: { exitCode: 2, reason: 'Error' } } }], 'Never');
    expect(diagnose({ pods: [pod] }, pod)[0]?.cause.en).toContain('the pod has failed');
    expect(diagnose({ pods: [pod] }, pod)[0]?.code).toBe('pod.init-failed');
  });

  it('cannot start: image pull errors', () => {
    const pod = initPod([{ name: 'wait-db', state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "busybox:1.36"' } } }]);
    expect(codes({ pods: [pod] }, pod)).toEqual(['pod.init-waiting']);
  });

  it('stuck: running for long; a running native sidecar is normal', () => {
    const stuck = initPod([{ name: 'wait-db', state: { running: { startedAt: minutesAgo(25) } } }]);
    expect(diagnose({ pods: [stuck] }, stuck)[0]).toMatchObject({ code: 'pod.init-stuck', severity: 'warning' });
    const sidecar = initPod([done('wait-db'), done('migrate'), { name: 'log-shipper', started: true, state: { running: { startedAt: minutesAgo(60) } } }]);
    expect(codes({ pods: [sidecar] }, sidecar)).toEqual([]);
  });
});
