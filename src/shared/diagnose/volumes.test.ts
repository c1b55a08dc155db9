import { describe, expect, it } from 'vitest';
import type { PersistentVolume, VolumeAttachment } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, csiHostpathClass, eventAbout, lease, manualVolume, minutesAgo } from './testing/fixtures';
import { diagnoseObject } from './index';

const diagnose = (objects: FixtureObjects, name = 'task-pv-volume') => diagnoseObject(fixtureView(objects), { kind: 'persistentvolumes', name });
const released = (policy: string, extra: Partial<PersistentVolume> = {}): PersistentVolume => ({
  ...manualVolume,
  spec: { ...manualVolume.spec, persistentVolumeReclaimPolicy: policy, claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'task-pv-claim', uid: 'old-uid' } },
  status: { phase: 'Released', lastPhaseTransitionTime: minutesAgo(30) },
  ...extra,
});

describe('volumes', () => {
  it('available and unused: info', () => {
    expect(diagnose({ persistentvolumes: [manualVolume] })[0]).toMatchObject({ code: 'volume.available-unused', severity: 'info' });
  });

  it('reserved for a claim that does not exist', () => {
    const pv = { ...manualVolume, spec: { ...manualVolume.spec, claimRef: { namespace: 'default', name: 'ghost' } } };
    expect(diagnose({ persistentvolumes: [pv] })[0]?.code).toBe('volume.prebound-claim-missing');
    expect(diagnose({ persistentvolumes: [pv] }, 'task-pv-volume').length).toBe(1);
  });

  it('released with Retain: the exact reuse steps, names quoted', () => {
    const [f] = diagnose({ persistentvolumes: [released('Retain')] });
    expect(f?.code).toBe('volume.released-retain');
    expect(f?.fix.map((s) => s.command)).toEqual([
      'kubectl get pv task-pv-volume -o yaml',
      `kubectl patch pv task-pv-volume --type merge -p '{"spec":{"claimRef":{"uid":null,"resourceVersion":null}}}'`,
      `kubectl patch pv task-pv-volume --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`,
      'kubectl delete pv task-pv-volume',
    ]);
    expect(f?.evidence.map((e) => e.value)).toContain('hostPath /mnt/data');
  });

  it('a hostile name gives no command at all rather than an injectable one', () => {
    const hostile = released('Retain', { metadata: { name: '--all', uid: 'h' } });
    const [f] = diagnose({ persistentvolumes: [hostile] }, '--all');
    expect(f?.fix.every((s) => s.command === undefined)).toBe(true);
    const quoted = released('Retain', { metadata: { name: "x'; rm -rf ~; '", uid: 'q' } });
    const [g] = diagnose({ persistentvolumes: [quoted] }, "x'; rm -rf ~; '");
    expect(g?.fix[3]?.command).toBe(`kubectl delete pv 'x'\\''; rm -rf ~; '\\'''`);
  });

  it('released with Delete and a dead provisioner: a problem naming it', () => {
    const pv = { ...boundVolume, spec: { ...boundVolume.spec, claimRef: { ...boundVolume.spec!.claimRef, uid: 'gone' } }, status: { phase: 'Released', lastPhaseTransitionTime: minutesAgo(2) } };
    const objects = { storageclasses: [csiHostpathClass], persistentvolumes: [pv], leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'p', 900)] };
    const [f] = diagnose(objects, 'pvc-db-uid');
    expect(f).toMatchObject({ code: 'volume.released-delete', severity: 'problem' });
    const alive = { ...objects, leases: [lease('hostpath-csi-k8s-io', 'kube-system', 'p', 2)] };
    expect(diagnose(alive, 'pvc-db-uid')[0]).toMatchObject({ code: 'volume.released-delete', severity: 'expected-wait' });
  });

  it('failed: the recycle/delete error from status and events', () => {
    const pv = { ...released('Recycle'), status: { phase: 'Failed', message: 'No recycler plugin found for the volume!' } };
    const [f] = diagnose({ persistentvolumes: [pv], events: [eventAbout(pv, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!', { type: 'Warning' })] });
    expect(f?.code).toBe('volume.failed');
    expect(f?.cause.en).toContain('No recycler plugin found');
    expect(f?.evidence.map((e) => e.source)).toContain('status.message');
    expect(f?.evidence.map((e) => e.event)).toContain('VolumeFailedRecycle');
  });

  it('bound to a claim that no longer exists, or to an older claim of the same name', () => {
    expect(diagnose({ persistentvolumes: [boundVolume] }, 'pvc-db-uid')[0]?.code).toBe('volume.claim-missing');
    const recreated = { ...boundClaim, metadata: { ...boundClaim.metadata, uid: 'new-uid' } };
    expect(diagnose({ persistentvolumes: [boundVolume], persistentvolumeclaims: [recreated] }, 'pvc-db-uid')[0]?.code).toBe('volume.claim-missing');
    expect(diagnose({ persistentvolumes: [boundVolume], persistentvolumeclaims: [boundClaim] }, 'pvc-db-uid')).toEqual([]);
  });

  it('attach errors from VolumeAttachment status', () => {
    const va: VolumeAttachment = {
      kind: 'VolumeAttachment',
      metadata: { name: 'csi-123', uid: 'va' },
      spec: { attacher: 'hostpath.csi.k8s.io', nodeName: 'node-2', source: { persistentVolumeName: 'pvc-db-uid' } },
      status: { attached: false, attachError: { message: 'rpc error: code = NotFound desc = volume not found', time: minutesAgo(1) } },
    };
    const found = diagnose({ persistentvolumes: [boundVolume], persistentvolumeclaims: [boundClaim], volumeattachments: [va] }, 'pvc-db-uid');
    expect(found.map((f) => f.code)).toEqual(['volume.attach-error']);
    expect(found[0]?.cause.en).toContain('node-2');
  });
});
