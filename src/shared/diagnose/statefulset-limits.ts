/**
 * Whether the API server's admission would refuse a claim made from a StatefulSet's template, computed from the
 * namespace's objects the way the admission plugins do:
 * - LimitRanger (plugin/pkg/admission/limitranger/admission.go, PersistentVolumeClaimValidateLimitFunc): for each
 *   LimitRange item of type PersistentVolumeClaim, `min.storage` and `max.storage` against the claim's
 *   `spec.resources.requests.storage`; messages "maximum storage usage per PersistentVolumeClaim is 1Gi, but request
 *   is 2Gi" and "minimum storage usage per PersistentVolumeClaim is ..., but request is ...", or "... No request is
 *   specified" when the claim asks for none;
 * - ResourceQuota (plugin/pkg/admission/resourcequota/controller.go, with the claim evaluator of
 *   pkg/quota/v1/evaluator/core/persistent_volume_claims.go): a new claim uses `persistentvolumeclaims` 1,
 *   `requests.storage` its request, and the same two per class (`<class>.storageclass.storage.k8s.io/...`), plus the
 *   object count `count/persistentvolumeclaims`; a quota refuses when used + requested > hard for a resource it
 *   limits: "exceeded quota: <name>, requested: requests.storage=2Gi, used: requests.storage=0, limited:
 *   requests.storage=1Gi".
 * Quotas with scopes are skipped: claim scopes (VolumeAttributesClass) are not evaluated here, so they are never
 * blamed without proof (the FailedCreate event still is reported by statefulset-admission.ts).
 */
import type { ClaimTemplate, LimitRange, ResourceQuota } from '../kube/objects-owners';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../quantity';

/** One LimitRange bound a template's request breaks. `request` is undefined when the template asks for no storage. */
export interface LimitBreach {
  range: LimitRange;
  /** Index in spec.limits, for the evidence's source path. */
  item: number;
  bound: 'max' | 'min';
  limit: string;
  request: string | undefined;
}

/** One quota resource a new claim would push past its hard limit. */
export interface QuotaBreach {
  quota: ResourceQuota;
  /** The quota's resource name, e.g. "requests.storage" or "fast.storageclass.storage.k8s.io/requests.storage". */
  resource: string;
  hard: string;
  used: string;
  requested: string;
}

const CLASS_SUFFIX = '.storageclass.storage.k8s.io/';

/** The LimitRange bounds of type PersistentVolumeClaim that a claim from this template breaks, in object order. */
export function limitBreaches(template: ClaimTemplate, ranges: readonly LimitRange[]): LimitBreach[] {
  const requestText = template.spec?.resources?.requests?.['storage'];
  const request = parseQuantity(requestText);
  const out: LimitBreach[] = [];
  for (const range of ranges) {
    (range.spec?.limits ?? []).forEach((item, index) => {
      if (item.type !== 'PersistentVolumeClaim') return;
      const max = parseQuantity(item.max?.['storage']);
      const min = parseQuantity(item.min?.['storage']);
      if (max && (!request || compareQuantities(request, max) > 0)) out.push({ range, item: index, bound: 'max', limit: formatQuantity(max), request: request ? formatQuantity(request) : undefined });
      if (min && (!request || compareQuantities(request, min) < 0)) out.push({ range, item: index, bound: 'min', limit: formatQuantity(min), request: request ? formatQuantity(request) : undefined });
    });
  }
  return out;
}

/**
 * What one more claim from this template adds to each quota resource. `className` is the class the claim gets at
 * admission: the template's, or the default class (DefaultStorageClass admission runs before ResourceQuota).
 */
export function claimUsage(template: ClaimTemplate, className: string | undefined): Map<string, Quantity> {
  const one = parseQuantity('1')!;
  const request = parseQuantity(template.spec?.resources?.requests?.['storage']) ?? parseQuantity('0')!;
  const usage = new Map<string, Quantity>([
    ['persistentvolumeclaims', one],
    ['count/persistentvolumeclaims', one],
    ['requests.storage', request],
  ]);
  if (className) {
    usage.set(`${className}${CLASS_SUFFIX}persistentvolumeclaims`, one);
    usage.set(`${className}${CLASS_SUFFIX}requests.storage`, request);
  }
  return usage;
}

/** The quota resources one more claim from this template would exceed, in object order. */
export function quotaBreaches(template: ClaimTemplate, className: string | undefined, quotas: readonly ResourceQuota[]): QuotaBreach[] {
  const usage = claimUsage(template, className);
  const out: QuotaBreach[] = [];
  for (const quota of quotas) {
    if ((quota.spec?.scopes ?? []).length > 0 || (quota.spec?.scopeSelector?.matchExpressions ?? []).length > 0) continue;
    const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
    for (const [resource, hardText] of Object.entries(hard)) {
      const delta = usage.get(resource);
      const limit = parseQuantity(hardText);
      if (!delta || !limit) continue;
      const used = parseQuantity(quota.status?.used?.[resource]) ?? parseQuantity('0')!;
      const after = add(used, delta);
      if (compareQuantities(after, limit) > 0) out.push({ quota, resource, hard: formatQuantity(limit), used: formatQuantity(used), requested: formatQuantity(delta) });
    }
  }
  return out;
}

/** a + b, exactly. */
export function add(a: Quantity, b: Quantity): Quantity {
  const scale = Math.min(a.scale, b.scale);
  const mantissa = a.mantissa * 10n ** BigInt(a.scale - scale) + b.mantissa * 10n ** BigInt(b.scale - scale);
  return { mantissa, scale, format: a.format === 'BinarySI' || b.format === 'BinarySI' ? 'BinarySI' : a.format };
}
