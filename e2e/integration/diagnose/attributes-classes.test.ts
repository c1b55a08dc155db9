/**
 * VolumeAttributesClass on the lab's CSI stack (issue 12 part 5): the upstream external-provisioner creates volumes
 * with a class's mutable parameters, the upstream external-resizer's modify controller applies a change of class with
 * the lab driver's ControllerModifyVolume (it knows the parameters iops and throughput and refuses any other with
 * InvalidArgument). Each state is made for real and read through the app's pipeline (live context -> reflectors ->
 * ClusterStore -> listFindings, and the attributesclasses table):
 * - healthy, not reported: a claim created with a class and then moved to another (applied: current == asked for), a
 *   claim without a class on a driver that has no ControllerModifyVolume (the in-tree host-path provisioner), and a
 *   class no claim uses;
 * - claim.attributes-class-missing: a bound claim moved to a class that does not exist (external-resizer writes
 *   modifyVolumeStatus Pending), gone once the class is created;
 * - claim.attributes-class-driver-mismatch: a class of another driver (external-resizer applies it all the same;
 *   external-provisioner refuses a new claim naming it);
 * - claim.modify-infeasible: a class whose parameter the driver refuses (InvalidArgument -> Infeasible);
 * - claim.modify-slow: the driver failing with Internal keeps the change InProgress (ModifyingVolume and
 *   ModifyVolumeError conditions, retried): made on the lab; "for more than 10 minutes" is judged by the same rules
 *   over the same store with the clock 11 minutes on (a test does not wait 10 minutes), then the fault is cleared and
 *   the change completes.
 * One lab for the file, not seeded; each case has its own namespace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSI_DRIVER_NAME, startLab, type Lab } from '../../cluster/lab';
import type { KubeObject } from '../../cluster/kube';
import { diagnoseObject } from '../../../src/shared/diagnose';
import type { ClusterView } from '../../../src/shared/diagnose/view';
import type { AttributesClassRow } from '../../../src/shared/model/rows';
import { apply, asRead, claimRef, codes, evidenceLines, expectCacheAgrees, type LiveCluster, namespace, openLive, until } from './live';

let lab: Lab;
let live: LiveCluster;
const CLASS = 'csi-vac';
const VAC_CODES = ['claim.attributes-class-missing', 'claim.attributes-class-driver-mismatch', 'claim.modify-infeasible', 'claim.modify-slow'];

function attributesClass(name: string, parameters: Record<string, string>, driverName = CSI_DRIVER_NAME): KubeObject {
  return { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass', metadata: { name }, driverName, parameters } as KubeObject;
}

function tunedClaim(ns: string, name: string, vac: string | undefined, className = CLASS): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: ns },
    spec: { storageClassName: className, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(vac ? { volumeAttributesClassName: vac } : {}) },
  };
}

const claimPath = (ns: string, name: string) => `/api/v1/namespaces/${ns}/persistentvolumeclaims/${name}`;
const askFor = (ns: string, name: string, vac: string) => lab.client('admin').mergePatch(claimPath(ns, name), { spec: { volumeAttributesClassName: vac } });
const stored = (ns: string, name: string) => live.store.get('persistentvolumeclaims', name, ns);
const vacCodes = (ns: string, name: string) => codes(live.findingsOf(claimRef(ns, name))).filter((c) => VAC_CODES.includes(c));

async function bound(ns: string, name: string): Promise<void> {
  await until(`claim ${ns}/${name} bound`, () => stored(ns, name)?.status?.phase === 'Bound', 90_000);
}

/** Waits until the driver's class is applied: status.currentVolumeAttributesClassName is the class asked for. */
async function applied(ns: string, name: string, vac: string): Promise<void> {
  await until(`claim ${ns}/${name} has class ${vac}`, () => stored(ns, name)?.status?.currentVolumeAttributesClassName === vac, 90_000, () => JSON.stringify(stored(ns, name)?.status));
}

/** The store as the rules read it, with the clock `ms` later (the objects are the lab's, as they are now). */
function later(view: ClusterView, ms: number): ClusterView {
  return new Proxy(view, {
    get(target, prop) {
      if (prop === 'now') return () => target.now() + ms;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

beforeAll(async () => {
  lab = await startLab({ seedScenarios: false, csi: true, log: () => undefined });
  live = await openLive(lab);
  await apply(
    lab,
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: CLASS }, provisioner: CSI_DRIVER_NAME, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'in-tree' }, provisioner: 'kubernetes.io/host-path', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
    attributesClass('gold', { iops: '3000', throughput: '125' }),
    attributesClass('silver', { iops: '1000' }),
    attributesClass('unused', { iops: '50' }),
    attributesClass('bursty', { burst: 'on' }),
    attributesClass('alien', { iops: '2' }, 'other.example.com'),
  );
});

afterAll(async () => {
  await live?.close();
  await lab?.stop();
});

describe('VolumeAttributesClass', () => {
  it('healthy: a claim created with a class, then moved to another, has what it asks for; no finding', async () => {
    const ns = await namespace(lab, 'vac-healthy');
    await apply(lab, tunedClaim(ns, 'tuned', 'gold'));
    await bound(ns, 'tuned');
    await applied(ns, 'tuned', 'gold');
    await askFor(ns, 'tuned', 'silver');
    await applied(ns, 'tuned', 'silver');
    const pv = live.store.get('persistentvolumes', stored(ns, 'tuned')?.spec?.volumeName ?? '');
    expect(pv?.spec?.volumeAttributesClassName).toBe('silver');
    expect(vacCodes(ns, 'tuned')).toEqual([]);
    expectCacheAgrees(live, claimRef(ns, 'tuned'));
  });

  it('healthy: a claim without a class on a driver that cannot modify volumes, and a class no claim uses; no finding', async () => {
    const ns = await namespace(lab, 'vac-none');
    await apply(lab, tunedClaim(ns, 'plain', undefined, 'in-tree'));
    await bound(ns, 'plain');
    expect(live.findingsOf(claimRef(ns, 'plain'))).toEqual([]);
    await until('the table counts the claims of each class', () => {
      const rows = live.store.listRows({ clusterId: live.store.clusterId, table: 'attributesclasses', offset: 0, limit: 100 }).rows as AttributesClassRow[];
      return rows.find((r) => r.name === 'unused') && rows.find((r) => r.name === 'silver')?.current ? rows : undefined;
    });
    const rows = live.store.listRows({ clusterId: live.store.clusterId, table: 'attributesclasses', offset: 0, limit: 100 }).rows as AttributesClassRow[];
    const unused = rows.find((r) => r.name === 'unused');
    expect(unused).toMatchObject({ driverName: CSI_DRIVER_NAME, parameters: { iops: '50' }, claims: 0, current: 0 });
    expect(live.findingsOf({ kind: 'volumeattributesclasses', name: 'unused' })).toEqual([]);
  });

  it('a bound claim moved to a class that does not exist: Pending, claim.attributes-class-missing; gone once the class exists', async () => {
    const ns = await namespace(lab, 'vac-missing');
    await apply(lab, tunedClaim(ns, 'data', 'gold'));
    await bound(ns, 'data');
    await applied(ns, 'data', 'gold');
    await askFor(ns, 'data', 'platinum');
    const ref = claimRef(ns, 'data');
    const f = await live.waitFor(ref, 'claim.attributes-class-missing', 60_000);
    expect(f.cause.en).toBe('The claim asks for VolumeAttributesClass platinum, which does not exist: the volume keeps class gold and is not changed until the class exists.');
    // external-resizer's modify controller marks it Pending (modify_volume.go validateVACAndModifyVolumeWithTarget).
    await until('external-resizer marks the change Pending', () => stored(ns, 'data')?.status?.modifyVolumeStatus?.status === 'Pending', 60_000, () => JSON.stringify(stored(ns, 'data')?.status));
    await until('the finding shows Pending', () => evidenceLines(live.finding(ref, 'claim.attributes-class-missing')!).includes('Volume change: Pending'));
    expect(evidenceLines(live.finding(ref, 'claim.attributes-class-missing')!)).toContain(`Classes of its driver: bursty, gold, silver, unused driver ${CSI_DRIVER_NAME}`);
    expect(live.finding(ref, 'claim.attributes-class-missing')?.fix.map((s) => s.command)).toContain(`kubectl patch pvc data -n ${ns} --type merge -p '{"spec":{"volumeAttributesClassName":"gold"}}'`);
    expectCacheAgrees(live, ref);

    // Once the class exists there is nothing to report: external-resizer applies it on its next pass over the claim
    // (on this lab it had not within 90 s: a Pending change is not requeued when the class appears).
    await apply(lab, attributesClass('platinum', { iops: '16000' }));
    await live.waitGone(ref, 'claim.attributes-class-missing');
    expect(vacCodes(ns, 'data')).toEqual([]);
  });

  it('a new claim naming a class that does not exist: no volume, claim.attributes-class-missing', async () => {
    const ns = await namespace(lab, 'vac-missing-new');
    // The API server accepts the claim: nothing checks that the class exists.
    await apply(lab, tunedClaim(ns, 'fresh', 'nonexistent'));
    const ref = claimRef(ns, 'fresh');
    const f = asRead(await live.waitFor(ref, 'claim.attributes-class-missing', 60_000));
    expect(f.cause.en).toBe('The claim asks for VolumeAttributesClass nonexistent, which does not exist: no volume is created for it until the class exists.');
    const event = await until('external-provisioner reports it', () => live.store.eventsFor('PersistentVolumeClaim', 'fresh', ns).find((e) => e.reason === 'ProvisioningFailed'), 60_000);
    expect(event.message).toMatch(/^volumeattributesclasses\.storage\.k8s\.io "nonexistent" not found/);
    await until('the finding shows the provisioner\'s event', () => evidenceLines(asRead(live.finding(ref, 'claim.attributes-class-missing')!)).includes(`Event ProvisioningFailed: ${event.message}`));
    expect(stored(ns, 'fresh')?.status?.phase).toBe('Pending');
  });

  it('a class of another driver: external-resizer applies it anyway, external-provisioner refuses it; claim.attributes-class-driver-mismatch', async () => {
    const ns = await namespace(lab, 'vac-alien');
    await apply(lab, tunedClaim(ns, 'data', 'gold'));
    await bound(ns, 'data');
    await applied(ns, 'data', 'gold');
    await askFor(ns, 'data', 'alien');
    // external-resizer v2.3.0 does not compare the class's driverName with the volume's driver.
    await applied(ns, 'data', 'alien');
    const moved = asRead(await live.waitFor(claimRef(ns, 'data'), 'claim.attributes-class-driver-mismatch', 60_000));
    expect(moved.severity).toBe('warning');
    expect(moved.cause.en).toBe(`The claim asks for VolumeAttributesClass alien of driver other.example.com, but its volume is made by driver ${CSI_DRIVER_NAME}: its parameters were written for another driver, yet external-resizer passes them to ${CSI_DRIVER_NAME}, which may read them differently or ignore them.`);

    await apply(lab, tunedClaim(ns, 'fresh', 'alien'));
    const ref = claimRef(ns, 'fresh');
    await live.waitFor(ref, 'claim.attributes-class-driver-mismatch', 60_000);
    const event = await until('external-provisioner refuses it', () => live.store.eventsFor('PersistentVolumeClaim', 'fresh', ns).find((e) => e.reason === 'ProvisioningFailed'), 60_000);
    expect(event.message).toBe(`VAC alien referenced in PVC is for driver other.example.com which does not match driver name ${CSI_DRIVER_NAME}`);
    await until('the finding shows it', () => evidenceLines(asRead(live.finding(ref, 'claim.attributes-class-driver-mismatch')!)).includes(`Event ProvisioningFailed: ${event.message}`));
    expectCacheAgrees(live, ref);
  });

  it('a class whose parameter the driver refuses: Infeasible, claim.modify-infeasible with the driver\'s error', async () => {
    const ns = await namespace(lab, 'vac-infeasible');
    await apply(lab, tunedClaim(ns, 'data', 'gold'));
    await bound(ns, 'data');
    await applied(ns, 'data', 'gold');
    await askFor(ns, 'data', 'bursty');
    const ref = claimRef(ns, 'data');
    const f = asRead(await live.waitFor(ref, 'claim.modify-infeasible', 60_000));
    expect(stored(ns, 'data')?.status?.modifyVolumeStatus).toEqual({ targetVolumeAttributesClassName: 'bursty', status: 'Infeasible' });
    expect(f.cause.en).toBe('The driver refused to change the volume to VolumeAttributesClass bursty (Infeasible): the volume keeps class gold, and the change is retried only rarely.');
    const lines = evidenceLines(f);
    expect(lines).toContain(`Its driver and parameters: ${CSI_DRIVER_NAME}: burst=on`);
    expect(lines.some((l) => l.includes('unknown mutable parameter "burst"'))).toBe(true);
    expectCacheAgrees(live, ref);

    // Back to the class it has: nothing left to report.
    await askFor(ns, 'data', 'gold');
    await live.waitGone(ref, 'claim.modify-infeasible', 60_000);
  });

  it('the driver failing with Internal keeps the change InProgress: after 10 minutes claim.modify-slow; done once it answers', async () => {
    const ns = await namespace(lab, 'vac-slow');
    await apply(lab, tunedClaim(ns, 'data', 'gold'));
    await bound(ns, 'data');
    await applied(ns, 'data', 'gold');
    lab.setCsiFault('ControllerModifyVolume', { code: 'Internal', message: 'lab fault: the backend is busy' });
    try {
      await askFor(ns, 'data', 'silver');
      await until(
        'external-resizer retries with the error in a condition',
        () => {
          const s = stored(ns, 'data')?.status;
          return s?.modifyVolumeStatus?.status === 'InProgress' && s.conditions?.some((c) => c.type === 'ModifyVolumeError') ? s : undefined;
        },
        60_000,
        () => JSON.stringify(stored(ns, 'data')?.status),
      );
      const ref = claimRef(ns, 'data');
      // A change under way for seconds is normal.
      expect(vacCodes(ns, 'data')).toEqual([]);
      const slow = diagnoseObject(later(live.store, 11 * 60_000), ref).map(asRead).find((x) => x.code === 'claim.modify-slow');
      expect(slow?.cause.en).toBe('The change of the volume to VolumeAttributesClass silver has been in progress for 11 min: the driver keeps failing and it is retried; most drivers take seconds to minutes.');
      expect(evidenceLines(slow!).some((l) => l.includes('lab fault: the backend is busy'))).toBe(true);
    } finally {
      lab.setCsiFault('ControllerModifyVolume', undefined);
    }
    await applied(ns, 'data', 'silver');
    expect(vacCodes(ns, 'data')).toEqual([]);
  });
});
