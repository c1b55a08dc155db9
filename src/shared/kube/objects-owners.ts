/**
 * Plain-JSON shapes of the objects that decide whether an owner can create its claims: StatefulSets (their
 * volumeClaimTemplates), and the namespace's admission limits on claims, ResourceQuotas and LimitRanges. Only the
 * fields the app reads; everything optional (the server, or a hostile snapshot, may omit it).
 */
import type { KubeObject, LabelSelector } from './objects';

/** A claim template of a StatefulSet (apps/v1 spec.volumeClaimTemplates[]): a claim without namespace. */
export interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: {
    accessModes?: string[];
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    storageClassName?: string | null;
    volumeMode?: string;
    volumeAttributesClassName?: string;
  };
}

/** A container of a StatefulSet's pod template: only its name and resources are kept (for ephemeral-storage admission). */
export interface TemplateContainer {
  name?: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/**
 * A StatefulSet (apps/v1). The controller (pkg/controller/statefulset) names the claim of template T for ordinal N
 * `T-<set>-N` and creates it before the pod `<set>-N`; ordinals start at spec.ordinals.start (default 0).
 */
export interface StatefulSet extends KubeObject {
  spec?: {
    replicas?: number;
    serviceName?: string;
    podManagementPolicy?: string;
    selector?: LabelSelector;
    ordinals?: { start?: number };
    volumeClaimTemplates?: ClaimTemplate[];
    /** The pod template: only its containers' names and resources (what admission weighs against quotas and LimitRanges). */
    template?: { spec?: { containers?: TemplateContainer[]; initContainers?: TemplateContainer[] } };
    /** whenDeleted / whenScaled: Retain (default) or Delete (GA in 1.32). */
    persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
  };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    currentReplicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

/** A ResourceQuota (v1): hard limits per resource name, and what the quota controller counted as used. */
export interface ResourceQuota extends KubeObject {
  spec?: {
    hard?: Record<string, string>;
    scopes?: string[];
    scopeSelector?: { matchExpressions?: { scopeName?: string; operator?: string; values?: string[] }[] };
  };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** One item of a LimitRange: `type` is Pod, Container or PersistentVolumeClaim. */
export interface LimitRangeItem {
  type?: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

/** A LimitRange (v1). */
export interface LimitRange extends KubeObject {
  spec?: { limits?: LimitRangeItem[] };
}
