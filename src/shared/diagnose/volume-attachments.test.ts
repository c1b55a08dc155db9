import { describe, expect, it } from 'vitest';
import type { VolumeAttachment } from '../kube/objects';
import { attacherLeaseName, attachmentStates } from './attachment-facts';
import { fixtureView, type FixtureObjects, type FixtureOptions } from './testing/fixture-view';
import { boundClaim, boundVolume, csiDriver, lease, minutesAgo, node, runningPod, secondsAgo } from './testing/fixtures';
import { diagnoseObject } from './index';
import { plainText } from '../verbatim';

const DRIVER = 'hostpath.csi.k8s.io';
const LEASE = 'external-attacher-leader-hostpath-csi-k8s-io';
const va = (extra: { created?: string; attached?: boolean; node?: string; deleting?: string; detachError?: string; attachError?: string } = {}): VolumeAttachment => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'VolumeAttachment',
  metadata: {
    name: 'csi-0123abcd',
    uid: 'va-uid',
    creationTimestamp: extra.created ?? minutesAgo(5),
    ...(extra.deleting ? { deletionTimestamp: extra.deleting, finalizers: [`external-attacher/${DRIVER.replace(/\//g, '-')}`] } : {}),
  },
  spec: { attacher: DRIVER, nodeName: extra.node ?? 'node-1', source: { persistentVolumeName: 'pvc-db-uid' } },
  status: {
    attached: extra.attached ?? false,
    ...(extra.attachError ? { attachError: { message: extra.attachError, time: minutesAgo(1) } } : {}),
    ...(extra.detachError ? { detachError: { message: extra.detachError } } : {}),
  },
});
const attachRequiredDriver = { ...csiDriver, spec: { ...csiDriver.spec, attachRequired: true } };
const world = (attachment: VolumeAttachment | undefined, extra: FixtureObjects = {}): FixtureObjects => ({
  persistentvolumes: [boundVolume],
  persistentvolumeclaims: [boundClaim],
  pods: [runningPod],
  nodes: [node('node-1')],
  csidrivers: [attachRequiredDriver],
  volumeattachments: attachment ? [attachment] : [],
  ...extra,
});
const diagnose = (objects: FixtureObjects, options?: FixtureOptions) => diagnoseObject(fixtureView(objects, options), { kind: 'persistentvolumes', name: 'pvc-db-uid' });
const codes = (objects: FixtureObjects, options?: FixtureOptions) => diagnose(objects, options).map((f) => f.code);

describe('attach stuck', () => {
  it('the leader Lease name is external-attacher-leader-<driver>, sanitized as csi-lib-utils does', () => {
    expect(attacherLeaseName(DRIVER)).toBe(LEASE);
    expect(attacherLeaseName('csi.lab.kse.dev')).toBe('external-attacher-leader-csi-lab-kse-dev');
  });

  it('not attached for 5 min, the attacher Lease stale: says the attacher is not running, names the VA and the Lease', () => {
    const [f] = diagnose(world(va(), { leases: [lease(LEASE, 'kube-system', 'csi-attacher-0', 300)] }));
    expect(f).toMatchObject({ code: 'volume.attach-stuck', severity: 'problem', id: expect.stringMatching(/#csi-0123abcd$/) });
    expect(plainText(f!.cause.en)).toBe(
      'The volume has waited 5 min to be attached to node node-1: the external-attacher of driver hostpath.csi.k8s.io has not attached it. Its external-attacher\'s leader Lease was last renewed 5 min ago: it is not running.',
    );
    expect(plainText(f!.cause.ru)).toContain('Lease лидера его external-attacher последний раз продлён 5 мин назад');
    expect(f!.evidence.map((e) => [e.source, e.value])).toEqual([
      ['metadata.name', 'csi-0123abcd'],
      ['spec.attacher', DRIVER],
      ['spec.nodeName', 'node-1'],
      ['status.attached', 'false'],
      ['spec.renewTime (Lease)', LEASE],
    ]);
    expect(f!.fix.map((s) => s.command)).toEqual(['kubectl describe volumeattachment csi-0123abcd', `kubectl get lease ${LEASE} -n kube-system -o yaml`]);
  });

  it('Lease held: the attacher runs but writes nothing; Lease not found: it may not be deployed; Leases unreadable: no claim about it', () => {
    const held = diagnose(world(va(), { leases: [lease(LEASE, 'kube-system', 'csi-attacher-0', 2)] }))[0]!;
    expect(plainText(held.cause.en)).toContain('Its external-attacher holds its leader Lease, yet has written neither attached nor an error');
    const missing = diagnose(world(va()))[0]!;
    expect(plainText(missing.cause.en)).toContain(`No leader Lease of its external-attacher (${LEASE}) is visible`);
    expect(missing.fix.map((s) => s.command)).toEqual(['kubectl describe volumeattachment csi-0123abcd']);
    const unreadable = diagnose(world(va()), { states: { leases: 'forbidden' } })[0]!;
    expect(plainText(unreadable.cause.en)).toMatch(/has not attached it\.$/);
  });

  it('not reported: attached, young (under 2 min), failed with an error (volume.attach-error), or no VolumeAttachment', () => {
    expect(codes(world(va({ attached: true })))).toEqual([]);
    expect(codes(world(va({ created: secondsAgo(90) })))).toEqual([]);
    expect(codes(world(va({ attachError: 'rpc error: code = Internal desc = no' })))).toEqual(['volume.attach-error']);
    expect(codes(world(undefined))).toEqual([]);
  });
});

describe('detach stuck on a node that no longer exists', () => {
  it('deleted 10 min ago, the node gone: problem, with the finalizer, the detach error and the finalizer step', () => {
    const [f] = diagnose(world(va({ attached: true, node: 'node-gone', deleting: minutesAgo(10), detachError: 'rpc error: code = Internal desc = node unreachable' })));
    expect(f).toMatchObject({ code: 'volume.detach-stuck', severity: 'problem' });
    expect(plainText(f!.cause.en)).toMatch(/^The volume should be detached from node node-gone, which no longer exists: the VolumeAttachment was deleted 10 min ago and stays, because the external-attacher of driver hostpath\.csi\.k8s\.io has not confirmed the detach: rpc error/);
    expect(f!.evidence.map((e) => e.source)).toEqual(['metadata.name', 'spec.attacher', 'spec.nodeName', 'status.attached', 'metadata.deletionTimestamp', 'metadata.finalizers', 'status.detachError', 'metadata.name (Lease)']);
    expect(f!.evidence.find((e) => e.source === 'spec.nodeName')?.note?.en).toBe('does not exist');
    expect(f!.fix.map((s) => s.command)).toEqual([
      'kubectl describe volumeattachment csi-0123abcd',
      `kubectl patch volumeattachment csi-0123abcd --type json -p '[{"op":"remove","path":"/metadata/finalizers"}]'`,
    ]);
  });

  it('still attached to a gone node with no deletion asked: a warning, and the pods still on that node', () => {
    const [f] = diagnose(world(va({ attached: true, node: 'node-gone' })));
    expect(f).toMatchObject({ code: 'volume.detach-stuck', severity: 'warning' });
    expect(f!.fix.map((s) => s.command)).toContain("kubectl get pods -A --field-selector spec.nodeName=node-gone");
  });

  it('not reported: a detach just asked for, a node that exists, or nodes that cannot be read', () => {
    expect(codes(world(va({ attached: true, node: 'node-gone', deleting: secondsAgo(30) })))).toEqual([]);
    expect(codes(world(va({ attached: true, deleting: minutesAgo(10) })))).toEqual([]);
    expect(codes(world(va({ attached: true, node: 'node-gone' })), { states: { nodes: 'forbidden' } })).toEqual([]);
  });
});

describe('attachment states (the Summary of claims and pods)', () => {
  const view = (objects: FixtureObjects) => fixtureView(objects);
  it('attached by the driver, stuck, failed, detaching', () => {
    expect(attachmentStates(view(world(va({ attached: true }))), boundVolume, 'node-1')).toEqual([
      { state: 'attached', node: 'node-1', driver: DRIVER, volume: expect.objectContaining({ name: 'pvc-db-uid' }), attachment: expect.objectContaining({ kind: 'volumeattachments', name: 'csi-0123abcd' }) },
    ]);
    expect(attachmentStates(view(world(va())), boundVolume)[0]).toMatchObject({ state: 'stuck', since: minutesAgo(5) });
    expect(attachmentStates(view(world(va({ created: secondsAgo(10) }))), boundVolume)[0]).toMatchObject({ state: 'attaching' });
    expect(attachmentStates(view(world(va({ attachError: 'denied' }))), boundVolume)[0]).toMatchObject({ state: 'failed', error: 'denied' });
    expect(attachmentStates(view(world(va({ attached: true, deleting: minutesAgo(1) }))), boundVolume)[0]).toMatchObject({ state: 'detaching' });
  });

  it('why there is none: attachRequired false, none made yet for a node, not in use; nothing for volumes that are not CSI', () => {
    expect(attachmentStates(view(world(undefined, { csidrivers: [csiDriver] })), boundVolume, 'node-1')).toEqual([{ state: 'not-required', driver: DRIVER, volume: expect.anything() }]);
    // No CSIDriver object: the default (attachRequired true) applies.
    expect(attachmentStates(view(world(undefined, { csidrivers: [] })), boundVolume, 'node-1')).toEqual([{ state: 'not-created', node: 'node-1', driver: DRIVER, volume: expect.anything() }]);
    expect(attachmentStates(view(world(undefined)), boundVolume)).toEqual([{ state: 'not-in-use', driver: DRIVER, volume: expect.anything() }]);
    expect(attachmentStates(view(world(va({ attached: true }))), boundVolume, 'node-2')[0]).toMatchObject({ state: 'not-created', node: 'node-2' });
    const hostPath = { ...boundVolume, spec: { ...boundVolume.spec, csi: undefined, hostPath: { path: '/data' } } };
    expect(attachmentStates(view(world(undefined)), hostPath, 'node-1')).toEqual([]);
  });
});
