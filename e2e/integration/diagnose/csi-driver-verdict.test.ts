/**
 * A CSI driver's health verdict with its controller sidecars (shared/diagnose/csi-sidecars.ts) on the lab's CSI
 * stack (e2e/cluster/csi.ts: the lab's CSI driver with the upstream external-provisioner, external-attacher,
 * external-resizer and csi-snapshotter, each electing a leader with its own Lease), read through the app's pipeline
 * (live context -> reflectors -> ClusterStore -> getProvisioner, the provisioner's details as the app shows them).
 * One lab for the file, not seeded.
 *
 * What makes each state: every sidecar running (alive); the external-resizer stopped while a claim asks for more
 * (degraded, the reason names the external-resizer), then started again (alive); a driver whose CSIDriver says
 * attachRequired: false and that runs no external-attacher, with a volume in use (never degraded for the attacher:
 * the attach/detach controller makes no VolumeAttachment for it). The second driver's CSIDriver object is the lab's,
 * for a name no process serves: the controllers read only the object.
 */
import { expect, it } from 'vitest';
import { CSI_DRIVER_NAME, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { plainText } from '../../../src/shared/verbatim';
import type { ProvisionerDetail } from '../../../src/shared/model/provisioner';
import { apply, type LiveCluster, namespace, until, useLab } from './live';
import { claim, pod } from './manifests';

let lab: Lab;
let live: LiveCluster;
const NO_ATTACH_DRIVER = 'noattach-verdict.lab.kse.dev';

function csiClass(name: string, provisioner = CSI_DRIVER_NAME): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name },
    provisioner, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', allowVolumeExpansion: true,
  };
}

useLab({ seedScenarios: false, csi: true }, (l, lv) => ((lab = l), (live = lv)), async (l) => {
  lab = l;
  await apply(lab, csiClass('csi-vd'), csiClass('csi-vd-noattach', NO_ATTACH_DRIVER), {
    apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'csi-vd-snap' }, driver: CSI_DRIVER_NAME, deletionPolicy: 'Delete',
  }, {
    apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: NO_ATTACH_DRIVER }, spec: { attachRequired: false, volumeLifecycleModes: ['Persistent'] },
  });
});

const detail = (name: string): ProvisionerDetail | null => live.store.getProvisioner(name);
const reasonsEn = (d: ProvisionerDetail | null) => (d?.reasons ?? []).map((r) => plainText(r.en));
const RESIZER_REASON = new RegExp(`^Its external-resizer is not running \\(its leader Lease lab-system/external-resizer-csi-lab-kse-dev was last renewed .+\\), and 1 claim to expand waits for it\\.$`);

it('every sidecar running: alive; the external-resizer stopped while a claim waits to grow: degraded, naming it; started again: alive', async () => {
  const alive = await until('alive with every sidecar holding its Lease', () => {
    const d = detail(CSI_DRIVER_NAME);
    return d?.verdict === 'alive' && d.csi?.sidecars?.every((s) => s.lease === 'held') ? d : undefined;
  }, 90_000, () => JSON.stringify(detail(CSI_DRIVER_NAME)?.csi?.sidecars));
  expect(alive.csi?.sidecars?.map((s) => [s.sidecar, s.leaseName, s.leaseNamespace])).toEqual([
    ['external-provisioner', 'csi-lab-kse-dev', 'lab-system'],
    ['external-attacher', 'external-attacher-leader-csi-lab-kse-dev', 'lab-system'],
    ['external-resizer', 'external-resizer-csi-lab-kse-dev', 'lab-system'],
    ['csi-snapshotter', 'external-snapshotter-leader-csi-lab-kse-dev', 'lab-system'],
  ]);
  // Its capabilities as its objects show them: the CSIDriver asks for the attach step, a VolumeSnapshotClass names
  // it, its class allows expansion; and the nodes that registered it.
  const csiNodes = live.store.list('csinodes').filter((n) => n.spec?.drivers?.some((d) => d.name === CSI_DRIVER_NAME)).map((n) => n.metadata!.name!).sort();
  expect(csiNodes.length).toBeGreaterThan(0);
  expect(alive.csi).toMatchObject({ driverExists: true, attachRequired: true, snapshotClasses: ['csi-vd-snap'], expansionClasses: ['csi-vd'], registeredNodes: csiNodes });

  const ns = await namespace(lab, 'vd-resizer');
  await apply(lab, claim(ns, 'data', { className: 'csi-vd' }));
  await until('bound', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.phase === 'Bound', 60_000);
  await lab.stopCsiSidecar('csi-resizer');
  try {
    await apply(lab, claim(ns, 'data', { className: 'csi-vd', size: '2Gi' }));
    // The resizer's Lease goes stale some 30 s after it stopped (twice its 15 s duration).
    const degraded = await until('degraded by the stopped resizer', () => {
      const d = detail(CSI_DRIVER_NAME);
      return d?.verdict === 'degraded' ? d : undefined;
    }, 90_000, () => JSON.stringify(reasonsEn(detail(CSI_DRIVER_NAME))));
    expect(reasonsEn(degraded)).toEqual(expect.arrayContaining([expect.stringMatching(RESIZER_REASON)]));
    expect(plainText(degraded.reasons.find((r) => plainText(r.en).startsWith('Its external-resizer'))!.ru)).toMatch(/^Его external-resizer не работает \(его лидерский Lease lab-system\/external-resizer-csi-lab-kse-dev обновлён .+\), а его ждёт 1 заявка на расширение\.$/);
    expect(degraded.csi?.sidecars?.find((s) => s.sidecar === 'external-resizer')).toMatchObject({ lease: 'stale', waiting: 1, leaseName: 'external-resizer-csi-lab-kse-dev', leaseNamespace: 'lab-system' });
    // The other sidecars hold theirs.
    expect(degraded.csi?.sidecars?.filter((s) => s.sidecar !== 'external-resizer').map((s) => s.lease)).toEqual(['held', 'held', 'held']);
  } finally {
    await lab.startCsiSidecar('csi-resizer');
  }
  await until('2Gi once the resizer runs', () => live.store.get('persistentvolumeclaims', 'data', ns)?.status?.capacity?.storage === '2Gi', 90_000);
  const back = await until('alive again', () => (detail(CSI_DRIVER_NAME)?.verdict === 'alive' ? detail(CSI_DRIVER_NAME) : undefined), 90_000, () => JSON.stringify(reasonsEn(detail(CSI_DRIVER_NAME))));
  expect(reasonsEn(back).filter((r) => r.startsWith('Its external-'))).toEqual([]);
});

it('a driver that needs no attach step and runs no external-attacher is not degraded for it, with a volume in use', async () => {
  const ns = await namespace(lab, 'vd-noattach');
  await apply(lab, {
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'vd-noattach-pv' },
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'csi-vd-noattach', persistentVolumeReclaimPolicy: 'Retain', csi: { driver: NO_ATTACH_DRIVER, volumeHandle: 'vol-vd' }, claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name: 'shared' } },
  }, claim(ns, 'shared', { className: 'csi-vd-noattach', volumeName: 'vd-noattach-pv' }));
  await until('bound', () => live.store.get('persistentvolumeclaims', 'shared', ns)?.status?.phase === 'Bound', 60_000);
  await apply(lab, pod(ns, 'app', { claims: ['shared'], nodeName: 'lab-node-a1' }));
  await until('the pod runs', () => live.store.get('pods', 'app', ns)?.status?.phase === 'Running', 60_000);
  const d = detail(NO_ATTACH_DRIVER)!;
  expect(d.csi).toMatchObject({ driverExists: true, attachRequired: false, snapshotClasses: [], expansionClasses: ['csi-vd-noattach'] });
  // No external-attacher row at all: the driver needs none (trial 8, T8-1: a row saying its Lease was not found read as a fault).
  expect(d.csi?.sidecars?.map((s) => s.sidecar)).not.toContain('external-attacher');
  expect(d.verdict).not.toBe('degraded');
  expect(reasonsEn(d).filter((r) => r.startsWith('Its external-'))).toEqual([]);
  // The lab's own driver, all sidecars running, stays alive beside it.
  expect(detail(CSI_DRIVER_NAME)?.verdict).toBe('alive');
});
