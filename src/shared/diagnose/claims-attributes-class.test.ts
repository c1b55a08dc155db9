import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, VolumeAttributesClass } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, csiHostpathClass, eventAbout, minutesAgo } from './testing/fixtures';
import { diagnoseObject } from './index';
import { plainText } from '../verbatim';

const DRIVER = 'hostpath.csi.k8s.io';
const vac = (name: string, parameters: Record<string, string> = { iops: '3000' }, driverName = DRIVER): VolumeAttributesClass => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'VolumeAttributesClass',
  metadata: { name, uid: `${name}-uid` },
  driverName,
  parameters,
});

/** The bound claim asking for `wanted`, with the status external-resizer wrote. */
function claim(wanted: string | undefined, status: PersistentVolumeClaim['status'] = {}): PersistentVolumeClaim {
  return {
    ...boundClaim,
    spec: { ...boundClaim.spec, ...(wanted ? { volumeAttributesClassName: wanted } : {}) },
    status: { ...boundClaim.status, ...status },
  };
}

const ref = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'data-db-0' };
const base: FixtureObjects = { storageclasses: [csiHostpathClass], persistentvolumes: [boundVolume], volumeattributesclasses: [vac('gold'), vac('silver', { iops: '1000' })] };
const run = (c: PersistentVolumeClaim, objects: FixtureObjects = {}, options: Parameters<typeof fixtureView>[1] = {}) =>
  diagnoseObject(fixtureView({ ...base, persistentvolumeclaims: [c], ...objects }, options), ref);
const codes = (...args: Parameters<typeof run>) => run(...args).map((f) => f.code);

describe('VolumeAttributesClass of a claim', () => {
  it('says nothing when the volume has the class it asks for, when it asks for none, or about classes no claim uses', () => {
    // As external-resizer leaves a claim after ControllerModifyVolume succeeded: the status is "" and the conditions gone.
    expect(codes(claim('gold', { currentVolumeAttributesClassName: 'gold', modifyVolumeStatus: { targetVolumeAttributesClassName: 'gold', status: '' } }))).toEqual([]);
    expect(codes(claim(undefined))).toEqual([]);
    expect(codes(claim(undefined), { volumeattributesclasses: [vac('gold'), vac('unused', {}, 'other.csi.example.com')] })).toEqual([]);
  });

  it('a change under way for less than 10 minutes is normal', () => {
    const c = claim('silver', {
      currentVolumeAttributesClassName: 'gold',
      modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'InProgress' },
      conditions: [{ type: 'ModifyingVolume', status: 'True', message: 'ModifyVolume operation in progress.', lastTransitionTime: minutesAgo(2) }],
    });
    expect(codes(c)).toEqual([]);
  });

  it('names a missing class, what happens to the volume, and the classes of its driver', () => {
    const c = claim('platinum', { currentVolumeAttributesClassName: 'gold', modifyVolumeStatus: { targetVolumeAttributesClassName: '', status: 'Pending' } });
    const [f] = run(c);
    expect(f?.code).toBe('claim.attributes-class-missing');
    expect(f?.severity).toBe('problem');
    expect(plainText(f!.cause.en)).toBe('The claim asks for VolumeAttributesClass platinum, which does not exist: the volume keeps class gold and is not changed until the class exists.');
    expect(plainText(f!.cause.ru)).toContain('platinum');
    expect(f?.evidence.map((e) => [e.source, e.value])).toEqual([
      ['spec.volumeAttributesClassName', 'platinum'],
      ['status.currentVolumeAttributesClassName', 'gold'],
      ['status.modifyVolumeStatus.status', 'Pending'],
      ['volumeattributesclass.driverName (driver from persistentvolume.spec.csi.driver)', 'gold, silver'],
    ]);
    expect(f?.fix.map((s) => s.command)).toEqual([
      'kubectl get volumeattributesclass gold silver',
      `kubectl patch pvc data-db-0 -n shop --type merge -p '{"spec":{"volumeAttributesClassName":"silver"}}'`,
      undefined,
      `kubectl patch pvc data-db-0 -n shop --type merge -p '{"spec":{"volumeAttributesClassName":"gold"}}'`,
      'kubectl describe pvc data-db-0 -n shop',
    ]);
    expect(f?.lesson).toBe('volume-attributes-class');
  });

  it('a claim not yet bound naming a missing class gets no volume; the driver comes from its class', () => {
    const pending: PersistentVolumeClaim = { ...claim('platinum'), spec: { ...claim('platinum').spec, volumeName: '' }, status: { phase: 'Pending' } };
    const f = run(pending).find((x) => x.code === 'claim.attributes-class-missing');
    expect(plainText(f!.cause.en)).toContain('no volume is created for it until the class exists');
    expect(f?.evidence.at(-1)?.source).toBe('volumeattributesclass.driverName (driver from storageclass.provisioner)');
  });

  it("a class of another driver: the resizer applied it anyway (bound), or the provisioner refuses it (pending)", () => {
    const alien = vac('alien', { iops: '2' }, 'other.example.com');
    const [f] = run(claim('alien', { currentVolumeAttributesClassName: 'alien' }), { volumeattributesclasses: [...base.volumeattributesclasses!, alien] });
    expect(f?.code).toBe('claim.attributes-class-driver-mismatch');
    expect(f?.severity).toBe('warning');
    expect(plainText(f!.cause.en)).toBe(`The claim asks for VolumeAttributesClass alien of driver other.example.com, but its volume is made by driver ${DRIVER}: its parameters were written for another driver, yet external-resizer passes them to ${DRIVER}, which may read them differently or ignore them.`);
    expect(f?.fix.map((s) => s.command)).toContain('kubectl get volumeattributesclass alien');
    const pending: PersistentVolumeClaim = { ...claim('alien'), spec: { ...claim('alien').spec, volumeName: '' }, status: { phase: 'Pending' } };
    const refused = eventAbout(pending, 'ProvisioningFailed', `VAC alien referenced in PVC is for driver other.example.com which does not match driver name ${DRIVER}`, { type: 'Warning' });
    const p = run(pending, { volumeattributesclasses: [...base.volumeattributesclasses!, alien], events: [refused] }).find((x) => x.code === 'claim.attributes-class-driver-mismatch');
    expect(plainText(p!.cause.en)).toContain('external-provisioner refuses to create the volume with it');
    expect(p?.evidence.at(-1)?.value).toBe(refused.message);
  });

  it('cannot tell a missing class while the classes cannot be read', () => {
    expect(codes(claim('platinum'), {}, { states: { volumeattributesclasses: 'forbidden' } })).toEqual([]);
    expect(codes(claim('platinum'), {}, { states: { volumeattributesclasses: 'absent' } })).toEqual([]);
  });

  it('Infeasible: the driver refused, with its error from the condition and the event', () => {
    const message = 'rpc error: code = InvalidArgument desc = unknown mutable parameter "burst"';
    const c = claim('silver', {
      currentVolumeAttributesClassName: 'gold',
      modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'Infeasible' },
      conditions: [
        // As external-resizer v2.3.0 wrote them on the lab.
        { type: 'ModifyingVolume', status: 'True', message: 'Modifying volume to "silver" failed. Waiting for retry.', lastTransitionTime: minutesAgo(1) },
        { type: 'ModifyVolumeError', status: 'True', reason: 'InvalidArgument', message: 'unknown mutable parameter "burst"', lastTransitionTime: minutesAgo(1) },
      ],
    });
    const [f] = run(c, { events: [eventAbout(c, 'VolumeModifyFailed', message, { type: 'Warning', component: 'external-resizer hostpath.csi.k8s.io' })] });
    expect(f?.code).toBe('claim.modify-infeasible');
    expect(plainText(f!.cause.en)).toBe('The driver refused to change the volume to VolumeAttributesClass silver (Infeasible): the volume keeps class gold, and the change is retried only rarely.');
    expect(f?.evidence.map((e) => e.source ?? e.event)).toEqual([
      'spec.volumeAttributesClassName',
      'volumeattributesclass.driverName, parameters',
      'status.currentVolumeAttributesClassName',
      'status.modifyVolumeStatus.status',
      'status.conditions[type=ModifyVolumeError].message',
      'VolumeModifyFailed',
    ]);
    expect(f?.evidence[1]?.value).toBe(`${DRIVER}: iops=1000`);
    expect(f?.fix.map((s) => s.command)).toContain('kubectl get volumeattributesclass silver -o yaml');
  });

  it('a change InProgress for more than 10 minutes is a warning, with the driver\'s error while it retries', () => {
    const c = claim('silver', {
      currentVolumeAttributesClassName: 'gold',
      modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'InProgress' },
      conditions: [
        { type: 'ModifyingVolume', status: 'True', message: 'ModifyVolume operation in progress.', lastTransitionTime: minutesAgo(25) },
        { type: 'ModifyVolumeError', status: 'True', message: 'ModifyVolume failed with error: rpc error: code = Internal desc = backend busy. Waiting for retry.', lastTransitionTime: minutesAgo(1) },
      ],
    });
    const [f] = run(c);
    expect(f?.code).toBe('claim.modify-slow');
    expect(f?.severity).toBe('warning');
    expect(plainText(f!.cause.en)).toBe('The change of the volume to VolumeAttributesClass silver has been in progress for 25 min: the driver keeps failing and it is retried; most drivers take seconds to minutes.');
    expect(f?.evidence.map((e) => e.source)).toContain('status.conditions[type=ModifyingVolume].lastTransitionTime, event VolumeModify');
    expect(f?.evidence.map((e) => e.value)).toContain('ModifyVolume failed with error: rpc error: code = Internal desc = backend busy. Waiting for retry.');
  });

  it('counts the wait from the first VolumeModify event when a retry rewrote the condition', () => {
    const c = claim('silver', {
      currentVolumeAttributesClassName: 'gold',
      modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'InProgress' },
      conditions: [{ type: 'ModifyingVolume', status: 'True', message: 'ModifyVolume operation in progress.', lastTransitionTime: minutesAgo(1) }],
    });
    const started = eventAbout(c, 'VolumeModify', 'external resizer is modifying volume data-db-0 with vac silver', { minutesAgo: 30, count: 7 });
    const [f] = run(c, { events: [{ ...started, lastTimestamp: minutesAgo(1) }] });
    expect(f?.code).toBe('claim.modify-slow');
    expect(plainText(f!.cause.en)).toContain('in progress for 30 min');
    // An event about another class does not count.
    expect(codes(c, { events: [eventAbout(c, 'VolumeModify', 'external resizer is modifying volume data-db-0 with vac gold', { minutesAgo: 30 })] })).toEqual([]);
  });
});
