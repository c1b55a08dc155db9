/**
 * StatefulSets in the binding graph, above what they create: an edge `creates` from the set to the pod of each
 * ordinal (`<set>-N`) and to the claim of each volumeClaimTemplate for it (`<template>-<set>-N`, named as the
 * controller does, diagnose/statefulset-ordinals.ts). A claim the set wants but that does not exist (admission
 * refused it: a LimitRange, a ResourceQuota) is a missing node with a missing edge explained by the set's finding
 * about that template, so the refusal shows where the claim should be. Missing pods are not drawn: the controller
 * makes each pod after its claims, and a pod between two creations is no fault.
 * dagre ranks the set before its pods and claims (graph/layout.ts), so it is drawn above (left of) them.
 */
import type { PersistentVolumeClaim, Pod } from '../../shared/kube/objects';
import type { StatefulSet } from '../../shared/kube/objects-owners';
import type { Finding } from '../../shared/model/findings';
import { claimName, claimTemplates, ordinalOfClaim, podName, wantedOrdinals } from '../../shared/diagnose/statefulset-ordinals';
import type { GraphBuilder } from './graph-builder';
import { objectKey, statefulSetOf } from './object-keys';
import type { StoreContext } from './store-context';

/** The whole set: its node, the pod and claims of every ordinal it wants, and their chains. */
export function statefulSetChains(builder: GraphBuilder, ctx: StoreContext, set: StatefulSet): string | undefined {
  const setId = builder.object('statefulsets', set.metadata?.name ?? '', set.metadata?.namespace);
  for (const ordinal of wantedOrdinals(set)) {
    if (builder.full) break;
    ordinalEdges(builder, ctx, set, ordinal, true);
  }
  return setId;
}

/**
 * The set above one ordinal: edges to its pod (when it exists) and to its claims (a missing node when admission
 * refused one); with `walk`, the pod's and claims' own chains too.
 */
export function ordinalEdges(builder: GraphBuilder, ctx: StoreContext, set: StatefulSet, ordinal: number, walk: boolean): void {
  const ns = set.metadata?.namespace ?? '';
  const setId = builder.object('statefulsets', set.metadata?.name ?? '', ns);
  const pod = ctx.store.get('pods', podName(set, ordinal), ns);
  if (pod && statefulSetOf(pod)?.set === set.metadata?.name) {
    builder.edge(setId, builder.object('pods', podName(set, ordinal), ns), 'bound', 'creates');
    if (walk) builder.pod(pod);
  }
  claimTemplates(set).forEach((template, index) => {
    const name = claimName(template, set, ordinal);
    const claim = ctx.store.get('persistentvolumeclaims', name, ns);
    const claimId = builder.object('persistentvolumeclaims', name, ns);
    if (claim) {
      builder.edge(setId, claimId, 'bound', 'creates');
      if (walk) builder.claim(claim);
    } else {
      builder.edge(setId, claimId, 'missing', 'creates', templateFinding(ctx, set, index));
    }
  });
}

/** The set's finding about template `index` (its evidence's source names the template), else its most severe one. */
function templateFinding(ctx: StoreContext, set: StatefulSet, index: number): Finding | undefined {
  const list = ctx.findings.of('statefulsets', objectKey(set));
  const prefix = `spec.volumeClaimTemplates[${index}]`;
  return list.find((f) => f.evidence.some((e) => e.source?.startsWith(prefix))) ?? list[0];
}

/** The StatefulSet that owns a pod (its controller owner reference), when the set is known. */
export function setOfPod(ctx: StoreContext, pod: Pod): { set: StatefulSet; ordinal: number } | undefined {
  const owner = statefulSetOf(pod);
  const set = owner ? ctx.store.get('statefulsets', owner.set, pod.metadata?.namespace ?? '') : undefined;
  return set && owner ? { set, ordinal: owner.ordinal } : undefined;
}

/** The StatefulSet a claim was made for (`<template>-<set>-N` of a set in its namespace), by name as the controller names it. */
export function setOfClaim(ctx: StoreContext, claim: PersistentVolumeClaim): { set: StatefulSet; ordinal: number } | undefined {
  const name = claim.metadata?.name ?? '';
  for (const set of ctx.store.list('statefulsets', claim.metadata?.namespace ?? '')) {
    for (const template of claimTemplates(set)) {
      const ordinal = ordinalOfClaim(template, set, name);
      if (ordinal !== undefined) return { set, ordinal };
    }
  }
  return undefined;
}
