import { describe, expect, it } from 'vitest';
import type { PersistentVolumeClaim, Pod } from '../kube/objects';
import { fixtureView, type FixtureObjects } from './testing/fixture-view';
import { boundClaim, boundVolume, minutesAgo, runningPod } from './testing/fixtures';
import { diagnoseObject } from './index';

const DAY = 24 * 60;
const ref = { kind: 'persistentvolumeclaims' as const, namespace: 'shop', name: 'data-db-0' };

/** The claim as the PVC protection controller leaves it (pvc_protection_controller.go, setUnusedCondition). */
function withUnused(status: 'True' | 'False', minutes: number, ageMinutes = 3 * DAY): PersistentVolumeClaim {
  return {
    ...boundClaim,
    metadata: { ...boundClaim.metadata, creationTimestamp: minutesAgo(ageMinutes) },
    status: {
      ...boundClaim.status,
      conditions: [
        status === 'True'
          ? { type: 'Unused', status, reason: 'NoPodsUsingPVC', message: 'No pods are currently referencing this PVC', lastTransitionTime: minutesAgo(minutes) }
          : { type: 'Unused', status, reason: 'PodUsingPVC', message: 'A pod is currently referencing this PVC', lastTransitionTime: minutesAgo(minutes) },
      ],
    },
  };
}

const unused = (objects: FixtureObjects, states?: Parameters<typeof fixtureView>[1]) => diagnoseObject(fixtureView({ persistentvolumes: [boundVolume], ...objects }, states), ref).find((f) => f.code === 'claim.unused');

describe('claims no pod uses', () => {
  it('from the Unused condition: says since when, with the condition as evidence', () => {
    const f = unused({ persistentvolumeclaims: [withUnused('True', 2 * DAY)] });
    expect(f?.severity).toBe('info');
    expect(f?.cause.en).toContain('for 2 d');
    expect(f?.cause.en).toContain(minutesAgo(2 * DAY));
    const since = f?.evidence.find((e) => e.source === 'status.conditions[type=Unused].lastTransitionTime');
    expect(since?.value).toBe(minutesAgo(2 * DAY));
    expect(since?.note?.en).toContain('NoPodsUsingPVC');
    expect(f?.fix.map((s) => s.command)).toEqual(['kubectl get pvc data-db-0 -n shop -o yaml', 'kubectl delete pvc data-db-0 -n shop']);
    expect(f?.fix[1]?.text.en).toContain('reclaim policy Delete');
    expect(f?.lesson).toBe('claim-lifecycle');
  });

  it('the condition decides over the claim\'s age: an old claim unused for an hour says nothing', () => {
    expect(unused({ persistentvolumeclaims: [withUnused('True', 60, 30 * DAY)] })).toBeUndefined();
  });

  it('says nothing while a pod uses it, or when the condition says one does', () => {
    expect(unused({ persistentvolumeclaims: [withUnused('True', 2 * DAY)], pods: [runningPod] })).toBeUndefined();
    expect(unused({ persistentvolumeclaims: [withUnused('False', 2 * DAY)] })).toBeUndefined();
  });

  it('a finished pod does not count as a user (the controller skips terminated pods)', () => {
    const done: Pod = { ...runningPod, status: { phase: 'Succeeded' } };
    expect(unused({ persistentvolumeclaims: [withUnused('True', 2 * DAY)], pods: [done] })?.code).toBe('claim.unused');
  });

  it('without the condition: falls back to the claim\'s age, and says why the time is unknown', () => {
    const old: PersistentVolumeClaim = { ...boundClaim, metadata: { ...boundClaim.metadata, creationTimestamp: minutesAgo(3 * DAY) } };
    const f = unused({ persistentvolumeclaims: [old] });
    expect(f?.cause.en).toContain('PersistentVolumeClaimUnusedSinceTime');
    expect(f?.evidence[0]?.source).toBe('metadata.creationTimestamp');
    expect(unused({ persistentvolumeclaims: [boundClaim] })).toBeUndefined();
  });

  it('cannot tell when pods cannot be read', () => {
    expect(unused({ persistentvolumeclaims: [withUnused('True', 2 * DAY)] }, { states: { pods: 'forbidden' } })).toBeUndefined();
  });
});
