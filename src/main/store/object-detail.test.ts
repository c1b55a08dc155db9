import { describe, expect, it } from 'vitest';
import type { Pod } from '../../shared/kube/objects';
import { ClusterStore } from './cluster-store';
import { boundPair, event, nodeObj, pod, pv, pvc, sc, syncedStore, TEST_NOW } from './testing/fixtures';
import { initSteps } from './init-steps';

const NOW = TEST_NOW;
const store = () => syncedStore();

/** A pod with one volume of each common type, an init container and a native sidecar. */
const richPod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', namespace: 'shop', uid: 'pod-web-0' },
  spec: {
    nodeName: 'node-1',
    securityContext: { runAsUser: 1000 },
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } },
      { name: 'cache', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
      { name: 'conf', configMap: { name: 'web-conf' } },
      { name: 'creds', secret: { secretName: 'web-creds', optional: true } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } } } } },
      { name: 'raw', persistentVolumeClaim: { claimName: 'gone' } },
    ],
    initContainers: [
      { name: 'fix-perms', image: 'busybox', securityContext: { runAsUser: 0 }, volumeMounts: [{ name: 'data', mountPath: '/data' }] },
      { name: 'proxy', image: 'envoy', restartPolicy: 'Always', volumeMounts: [{ name: 'conf', mountPath: '/etc/envoy', readOnly: true }] },
      { name: 'migrate', image: 'migrate', volumeMounts: [{ name: 'data', mountPath: '/data', subPath: 'db' }] },
    ],
    containers: [
      {
        name: 'app',
        image: 'web',
        volumeMounts: [
          { name: 'data', mountPath: '/srv' },
          { name: 'cache', mountPath: '/cache' },
          { name: 'creds', mountPath: '/creds', readOnly: true },
        ],
        volumeDevices: [{ name: 'raw', devicePath: '/dev/xvda' }],
      },
    ],
  },
  status: {
    phase: 'Pending',
    initContainerStatuses: [
      { name: 'fix-perms', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-11-28T09:50:00Z', finishedAt: '2026-11-28T09:50:02Z' } } },
      { name: 'proxy', restartCount: 0, started: true, ready: true, state: { running: { startedAt: '2026-11-28T09:50:03Z' } } },
      { name: 'migrate', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s' } }, lastState: { terminated: { exitCode: 2, reason: 'Error', message: 'permission denied', finishedAt: '2026-11-28T09:59:00Z' } } },
    ],
  },
};

describe('pod detail', () => {
  it('lists every volume with what it points at and who mounts it where', () => {
    const s = store();
    s.replace('persistentvolumeclaims', [pvc('shop', 'data-web-0')]);
    s.replace('pods', [richPod]);
    const detail = s.getObject({ kind: 'pods', name: 'web-0', namespace: 'shop' });
    const volumes = Object.fromEntries((detail?.volumes ?? []).map((v) => [v.name, v]));
    expect(volumes['data']).toMatchObject({
      type: 'persistentVolumeClaim',
      source: [{ fact: 'ref', value: 'data-web-0' }],
      target: { kind: 'persistentvolumeclaims', name: 'data-web-0', namespace: 'shop' },
      mounts: [
        { container: 'fix-perms', init: true, mountPath: '/data', readOnly: false },
        { container: 'migrate', init: true, mountPath: '/data', readOnly: false, subPath: 'db' },
        { container: 'app', init: false, mountPath: '/srv', readOnly: false },
      ],
    });
    expect(volumes['data']?.missing).toBeUndefined();
    expect(volumes['cache']).toMatchObject({ type: 'emptyDir', source: [{ fact: 'memory' }, { fact: 'sizeLimit', value: '64Mi' }] });
    expect(volumes['host']).toMatchObject({ type: 'hostPath', source: [{ fact: 'ref', value: '/var/log' }, { fact: 'hostPathType', value: 'Directory' }], mounts: [] });
    expect(volumes['conf']?.mounts).toEqual([{ container: 'proxy', init: true, mountPath: '/etc/envoy', readOnly: true }]);
    expect(volumes['creds']).toMatchObject({ type: 'secret', source: [{ fact: 'ref', value: 'web-creds' }, { fact: 'optional' }] });
    expect(volumes['scratch']).toMatchObject({
      type: 'ephemeral',
      source: [
        { fact: 'claim', value: 'web-0-scratch' },
        { fact: 'class', value: 'fast' },
        { fact: 'size', value: '1Gi' },
      ],
      missing: true,
    });
    expect(volumes['raw']).toMatchObject({ missing: true, mounts: [{ container: 'app', init: false, mountPath: '/dev/xvda', readOnly: false }] });
  });

  it('init steps in order: done, native sidecar running, crash-looping with the last error', () => {
    const steps = initSteps(richPod);
    expect(steps.map((s) => [s.name, s.index, s.state, s.sidecar])).toEqual([
      ['fix-perms', 0, 'done', false],
      ['proxy', 1, 'running', true],
      ['migrate', 2, 'failed', false],
    ]);
    expect(steps[0]).toMatchObject({ runAsUser: 0, exitCode: 0, startedAt: '2026-11-28T09:50:00Z', finishedAt: '2026-11-28T09:50:02Z', mounts: ['data:/data'] });
    expect(steps[1]).toMatchObject({ runAsUser: 1000, mounts: ['conf:/etc/envoy (ro)'] });
    expect(steps[2]).toMatchObject({ restarts: 3, exitCode: 2, reason: 'CrashLoopBackOff', message: 'back-off 40s', runAsUser: 1000 });
  });

  it('init steps that have not run are waiting', () => {
    const fresh: Pod = { ...richPod, status: { phase: 'Pending' } };
    expect(initSteps(fresh).every((s) => s.state === 'waiting' && s.restarts === 0)).toBe(true);
  });

  it('related: claims (missing ones flagged), their volumes and the node', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('nodes', [nodeObj('node-1')]);
    s.replace('pods', [pod('shop', 'app', ['data', 'nope'], { nodeName: 'node-1' })]);
    const related = s.getObject({ kind: 'pods', name: 'app', namespace: 'shop' })?.related ?? [];
    expect(related.map((r) => [r.relation, r.ref.kind, r.ref.name, r.missing ?? false, r.via])).toEqual([
      ['uses-claim', 'persistentvolumeclaims', 'data', false, undefined],
      ['uses-claim', 'persistentvolumeclaims', 'nope', true, undefined],
      ['claim-volume', 'persistentvolumes', volume.metadata?.name, false, 'data'],
      ['storage-class', 'storageclasses', 'fast', true, 'data'],
      ['node', 'nodes', 'node-1', false, undefined],
    ]);
  });

  it('does not call a reference missing when its kind could not be read', () => {
    const s = new ClusterStore('t', { now: () => NOW });
    s.kindStatus({ kind: 'persistentvolumeclaims', state: 'forbidden', count: 0 });
    s.replace('pods', [pod('shop', 'app', ['data'])]);
    const detail = s.getObject({ kind: 'pods', name: 'app', namespace: 'shop' });
    expect(detail?.related.some((r) => r.missing)).toBe(false);
    expect(detail?.volumes?.[0]?.missing).toBeUndefined();
  });
});

describe('claim and volume detail', () => {
  it('claim: bound volume, class, pods, events newest first, findings', () => {
    const s = store();
    const [claim, volume] = boundPair('shop', 'data', '1Gi');
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [claim]);
    s.replace('persistentvolumes', [volume]);
    s.replace('pods', [pod('shop', 'db-0', ['data'])]);
    const about = { kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop', uid: claim.metadata?.uid };
    s.replace('events', [event(about, 'ExternalProvisioning', 'first', '2026-11-28T09:00:00Z'), event(about, 'ProvisioningSucceeded', 'second', '2026-11-28T09:01:00Z')]);
    const detail = s.getObject({ kind: 'persistentvolumeclaims', name: 'data', namespace: 'shop' });
    expect(detail?.kind).toBe('persistentvolumeclaims');
    expect(detail?.events.map((e) => e.reason)).toEqual(['ProvisioningSucceeded', 'ExternalProvisioning']);
    expect(detail?.related.map((r) => r.relation)).toEqual(['mounted-by', 'bound-volume', 'storage-class', 'provisioner']);
    expect(Array.isArray(detail?.findings)).toBe(true);
  });

  it('volume with a claimRef to a claim that is gone: the claim is flagged missing', () => {
    const s = store();
    s.replace('persistentvolumes', [pv('orphan', { claimRef: { namespace: 'shop', name: 'deleted', uid: 'old' } }, 'Released')]);
    const detail = s.getObject({ kind: 'persistentvolumes', name: 'orphan' });
    expect(detail?.related).toEqual([{ ref: { kind: 'persistentvolumeclaims', name: 'deleted', namespace: 'shop' }, relation: 'reserved-for-claim', missing: true }]);
  });

  it('claims of a StatefulSet point at the pod they were made for', () => {
    const s = store();
    const p = pod('shop', 'db-1', ['data-db-1']);
    p.metadata = { ...p.metadata, ownerReferences: [{ kind: 'StatefulSet', name: 'db', controller: true }] };
    s.replace('pods', [p]);
    s.replace('persistentvolumeclaims', [pvc('shop', 'data-db-1')]);
    const related = s.getObject({ kind: 'persistentvolumeclaims', name: 'data-db-1', namespace: 'shop' })?.related ?? [];
    expect(related.find((r) => r.relation === 'statefulset-pod')?.ref.name).toBe('db-1');
  });

  it('returns null for an unknown object', () => {
    expect(store().getObject({ kind: 'pods', name: 'nope', namespace: 'x' })).toBeNull();
  });
});

describe('provisioner detail', () => {
  it('a provisioner is no StorageClass: a class-kind ref of its name is a missing class; a CSIDriver carries its provisioner row', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast'), sc('slow')]);
    s.replace('csidrivers', [{ kind: 'CSIDriver', metadata: { name: 'example.com/nfs', uid: 'd' } }]);
    expect(s.getObject({ kind: 'storageclasses', name: 'example.com/nfs' })).toBeNull();
    expect(s.getProvisioner('example.com/nfs')?.classes.map((c) => c.name)).toEqual(['fast', 'slow']);
    const asDriver = s.getObject({ kind: 'csidrivers', name: 'example.com/nfs' });
    expect(asDriver?.provisioner?.name).toBe('example.com/nfs');
    expect(asDriver?.object).toMatchObject({ kind: 'CSIDriver' });
  });
});

describe('an object that does not exist but is referred to', () => {
  it('a missing class: what asks for it', () => {
    const s = store();
    s.replace('storageclasses', [sc('fast')]);
    s.replace('persistentvolumeclaims', [pvc('lab-stuck', 'missing-class', { storageClassName: 'fast-ssd' })]);
    const detail = s.getObject({ kind: 'storageclasses', name: 'fast-ssd' });
    expect(detail).toMatchObject({ missing: true, ref: { kind: 'storageclasses', name: 'fast-ssd' }, summary: [], yaml: '' });
    expect(detail?.related.map((r) => `${r.relation} ${r.ref.namespace}/${r.ref.name}`)).toEqual(['class-claim lab-stuck/missing-class']);
  });

  it('nothing when nothing refers to it, or when its kind could not be read', () => {
    const s = store();
    expect(s.getObject({ kind: 'storageclasses', name: 'nobody-asks' })).toBeNull();
    const limited = new ClusterStore('t', { now: () => NOW });
    limited.kindStatus({ kind: 'storageclasses', state: 'forbidden', count: 0 });
    limited.kindStatus({ kind: 'persistentvolumeclaims', state: 'synced', count: 0 });
    limited.replace('persistentvolumeclaims', [pvc('a', 'c', { storageClassName: 'fast-ssd' })]);
    expect(limited.getObject({ kind: 'storageclasses', name: 'fast-ssd' })).toBeNull();
  });
});
