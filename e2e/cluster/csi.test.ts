/**
 * The lab's CSI controller side: the lab's CSI driver with the upstream external-provisioner, external-attacher,
 * external-resizer, csi-snapshotter and snapshot-controller. The 12-csi scenario is provisioned, attached,
 * expanded, snapshotted and restored for real, its two failing snapshots fail as upstream makes them fail, and
 * stopping a sidecar (or making the driver fail) leaves the state each diagnosis needs: attach stuck, resize
 * pending, snapshot not ready, attach error.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSI_DRIVER_NAME, CSI_LEASES, CSI_NAMESPACE, CSI_SIDECARS, startLab, type Lab } from './lab';
import type { KubeClient, KubeObject } from './kube';
import { claimManifest, podUsingClaim } from './manifests';

let lab: Lab;
let admin: KubeClient;
const NS = 'lab-csi';

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

const pvc = (name: string, ns = NS) => admin.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`);
const snapshot = (name: string, ns = NS) => admin.get(`/apis/snapshot.storage.k8s.io/v1/namespaces/${ns}/volumesnapshots/${name}`);
const attachmentsOf = async (pv: string) =>
  (await admin.list('/apis/storage.k8s.io/v1/volumeattachments')).items.filter((va: KubeObject) => va.spec?.source?.persistentVolumeName === pv);
const boundVolume = async (claim: string, ns = NS) => {
  const c = await waitUntil(`claim ${ns}/${claim} Bound`, async () => ((await pvc(claim, ns)).status?.phase === 'Bound' ? pvc(claim, ns) : undefined));
  return c.spec.volumeName as string;
};
async function events(ns: string, kind: string, name: string): Promise<KubeObject[]> {
  return (await admin.list(`/api/v1/namespaces/${ns}/events`, { fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` })).items;
}
const claim = (name: string, size: string, className = 'lab-csi'): KubeObject => claimManifest(name, { storageClassName: className, namespace: NS, size });
const podUsing = (name: string, claimName: string, nodeName = 'lab-node-a1'): KubeObject => podUsingClaim(name, claimName, { namespace: NS, nodeName });
/** Lets `ms` pass: to show that something does not happen while a component is stopped, after the state that would make it happen. */
const meanwhile = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, csi: true });
  admin = lab.client('admin');
  await lab.seedScenarios(['00-classes', '12-csi']);
});

afterAll(async () => {
  await lab?.stop();
});

describe('CSI controller side', () => {
  test('the driver is registered as a node-driver-registrar would, and each sidecar leads with its Lease', async () => {
    const driver = await admin.get(`/apis/storage.k8s.io/v1/csidrivers/${CSI_DRIVER_NAME}`);
    expect(driver.spec).toMatchObject({ attachRequired: true, volumeLifecycleModes: ['Persistent'] });
    for (const node of ['lab-node-a1', 'lab-node-a2', 'lab-node-b1']) {
      const csiNode = await admin.get(`/apis/storage.k8s.io/v1/csinodes/${node}`);
      expect(csiNode.spec.drivers, node).toEqual(expect.arrayContaining([expect.objectContaining({ name: CSI_DRIVER_NAME, nodeID: node })]));
      expect((await admin.get(`/api/v1/nodes/${node}`)).metadata.annotations['volumes.kubernetes.io/controller-managed-attach-detach']).toBe('true');
    }
    for (const s of CSI_SIDECARS) {
      const lease = await admin.get(`/apis/coordination.k8s.io/v1/namespaces/${CSI_NAMESPACE}/leases/${CSI_LEASES[s]}`);
      expect(lease.spec.holderIdentity, s).toBeTruthy();
    }
    const crds = (await admin.list('/apis/apiextensions.k8s.io/v1/customresourcedefinitions')).items.map((c) => c.metadata.name);
    expect(crds).toEqual(expect.arrayContaining(['volumesnapshots.snapshot.storage.k8s.io', 'volumesnapshotcontents.snapshot.storage.k8s.io', 'volumesnapshotclasses.snapshot.storage.k8s.io']));
  });

  test('12-csi: provisioned by external-provisioner, attached by external-attacher for the pod\'s node', async () => {
    const pvName = await boundVolume('data');
    const pv = await admin.get(`/api/v1/persistentvolumes/${pvName}`);
    expect(pv.spec.csi.driver).toBe(CSI_DRIVER_NAME);
    expect(pv.metadata.annotations['pv.kubernetes.io/provisioned-by']).toBe(CSI_DRIVER_NAME);
    const node = await waitUntil('pod app scheduled', async () => (await admin.get(`/api/v1/namespaces/${NS}/pods/app`)).spec.nodeName);
    const va = await waitUntil('its VolumeAttachment attached', async () => (await attachmentsOf(pvName)).find((a) => a.status?.attached === true));
    expect(va.spec).toMatchObject({ attacher: CSI_DRIVER_NAME, nodeName: node });
    expect(va.status.attachmentMetadata).toMatchObject({ device: expect.stringMatching(/^\/dev\/lab\//) });
  });

  test('12-csi: expanded by external-resizer; with node expansion the claim waits for the file system resize', async () => {
    const grown = await waitUntil('grown reaches 2Gi', async () => {
      const c = await pvc('grown');
      return c.status?.capacity?.storage === '2Gi' ? c : undefined;
    });
    // No resize condition left (Kubernetes 1.37 adds an unrelated "Unused" condition to claims no pod uses).
    expect((grown.status.conditions ?? []).map((c: any) => c.type).filter((t: string) => /Resiz/.test(t))).toEqual([]);
    expect((await admin.get(`/api/v1/persistentvolumes/${grown.spec.volumeName}`)).spec.capacity.storage).toBe('2Gi');

    const fs = await waitUntil('grown-fs FileSystemResizePending', async () => {
      const c = await pvc('grown-fs');
      return c.status?.conditions?.some((x: any) => x.type === 'FileSystemResizePending' && x.status === 'True') ? c : undefined;
    });
    expect(fs.status.capacity.storage).toBe('1Gi');
    expect(fs.status.allocatedResourceStatuses?.storage).toBe('NodeResizePending');
    expect((await admin.get(`/api/v1/persistentvolumes/${fs.spec.volumeName}`)).spec.capacity.storage).toBe('2Gi');
  });

  test('12-csi: a snapshot becomes ready and a claim is restored from it', async () => {
    const snap = await waitUntil('data-snap ready', async () => {
      const s = await snapshot('data-snap');
      return s.status?.readyToUse === true ? s : undefined;
    });
    expect(snap.status.restoreSize).toBe('1Gi');
    const content = await admin.get(`/apis/snapshot.storage.k8s.io/v1/volumesnapshotcontents/${snap.status.boundVolumeSnapshotContentName}`);
    expect(content.spec.driver).toBe(CSI_DRIVER_NAME);
    expect(content.status.snapshotHandle).toMatch(/^snap-/);
    const restored = await pvc('restored');
    await boundVolume('restored');
    expect(restored.spec.dataSource).toMatchObject({ kind: 'VolumeSnapshot', name: 'data-snap' });
  });

  test('12-csi: a snapshot of another driver\'s claim and one naming a missing class fail, saying why', async () => {
    // The claim of the other driver binds a little after the snapshot is created: until then snapshot-controller
    // says "the PVC other-driver is not yet bound to a PV" and retries. The error of the class mismatch comes after.
    const other = await waitUntil('other-driver-snap fails on the other driver', async () => {
      const s = await snapshot('other-driver-snap');
      return s.status?.error?.message?.includes('cannot find CSI PersistentVolumeSource') ? s : undefined;
    });
    expect(other.status.readyToUse).not.toBe(true);
    const missing = await waitUntil('missing-class-snap has an error', async () => {
      const s = await snapshot('missing-class-snap');
      return s.status?.error?.message ? s : undefined;
    });
    // snapshot-controller's texts (the README's table of observed messages quotes them).
    const otherClaimVolume = (await pvc('other-driver')).spec.volumeName;
    expect(other.status.error.message).toBe(`Failed to create snapshot content with error cannot find CSI PersistentVolumeSource for volume ${otherClaimVolume}`);
    expect(missing.status.error.message).toBe('Failed to get snapshot class with error volumesnapshotclass.snapshot.storage.k8s.io "lab-csi-missing" not found');
    const reasons = async (name: string) => (await events(NS, 'VolumeSnapshot', name)).filter((e) => e.type === 'Warning').map((e) => e.reason);
    expect(await reasons('other-driver-snap')).toContain('SnapshotContentCreationFailed');
    expect(await reasons('missing-class-snap')).toContain('GetSnapshotClassFailed');
  });
});

describe('stopping a sidecar stops its work; starting it resumes', () => {
  test('external-attacher stopped: the attachment is created but not attached (attach stuck)', async () => {
    await lab.stopCsiSidecar('csi-attacher');
    await admin.apply(claim('attach-later', '1Gi'));
    const pvName = await boundVolume('attach-later');
    await admin.apply(podUsing('attach-later', 'attach-later', 'lab-node-b1'));
    const va = await waitUntil('the attach/detach controller creates the VolumeAttachment', async () => (await attachmentsOf(pvName))[0]);
    expect(va.spec).toMatchObject({ attacher: CSI_DRIVER_NAME, nodeName: 'lab-node-b1' });
    await meanwhile(5000);
    expect((await attachmentsOf(pvName))[0]?.status?.attached ?? false).toBe(false);

    await lab.startCsiSidecar('csi-attacher');
    await waitUntil('attached once the attacher runs', async () => (await attachmentsOf(pvName))[0]?.status?.attached === true);
  });

  test('the driver refuses to attach: the VolumeAttachment carries the attach error', async () => {
    const message = 'lab fault: the storage backend refuses to attach';
    lab.setCsiFault('ControllerPublishVolume', { code: 'Internal', message });
    try {
      await admin.apply(claim('attach-error', '1Gi'));
      const pvName = await boundVolume('attach-error');
      await admin.apply(podUsing('attach-error', 'attach-error', 'lab-node-a2'));
      const va = await waitUntil('attachError', async () => (await attachmentsOf(pvName)).find((a) => a.status?.attachError));
      expect(va.status.attached).toBe(false);
      expect(va.status.attachError.message).toBe(`rpc error: code = Internal desc = ${message}`);
      lab.setCsiFault('ControllerPublishVolume', undefined);
      await waitUntil('attached once the fault is cleared', async () => (await attachmentsOf(pvName))[0]?.status?.attached === true);
    } finally {
      lab.setCsiFault('ControllerPublishVolume', undefined);
    }
  });

  test('external-resizer stopped: the request waits (resize pending); started, the claim grows', async () => {
    await admin.apply(claim('resize-later', '1Gi'));
    await boundVolume('resize-later');
    await lab.stopCsiSidecar('csi-resizer');
    await admin.apply(claim('resize-later', '3Gi'));
    await waitUntil('ExternalExpanding from kube-controller-manager', async () => (await events(NS, 'PersistentVolumeClaim', 'resize-later')).find((e) => e.reason === 'ExternalExpanding'));
    await meanwhile(5000);
    expect((await pvc('resize-later')).status.capacity.storage).toBe('1Gi');

    await lab.startCsiSidecar('csi-resizer');
    await waitUntil('3Gi once the resizer runs', async () => (await pvc('resize-later')).status?.capacity?.storage === '3Gi');
  });

  test('csi-snapshotter stopped: the snapshot stays not ready; started, it becomes ready', async () => {
    await lab.stopCsiSidecar('csi-snapshotter');
    await admin.apply({
      apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', metadata: { name: 'snap-later', namespace: NS },
      spec: { volumeSnapshotClassName: 'lab-csi-snapshots', source: { persistentVolumeClaimName: 'data' } },
    });
    const s = await waitUntil('snapshot-controller binds a content', async () => {
      const x = await snapshot('snap-later');
      return x.status?.boundVolumeSnapshotContentName ? x : undefined;
    });
    await meanwhile(5000);
    expect((await snapshot('snap-later')).status?.readyToUse ?? false).toBe(false);
    expect(s.status.boundVolumeSnapshotContentName).toMatch(/^snapcontent-/);

    await lab.startCsiSidecar('csi-snapshotter');
    await waitUntil('ready once the snapshotter runs', async () => (await snapshot('snap-later')).status?.readyToUse === true);
  });
});
