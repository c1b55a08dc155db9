import { describe, expect, it } from 'vitest';
import type { FindingBadge } from '../../../shared/model/findings';
import type { ProvisionerRow } from '../../../shared/model/rows';
import { attachment, boundPair, event, nodeObj, pod, pv, pvc, sc } from '../testing/fixtures';
import { ObjectStore } from '../object-store';
import { buildClaimRow, claimsTable } from './claims';
import { buildClassRow } from './classes';
import { buildEventRow } from './events';
import { buildNodeRow } from './nodes';
import { provisionerRow } from './provisioners';
import { buildSnapshotRow } from './snapshots';
import type { RowContext } from './table-spec';
import { buildVolumeRow } from './volumes';

function context(store: ObjectStore, badges: Record<string, FindingBadge> = {}, provisioners: Record<string, ProvisionerRow> = {}): RowContext {
  return { store, badge: (kind, key) => badges[`${kind}|${key}`], provisioner: (name) => provisioners[name] };
}

describe('claim rows', () => {
  it('Terminating when deleting, resize status, canonical sizes, badge', () => {
    const store = new ObjectStore();
    const claim = pvc('shop', 'data', { resources: { requests: { storage: '2048Mi' } } }, { phase: 'Bound', capacity: { storage: '1Gi' }, allocatedResourceStatuses: { storage: 'ControllerResizeInProgress' } });
    claim.metadata = { ...claim.metadata, deletionTimestamp: '2026-11-28T09:30:00Z' };
    const badge: FindingBadge = { severity: 'warning', count: 2, code: 'claim.terminating-in-use' };
    const row = buildClaimRow(context(store, { 'persistentvolumeclaims|shop/data': badge }), claim, 'shop/data');
    expect(row).toMatchObject({ phase: 'Terminating', requested: '2Gi', capacity: '1Gi', requestedBytes: 2 ** 31, resizeStatus: 'ControllerResizeInProgress', badge });
    expect(row.classIsDefault).toBeUndefined();
    expect(claimsTable.text(row)).toContain('terminating');
  });

  it('a claim asking for no class (storageClassName: "") says so, and one naming none does not (trial 10: a blank Class cell)', () => {
    const store = new ObjectStore();
    const none = buildClaimRow(context(store), pvc('lab-stuck', 'too-big-for-pv', { storageClassName: '' }), 'lab-stuck/too-big-for-pv');
    expect(none).toMatchObject({ classNone: true });
    expect(none.className).toBeUndefined();
    expect(buildClaimRow(context(store), pvc('shop', 'data', { storageClassName: undefined }), 'shop/data').classNone).toBeUndefined();
  });

  it('a claim naming no class and no default class has no class', () => {
    const store = new ObjectStore();
    const row = buildClaimRow(context(store), pvc('shop', 'data', { storageClassName: undefined }), 'shop/data');
    expect(row.className).toBeUndefined();
    expect(row.provisioner).toBeUndefined();
  });
});

describe('volume rows', () => {
  it('claim, source type and driver, node affinity summary, reclaim policy', () => {
    const store = new ObjectStore();
    const local = pv('local-1', {
      csi: undefined,
      local: { path: '/mnt/disks/1' },
      storageClassName: 'local-storage',
      persistentVolumeReclaimPolicy: 'Retain',
      claimRef: { namespace: 'shop', name: 'data' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] }] }] } },
    }, 'Released');
    expect(buildVolumeRow(context(store), local, 'local-1')).toMatchObject({
      phase: 'Released',
      claim: { namespace: 'shop', name: 'data' },
      sourceType: 'local',
      driver: 'kubernetes.io/local',
      nodeAffinity: 'node-2',
      reclaimPolicy: 'Retain',
      capacity: '1Gi',
    });
    const zonal = pv('z', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['eu-1a'] }] }] } } });
    expect(buildVolumeRow(context(store), zonal, 'z')).toMatchObject({ sourceType: 'csi', driver: 'example.com/nfs', nodeAffinity: 'zone eu-1a' });
  });
});

describe('class rows', () => {
  it('counts claims (including those naming no class, for the default) and volumes with their bytes, and the verdict', () => {
    const store = new ObjectStore();
    const fast = sc('fast', { reclaimPolicy: undefined, volumeBindingMode: undefined, allowVolumeExpansion: true }, true);
    store.add('storageclasses', fast);
    const [claim, volume] = boundPair('shop', 'a', '3Gi');
    store.add('persistentvolumeclaims', claim);
    store.add('persistentvolumes', volume);
    store.add('persistentvolumeclaims', pvc('shop', 'b', { storageClassName: undefined, resources: { requests: { storage: '1Gi' } } }));
    const health = { ref: { kind: 'provisioners' as const, name: 'example.com/nfs' }, name: 'example.com/nfs', type: 'csi' as const, verdict: 'dead' as const, reasons: [], classes: ['fast'], registeredNodes: [] };
    expect(buildClassRow(context(store, {}, { 'example.com/nfs': health }), fast, 'fast')).toMatchObject({
      reclaimPolicy: 'Delete',
      bindingMode: 'Immediate',
      allowExpansion: true,
      isDefault: true,
      claims: 2,
      volumes: 1,
      requestedBytes: 4 * 2 ** 30,
      provisionedBytes: 3 * 2 ** 30,
      provisionerVerdict: 'dead',
    });
  });
});

describe('node rows', () => {
  it('zone, CSI drivers from its CSINode, pods on it and attached volumes', () => {
    const store = new ObjectStore();
    store.add('csinodes', { kind: 'CSINode', metadata: { name: 'node-1', uid: 'c' }, spec: { drivers: [{ name: 'b.io' }, { name: 'a.io' }] } });
    store.add('pods', pod('x', 'p1', [], { nodeName: 'node-1' }));
    store.add('pods', pod('x', 'p2', [], { nodeName: 'node-2' }));
    store.add('volumeattachments', attachment('pv-1', 'node-1'));
    store.add('volumeattachments', attachment('pv-2', 'node-1', false));
    expect(buildNodeRow(context(store), nodeObj('node-1', 'eu-1a'), 'node-1')).toMatchObject({ ready: true, zone: 'eu-1a', csiDrivers: ['a.io', 'b.io'], pods: 1, attachedVolumes: 1 });
  });
});

describe('event rows', () => {
  it('type, reason, count, times, source and the object it is about', () => {
    const e = event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: 'u1' }, 'ProvisioningFailed', 'boom', '2026-11-28T09:10:00Z', 'Warning');
    expect(buildEventRow({ ...e, count: 4 })).toMatchObject({
      type: 'Warning',
      reason: 'ProvisioningFailed',
      message: 'boom',
      count: 4,
      lastSeen: '2026-11-28T09:10:00.000Z',
      source: 'persistentvolume-controller',
      object: { kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop', uid: 'u1' },
    });
    // events.k8s.io shape: eventTime and series instead of timestamps and count.
    const modern = buildEventRow({ kind: 'Event', metadata: { name: 'e', namespace: 'default', uid: 'e2' }, involvedObject: { kind: 'Node', name: 'node-1' }, reason: 'X', eventTime: '2026-11-28T09:00:00.000000Z', series: { count: 3, lastObservedTime: '2026-11-28T09:20:00Z' } });
    expect(modern).toMatchObject({ count: 3, lastSeen: '2026-11-28T09:20:00.000Z', object: { kind: 'nodes', name: 'node-1' } });
    expect(modern.object?.namespace).toBeUndefined();
  });

  it('an object of a kind the app does not model is named as the event names it, not dropped', () => {
    const e = event({ kind: 'ReplicaSet', name: 'web-7d9f', namespace: 'shop', uid: 'rs1' }, 'SuccessfulCreate', 'Created pod: web-7d9f-x2k', '2026-11-28T09:10:00Z', 'Normal');
    const row = buildEventRow(e);
    expect(row.object).toBeUndefined();
    expect(row.unmodeled).toEqual({ kind: 'ReplicaSet', namespace: 'shop', name: 'web-7d9f' });
  });
});

describe('snapshot and provisioner rows', () => {
  it('snapshot: source, content, ready, restore size, error', () => {
    const store = new ObjectStore();
    const row = buildSnapshotRow(context(store), {
      kind: 'VolumeSnapshot',
      metadata: { name: 's', namespace: 'shop', uid: 's1' },
      spec: { source: { persistentVolumeClaimName: 'data' }, volumeSnapshotClassName: 'csi-snap' },
      status: { boundVolumeSnapshotContentName: 'snapcontent-1', readyToUse: false, restoreSize: '1024Mi', error: { message: 'failed to take snapshot' } },
    }, 'shop/s');
    expect(row).toMatchObject({ sourceClaim: 'data', className: 'csi-snap', contentName: 'snapcontent-1', readyToUse: false, restoreSize: '1Gi', error: 'failed to take snapshot' });
  });

  it('provisioner badge follows the verdict', () => {
    const base = { ref: { kind: 'provisioners' as const, name: 'p' }, name: 'p', type: 'external' as const, reasons: [], classes: [], registeredNodes: [] };
    expect(provisionerRow({ ...base, verdict: 'dead' }).badge?.severity).toBe('problem');
    expect(provisionerRow({ ...base, verdict: 'degraded' }).badge?.severity).toBe('warning');
    expect(provisionerRow({ ...base, verdict: 'alive' }).badge).toBeUndefined();
  });
});
