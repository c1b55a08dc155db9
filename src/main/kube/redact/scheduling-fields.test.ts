/**
 * A snapshot keeps what the scheduler explanation reads (diagnose/pod-placement.ts): the pod's required node
 * affinity and tolerations, the nodes' taints and labels, the volumes' node affinity. Support staff read a
 * customer's snapshot offline and must get the same explanation as on the live cluster.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseObject } from '../../../shared/diagnose';
import { fixtureView, type FixtureObjects } from '../../../shared/diagnose/testing/fixture-view';
import { node, taskPod } from '../../../shared/diagnose/testing/fixtures';
import type { Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject, Pod } from '../../../shared/kube/objects';
import type { ObjectRef } from '../../../shared/model/refs';
import { buildSnapshot } from '../export-snapshot';

const affinity = (key: string, value: string) => ({ nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] });
const pod: Pod = {
  ...taskPod,
  spec: {
    ...taskPod.spec,
    volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'data' } }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: affinity('zone', 'b') } },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }],
  },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: "0/2 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 1 node(s) didn't match Pod's node affinity/selector." }] },
};
const objects: FixtureObjects = {
  nodes: [{ ...node('node-a', { zone: 'a' }), spec: { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] } }, node('node-b', { zone: 'b' })],
  persistentvolumes: [{ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-a' }, spec: { storageClassName: 'local', claimRef: { namespace: 'default', name: 'data', uid: 'c1' }, nodeAffinity: { required: affinity('zone', 'a') }, local: { path: '/mnt' } }, status: { phase: 'Bound' } }],
  persistentvolumeclaims: [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'c1' }, spec: { storageClassName: 'local', volumeName: 'pv-a' }, status: { phase: 'Bound' } }],
  pods: [pod],
};
const ref: ObjectRef = { kind: 'pods', name: taskPod.metadata!.name!, namespace: 'default' };

describe('snapshots keep what the scheduling explanation reads', () => {
  it('the same explanation from the redacted snapshot as from the objects', () => {
    const kinds = Object.fromEntries(Object.entries(objects).map(([k, items]) => [k, { state: 'synced' as const, items: items as KubeObject[] }]));
    const snapshot = buildSnapshot({ context: 'ctx', capturedAt: '2026-11-28T10:00:00Z', kinds });
    const fromSnapshot = Object.fromEntries(Object.entries(snapshot.kinds).map(([k, v]) => [k, v?.items ?? []])) as FixtureObjects;
    const kept = fromSnapshot.pods?.[0] as Pod;
    expect(kept.spec?.tolerations).toEqual(pod.spec?.tolerations);
    expect(kept.spec?.affinity).toEqual(pod.spec?.affinity);
    const live = diagnoseObject(fixtureView(objects), ref);
    const offline = diagnoseObject(fixtureView(fromSnapshot), ref);
    expect(live[0]?.cause.en).toContain("its required node affinity");
    expect(offline.map((f) => f.cause)).toEqual(live.map((f) => f.cause));
    expect((Object.keys(snapshot.kinds) as Resource[]).sort()).toEqual(['nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods']);
  });
});
