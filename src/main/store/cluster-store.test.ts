import { afterEach, describe, expect, it, vi } from 'vitest';
import * as diagnose from '../../shared/diagnose/index';
import type { StoreChange } from '../../shared/contract';
import type { ClusterStorePort } from '../core/ports';
import { ClusterStore } from './cluster-store';
import { boundPair, event, nodeObj, pod, pv, pvc, sc } from './testing/fixtures';

vi.mock('../../shared/diagnose/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../shared/diagnose/index')>();
  return { ...real, diagnoseObject: vi.fn(real.diagnoseObject), diagnoseAll: vi.fn(real.diagnoseAll), provisionerHealth: vi.fn(real.provisionerHealth) };
});

const NOW = Date.parse('2026-11-28T10:00:00Z');

function synced(store: ClusterStore): ClusterStore {
  for (const kind of ['storageclasses', 'persistentvolumes', 'persistentvolumeclaims', 'pods', 'events', 'nodes', 'csidrivers', 'csinodes', 'volumeattachments', 'leases'] as const) {
    store.kindStatus({ kind, state: 'synced', count: 0 });
  }
  return store;
}

function newStore(): ClusterStore {
  return synced(new ClusterStore('test', { now: () => NOW }));
}

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(diagnose.diagnoseObject).mockClear();
  vi.mocked(diagnose.diagnoseAll).mockClear();
});

describe('ClusterStore', () => {
  it('is the store port the core wires', () => {
    const port: ClusterStorePort = new ClusterStore('x');
    expect(port.revision()).toBe(0);
  });

  it('serves claim rows with their bound volume, class, sizes and the pods that mount them', () => {
    const store = newStore();
    const [claim, volume] = boundPair('shop', 'data', '10Gi');
    store.replace('storageclasses', [sc('fast')]);
    store.replace('persistentvolumeclaims', [claim]);
    store.replace('persistentvolumes', [volume]);
    store.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' })]);
    const page = store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({
      name: 'data',
      namespace: 'shop',
      phase: 'Bound',
      volumeName: volume.metadata?.name,
      className: 'fast',
      requested: '10Gi',
      requestedBytes: 10 * 2 ** 30,
      capacity: '10Gi',
      pods: ['db-0'],
      provisioner: 'example.com/nfs',
    });
    expect(page.revision).toBe(store.revision());
  });

  it('a pod change updates the pods column of its claims (neighbours), not only its own row', () => {
    const store = newStore();
    store.replace('persistentvolumeclaims', [pvc('shop', 'data')]);
    expect(store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]?.pods).toEqual([]);
    store.add('pods', pod('shop', 'web', ['data']));
    expect(store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]?.pods).toEqual(['web']);
    store.delete('pods', store.get('pods', 'web', 'shop')!);
    expect(store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]?.pods).toEqual([]);
  });

  it('claims naming no class show the default class as chosen by default', () => {
    const store = newStore();
    store.replace('storageclasses', [sc('standard', {}, true)]);
    store.replace('persistentvolumeclaims', [pvc('shop', 'data', { storageClassName: undefined })]);
    expect(store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]).toMatchObject({ className: 'standard', classIsDefault: true });
    const classRow = store.listRows({ clusterId: 'test', table: 'classes', offset: 0, limit: 10 }).rows[0];
    expect(classRow).toMatchObject({ name: 'standard', isDefault: true, claims: 1, requestedBytes: 2 ** 30 });
  });

  it('badges rows with findings and updates them when the cause goes away', () => {
    const store = newStore();
    store.replace('pods', [pod('shop', 'web', ['missing-claim'], { nodeName: 'node-1', phase: 'Pending' })]);
    const before = store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10 }).rows[0];
    expect(before?.badge).toMatchObject({ severity: 'problem', code: 'pod.claim-missing' });
    const [claim, volume] = boundPair('shop', 'missing-claim');
    store.add('storageclasses', sc('fast'));
    store.add('persistentvolumes', volume);
    store.add('persistentvolumeclaims', claim);
    const after = store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10 }).rows[0];
    expect(after?.badge?.code).toBe('pod.csi-driver-missing-on-node');
    // Registering the driver on the pod's node (a CSINode change) re-examines the pods on that node.
    store.add('csinodes', { kind: 'CSINode', metadata: { name: 'node-1', uid: 'csinode-1' }, spec: { drivers: [{ name: 'example.com/nfs' }] } });
    expect(store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10, minSeverity: 'problem' }).total).toBe(0);
  });

  it('re-diagnoses only what a change touches', () => {
    const store = newStore();
    store.replace('storageclasses', [sc('fast')]);
    const pairs = Array.from({ length: 50 }, (_, i) => boundPair('shop', `data-${i}`));
    store.replace('persistentvolumeclaims', pairs.map(([c]) => c));
    store.replace('persistentvolumes', pairs.map(([, v]) => v));
    store.replace('pods', pairs.map((_, i) => pod('shop', `app-${i}`, [`data-${i}`], { nodeName: 'node-1' })));
    store.listFindings({ offset: 0, limit: 10 });
    const calls = vi.mocked(diagnose.diagnoseObject);
    // 151 objects to examine at first: one shared diagnoseAll run rather than one call each.
    expect(vi.mocked(diagnose.diagnoseAll)).toHaveBeenCalledTimes(1);
    calls.mockClear();
    const p = store.get('pods', 'app-7', 'shop')!;
    store.update('pods', { ...p, status: { ...p.status, phase: 'Running' } });
    store.listFindings({ offset: 0, limit: 10 });
    const touched = calls.mock.calls.map(([, ref]) => `${ref.kind}/${ref.name}`).sort();
    // The pod itself, its claim, the claim's volume and class: nothing of the other 49 chains.
    expect(touched).toEqual(expect.arrayContaining(['pods/app-7', 'persistentvolumeclaims/data-7']));
    expect(touched.every((t) => !/-(?!7$)\d+$/.test(t))).toBe(true);
    expect(touched.length).toBeLessThanOrEqual(5);
  });

  it('pages findings most severe first, filtered by namespace and severity', () => {
    const store = newStore();
    store.replace('pods', [
      pod('b', 'x', ['gone'], { nodeName: 'n', phase: 'Pending' }),
      pod('a', 'y', ['gone'], { nodeName: 'n', phase: 'Pending' }),
    ]);
    store.replace('persistentvolumes', [pv('spare', { storageClassName: 'manual' })]);
    const all = store.listFindings({ offset: 0, limit: 100 });
    expect(all.total).toBeGreaterThanOrEqual(3);
    const severities = all.rows.map((f) => f.severity);
    expect(severities[0]).toBe('problem');
    expect(all.rows[0]?.object.namespace).toBe('a');
    expect(severities.indexOf('info')).toBeGreaterThan(severities.lastIndexOf('problem'));
    const page = store.listFindings({ offset: 1, limit: 1, minSeverity: 'problem' });
    expect(page).toMatchObject({ total: 2, offset: 1 });
    expect(page.rows[0]?.object.namespace).toBe('b');
    expect(store.listFindings({ namespace: 'b', offset: 0, limit: 10 }).rows.every((f) => f.object.namespace === 'b')).toBe(true);
  });

  it('returns details of the current incarnation after a delete and re-create', () => {
    const store = newStore();
    const first = pvc('shop', 'data');
    store.add('persistentvolumeclaims', first);
    store.add('events', event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: first.metadata?.uid }, 'ProvisioningFailed', 'old'));
    const second = pvc('shop', 'data');
    store.delete('persistentvolumeclaims', first);
    store.add('persistentvolumeclaims', second);
    store.add('events', event({ kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: second.metadata?.uid }, 'ExternalProvisioning', 'new'));
    const detail = store.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' });
    expect(detail?.ref.uid).toBe(second.metadata?.uid);
    expect(detail?.events.map((e) => e.message)).toEqual(['new']);
    expect(detail?.yaml).toContain('name: data');
  });

  it('tells its listener each change precisely: the kind, the tables whose rows it marked, the object', () => {
    const store = new ClusterStore('test', { now: () => NOW });
    const notices: StoreChange[] = [];
    const stop = store.onChange((n) => notices.push(n));
    // On another node: a pod not yet placed would be re-examined by any node's arrival (its verdict reads every node).
    store.add('pods', pod('a', 'one', [], { nodeName: 'node-2' }));
    store.add('nodes', nodeObj('node-1'));
    expect(notices).toMatchObject([
      { kinds: ['pods'], tables: ['pods', 'nodes'], objects: [{ kind: 'pods', namespace: 'a', name: 'one' }], revision: 1 },
      { kinds: ['nodes'], tables: ['nodes'], objects: [{ kind: 'nodes', name: 'node-1' }], revision: 2 },
    ]);
    // A relist is one change naming its objects.
    store.replace('pods', [pod('a', 'one'), pod('a', 'two')]);
    expect(notices).toHaveLength(3);
    expect(notices[2]).toMatchObject({ kinds: ['pods'], tables: expect.arrayContaining(['pods']), revision: store.revision() });
    expect(notices[2]?.objects).toContainEqual(expect.objectContaining({ kind: 'pods', namespace: 'a', name: 'two' }));
    stop();
    store.add('pods', pod('a', 'three'));
    expect(notices).toHaveLength(3);
  });

  it('counts objects and bumps the revision on every applied update', () => {
    const store = newStore();
    const r0 = store.revision();
    store.add('pods', pod('a', 'one'));
    store.replace('pods', [pod('a', 'two')]);
    expect(store.count('pods')).toBe(1);
    expect(store.revision()).toBe(r0 + 3);
  });

  it('overview: finding counts, phases, capacity per class, provisioners, namespaces', () => {
    const store = newStore();
    const [claim, volume] = boundPair('shop', 'data', '2Gi');
    store.replace('storageclasses', [sc('fast')]);
    store.replace('persistentvolumeclaims', [claim, pvc('blog', 'pending', { storageClassName: 'fast' })]);
    store.replace('persistentvolumes', [volume]);
    const o = store.getOverview();
    expect(o.claimsByPhase).toEqual({ Bound: 1, Pending: 1 });
    expect(o.volumesByPhase).toEqual({ Bound: 1 });
    expect(o.perClass).toEqual([{ className: 'fast', provisioner: 'example.com/nfs', requestedBytes: 3 * 2 ** 30, provisionedBytes: 2 * 2 ** 30, claims: 2, volumes: 1 }]);
    expect(o.provisioners.map((p) => p.name)).toEqual(['example.com/nfs']);
    expect(o.namespaces).toEqual(['blog', 'shop']);
    expect(o.counts.persistentvolumeclaims).toBe(2);
    const total = o.findings.problem + o.findings.warning + o.findings.expectedWait + o.findings.info;
    expect(total).toBe(store.listFindings({ offset: 0, limit: 1 }).total);
    // Grouped by cause over every finding: the groups' object counts cover every object with a finding.
    expect(o.findingGroups.length).toBeGreaterThan(0);
    expect(o.findingGroups.every((g) => g.count >= g.members.length && g.members.length > 0)).toBe(true);
  });

  it('provisioner verdicts follow time: a lease that stops being renewed turns the provisioner dead', () => {
    let now = NOW;
    const store = synced(new ClusterStore('test', { now: () => now, provisionerRefreshMs: 10_000 }));
    store.replace('storageclasses', [sc('fast')]);
    const waiting = pvc('shop', 'data');
    waiting.metadata = { ...waiting.metadata, annotations: { 'volume.kubernetes.io/storage-provisioner': 'example.com/nfs' } };
    store.replace('persistentvolumeclaims', [waiting]);
    store.replace('leases', [{ kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(NOW - 5000).toISOString() } }]);
    const provisioners = () => store.listRows({ clusterId: 'test', table: 'provisioners', offset: 0, limit: 10 }).rows;
    expect(provisioners().map((p) => p.verdict)).toEqual(['alive']);
    const claimBadge = () => store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]?.badge?.code;
    expect(claimBadge()).not.toBe('claim.provisioner-dead');
    // Two minutes pass with no watch event at all: the next query re-assesses (its health is older than 10 s).
    now += 120_000;
    expect(provisioners().map((p) => p.verdict)).toEqual(['dead']);
    expect(claimBadge()).toBe('claim.provisioner-dead');
    expect(store.listRows({ clusterId: 'test', table: 'classes', offset: 0, limit: 10 }).rows[0]?.provisionerVerdict).toBe('dead');
  });

  it('announces a verdict that changed with time as a change of StorageClasses', () => {
    vi.useFakeTimers();
    let now = NOW;
    const store = synced(new ClusterStore('test', { now: () => now, provisionerRefreshMs: 10_000 }));
    store.replace('storageclasses', [sc('fast')]);
    store.replace('leases', [{ kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(NOW - 5000).toISOString() } }]);
    store.getOverview();
    const notices: StoreChange[] = [];
    store.onChange((n) => notices.push(n));
    now += 120_000;
    // A query does not announce what it finds: the timer does.
    store.getOverview();
    expect(notices).toEqual([]);
    vi.advanceTimersByTime(10_000 + 200);
    expect(notices.map((n) => n.kinds)).toEqual([['storageclasses']]);
    expect(notices[0]?.tables).toEqual(expect.arrayContaining(['classes', 'provisioners']));
    store.dispose();
  });

  it('a lease renewal re-assesses its provisioner without waiting for the timer', () => {
    const store = newStore();
    store.replace('storageclasses', [sc('fast')]);
    const stale = { kind: 'Lease', metadata: { name: 'example-com-nfs', namespace: 'nfs', uid: 'l', resourceVersion: '1' }, spec: { holderIdentity: 'nfs-0', leaseDurationSeconds: 15, renewTime: new Date(NOW - 600_000).toISOString() } };
    store.replace('leases', [stale]);
    expect(store.listRows({ clusterId: 'test', table: 'provisioners', offset: 0, limit: 10 }).rows[0]?.verdict).toBe('dead');
    store.update('leases', { ...stale, metadata: { ...stale.metadata, resourceVersion: '2' }, spec: { ...stale.spec, renewTime: new Date(NOW - 1000).toISOString() } });
    expect(store.listRows({ clusterId: 'test', table: 'provisioners', offset: 0, limit: 10 }).rows[0]?.verdict).toBe('alive');
  });

  it('a relist leaves no ghost rows or findings, whether it changes few objects or many', () => {
    for (const bulkThreshold of [0, 10_000]) {
      const store = synced(new ClusterStore('test', { now: () => NOW, bulkThreshold }));
      store.replace('pods', [pod('a', 'gone', ['missing'], { nodeName: 'n', phase: 'Pending' }), pod('a', 'stays')]);
      expect(store.listFindings({ offset: 0, limit: 100 }).rows.some((f) => f.object.name === 'gone')).toBe(true);
      store.replace('pods', [pod('a', 'stays'), pod('a', 'new')]);
      expect(store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10 }).rows.map((r) => r.name)).toEqual(['new', 'stays']);
      expect(store.listFindings({ offset: 0, limit: 100 }).rows.some((f) => f.object.name === 'gone')).toBe(false);
    }
  });

  it('findings that change with time alone are re-examined: a deletion blocked for long turns into a warning', () => {
    let now = NOW;
    const store = synced(new ClusterStore('test', { now: () => now }));
    const [claim, volume] = boundPair('shop', 'data');
    claim.metadata = { ...claim.metadata, deletionTimestamp: new Date(NOW - 60_000).toISOString(), finalizers: ['kubernetes.io/pvc-protection'] };
    store.replace('storageclasses', [sc('fast')]);
    store.replace('persistentvolumeclaims', [claim]);
    store.replace('persistentvolumes', [volume]);
    store.replace('pods', [pod('shop', 'db-0', ['data'], { nodeName: 'node-1' })]);
    const badge = () => store.listRows({ clusterId: 'test', table: 'claims', offset: 0, limit: 10 }).rows[0]?.badge;
    expect(badge()).toMatchObject({ code: 'claim.terminating-in-use', severity: 'expected-wait' });
    now += 15 * 60_000;
    expect(badge()).toMatchObject({ code: 'claim.terminating-in-use', severity: 'warning' });
  });

  it('while kinds are syncing, table badges wait; listFindings is always exact', () => {
    const store = newStore();
    store.kindStatus({ kind: 'persistentvolumeclaims', state: 'syncing', count: 0 });
    const p = pod('shop', 'web', [], { nodeName: 'node-1' });
    p.spec = { ...p.spec, volumes: [{ name: 'logs', hostPath: { path: '/var/log' } }] };
    store.replace('pods', [p]);
    expect(store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10 }).rows[0]?.badge).toBeUndefined();
    expect(store.listFindings({ offset: 0, limit: 10 }).rows.map((f) => f.code)).toContain('pod.hostpath');
    store.kindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 0 });
    expect(store.listRows({ clusterId: 'test', table: 'pods', offset: 0, limit: 10 }).rows[0]?.badge?.code).toMatch(/^pod\.hostpath/);
  });
});
