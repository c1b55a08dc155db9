import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, VolumeAttachment, VolumeSnapshotContent } from '../kube/objects';
import { assessProvisioner } from './provisioners';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, csiDriver, csiHostpathClass, csiNode, lease, minutesAgo } from './testing/fixtures';
import { plainText } from '../verbatim';

const CSI = 'hostpath.csi.k8s.io';
const RESIZER = 'external-resizer-hostpath-csi-k8s-io';
const ATTACHER = 'external-attacher-leader-hostpath-csi-k8s-io';
const SNAPSHOTTER = 'external-snapshotter-leader-hostpath-csi-k8s-io';

/** The fixture claim asking for 2Gi of its 1Gi volume: its expansion waits for the external-resizer. */
const expanding: PersistentVolumeClaim = { ...boundClaim, spec: { ...boundClaim.spec, resources: { requests: { storage: '2Gi' } } } };
const waitingAttachment: VolumeAttachment = {
  apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment', metadata: { name: 'csi-0123', uid: 'va-uid', creationTimestamp: minutesAgo(5) },
  spec: { attacher: CSI, nodeName: 'node-1', source: { persistentVolumeName: 'pvc-db-uid' } }, status: { attached: false },
};
const waitingContent: VolumeSnapshotContent = {
  apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotContent', metadata: { name: 'snapcontent-1', uid: 'vsc-uid', creationTimestamp: minutesAgo(5) },
  spec: { driver: CSI, deletionPolicy: 'Delete', source: { volumeHandle: 'h' }, volumeSnapshotRef: { name: 'snap', namespace: 'shop' } },
};
/** A CSI driver whose external-provisioner holds its Lease, registered on a node. */
const alive = (extra: FixtureObjects & { sidecarLeases?: ReturnType<typeof lease>[] } = {}): FixtureObjects => {
  const { sidecarLeases = [], ...rest } = extra;
  return {
    storageclasses: [csiHostpathClass],
    csidrivers: [csiDriver],
    csinodes: [csiNode('node-1', [CSI])],
    persistentvolumeclaims: [],
    persistentvolumes: [boundVolume],
    volumeattachments: [],
    volumesnapshotcontents: [],
    pods: [],
    ...rest,
    leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'csi-hostpathplugin-0', 5), ...sidecarLeases],
  };
};
const assess = (objects: FixtureObjects) => assessProvisioner(fixtureView(objects), CSI);
/** The fixture driver with the attach step (the fixture's own has attachRequired: false). */
const attaching = { ...csiDriver, spec: { ...csiDriver.spec, attachRequired: true } };

describe('CSI sidecars in the driver\'s verdict', () => {
  it('the resizer\'s Lease stale while a claim waits to be expanded: degraded, the reason names the external-resizer', () => {
    const a = assess(alive({ persistentvolumeclaims: [expanding], sidecarLeases: [lease(RESIZER, 'kube-system', 'csi-resizer-0', 300)] }));
    expect(a.row.verdict).toBe('degraded');
    expect(a.degradedBy).toEqual(['sidecar']);
    expect(a.row.reasons.map((r) => plainText(r.en))).toContain('Its external-resizer is not running (its leader Lease kube-system/external-resizer-hostpath-csi-k8s-io was last renewed 5 min ago), and 1 claim to expand waits for it.');
    expect(a.row.reasons.map((r) => plainText(r.ru))).toContain('Его external-resizer не работает (его лидерский Lease kube-system/external-resizer-hostpath-csi-k8s-io обновлён 5 мин назад), а его ждёт 1 заявка на расширение.');
    expect(a.facts.map((f) => plainText(f.label.en))).toContain('external-resizer Lease');
    expect(a.sidecars?.find((s) => s.sidecar === 'external-resizer')).toMatchObject({ lease: { state: 'stale' }, waiting: 1 });
  });

  it('the attacher and the snapshotter stopped with work waiting: both named', () => {
    const a = assess(alive({
      csidrivers: [attaching],
      volumeattachments: [waitingAttachment],
      volumesnapshotcontents: [waitingContent],
      sidecarLeases: [lease(ATTACHER, 'kube-system', 'csi-attacher-0', 300), lease(SNAPSHOTTER, 'kube-system', 'csi-snapshotter-0', 300)],
    }));
    expect(a.row.verdict).toBe('degraded');
    const reasons = a.row.reasons.map((r) => plainText(r.en));
    expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^Its external-attacher is not running .* and 1 VolumeAttachment waits for it\.$/), expect.stringMatching(/^Its csi-snapshotter is not running .* and 1 snapshot content not ready waits for it\.$/)]));
  });

  it('healthy: sidecars holding their Leases, or stale with nothing waiting, or no attacher for a driver that needs no attach step', () => {
    // All running, work in flight.
    expect(assess(alive({ persistentvolumeclaims: [expanding], volumeattachments: [waitingAttachment], sidecarLeases: [lease(RESIZER, 'kube-system', 'r', 2), lease(ATTACHER, 'kube-system', 'a', 2)] })).row.verdict).toBe('alive');
    // A resizer stopped, but no claim asks for more.
    expect(assess(alive({ persistentvolumeclaims: [boundClaim], sidecarLeases: [lease(RESIZER, 'kube-system', 'r', 300)] })).row.verdict).toBe('alive');
    // attachRequired: false (the fixture driver): no VolumeAttachment, no attacher Lease at all.
    expect(assess(alive()).row.verdict).toBe('alive');
    // No Lease found for the attacher (it may run without leader election): not judged as stopped.
    expect(assess(alive({ volumeattachments: [waitingAttachment] })).row.verdict).toBe('alive');
  });

  it("the details' sidecar rows agree with the verdict (trial 8, T8-1): the provisioner's leader Lease as found, no attacher row without the attach step", () => {
    // A provisioner library names its Lease after the provisioner itself, dots and all: the verdict finds it.
    const objects = alive();
    objects.leases = [lease('hostpath.csi.k8s.io', 'lab-system', 'vm_e7324574', 2)];
    const a = assess(objects);
    expect(a.row.verdict).toBe('alive');
    expect(a.sidecars?.find((s) => s.sidecar === 'external-provisioner')).toMatchObject({ lease: { state: 'held', lease: { metadata: { name: 'hostpath.csi.k8s.io', namespace: 'lab-system' } } } });
    // attachRequired: false: no external-attacher row saying its Lease is not found.
    expect(a.sidecars?.map((s) => s.sidecar)).not.toContain('external-attacher');
    expect(assess(alive({ csidrivers: [attaching] })).sidecars?.map((s) => s.sidecar)).toContain('external-attacher');
  });
});
