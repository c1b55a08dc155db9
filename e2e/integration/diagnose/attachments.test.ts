/**
 * Attachments that do not move, and healthy ones that must not be reported, on the lab's CSI stack
 * (e2e/cluster/csi.ts: the lab's CSI driver with the upstream external-attacher; kube-controller-manager's
 * attach/detach controller creates and deletes the VolumeAttachments), read through the app's pipeline (live
 * context -> reflectors -> ClusterStore -> listFindings and getObject's Summary). One lab for the file, not seeded.
 *
 * What makes each state: a pod on a node using a CSI claim (the attach/detach controller creates the
 * VolumeAttachment); the external-attacher stopped (nothing attaches, nothing detaches); a Node deleted while a
 * volume is attached to it. Pods that must stay Pending on their node go to a Node that nothing manages (kwok runs
 * every pod on its own nodes at once), registered for the CSI driver as node-driver-registrar would and handed to
 * the attach/detach controller as a kubelet does (volumes.kubernetes.io/controller-managed-attach-detach).
 *
 * Time: a stuck attach or detach is one that outlasts ATTACH_SLOW_MS (2 min, kube-controller-manager's own wait).
 * The test does not wait that long: it moves the store's clock (ObjectStore.now, the clock recordings and tests set)
 * forward past the threshold, only ever forward, once the state is there. The attacher is stopped at that moment, so
 * its Lease going stale on the moved clock is also true on the real one.
 *
 * The healthy setups: a volume attached by the external-attacher (no finding, "attached to node X by driver Y" on
 * the pod and the claim), and a CSI volume of a driver whose CSIDriver says attachRequired: false, for which the
 * attach/detach controller makes no VolumeAttachment (the CSIDriver object is the lab's, for a driver name no
 * process serves: the controller reads only the object; the volume is a static PV bound by the PV controller).
 */
import { expect, it } from 'vitest';
import { CSI_DRIVER_NAME, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { ATTACH_SLOW_MS } from '../../../src/shared/diagnose/attachment-facts';
import type { AttachmentView } from '../../../src/shared/model/summary';
import type { ObjectRef } from '../../../src/shared/model/refs';
import { apply, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, podRef, until, useLab, volumeRef } from './live';
import { claim, pod } from './manifests';

let lab: Lab;
let live: LiveCluster;
const STUCK_NODE = 'att-kubeletless';
const DOOMED_NODE = 'att-doomed';
const NO_ATTACH_DRIVER = 'noattach.lab.kse.dev';
const ATTACHER_LEASE = 'external-attacher-leader-csi-lab-kse-dev';

/** A node nothing manages, registered for the CSI driver, whose volumes the attach/detach controller attaches. */
async function kubeletlessNode(name: string): Promise<void> {
  await apply(lab, {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name }, annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
  });
  const node = await lab.client('admin').get(`/api/v1/nodes/${name}`);
  await apply(lab, {
    apiVersion: 'storage.k8s.io/v1', kind: 'CSINode',
    metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }] },
    spec: { drivers: [{ name: CSI_DRIVER_NAME, nodeID: name, topologyKeys: null }] },
  });
}

useLab({ seedScenarios: false, csi: true }, (l, lv) => ((lab = l), (live = lv)), async (l) => {
  lab = l;
  const csiClass: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'csi-att' }, provisioner: CSI_DRIVER_NAME, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' };
  const noAttachDriver: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: NO_ATTACH_DRIVER }, spec: { attachRequired: false, volumeLifecycleModes: ['Persistent'] } };
  await apply(lab, csiClass, noAttachDriver);
  await kubeletlessNode(STUCK_NODE);
  await kubeletlessNode(DOOMED_NODE);
});

/** Moves the store's clock forward (never back: its schedules remember the last time they ran). */
let clockOffsetMs = 0;
function advanceClock(ms: number): void {
  clockOffsetMs += ms;
  const offset = clockOffsetMs;
  live.store.objects.now = () => Date.now() + offset;
}

async function boundVolume(ns: string, name: string): Promise<string> {
  await until(`claim ${ns}/${name} bound`, () => live.store.get('persistentvolumeclaims', name, ns)?.status?.phase === 'Bound', 60_000);
  return live.store.get('persistentvolumeclaims', name, ns)!.spec!.volumeName!;
}

const attachmentOf = (pvName: string, node: string) => live.store.list('volumeattachments').find((a) => a.spec?.source?.persistentVolumeName === pvName && a.spec?.nodeName === node);

/** The attach states the Summary of a claim or a pod shows (getObject, as the details panel reads it). */
function summaryAttachments(ref: ObjectRef): AttachmentView[] | undefined {
  const field = live.store.getObject(ref)?.summary.find((f) => f.id === 'attachment');
  return field?.value.type === 'attachment' ? field.value.attachments : undefined;
}

const ATTACH_CODES = ['volume.attach-stuck', 'volume.detach-stuck', 'volume.attach-error'];

// First: it asserts an attachment young on the store's clock, before any test moves that clock.
it('attach stuck: with the external-attacher stopped the volume waits, the claim and the pod show it; started again, it attaches and the finding goes', async () => {
  const ns = await namespace(lab, 'att-stuck');
  await apply(lab, claim(ns, 'data', { className: 'csi-att' }));
  const pvName = await boundVolume(ns, 'data');
  await lab.stopCsiSidecar('csi-attacher');
  try {
    await apply(lab, pod(ns, 'app', { claims: ['data'], nodeName: STUCK_NODE, tolerateAll: true }));
    const va = await until('the attach/detach controller creates the VolumeAttachment', () => attachmentOf(pvName, STUCK_NODE), 60_000);
    expect(va.spec?.attacher).toBe(CSI_DRIVER_NAME);
    expect(va.status?.attached ?? false).toBe(false);
    // Young: attaching, not stuck.
    expect(live.finding(volumeRef(pvName), 'volume.attach-stuck')).toBeUndefined();
    expect(summaryAttachments(podRef(ns, 'app'))?.map((a) => a.state)).toEqual(['attaching']);

    advanceClock(ATTACH_SLOW_MS + 60_000);
    const f = await live.waitFor(volumeRef(pvName), 'volume.attach-stuck');
    expect(f.cause.en).toMatch(new RegExp(`^The volume has waited \\d+ min to be attached to node ${STUCK_NODE}: the external-attacher of driver ${CSI_DRIVER_NAME.replace(/\./g, '\\.')} has not attached it\\. Its external-attacher's leader Lease was last renewed \\d+ min ago: it is not running\\.$`));
    expect(evidenceLines(f)).toEqual([
      expect.stringMatching(new RegExp(`^VolumeAttachment: ${va.metadata!.name} created \\d+ min ago$`)),
      `Attacher: ${CSI_DRIVER_NAME}`,
      `Node: ${STUCK_NODE}`,
      'Attached: false',
      expect.stringMatching(new RegExp(`^external-attacher Lease: ${ATTACHER_LEASE} was held by .+, renewed \\d+ min ago: not renewed any more$`)),
    ]);
    expect(f.fix.map((s) => s.command)).toEqual([`kubectl describe volumeattachment ${va.metadata!.name}`, `kubectl get lease ${ATTACHER_LEASE} -n lab-system -o yaml`]);
    expectCacheAgrees(live, volumeRef(pvName));
    // The claim and the pod that waits for it say so in their Summary.
    for (const ref of [podRef(ns, 'app'), claimRef(ns, 'data')]) {
      expect(summaryAttachments(ref)?.map((a) => [a.state, a.node, a.driver, a.attachment?.name]), ref.kind).toEqual([['stuck', STUCK_NODE, CSI_DRIVER_NAME, va.metadata!.name]]);
    }
  } finally {
    await lab.startCsiSidecar('csi-attacher');
  }
  await until('attached once the attacher runs', () => attachmentOf(pvName, STUCK_NODE)?.status?.attached, 60_000);
  await live.waitGone(volumeRef(pvName), 'volume.attach-stuck');
  expect(summaryAttachments(podRef(ns, 'app'))?.map((a) => [a.state, a.node, a.driver])).toEqual([['attached', STUCK_NODE, CSI_DRIVER_NAME]]);
});

it('healthy: a volume attached by the external-attacher, and a driver that needs no attachment, are not reported', async () => {
  const ns = await namespace(lab, 'att-healthy');
  await apply(lab, claim(ns, 'data', { className: 'csi-att' }));
  const pvName = await boundVolume(ns, 'data');
  // A CSI volume of a driver whose CSIDriver says attachRequired: false, bound statically.
  await apply(lab, {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'att-noattach-pv' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: '', persistentVolumeReclaimPolicy: 'Retain', csi: { driver: NO_ATTACH_DRIVER, volumeHandle: 'vol-noattach' }, claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name: 'shared' } },
  }, claim(ns, 'shared', { className: '', volumeName: 'att-noattach-pv' }));
  await boundVolume(ns, 'shared');
  await apply(lab, pod(ns, 'app', { claims: ['data', 'shared'], nodeName: 'lab-node-a1' }));

  await until('attached to lab-node-a1', () => attachmentOf(pvName, 'lab-node-a1')?.status?.attached, 60_000);
  // The controller attached the first volume of the pod; for the second it made no VolumeAttachment.
  expect(live.store.list('volumeattachments').filter((a) => a.spec?.source?.persistentVolumeName === 'att-noattach-pv')).toEqual([]);
  expect(attachmentOf(pvName, 'lab-node-a1')?.metadata?.finalizers).toContain('external-attacher/csi-lab-kse-dev');

  await until('the pod shows both volumes\' attach state', () => summaryAttachments(podRef(ns, 'app'))?.length === 2);
  expect(summaryAttachments(podRef(ns, 'app'))!.map((a) => [a.state, a.node, a.driver, a.volume.name])).toEqual([
    ['attached', 'lab-node-a1', CSI_DRIVER_NAME, pvName],
    ['not-required', undefined, NO_ATTACH_DRIVER, 'att-noattach-pv'],
  ]);
  expect(summaryAttachments(claimRef(ns, 'data'))!.map((a) => [a.state, a.node, a.driver])).toEqual([['attached', 'lab-node-a1', CSI_DRIVER_NAME]]);
  expect(summaryAttachments(claimRef(ns, 'shared'))!.map((a) => a.state)).toEqual(['not-required']);

  // Past the stuck threshold, still nothing: an attached volume is not waiting, and no attachment was due.
  advanceClock(ATTACH_SLOW_MS + 60_000);
  for (const ref of [volumeRef(pvName), volumeRef('att-noattach-pv')]) {
    expect(codes(live.findingsOf(ref)).filter((c) => ATTACH_CODES.includes(c)), ref.name).toEqual([]);
    expectCacheAgrees(live, ref);
  }
});

it('detach stuck on a node that no longer exists: still attached, then its detach waiting for the stopped attacher; started again, it detaches', async () => {
  const ns = await namespace(lab, 'att-gone-node');
  await apply(lab, claim(ns, 'data', { className: 'csi-att' }));
  const pvName = await boundVolume(ns, 'data');
  await apply(lab, pod(ns, 'app', { claims: ['data'], nodeName: DOOMED_NODE, tolerateAll: true }));
  const va = await until('attached to the node', () => (attachmentOf(pvName, DOOMED_NODE)?.status?.attached ? attachmentOf(pvName, DOOMED_NODE) : undefined), 60_000);
  const vaName = va.metadata!.name!;
  // kube-controller-manager's own attach has finished too once the node's status lists the volume attached. A node
  // deleted before that leaves the controller assuming the volume mounted there (actual_state_of_world.go AddVolumeNode:
  // "Assume mounted, until proven otherwise"), and it force-detaches only after 6 min.
  await until('the controller reports it attached on the node', async () => ((await lab.client('admin').get(`/api/v1/nodes/${DOOMED_NODE}`)).status?.volumesAttached ?? []).length > 0, 60_000);
  await lab.stopCsiSidecar('csi-attacher');
  try {
    // The node goes while its pod still uses the volume: the controller keeps the volume attached there.
    await lab.client('admin').delete(`/api/v1/nodes/${DOOMED_NODE}`);
    const attached = await live.waitFor(volumeRef(pvName), 'volume.detach-stuck');
    expect(attached.severity).toBe('warning');
    expect(attached.cause.en).toBe(`The volume is still attached to node ${DOOMED_NODE}, which no longer exists, and no detach was asked for: the attach/detach controller detaches it once no pod on that node uses it (the pod garbage collector deletes the pods of a deleted node; a volume it still believes mounted there is detached by force after 6 min). Until then the volume cannot be attached to another node.`);
    expect(evidenceLines(attached)).toEqual(expect.arrayContaining([`Node: ${DOOMED_NODE} does not exist`, 'Attached: true']));
    expect(attached.fix.map((s) => s.command)).toContain(`kubectl get pods -A --field-selector spec.nodeName=${DOOMED_NODE}`);

    // The pod goes too (as the pod garbage collector would delete it): the controller asks to detach by deleting
    // the VolumeAttachment, whose external-attacher finalizer keeps it while nobody detaches.
    await lab.client('admin').delete(`/api/v1/namespaces/${ns}/pods/app?gracePeriodSeconds=0`).catch(() => undefined);
    await until('detach asked for', () => attachmentOf(pvName, DOOMED_NODE)?.metadata?.deletionTimestamp, 60_000);
    advanceClock(ATTACH_SLOW_MS + 60_000);
    const f = await until('the detach asked for is stuck', () => {
      const now = live.finding(volumeRef(pvName), 'volume.detach-stuck');
      return now?.severity === 'problem' ? now : undefined;
    });
    expect(f.cause.en).toMatch(new RegExp(`^The volume should be detached from node ${DOOMED_NODE}, which no longer exists: the VolumeAttachment was deleted \\d+ min ago and stays, because the external-attacher of driver ${CSI_DRIVER_NAME.replace(/\./g, '\\.')} has not confirmed the detach\\. Until then the volume cannot be attached to another node\\.$`));
    expect(evidenceLines(f)).toEqual(expect.arrayContaining([`Node: ${DOOMED_NODE} does not exist`, 'Finalizer: external-attacher/csi-lab-kse-dev', expect.stringMatching(/^Deletion requested: /)]));
    expect(f.fix.map((s) => s.command)).toEqual([
      `kubectl describe volumeattachment ${vaName}`,
      `kubectl get lease ${ATTACHER_LEASE} -n lab-system -o yaml`,
      `kubectl patch volumeattachment ${vaName} --type json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`,
    ]);
    expectCacheAgrees(live, volumeRef(pvName));
    expect(summaryAttachments(claimRef(ns, 'data'))?.map((a) => [a.state, a.node])).toEqual([['detaching', DOOMED_NODE]]);
  } finally {
    await lab.startCsiSidecar('csi-attacher');
  }
  // The attacher detaches with the node ID it kept in the VolumeAttachment (the node's CSINode is gone with it).
  await until('the VolumeAttachment is gone once detached', () => !live.store.get('volumeattachments', vaName), 60_000);
  await live.waitGone(volumeRef(pvName), 'volume.detach-stuck');
  expect(codes(live.findingsOf(volumeRef(pvName))).filter((c) => ATTACH_CODES.includes(c))).toEqual([]);
});
