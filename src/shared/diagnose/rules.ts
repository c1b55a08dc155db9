/**
 * Every diagnosis rule, per subject kind, in the order their findings are listed; and what their reads reach,
 * derived from their declarations (reach.ts). The store marks exactly that on a change (store/change-reach.ts).
 */
import type { ObjectsByResource } from '../kube/resource-registry';
import type { Finding } from '../model/findings';
import { attributesClassRule } from './claims-attributes-class';
import { boundOrLostClaimRule, terminatingClaimRule } from './claims-other';
import { pendingClaimRule } from './claims-pending';
import { unusedClaimRule } from './claims-unused';
import { classRule } from './classes';
import type { DiagnoseContext } from './context';
import { claimSecretsRule, classSecretsRule, volumeSecretsRule } from './csi-secrets';
import { initContainersRule } from './pods-init';
import { podMountEventsRule } from './pods-mounts';
import { podReferencesRule } from './pods-references';
import { podSchedulingRule } from './pods-scheduling';
import { podVolumesRule } from './pods-volumes';
import { PROVISIONER_HEALTH_READS } from './provisioners';
import { unionOfReads, type DiagnosedKind, type Reach, type ReachSource } from './reach';
import type { Rule } from './rule';
import { snapshotRule } from './snapshots';
import { statefulSetRule } from './statefulsets';
import { volumeAttachmentRule } from './volume-attachments';
import { volumeRule } from './volumes';

/** The rules of each diagnosed kind; a new rule is listed here, with its `reads`. */
export const RULES: { readonly [K in DiagnosedKind]: readonly Rule<K>[] } = {
  persistentvolumeclaims: [terminatingClaimRule, pendingClaimRule, claimSecretsRule, boundOrLostClaimRule, attributesClassRule, unusedClaimRule],
  storageclasses: [classRule, classSecretsRule],
  persistentvolumes: [volumeRule, volumeAttachmentRule, volumeSecretsRule],
  pods: [podSchedulingRule, podVolumesRule, podReferencesRule, podMountEventsRule, initContainersRule],
  statefulsets: [statefulSetRule],
  volumesnapshots: [snapshotRule],
};

/** Every rule, whatever its subject. */
export const ALL_RULES: readonly Rule[] = (Object.values(RULES) as readonly (readonly Rule[])[]).flat();

/** The findings of every rule of the object's kind, in RULES order. */
export function runRules<K extends DiagnosedKind>(ctx: DiagnoseContext, kind: K, object: ObjectsByResource[K]): Finding[] {
  return (RULES[kind] as readonly Rule<K>[]).flatMap((rule) => rule.run(ctx, object));
}

/**
 * What a change of each resource (or a provisioner's verdict) reaches for the rules: the union of every rule's
 * declaration and of the provisioner assessment's (whose verdict the rules read in turn).
 */
export const RULE_REACH: { readonly [K in ReachSource]?: readonly Reach<K>[] } = unionOfReads([...ALL_RULES.map((rule) => rule.reads), PROVISIONER_HEALTH_READS]);
