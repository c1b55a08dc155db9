/**
 * Attach and expansion findings on the lab's CSI stack (e2e/cluster/csi.ts: the lab's CSI driver with the
 * upstream external-provisioner, external-attacher and external-resizer; kube-controller-manager's attach/detach
 * and expand controllers), read through the app's pipeline (live context -> reflectors -> ClusterStore ->
 * listFindings). One lab for the file, not seeded; each scenario has its own namespace.
 *
 * What makes each state: the driver's settable failure (ControllerPublishVolume, ControllerExpandVolume), a
 * stopped external-resizer, a class whose volumes need the node's expansion step (which only a kubelet takes), and
 * for pods that must stay Pending on their node (the attach findings are read for pods not running yet, and kwok
 * runs every pod on its nodes at once), a Node that nothing manages, registered for the CSI driver as
 * node-driver-registrar would and handed to the attach/detach controller as a kubelet does
 * (volumes.kubernetes.io/controller-managed-attach-detach).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSI_DRIVER_NAME, startLab, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { apply, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, openLive, podRef, until, volumeRef } from './live';
import { claim, pod } from './manifests';

let lab: Lab;
let live: LiveCluster;
const KUBELETLESS_NODE = 'csi-kubeletless';

function csiClass(name: string, parameters: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name },
    provisioner: CSI_DRIVER_NAME, parameters, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true,
  };
}

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, csi: true, log: () => undefined });
  live = await openLive(lab);
  await apply(lab, csiClass('csi-dx'), csiClass('csi-dx-fs', { nodeExpansionRequired: 'true' }), {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: KUBELETLESS_NODE, labels: { 'kubernetes.io/hostname': KUBELETLESS_NODE }, annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
  });
  const node = await lab.client('admin').get(`/api/v1/nodes/${KUBELETLESS_NODE}`);
  await apply(lab, {
    apiVersion: 'storage.k8s.io/v1', kind: 'CSINode',
    metadata: { name: KUBELETLESS_NODE, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: KUBELETLESS_NODE, uid: node.metadata.uid }] },
    spec: { drivers: [{ name: CSI_DRIVER_NAME, nodeID: KUBELETLESS_NODE, topologyKeys: null }] },
  });
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

async function boundVolume(ns: string, name: string): Promise<string> {
  await until(`claim ${ns}/${name} bound`, () => live.store.get('persistentvolumeclaims', name, ns)?.status?.phase === 'Bound', 60_000);
  return live.store.get('persistentvolumeclaims', name, ns)!.spec!.volumeName!;
}

describe('attach', () => {
  it('the driver refuses to attach: the volume shows the attach error, the waiting pod the failed attach', async () => {
    const ns = await namespace(lab, 'csi-attach-error');
    const message = 'lab fault: the storage backend refuses to attach';
    lab.setCsiFault('ControllerPublishVolume', { code: 'Internal', message });
    try {
      await apply(lab, claim(ns, 'data', { className: 'csi-dx' }));
      const pvName = await boundVolume(ns, 'data');
      await apply(lab, pod(ns, 'app', { claims: ['data'], nodeName: KUBELETLESS_NODE, tolerateAll: true }));

      const onVolume = await live.waitFor(volumeRef(pvName), 'volume.attach-error', 60_000);
      expect(onVolume.cause.en).toMatch(new RegExp(`^Attaching the volume to node ${KUBELETLESS_NODE} failed: .*${message}`));
      expect(evidenceLines(onVolume)).toEqual([expect.stringMatching(new RegExp(`^Attach error: .*${message}`))]);
      expect(onVolume.fix.map((s) => s.command)).toContain(`kubectl describe volumeattachment ${live.store.list('volumeattachments').find((a) => a.spec?.source?.persistentVolumeName === pvName)!.metadata!.name}`);

      // kube-controller-manager's attach/detach controller reports the failure on the pod (FailedAttachVolume).
      const onPod = await live.waitFor(podRef(ns, 'app'), 'pod.attach-failed', 60_000);
      expect(onPod.cause.en).toMatch(new RegExp(`^Attaching a volume to node ${KUBELETLESS_NODE} failed: AttachVolume.Attach failed for volume "${pvName}" : rpc error: code = Internal desc = ${message}$`));
      expectCacheAgrees(live, volumeRef(pvName));

      lab.setCsiFault('ControllerPublishVolume', undefined);
      await until('attached once the driver accepts', () => live.store.list('volumeattachments').some((a) => a.spec?.source?.persistentVolumeName === pvName && a.status?.attached), 60_000);
      await live.waitGone(volumeRef(pvName), 'volume.attach-error');
      // The pod is still Pending (no kubelet on its node), and its FailedAttachVolume event lingers for an hour:
      // the attach succeeded after it, so the pod's attach finding goes too.
      await live.waitGone(podRef(ns, 'app'), 'pod.attach-failed');
      expect(live.store.get('pods', 'app', ns)?.status?.phase).toBe('Pending');
    } finally {
      lab.setCsiFault('ControllerPublishVolume', undefined);
    }
  });

  it('a ReadWriteOnce volume attached to one node: a pod on another waits for it to detach', async () => {
    const ns = await namespace(lab, 'csi-multi-attach');
    await apply(lab, claim(ns, 'shared', { className: 'csi-dx' }));
    const pvName = await boundVolume(ns, 'shared');
    await apply(lab, pod(ns, 'first', { claims: ['shared'], nodeName: 'lab-node-a1' }));
    await until('attached to lab-node-a1', () => live.store.list('volumeattachments').some((a) => a.spec?.source?.persistentVolumeName === pvName && a.spec?.nodeName === 'lab-node-a1' && a.status?.attached), 60_000);

    await apply(lab, pod(ns, 'second', { claims: ['shared'], nodeName: KUBELETLESS_NODE, tolerateAll: true }));
    const f = await live.waitFor(podRef(ns, 'second'), 'pod.multi-attach', 60_000);
    expect(f.cause.en).toMatch(new RegExp(`^The volume is still attached to another node, so it cannot be attached to ${KUBELETLESS_NODE}: Waiting for detach for volume "${pvName}" Volume is already used by pod\\(s\\) first$`));
    expect(codes(live.findingsOf(podRef(ns, 'second')))).not.toContain('pod.attach-failed');
  });
});

describe('expansion', () => {
  it('external-resizer not running: the request waits; once it runs, the claim grows and the finding goes', async () => {
    const ns = await namespace(lab, 'csi-resize-waits');
    await apply(lab, claim(ns, 'data', { className: 'csi-dx' }));
    await boundVolume(ns, 'data');
    await lab.stopCsiSidecar('csi-resizer');
    try {
      await apply(lab, claim(ns, 'data', { className: 'csi-dx', size: '2Gi' }));
      const f = await live.waitFor(claimRef(ns, 'data'), 'claim.resizing');
      expect(f.cause.en).toBe('The claim asks for 2Gi, its volume has 1Gi: the expansion waits for the volume\'s resizer, which has not reported progress yet.');
      expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Requested / current size: 2Gi / 1Gi']));
    } finally {
      await lab.startCsiSidecar('csi-resizer');
    }
    await until('2Gi once the resizer runs', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.capacity?.storage === '2Gi', 60_000);
    await live.waitGone(claimRef(ns, 'data'), 'claim.resizing');
    expect(codes(live.findingsOf(claimRef(ns, 'data')))).toEqual([]);
  });

  it('the volume grew but its file system waits for the node (FileSystemResizePending)', async () => {
    const ns = await namespace(lab, 'csi-fs-resize');
    await apply(lab, claim(ns, 'data', { className: 'csi-dx-fs' }));
    await boundVolume(ns, 'data');
    await apply(lab, claim(ns, 'data', { className: 'csi-dx-fs', size: '2Gi' }));
    const f = await live.waitFor(claimRef(ns, 'data'), 'claim.fs-resize-pending', 60_000);
    expect(f.severity).toBe('expected-wait');
    expect(f.cause.en).toBe('The volume was expanded; the file system grows when a pod mounts the claim, and no pod uses it now.');
    expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Requested / current size: 2Gi / 1Gi']));
    expectCacheAgrees(live, claimRef(ns, 'data'));
  });

  it('the driver refuses to expand: resize failed, with the driver\'s message', async () => {
    const ns = await namespace(lab, 'csi-resize-failed');
    await apply(lab, claim(ns, 'data', { className: 'csi-dx' }));
    await boundVolume(ns, 'data');
    const message = 'lab fault: no space left in the storage pool';
    lab.setCsiFault('ControllerExpandVolume', { code: 'Internal', message });
    try {
      await apply(lab, claim(ns, 'data', { className: 'csi-dx', size: '5Gi' }));
      const f = await live.waitFor(claimRef(ns, 'data'), 'claim.resize-failed', 60_000);
      expect(f.cause.en).toMatch(new RegExp(`^Expanding the claim failed: failed to expand pvc with rpc error: code = Internal desc = ${message}$`));
      expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Requested / current size: 5Gi / 1Gi', expect.stringMatching(/^Condition ControllerResizeError: /)]));
    } finally {
      lab.setCsiFault('ControllerExpandVolume', undefined);
    }
  });

  it('an expansion the driver calls infeasible (InvalidArgument): resize failed, ControllerResizeInfeasible', async () => {
    const ns = await namespace(lab, 'csi-resize-infeasible');
    await apply(lab, claim(ns, 'data', { className: 'csi-dx' }));
    await boundVolume(ns, 'data');
    const message = 'lab fault: volumes of this class cannot exceed 4Gi';
    lab.setCsiFault('ControllerExpandVolume', { code: 'InvalidArgument', message });
    try {
      await apply(lab, claim(ns, 'data', { className: 'csi-dx', size: '8Gi' }));
      const f = await live.waitFor(claimRef(ns, 'data'), 'claim.resize-failed', 60_000);
      expect(f.cause.en).toContain(message);
      expect(evidenceLines(f)).toEqual(expect.arrayContaining(['Resize status: ControllerResizeInfeasible']));
    } finally {
      lab.setCsiFault('ControllerExpandVolume', undefined);
    }
  });
});
