import { describe, expect, it } from 'vitest';
import type { CSIDriver, KubeObject, Lease, VolumeSnapshot } from '../../../shared/kube/objects';
import type { SummaryField, SummaryFieldId } from '../../../shared/model/summary';
import { SUMMARY_FIELD_IDS } from '../../../shared/model/summary';
import { ClusterStore } from '../cluster-store';
import { attachment, boundPair, event, nodeObj, pod, pv, pvc, sc, T0, syncedStore, TEST_NOW } from '../testing/fixtures';

const NOW = TEST_NOW;
const store = () => syncedStore();

/** The summary as { id: field } (ids are unique within one summary). */
function byId(fields: SummaryField[] | undefined): Partial<Record<SummaryFieldId, SummaryField>> {
  const out: Partial<Record<SummaryFieldId, SummaryField>> = {};
  for (const f of fields ?? []) {
    expect(out[f.id], `field ${f.id} appears once`).toBeUndefined();
    out[f.id] = f;
  }
  return out;
}

const ids = (fields: SummaryField[] | undefined) => (fields ?? []).map((f) => f.id);

describe('claim summary', () => {
  it('a Pending claim of a missing class: what it asks for first, verbatim, the class flagged missing, then metadata', () => {
    const s = store();
    const claim = pvc('lab-stuck', 'missing-class', { storageClassName: 'fast-ssd', resources: { requests: { storage: '1500M' } }, volumeMode: undefined });
    claim.metadata = { ...claim.metadata, labels: { app: 'shop' }, annotations: { note: 'a "quoted" <b>value</b>' }, finalizers: ['kubernetes.io/pvc-protection'] };
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('pods', [pod('lab-stuck', 'app', ['missing-class'])]);
    const summary = s.getObject({ kind: 'persistentvolumeclaims', name: 'missing-class', namespace: 'lab-stuck' })?.summary;
    expect(ids(summary)).toEqual(['phase', 'requested', 'accessModes', 'volumeMode', 'storageClass', 'usedBy', 'age', 'labels', 'annotations', 'finalizers']);
    const f = byId(summary);
    expect(f.phase).toEqual({ id: 'phase', path: 'status.phase', value: { type: 'text', text: 'Pending' } });
    // Sizes stay as written: 1500M is not turned into 1.4Gi.
    expect(f.requested?.value).toEqual({ type: 'text', text: '1500M' });
    expect(f.accessModes).toEqual({ id: 'accessModes', path: 'spec.accessModes', value: { type: 'list', items: ['ReadWriteOnce'] } });
    expect(f.volumeMode).toMatchObject({ value: { type: 'text', text: 'Filesystem' }, note: 'not-set' });
    expect(f.storageClass).toEqual({ id: 'storageClass', path: 'spec.storageClassName', value: { type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'fast-ssd' }, missing: true }] } });
    expect(f.usedBy?.value).toMatchObject({ type: 'refs', refs: [{ ref: { kind: 'pods', namespace: 'lab-stuck', name: 'app' } }] });
    expect(f.age?.value).toEqual({ type: 'time', at: T0 });
    expect(f.annotations?.value).toEqual({ type: 'map', entries: [['note', 'a "quoted" <b>value</b>']] });
    expect(f.finalizers?.value).toEqual({ type: 'list', items: ['kubernetes.io/pvc-protection'] });
  });

  it('a bound claim: capacity, its volume, conditions', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    claim.status = { ...claim.status, conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: T0, message: 'waiting' }] };
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    const f = byId(s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' })?.summary);
    expect(f.capacity?.value).toEqual({ type: 'text', text: '1Gi' });
    expect(f.storageClass?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'fast' } }] });
    expect(f.volumeName?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'persistentvolumes', name: volume.metadata?.name } }] });
    expect(f.conditions?.value).toEqual({ type: 'conditions', conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: T0, message: 'waiting' }] });
  });

  it('its VolumeAttributesClass: asked for, applied, and a change under way with its target', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    claim.spec = { ...claim.spec, volumeAttributesClassName: 'silver' };
    claim.status = { ...claim.status, currentVolumeAttributesClassName: 'gold', modifyVolumeStatus: { targetVolumeAttributesClassName: 'silver', status: 'InProgress' } };
    s.replace('volumeattributesclasses', [{ apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass', metadata: { name: 'gold' }, driverName: 'csi.example.com', parameters: { iops: '3000' } }]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    const f = byId(s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' })?.summary);
    expect(f.attributesClass).toEqual({ id: 'attributesClass', path: 'spec.volumeAttributesClassName', value: { type: 'refs', refs: [{ ref: { kind: 'volumeattributesclasses', name: 'silver' } }] } });
    expect(f.currentAttributesClass?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'volumeattributesclasses', name: 'gold' } }] });
    expect(f.modifyStatus).toEqual({ id: 'modifyStatus', path: 'status.modifyVolumeStatus.status', value: { type: 'text', text: 'InProgress' } });
    expect(f.modifyTarget?.path).toBe('status.modifyVolumeStatus.targetVolumeAttributesClassName');
    const vac = byId(s.getObject({ kind: 'volumeattributesclasses', name: 'gold' })?.summary);
    expect(vac.driver?.value).toEqual({ type: 'text', text: 'csi.example.com' });
    expect(vac.parameters?.value).toEqual({ type: 'map', entries: [['iops', '3000']] });
    // The claims that ask for it (spec), not those that have it now: none.
    expect(vac.claims).toBeUndefined();
  });

  it('the class as the PV controller reads it: "" is static only, unset takes the default, the legacy annotation counts', () => {
    const s = store();
    s.replace('storageclasses', [sc('standard', {}, true)]);
    s.replace('persistentvolumeclaims', [
      pvc('a', 'empty', { storageClassName: '' }),
      pvc('a', 'unset', { storageClassName: undefined }),
      { ...pvc('a', 'legacy', { storageClassName: undefined }), metadata: { name: 'legacy', namespace: 'a', annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } } },
    ]);
    const classOf = (name: string) => byId(s.getObject({ kind: 'persistentvolumeclaims', name, namespace: 'a' })?.summary).storageClass;
    expect(classOf('empty')).toMatchObject({ value: { type: 'code', text: '""' }, note: 'static-only' });
    expect(classOf('unset')).toMatchObject({ value: { type: 'refs', refs: [{ ref: { name: 'standard' } }] }, note: 'default-class' });
    expect(classOf('legacy')).toMatchObject({
      path: 'metadata.annotations[volume.beta.kubernetes.io/storage-class]',
      value: { type: 'refs', refs: [{ ref: { name: 'old' }, missing: true }] },
      note: 'legacy-annotation',
    });
    s.replace('storageclasses', []);
    expect(classOf('unset')).toMatchObject({ note: 'no-default-class' });
  });

  it('does not call the class missing when classes could not be read', () => {
    const s = new ClusterStore('t', { now: () => NOW });
    s.kindStatus({ kind: 'storageclasses', state: 'forbidden', count: 0 });
    s.replace('persistentvolumeclaims', [pvc('a', 'c', { storageClassName: 'fast' })]);
    expect(byId(s.getObject({ kind: 'persistentvolumeclaims', name: 'c', namespace: 'a' })?.summary).storageClass?.value).toEqual({
      type: 'refs',
      refs: [{ ref: { kind: 'storageclasses', name: 'fast' } }],
    });
  });
});

describe('volume summary', () => {
  it('reclaim policy, claim, source with its fields, node affinity, mount options, status message', () => {
    const s = store();
    const volume = pv(
      'local-pv',
      {
        storageClassName: 'local',
        persistentVolumeReclaimPolicy: 'Retain',
        csi: undefined,
        local: { path: '/mnt/disks/ssd1' },
        claimRef: { namespace: 'shop', name: 'gone' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1'] }] }] } },
        mountOptions: ['noatime'],
      },
      'Released',
    );
    volume.status = { phase: 'Released', reason: 'Released', message: 'claim deleted' };
    s.replace('storageclasses', [sc('local')]);
    s.replace('persistentvolumes', [volume]);
    const summary = s.getObject({ kind: 'persistentvolumes', name: 'local-pv' })?.summary;
    expect(ids(summary)).toEqual(['phase', 'capacity', 'accessModes', 'volumeMode', 'storageClass', 'claimRef', 'reclaimPolicy', 'volumeSource', 'nodeAffinity', 'mountOptions', 'statusMessage', 'age']);
    const f = byId(summary);
    expect(f.reclaimPolicy?.value).toEqual({ type: 'text', text: 'Retain' });
    expect(f.claimRef?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'gone' }, missing: true }] });
    expect(f.volumeSource).toEqual({ id: 'volumeSource', path: 'spec.local', value: { type: 'code', text: 'local: path=/mnt/disks/ssd1' } });
    expect(f.nodeAffinity?.value).toEqual({ type: 'code', text: 'kubernetes.io/hostname in (node-1)' });
    expect(f.statusMessage?.value).toEqual({ type: 'text', text: 'Released: claim deleted' });
    expect(f.storageClass?.note).toBeUndefined();
  });

  it('a class of hand-made volumes ("manual") that no StorageClass object carries is a name, not a missing object', () => {
    const s = store();
    s.replace('persistentvolumes', [pv('lab-static-pv', { storageClassName: 'manual' })]);
    const f = byId(s.getObject({ kind: 'persistentvolumes', name: 'lab-static-pv' })?.summary);
    expect(f.storageClass).toMatchObject({ value: { type: 'code', text: 'manual' }, note: 'static-class' });
    expect(JSON.stringify(f.storageClass)).not.toContain('missing');
  });

  it('a volume without a class binds only claims asking for none', () => {
    const s = store();
    s.replace('persistentvolumes', [pv('plain')]);
    const f = byId(s.getObject({ kind: 'persistentvolumes', name: 'plain' })?.summary);
    expect(f.storageClass).toMatchObject({ value: { type: 'code', text: '""' }, note: 'static-only' });
    expect(f.volumeSource?.value).toEqual({ type: 'code', text: 'csi: driver=example.com/nfs volumeHandle=plain' });
  });
});

describe('class summary', () => {
  it('provisioner linked to its view with its verdict, default, binding mode, reclaim, expansion, parameters verbatim', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast', { volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true, parameters: { type: 'pd-ssd', 'csi.storage.k8s.io/fstype': 'ext4' } }, true)]);
    const summary = s.getObject({ kind: 'storageclasses', name: 'fast' })?.summary;
    expect(ids(summary)).toEqual(['provisioner', 'verdict', 'isDefault', 'bindingMode', 'reclaimPolicy', 'allowExpansion', 'parameters', 'age', 'annotations']);
    const f = byId(summary);
    expect(f.provisioner?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'example.com/nfs' }, view: 'provisioners' }] });
    expect(f.verdict?.value.type).toBe('verdict');
    expect(f.isDefault).toEqual({ id: 'isDefault', path: 'metadata.annotations[storageclass.kubernetes.io/is-default-class]', value: { type: 'bool', value: true } });
    expect(f.bindingMode?.value).toEqual({ type: 'text', text: 'WaitForFirstConsumer' });
    expect(f.allowExpansion).toEqual({ id: 'allowExpansion', path: 'allowVolumeExpansion', value: { type: 'bool', value: true } });
    expect(f.parameters?.value).toEqual({ type: 'map', entries: [['type', 'pd-ssd'], ['csi.storage.k8s.io/fstype', 'ext4']] });
  });

  it('unset fields show the API defaults, marked as such', () => {
    const s = store();
    s.replace('storageclasses', [sc('bare', { reclaimPolicy: undefined, volumeBindingMode: undefined })]);
    const f = byId(s.getObject({ kind: 'storageclasses', name: 'bare' })?.summary);
    expect(f.isDefault?.value).toEqual({ type: 'bool', value: false });
    expect(f.bindingMode).toMatchObject({ value: { text: 'Immediate' }, note: 'not-set' });
    expect(f.reclaimPolicy).toMatchObject({ value: { text: 'Delete' }, note: 'not-set' });
    expect(f.allowExpansion).toMatchObject({ value: { type: 'bool', value: false }, note: 'not-set' });
  });

  it('a CSI driver with the storage.k8s.io/v1 defaults', () => {
    const s = store();
    const driver: CSIDriver = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'hostpath.csi.k8s.io', uid: 'd' }, spec: { attachRequired: false } };
    s.replace('csidrivers', [driver]);
    const f = byId(s.getObject({ kind: 'csidrivers', name: 'hostpath.csi.k8s.io' })?.summary);
    expect(f.attachRequired).toEqual({ id: 'attachRequired', path: 'spec.attachRequired', value: { type: 'bool', value: false } });
    expect(f.podInfoOnMount).toMatchObject({ value: { value: false }, note: 'not-set' });
    expect(f.fsGroupPolicy).toMatchObject({ value: { text: 'ReadWriteOnceWithFSType' }, note: 'not-set' });
    expect(f.lifecycleModes).toMatchObject({ value: { items: ['Persistent'] }, note: 'not-set' });
  });
});

describe('pod and node summary', () => {
  it('a pod: node, QoS class, claims (missing flagged), volumes by type, the user and group of its files', () => {
    const s = store();
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'data')]);
    const p = pod('shop', 'db-0', ['data', 'gone'], { nodeName: 'node-1' });
    p.spec = { ...p.spec, securityContext: { runAsUser: 1000, fsGroup: 2000 } };
    p.status = { ...p.status, qosClass: 'BestEffort', startTime: T0 };
    s.replace('pods', [p]);
    const summary = s.getObject({ kind: 'pods', name: 'db-0', namespace: 'shop' })?.summary;
    expect(ids(summary)).toEqual(['phase', 'node', 'qosClass', 'claims', 'podVolumes', 'runAsUser', 'fsGroup', 'startTime', 'conditions', 'age']);
    const f = byId(summary);
    expect(f.node?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'nodes', name: 'node-1' } }] });
    expect(f.qosClass?.value).toEqual({ type: 'text', text: 'BestEffort' });
    expect(f.claims?.value).toEqual({
      type: 'refs',
      refs: [{ ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' } }, { ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'gone' }, missing: true }],
    });
    expect(f.podVolumes?.value).toEqual({ type: 'list', items: ['v0 (persistentVolumeClaim)', 'v1 (persistentVolumeClaim)'] });
    expect(f.runAsUser?.value).toEqual({ type: 'text', text: '1000' });
    expect(f.fsGroup?.value).toEqual({ type: 'text', text: '2000' });
  });

  it('a node: ready, zone, CSI drivers registered on it, attached volumes', () => {
    const s = store();
    const node = nodeObj('node-1', 'eu-1a');
    node.status = { ...node.status, nodeInfo: { kubeletVersion: 'v1.37.2' }, volumesAttached: [{ name: 'kubernetes.io/csi/x^vol-1', devicePath: '' }], allocatable: { 'ephemeral-storage': '50Gi' } };
    s.replace('nodes', [node]);
    s.replace('csinodes', [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'node-1' }, spec: { drivers: [{ name: 'hostpath.csi.k8s.io', nodeID: 'node-1' }] } }]);
    const f = byId(s.getObject({ kind: 'nodes', name: 'node-1' })?.summary);
    expect(f.ready?.value).toEqual({ type: 'bool', value: true });
    expect(f.zone).toEqual({ id: 'zone', path: 'metadata.labels[topology.kubernetes.io/zone]', value: { type: 'text', text: 'eu-1a' } });
    expect(f.csiDrivers?.value).toEqual({ type: 'list', items: ['hostpath.csi.k8s.io'] });
    expect(f.volumesAttached?.value).toEqual({ type: 'list', items: ['kubernetes.io/csi/x^vol-1'] });
    expect(f.ephemeralStorage?.value).toEqual({ type: 'text', text: '50Gi' });
  });
});

describe("a claim's and a pod's attachment (issue 15)", () => {
  const csiPair = () => {
    const [claim, volume] = boundPair('shop', 'data');
    volume.spec = { ...volume.spec, csi: { driver: 'example.com/nfs', volumeHandle: 'vol-1' } };
    return [claim, volume] as const;
  };

  it('attached to the node of the pod by the driver; the claim lists every attachment and the pod only its node', () => {
    const s = store();
    const [claim, volume] = csiPair();
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' })]);
    s.replace('volumeattachments', [attachment(volume.metadata!.name!, 'node-1'), attachment(volume.metadata!.name!, 'node-2', false)]);
    const onPod = byId(s.getObject({ kind: 'pods', name: 'db-0', namespace: 'shop' })?.summary).attachment;
    expect(onPod).toEqual({
      id: 'attachment',
      path: 'VolumeAttachment spec.nodeName, spec.attacher, status',
      value: { type: 'attachment', attachments: [{ state: 'attached', node: 'node-1', driver: 'example.com/nfs', volume: expect.objectContaining({ name: volume.metadata?.name }), attachment: expect.objectContaining({ kind: 'volumeattachments', name: `csi-${volume.metadata?.name}-node-1` }) }] },
    });
    const onClaim = byId(s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' })?.summary).attachment;
    expect(onClaim?.value.type === 'attachment' && onClaim.value.attachments.map((a) => [a.state, a.node])).toEqual([['attached', 'node-1'], ['attaching', 'node-2']]);
  });

  it('why not: the CSIDriver needs no attachment, none made yet for the pod\'s node; nothing for a pod not placed or a volume that is not CSI', () => {
    const s = store();
    const [claim, volume] = csiPair();
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' }), pod('shop', 'waiting', ['data'])]);
    const states = (kind: 'pods' | 'persistentvolumeclaims', name: string) => {
      const f = byId(s.getObject({ kind, name, namespace: 'shop' })?.summary).attachment;
      return f?.value.type === 'attachment' ? f.value.attachments.map((a) => a.state) : undefined;
    };
    expect(states('pods', 'db-0')).toEqual(['not-created']);
    expect(states('persistentvolumeclaims', 'data')).toEqual(['not-created']);
    expect(states('pods', 'waiting')).toBeUndefined();
    s.replace('csidrivers', [{ apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'example.com/nfs' }, spec: { attachRequired: false } }]);
    expect(states('pods', 'db-0')).toEqual(['not-required']);
    s.replace('persistentvolumes', [{ ...volume, metadata: { ...volume.metadata, resourceVersion: '2' }, spec: { ...volume.spec, csi: undefined, hostPath: { path: '/data' } } }]);
    expect(states('pods', 'db-0')).toBeUndefined();
  });
});

describe('the other kinds', () => {
  it('an attachment: attacher, node, volume, whether attached, the error', () => {
    const s = store();
    const va = attachment('pv-1', 'node-1', false);
    va.status = { attached: false, attachError: { message: 'rpc error: timeout' } };
    s.replace('volumeattachments', [va]);
    const f = byId(s.getObject({ kind: 'volumeattachments', name: va.metadata?.name ?? '' })?.summary);
    expect(f.attacher?.value).toEqual({ type: 'text', text: 'example.com/nfs' });
    expect(f.node?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'nodes', name: 'node-1' }, missing: true }] });
    expect(f.attachedVolume?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'persistentvolumes', name: 'pv-1' }, missing: true }] });
    expect(f.attached?.value).toEqual({ type: 'bool', value: false });
    expect(f.attachError?.value).toEqual({ type: 'text', text: 'rpc error: timeout' });
  });

  it('an event: type, reason, message verbatim, the object it is about, count and times, who reported it', () => {
    const s = store();
    const e = event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop' }, 'ProvisioningFailed', 'storageclass.storage.k8s.io "fast-ssd" not found', T0, 'Warning');
    s.replace('events', [e]);
    const f = byId(s.getObject({ kind: 'events', name: e.metadata?.name ?? '', namespace: 'shop' })?.summary);
    expect(f.eventType?.value).toEqual({ type: 'text', text: 'Warning' });
    expect(f.message?.value).toEqual({ type: 'text', text: 'storageclass.storage.k8s.io "fast-ssd" not found' });
    expect(f.involvedObject?.value).toEqual({ type: 'refs', refs: [{ ref: { kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' }, missing: true }] });
    expect(f.reportedBy?.value).toEqual({ type: 'text', text: 'persistentvolume-controller' });
  });

  it('a snapshot and a lease', () => {
    const s = store();
    for (const kind of ['volumesnapshots', 'volumesnapshotcontents', 'volumesnapshotclasses'] as const) s.kindStatus({ kind, state: 'synced', count: 0 });
    const snap: VolumeSnapshot = {
      apiVersion: 'snapshot.storage.k8s.io/v1',
      kind: 'VolumeSnapshot',
      metadata: { name: 'snap-1', namespace: 'shop' },
      spec: { source: { persistentVolumeClaimName: 'data' }, volumeSnapshotClassName: 'csi-snap' },
      status: { readyToUse: false, error: { message: 'snapshot failed' } },
    };
    s.replace('volumesnapshots', [snap]);
    const f = byId(s.getObject({ kind: 'volumesnapshots', name: 'snap-1', namespace: 'shop' })?.summary);
    expect(Object.keys(f)).toEqual(['sourceClaim', 'snapshotClass', 'readyToUse', 'snapshotError']);
    const lease: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'hostpath-csi', namespace: 'kube-system' }, spec: { holderIdentity: 'pod-a_1', renewTime: T0, leaseDurationSeconds: 15 } };
    s.replace('leases', [lease]);
    const l = byId(s.getObject({ kind: 'leases', name: 'hostpath-csi', namespace: 'kube-system' })?.summary);
    expect(l.holderIdentity?.value).toEqual({ type: 'text', text: 'pod-a_1' });
    expect(l.leaseDuration?.value).toEqual({ type: 'text', text: '15' });
  });

  it('owners are linked when the app shows their kind', () => {
    const s = store();
    const claim = pvc('shop', 'eph');
    claim.metadata = { ...claim.metadata, ownerReferences: [{ kind: 'Pod', name: 'web', controller: true }, { kind: 'StatefulSet', name: 'db' }, { kind: 'ReplicaSet', name: 'rs' }] };
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('pods', [pod('shop', 'web')]);
    const f = byId(s.getObject({ kind: 'persistentvolumeclaims', name: 'eph', namespace: 'shop' })?.summary);
    expect(f.owners?.value).toEqual({
      type: 'owners',
      owners: [
        { kind: 'Pod', name: 'web', controller: true, ref: { kind: 'pods', namespace: 'shop', name: 'web' } },
        // StatefulSets are watched since issue 12 part 4: linked; ReplicaSets are not shown: a name only.
        { kind: 'StatefulSet', name: 'db', controller: false, ref: { kind: 'statefulsets', namespace: 'shop', name: 'db' } },
        { kind: 'ReplicaSet', name: 'rs', controller: false },
      ],
    });
  });
});

describe('summary field ids', () => {
  it('are unique', () => {
    expect(new Set(SUMMARY_FIELD_IDS).size).toBe(SUMMARY_FIELD_IDS.length);
  });
  it('objects with nothing but a name still get a summary (hand-edited snapshots)', () => {
    const s = store();
    const sparse: KubeObject = { metadata: { name: 'x' } };
    s.replace('storageclasses', [sparse]);
    s.replace('persistentvolumes', [sparse]);
    s.replace('nodes', [sparse]);
    for (const kind of ['storageclasses', 'persistentvolumes', 'nodes'] as const) {
      expect(Array.isArray(s.getObject({ kind, name: 'x' })?.summary)).toBe(true);
    }
  });
});

describe("a claim's and a volume's provisioner (issue 9, part 5)", () => {
  it('link to the provisioner details with its verdict: a claim by its class (or the annotation the PV controller sets), a volume by pv.kubernetes.io/provisioned-by', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data');
    volume.metadata = { ...volume.metadata, name: volume.metadata?.name ?? '', annotations: { 'pv.kubernetes.io/provisioned-by': 'example.com/nfs' } };
    const handed = pvc('shop', 'handed', { storageClassName: 'fast' });
    handed.metadata = { ...handed.metadata, name: 'handed', annotations: { 'volume.kubernetes.io/storage-provisioner': 'other.example.com/csi' } };
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim, handed, pvc('shop', 'lost', { storageClassName: 'ghost' })]);
    s.replace('persistentvolumes', [volume]);
    const link = { type: 'refs', refs: [{ ref: { kind: 'storageclasses', name: 'example.com/nfs' }, view: 'provisioners' }] };
    const c = byId(s.getObject({ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'data' })?.summary);
    expect(c.provisioner).toEqual({ id: 'provisioner', path: 'storageclass.provisioner', value: link });
    expect(c.verdict?.value).toMatchObject({ type: 'verdict' });
    const v = byId(s.getObject({ kind: 'persistentvolumes', name: volume.metadata?.name ?? '' })?.summary);
    expect(v.provisioner).toEqual({ id: 'provisioner', path: 'metadata.annotations[pv.kubernetes.io/provisioned-by]', value: link });
    const h = byId(s.getObject({ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'handed' })?.summary);
    expect(h.provisioner).toMatchObject({ path: 'metadata.annotations[volume.kubernetes.io/storage-provisioner]', value: { refs: [{ ref: { name: 'other.example.com/csi' } }] } });
    // A claim whose class does not exist names no provisioner.
    expect(byId(s.getObject({ kind: 'persistentvolumeclaims', namespace: 'shop', name: 'lost' })?.summary).provisioner).toBeUndefined();
  });
});
