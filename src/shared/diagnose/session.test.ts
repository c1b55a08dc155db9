import { describe, expect, it } from 'vitest';
import type { Resource } from '../kube/resource-registry';
import type { PersistentVolumeClaim } from '../kube/objects';
import type { ObjectRef } from '../model/refs';
import { fixtureView } from './testing/fixture-view';
import { csiHostpathClass, manualClaim, readyPod } from './testing/fixtures';
import { diagnoseObject, startDiagnosis } from './index';
import type { ClusterView } from './view';

/** Pending claims of one CSI class: each one's diagnosis needs its provisioner's assessment (which scans pods). */
function pendingClaim(name: string): PersistentVolumeClaim {
  return {
    ...manualClaim,
    metadata: { ...manualClaim.metadata, name, uid: `uid-${name}` },
    spec: { ...manualClaim.spec, storageClassName: csiHostpathClass.metadata?.name },
    status: { phase: 'Pending' },
  };
}

/**
 * Counts how often the rules look up a provisioner's pods (once per assessment: what a session is there to share)
 * and how often they list every pod (never: the store's pods-by-provisioner index answers, issue 13 item 3).
 */
function countingView(view: ClusterView): { view: ClusterView; podLists: () => number; assessments: () => number } {
  let podLists = 0;
  let assessments = 0;
  const counted: ClusterView = Object.create(view) as ClusterView;
  counted.list = ((kind: Resource, namespace?: string) => {
    if (kind === 'pods' && namespace === undefined) podLists += 1;
    return view.list(kind, namespace);
  }) as ClusterView['list'];
  counted.podsRunningProvisioner = (name, leaseNamespace) => {
    assessments += 1;
    return view.podsRunningProvisioner(name, leaseNamespace);
  };
  return { view: counted, podLists: () => podLists, assessments: () => assessments };
}

describe('diagnosis session', () => {
  const claims = ['a', 'b', 'c'].map(pendingClaim);
  const refs: ObjectRef[] = claims.map((c) => ({ kind: 'persistentvolumeclaims', name: c.metadata?.name ?? '', namespace: 'default' }));
  const objects = { storageclasses: [csiHostpathClass], persistentvolumeclaims: claims, pods: [readyPod('web', 'default')] };

  it('gives the same findings with and without a shared session', () => {
    const view = fixtureView(objects);
    const session = startDiagnosis(view);
    for (const ref of refs) expect(diagnoseObject(view, ref, session)).toEqual(diagnoseObject(view, ref));
  });

  it('assesses the provisioner once for a batch of its claims, not once per claim', () => {
    const alone = countingView(fixtureView(objects));
    for (const ref of refs) diagnoseObject(alone.view, ref);
    const shared = countingView(fixtureView(objects));
    const session = startDiagnosis(shared.view);
    for (const ref of refs) diagnoseObject(shared.view, ref, session);
    expect(alone.assessments()).toBe(3);
    expect(shared.assessments()).toBe(1);
    expect(alone.podLists() + shared.podLists()).toBe(0);
  });

  it('ignores a session made for another view', () => {
    const view = fixtureView(objects);
    const other = startDiagnosis(fixtureView({}));
    expect(diagnoseObject(view, refs[0] as ObjectRef, other)).toEqual(diagnoseObject(view, refs[0] as ObjectRef));
  });
});
