import { describe, expect, it } from 'vitest';
import type { Resource } from '../../shared/kube/resource-registry';
import type { KubeObject, Pod } from '../../shared/kube/objects';
import { boundPair, event, pod, pv, pvc, sc } from './testing/fixtures';
import { NO_CLASS } from './indices';
import { ObjectStore } from './object-store';

function recording() {
  const changes: { kind: Resource; key: string; before?: string; after?: string }[] = [];
  const store = new ObjectStore((kind, key, before, after) => {
    changes.push({ kind, key, ...(before?.metadata?.uid ? { before: before.metadata.uid } : {}), ...(after?.metadata?.uid ? { after: after.metadata.uid } : {}) });
  });
  return { store, changes };
}

const names = (objs: readonly KubeObject[]) => objs.map((o) => o.metadata?.name).sort();

describe('ObjectStore updates', () => {
  it('adds, modifies and deletes by namespace/name', () => {
    const { store, changes } = recording();
    const claim = pvc('shop', 'data');
    store.add('persistentvolumeclaims', claim);
    store.update('persistentvolumeclaims', { ...claim, status: { phase: 'Bound' } });
    expect(store.get('persistentvolumeclaims', 'data', 'shop')?.status?.phase).toBe('Bound');
    store.delete('persistentvolumeclaims', claim);
    expect(store.get('persistentvolumeclaims', 'data', 'shop')).toBeUndefined();
    expect(changes.map((c) => [c.key, Boolean(c.before), Boolean(c.after)])).toEqual([
      ['shop/data', false, true],
      ['shop/data', true, true],
      ['shop/data', true, false],
    ]);
  });

  it('treats a re-created object (new UID under the same name) as a delete and an add', () => {
    const { store, changes } = recording();
    const first = pvc('shop', 'data');
    const second = { ...pvc('shop', 'data') };
    store.add('persistentvolumeclaims', first);
    store.add('persistentvolumeclaims', second);
    expect(store.get('persistentvolumeclaims', 'data', 'shop')?.metadata?.uid).toBe(second.metadata?.uid);
    expect(changes.slice(1)).toEqual([
      { kind: 'persistentvolumeclaims', key: 'shop/data', before: first.metadata?.uid },
      { kind: 'persistentvolumeclaims', key: 'shop/data', after: second.metadata?.uid },
    ]);
  });

  it('ignores a late delete of the earlier object of a name', () => {
    const { store } = recording();
    const first = pvc('shop', 'data');
    const second = pvc('shop', 'data');
    store.add('persistentvolumeclaims', first);
    store.add('persistentvolumeclaims', second);
    store.delete('persistentvolumeclaims', first);
    expect(store.get('persistentvolumeclaims', 'data', 'shop')?.metadata?.uid).toBe(second.metadata?.uid);
  });

  it('reset removes vanished objects, keeps unchanged ones silent and replaces changed ones', () => {
    const { store, changes } = recording();
    const a = pvc('shop', 'a');
    const b = pvc('shop', 'b');
    store.replace('persistentvolumeclaims', [a, b]);
    changes.length = 0;
    const a2 = { ...a, metadata: { ...a.metadata, resourceVersion: '2' }, status: { phase: 'Bound' } };
    const c = pvc('shop', 'c');
    store.replace('persistentvolumeclaims', [a2, c]);
    expect(names(store.list('persistentvolumeclaims'))).toEqual(['a', 'c']);
    expect(changes.map((ch) => [ch.key, Boolean(ch.before), Boolean(ch.after)]).sort()).toEqual([
      ['shop/a', true, true],
      ['shop/b', true, false],
      ['shop/c', false, true],
    ]);
    changes.length = 0;
    store.replace('persistentvolumeclaims', [a2, c]);
    expect(changes).toEqual([]);
  });

  it('reset of one namespace leaves the other namespaces alone', () => {
    const { store } = recording();
    store.replace('persistentvolumeclaims', [pvc('shop', 'a'), pvc('blog', 'b')]);
    store.replace('persistentvolumeclaims', [pvc('shop', 'z')], 'shop');
    expect(names(store.list('persistentvolumeclaims'))).toEqual(['b', 'z']);
    expect(names(store.list('persistentvolumeclaims', 'blog'))).toEqual(['b']);
  });

  it('lists are rebuilt only after a change of their kind or namespace', () => {
    const { store } = recording();
    store.add('pods', pod('shop', 'a'));
    const first = store.list('pods');
    expect(store.list('pods')).toBe(first);
    store.add('pods', pod('shop', 'b'));
    expect(store.list('pods')).not.toBe(first);
    expect(store.list('pods')).toHaveLength(2);
  });
});

describe('ObjectStore indices', () => {
  it('claim <-> volume, also for pre-bound volumes and claims naming a volume', () => {
    const { store } = recording();
    const [claim, volume] = boundPair('shop', 'data');
    const prebound = pv('reserved', { claimRef: { namespace: 'shop', name: 'later' } });
    store.add('persistentvolumeclaims', claim);
    store.add('persistentvolumes', volume);
    store.add('persistentvolumes', prebound);
    expect(names(store.volumesClaiming('shop', 'data'))).toEqual([volume.metadata?.name]);
    expect(names(store.volumesClaiming('shop', 'later'))).toEqual(['reserved']);
    expect(names(store.claimsNamingVolume(volume.metadata?.name ?? ''))).toEqual(['data']);
  });

  it('class -> claims by effective class, with claims naming no class apart from those asking for ""', () => {
    const { store } = recording();
    store.add('persistentvolumeclaims', pvc('shop', 'a', { storageClassName: 'fast' }));
    store.add('persistentvolumeclaims', pvc('shop', 'b', { storageClassName: undefined }));
    const legacy = pvc('shop', 'c', { storageClassName: undefined });
    legacy.metadata = { ...legacy.metadata, annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } };
    store.add('persistentvolumeclaims', legacy);
    store.add('persistentvolumeclaims', pvc('shop', 'd', { storageClassName: '' }));
    expect(names(store.claimsOfClass('fast'))).toEqual(['a', 'c']);
    // "" explicitly asks for volumes without a class; it is not "no class named".
    expect(names(store.claimsOfClass(''))).toEqual(['d']);
    expect(names(store.claimsOfClass(NO_CLASS))).toEqual(['b']);
  });

  it('pod -> claims including generic ephemeral volumes named <pod>-<volume>, and node -> pods', () => {
    const { store } = recording();
    const p: Pod = pod('shop', 'web-0', ['data'], { nodeName: 'node-1' });
    p.spec?.volumes?.push({ name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'fast' } } } });
    store.add('pods', p);
    expect(names(store.podsUsingClaim('shop', 'data'))).toEqual(['web-0']);
    expect(names(store.podsUsingClaim('shop', 'web-0-scratch'))).toEqual(['web-0']);
    expect(names(store.podsOnNode('node-1'))).toEqual(['web-0']);
  });

  it('moves index entries when an object changes what it points at', () => {
    const { store } = recording();
    const p = pod('shop', 'app', ['one'], { nodeName: 'node-1' });
    store.add('pods', p);
    store.update('pods', { ...pod('shop', 'app', ['two'], { nodeName: 'node-2' }), metadata: p.metadata });
    expect(store.podsUsingClaim('shop', 'one')).toEqual([]);
    expect(names(store.podsUsingClaim('shop', 'two'))).toEqual(['app']);
    expect(store.podsOnNode('node-1')).toEqual([]);
    store.delete('pods', p);
    expect(store.podsUsingClaim('shop', 'two')).toEqual([]);
  });

  it('events by involved object (newest first) and by UID', () => {
    const { store } = recording();
    const about = { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: 'claim-uid' };
    store.add('events', event(about, 'ExternalProvisioning', 'waiting', '2026-11-28T09:00:00Z'));
    store.add('events', event(about, 'ProvisioningFailed', 'failed', '2026-11-28T09:05:00Z'));
    expect(store.eventsFor('PersistentVolumeClaim', 'data', 'shop').map((e) => e.reason)).toEqual(['ProvisioningFailed', 'ExternalProvisioning']);
    expect(store.eventsForUid('claim-uid')).toHaveLength(2);
    expect(store.eventsFor('PersistentVolumeClaim', 'data', 'other')).toEqual([]);
  });

  it('default classes, provisioner -> classes, leases by name, CSINodes by driver, attachments by volume', () => {
    const { store } = recording();
    store.add('storageclasses', sc('fast', {}, true));
    store.add('storageclasses', sc('slow', { provisioner: 'other.io/x' }));
    store.add('leases', { kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l1' } });
    store.add('csinodes', { kind: 'CSINode', metadata: { name: 'node-1', uid: 'c1' }, spec: { drivers: [{ name: 'example.com/nfs' }] } });
    store.add('volumeattachments', { kind: 'VolumeAttachment', metadata: { name: 'va', uid: 'v1' }, spec: { nodeName: 'node-1', source: { persistentVolumeName: 'pv-1' } } });
    expect(names(store.defaultClasses())).toEqual(['fast']);
    expect(store.defaultClassName()).toBe('fast');
    expect(names(store.classesOfProvisioner('example.com/nfs'))).toEqual(['fast']);
    expect(store.provisionerNames()).toEqual(['example.com/nfs', 'other.io/x']);
    expect(names(store.leasesNamed('example-com-nfs'))).toEqual(['example-com-nfs']);
    expect(names(store.csiNodesWithDriver('example.com/nfs'))).toEqual(['node-1']);
    expect(names(store.attachmentsOfVolume('pv-1'))).toEqual(['va']);
    expect(names(store.attachmentsOnNode('node-1'))).toEqual(['va']);
  });

  it('owner references: pods by owner', () => {
    const { store } = recording();
    const p = pod('shop', 'db-0');
    p.metadata = { ...p.metadata, ownerReferences: [{ kind: 'StatefulSet', name: 'db', controller: true }] };
    store.add('pods', p);
    expect(names(store.podsOwnedBy('StatefulSet', 'shop', 'db'))).toEqual(['db-0']);
  });

  it('provisioner -> the pods that name it or are csi-provisioner sidecars of the lease namespace, following updates', () => {
    const { store } = recording();
    let version = 0;
    const runner = (args: string[], name = 'csi-0', ns = 'csi'): Pod => {
      const p = pod(ns, name);
      version += 1;
      return { ...p, metadata: { ...p.metadata, resourceVersion: String(version) }, spec: { ...p.spec, containers: [{ name: 'csi-provisioner', image: 'x', args }] } };
    };
    store.add('pods', runner(['--provisioner=a.example.com']));
    store.add('pods', pod('shop', 'web'));
    expect(names(store.podsRunningProvisioner('a.example.com', undefined))).toEqual(['csi-0']);
    expect(names(store.podsRunningProvisioner('b.example.com', 'csi'))).toEqual(['csi-0']);
    expect(names(store.podsRunningProvisioner('b.example.com', 'shop'))).toEqual([]);
    // An update that names another provisioner moves the pod in the index.
    store.update('pods', runner(['--driver=c.example.com']));
    expect(names(store.podsRunningProvisioner('a.example.com', undefined))).toEqual([]);
    expect(names(store.podsRunningProvisioner('c.example.com', undefined))).toEqual(['csi-0']);
    store.delete('pods', store.get('pods', 'csi-0', 'csi')!);
    expect(names(store.podsRunningProvisioner('c.example.com', 'csi'))).toEqual([]);
  });

  it('lists namespaces and counts', () => {
    const { store } = recording();
    store.add('pods', pod('b', 'x'));
    store.add('persistentvolumeclaims', pvc('a', 'y'));
    expect(store.namespaces()).toEqual(['a', 'b']);
    expect(store.count('pods')).toBe(1);
  });
});
