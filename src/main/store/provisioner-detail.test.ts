import { describe, expect, it } from 'vitest';
import type { CSINode, Lease, PersistentVolumeClaim } from '../../shared/kube/objects';
import { eventCounts } from './provisioner-detail';
import { boundPair, event, pvc, sc, syncedStore, T0, TEST_NOW } from './testing/fixtures';

const NAME = 'example.com/nfs';
const ago = (s: number) => new Date(TEST_NOW - s * 1000).toISOString();

function lease(renewedSecondsAgo: number, holder = 'nfs-provisioner-0_1234', transitions = 3): Lease {
  return {
    kind: 'Lease',
    metadata: { name: 'example-com-nfs', namespace: 'storage', uid: 'lease-1' },
    spec: { holderIdentity: holder, leaseDurationSeconds: 15, renewTime: ago(renewedSecondsAgo), acquireTime: T0, leaseTransitions: transitions },
  };
}

function asked(claim: PersistentVolumeClaim, provisioner = NAME): PersistentVolumeClaim {
  return { ...claim, metadata: { ...claim.metadata, annotations: { 'volume.kubernetes.io/storage-provisioner': provisioner } } };
}

function csiNode(name: string, drivers: string[]): CSINode {
  return { kind: 'CSINode', metadata: { name, uid: `csinode-${name}` }, spec: { drivers: drivers.map((d) => ({ name: d, nodeID: name })) } };
}

/** A cluster where the NFS provisioner has two classes, one waiting claim, one volume it made and a CSI driver on one of two nodes. */
function cluster(renewedSecondsAgo: number) {
  const s = syncedStore();
  s.replace('storageclasses', [sc('fast', {}, true), sc('slow', { volumeBindingMode: 'WaitForFirstConsumer' }), sc('local', { provisioner: 'kubernetes.io/no-provisioner' })]);
  const [claim, volume] = boundPair('shop', 'data');
  const waiting = asked(pvc('shop', 'waiting'));
  s.replace('persistentvolumeclaims', [claim, waiting, pvc('shop', 'other-class', { storageClassName: 'local' })]);
  s.replace('persistentvolumes', [{ ...volume, metadata: { ...volume.metadata, annotations: { 'pv.kubernetes.io/provisioned-by': NAME } } }]);
  s.replace('leases', [lease(renewedSecondsAgo)]);
  s.replace('csidrivers', [{ kind: 'CSIDriver', metadata: { name: NAME, uid: 'd' }, spec: { attachRequired: false } }]);
  s.replace('csinodes', [csiNode('node-1', [NAME]), csiNode('node-2', [])]);
  s.replace('events', [
    event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: claim.metadata?.uid }, 'ProvisioningSucceeded', 'Successfully provisioned volume pv-data', ago(600)),
    event({ kind: 'PersistentVolumeClaim', name: 'waiting', namespace: 'shop', uid: waiting.metadata?.uid }, 'ExternalProvisioning', "Waiting for a volume to be created by the external provisioner 'example.com/nfs'", ago(30)),
    event({ kind: 'PersistentVolumeClaim', name: 'waiting', namespace: 'shop', uid: waiting.metadata?.uid }, 'ExternalProvisioning', 'again', ago(5)),
  ]);
  return s;
}

describe('provisioner details', () => {
  it('a live CSI provisioner: verdict, lease fields, driver and its nodes, classes, waiting claims, volumes, events', () => {
    const d = cluster(3).getProvisioner(NAME);
    expect(d).toMatchObject({ ref: { kind: 'provisioners', name: NAME }, name: NAME, type: 'csi', runner: 'csi', verdict: 'alive' });
    expect(d?.meaning.en).toContain('New claims of its classes get volumes');
    // The verdict chip says «работает»: the meaning does not say it again (trial 3: «работает» three times).
    expect(d?.meaning.ru).not.toContain('работает');
    expect(d?.lease).toEqual({
      namespace: 'storage',
      name: 'example-com-nfs',
      holder: 'nfs-provisioner-0_1234',
      renewTime: ago(3),
      renewAgeSeconds: 3,
      leaseDurationSeconds: 15,
      transitions: 3,
      acquireTime: T0,
      fresh: true,
    });
    expect(d?.csi).toMatchObject({ driverExists: true, attachRequired: false, registeredNodes: ['node-1'], unregisteredNodes: ['node-2'], expansionClasses: [] });
    // Its sidecars: the external-provisioner's Lease is the provisioner's; the others have none, and with
    // attachRequired: false there is no external-attacher row at all (trial 8, T8-1).
    expect(d?.csi?.sidecars?.map((s) => [s.sidecar, s.lease, s.leaseName, s.waiting])).toEqual([
      ['external-provisioner', 'held', 'example-com-nfs', undefined],
      ['external-resizer', 'not-found', 'external-resizer-example-com-nfs', 0],
      ['csi-snapshotter', 'not-found', 'external-snapshotter-leader-example-com-nfs', undefined],
    ]);
    expect(d?.classes).toEqual([
      { name: 'fast', isDefault: true, bindingMode: 'Immediate', reclaimPolicy: 'Delete' },
      { name: 'slow', isDefault: false, bindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' },
    ]);
    expect(d?.waitingClaims.map((c) => `${c.namespace}/${c.name}`)).toEqual(['shop/waiting']);
    expect(d?.waitingTotal).toBe(1);
    expect(d?.volumes.map((v) => `${v.phase} ${v.capacity} ${v.claim?.namespace}/${v.claim?.name}`)).toEqual(['Bound 1Gi shop/data']);
    expect(d?.volumesTotal).toBe(1);
    expect(d?.eventCounts).toEqual([
      { reason: 'ExternalProvisioning', type: 'Normal', count: 2, claims: 1, lastSeen: ago(5), lastMessage: 'again' },
      { reason: 'ProvisioningSucceeded', type: 'Normal', count: 1, claims: 1, lastSeen: ago(600), lastMessage: 'Successfully provisioned volume pv-data' },
    ]);
    expect(d?.events.map((e) => e.reason)).toEqual(['ExternalProvisioning', 'ExternalProvisioning', 'ProvisioningSucceeded']);
    // Nothing of the internal row model: no badge, no reasons dumped as YAML.
    expect(Object.keys(d ?? {})).not.toContain('yaml');
  });

  it('a stopped provisioner: dead, the lease not fresh with its last renew, its findings grouped under it', () => {
    const d = cluster(600).getProvisioner(NAME);
    expect(d?.verdict).toBe('dead');
    expect(d?.lease).toMatchObject({ fresh: false, renewTime: ago(600), renewAgeSeconds: 600 });
    expect(d?.meaning.en).toContain('no volume will be created until it runs again');
    expect(d?.reasons[0]?.en).toContain('was last renewed 10 min ago');
    expect(d?.findingGroups.map((g) => `${g.code} ${g.count}`)).toEqual(['claim.provisioner-dead 1']);
    expect(d?.findingGroups.every((g) => g.subject?.type === 'provisioner' && g.subject.name === NAME)).toBe(true);
    // The waiting claim is listed whatever the verdict.
    expect(d?.waitingClaims.map((c) => c.name)).toEqual(['waiting']);
  });

  it('evidence rows each have a short label, a value and a source', () => {
    for (const age of [3, 600]) {
      const d = cluster(age).getProvisioner(NAME);
      expect(d?.evidence.length).toBeGreaterThan(5);
      for (const e of d?.evidence ?? []) {
        expect(e.value, e.label.en).not.toBe('');
        expect(e.source ?? e.event, e.label.en).toBeTruthy();
        expect(e.label.en.length, e.label.en).toBeLessThanOrEqual(30);
        expect(e.label.ru.length, e.label.ru).toBeLessThanOrEqual(30);
        expect(e.label.ru).not.toBe(e.label.en === 'CSIDriver' ? 'x' : e.label.en);
      }
      const byLabel = new Map(d?.evidence.map((e) => [e.label.en, e]));
      expect(byLabel.get('Holder')).toMatchObject({ value: 'nfs-provisioner-0_1234', source: 'spec.holderIdentity', ref: { kind: 'leases', namespace: 'storage', name: 'example-com-nfs' } });
      expect(byLabel.get('Renewed')).toMatchObject({ value: ago(age), source: 'spec.renewTime' });
      expect(byLabel.get('Leader changes')).toMatchObject({ value: '3', source: 'spec.leaseTransitions' });
      expect(byLabel.get('Claims waiting')).toMatchObject({ value: '1' });
    }
  });

  it('says plainly who runs in-tree and static-only provisioners', () => {
    const s = cluster(3);
    s.replace('storageclasses', [sc('local', { provisioner: 'kubernetes.io/no-provisioner' }), sc('host', { provisioner: 'kubernetes.io/host-path' })]);
    s.add('leases', { kind: 'Lease', metadata: { name: 'kube-controller-manager', namespace: 'kube-system', uid: 'kcm' }, spec: { holderIdentity: 'cp_1', leaseDurationSeconds: 15, renewTime: ago(2), leaseTransitions: 1 } });
    const none = s.getProvisioner('kubernetes.io/no-provisioner');
    expect(none).toMatchObject({ runner: 'none', type: 'none' });
    expect(none?.meaning.en).toContain('Not a provisioner');
    expect(none?.meaning.ru).toContain('Это не провизионер');
    expect(none?.waitingClaims.map((c) => c.name)).toEqual(['other-class']);
    expect(none?.evidence.find((e) => e.label.en === 'Run by')?.value).toBe('kubernetes.io/no-provisioner');
    const inTree = s.getProvisioner('kubernetes.io/host-path');
    expect(inTree).toMatchObject({ runner: 'controller-manager', type: 'in-tree', verdict: 'alive', lease: { namespace: 'kube-system', name: 'kube-controller-manager', holder: 'cp_1', fresh: true } });
    expect(inTree?.meaning.en).toContain('part of kube-controller-manager');
    expect(inTree?.meaning.ru.match(/работает/g) ?? []).toEqual([]);
    expect(inTree?.evidence.find((e) => e.label.en === 'Run by')?.value).toBe('kube-controller-manager');
    expect(inTree?.csi).toBeUndefined();
  });

  it('null for a name no class gives', () => {
    expect(cluster(3).getProvisioner('nobody.example.com')).toBeNull();
  });

  it('sums event counts per reason, counting each claim once', () => {
    const a = event({ kind: 'PersistentVolumeClaim', name: 'a', namespace: 'x' }, 'ProvisioningFailed', 'first', ago(100), 'Warning');
    const b = { ...event({ kind: 'PersistentVolumeClaim', name: 'a', namespace: 'x' }, 'ProvisioningFailed', 'newest', ago(10), 'Warning'), count: 4 };
    const c = event({ kind: 'PersistentVolumeClaim', name: 'b', namespace: 'x' }, 'ProvisioningFailed', 'middle', ago(50), 'Warning');
    expect(eventCounts([a, b, c])).toEqual([{ reason: 'ProvisioningFailed', type: 'Warning', count: 6, claims: 2, lastSeen: ago(10), lastMessage: 'newest' }]);
  });
});
