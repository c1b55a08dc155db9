/**
 * Whether the API server's admission would refuse a StatefulSet's pod for its ephemeral storage (the node's disk:
 * writable layers, logs, emptyDir), computed from the pod template and the namespace's objects as the plugins do:
 * - LimitRanger (kubernetes plugin/pkg/admission/limitranger/admission.go): first the defaults of each item of type
 *   Container fill what a container does not set (`default` its limit, `defaultRequest` its request; the API
 *   server's own defaulting already made an unset request equal to the limit, and a stored LimitRange item with a
 *   max has `default` = max); then PodValidateLimitFunc checks each container (type Container) and the pod's sum
 *   (type Pod: the containers' sum, or the largest init container if larger) with minConstraint / maxConstraint:
 *   "maximum ephemeral-storage usage per Container is 1Gi, but limit is 2Gi", "... but request is ...",
 *   "maximum ephemeral-storage usage per Container is 1Gi.  No limit is specified", "minimum ... but request is ...";
 * - ResourceQuota (k8s.io/apiserver pkg/admission/plugin/resourcequota/controller.go, with the pod evaluator of
 *   kubernetes pkg/quota/v1/evaluator/core/pods.go): a new pod uses `requests.ephemeral-storage` (and the bare
 *   `ephemeral-storage`) its summed requests and `limits.ephemeral-storage` its summed limits; refused when used +
 *   requested > hard: "exceeded quota: eph, requested: requests.ephemeral-storage=2Gi, used:
 *   requests.ephemeral-storage=0, limited: requests.ephemeral-storage=1Gi". Unlike cpu and memory, a quota on
 *   ephemeral storage does not require pods to state it (pods.go validationSet): a pod that states none adds 0.
 * Neither plugin reads an emptyDir's sizeLimit (the kubelet enforces it by eviction, later). Scoped quotas are
 * skipped, as for claims (statefulset-limits.ts).
 */
import type { LimitRange, ResourceQuota, TemplateContainer } from '../kube/objects-owners';
import { compareQuantities, formatQuantity, parseQuantity, type Quantity } from '../quantity';
import { add, type QuotaBreach } from './statefulset-limits';

export const EPHEMERAL = 'ephemeral-storage';

/** A container's ephemeral storage after LimitRanger's defaults. */
export interface ContainerEphemeral {
  name: string;
  /** containers or initContainers, and the index there (the evidence's source path). */
  list: 'containers' | 'initContainers';
  index: number;
  request: Quantity | undefined;
  limit: Quantity | undefined;
  /** Which of the two a LimitRange default filled. */
  defaulted: { request: boolean; limit: boolean };
}

/** One LimitRange bound the pod breaks: on one container (type Container) or on the pod's sum (type Pod). */
export interface PodLimitBreach {
  range: LimitRange;
  item: number;
  type: 'Container' | 'Pod';
  bound: 'max' | 'min';
  limit: string;
  /** What was compared: the limit or the request; `value` is undefined when it is not set. */
  compared: 'limit' | 'request';
  value: string | undefined;
  /** The container, for type Container. */
  container?: ContainerEphemeral;
}

/** Each container's ephemeral storage as admission sees it, after the namespace's LimitRange defaults. */
export function templateEphemeral(spec: { containers?: TemplateContainer[]; initContainers?: TemplateContainer[] } | undefined, ranges: readonly LimitRange[]): ContainerEphemeral[] {
  const items = ranges.flatMap((r) => r.spec?.limits ?? []).filter((i) => i.type === 'Container');
  const out: ContainerEphemeral[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    (spec?.[list] ?? []).forEach((c, index) => {
      const ownLimit = parseQuantity(c.resources?.limits?.[EPHEMERAL]);
      const ownRequest = parseQuantity(c.resources?.requests?.[EPHEMERAL]) ?? ownLimit;
      // As stored, an item has these filled (SetDefaults_LimitRangeItem, pkg/apis/core/v1/defaults.go): default from
      // max, defaultRequest from default, then from min. Applied here too, for objects from a file.
      const defLimit = items.map((i) => parseQuantity(i.default?.[EPHEMERAL] ?? i.max?.[EPHEMERAL])).find(Boolean);
      const defRequest = items.map((i) => parseQuantity(i.defaultRequest?.[EPHEMERAL] ?? i.default?.[EPHEMERAL] ?? i.max?.[EPHEMERAL] ?? i.min?.[EPHEMERAL])).find(Boolean);
      const limit = ownLimit ?? defLimit;
      const request = ownRequest ?? defRequest;
      out.push({ name: c.name ?? '', list, index, request, limit, defaulted: { request: !ownRequest && request !== undefined, limit: !ownLimit && limit !== undefined } });
    });
  }
  return out;
}

/** The pod's total (as resourcehelper.PodRequests): the app containers' sum, or the largest init container if larger. */
export function podTotal(containers: readonly ContainerEphemeral[], which: 'request' | 'limit'): Quantity | undefined {
  const sum = (xs: readonly ContainerEphemeral[]) => xs.reduce<Quantity | undefined>((acc, c) => (c[which] ? (acc ? add(acc, c[which]!) : c[which]) : acc), undefined);
  const apps = sum(containers.filter((c) => c.list === 'containers'));
  const init = containers.filter((c) => c.list === 'initContainers' && c[which]).map((c) => c[which]!).sort(compareQuantities).at(-1);
  if (!apps) return init;
  return init && compareQuantities(init, apps) > 0 ? init : apps;
}

/** The LimitRange bounds on ephemeral-storage the pod breaks, in object order (maxConstraint / minConstraint). */
export function podLimitBreaches(containers: readonly ContainerEphemeral[], ranges: readonly LimitRange[]): PodLimitBreach[] {
  const out: PodLimitBreach[] = [];
  for (const range of ranges) {
    (range.spec?.limits ?? []).forEach((item, index) => {
      if (item.type !== 'Container' && item.type !== 'Pod') return;
      const max = parseQuantity(item.max?.[EPHEMERAL]);
      const min = parseQuantity(item.min?.[EPHEMERAL]);
      if (!max && !min) return;
      const subjects: { request?: Quantity; limit?: Quantity; container?: ContainerEphemeral }[] =
        item.type === 'Container' ? containers.map((c) => ({ request: c.request, limit: c.limit, container: c })) : [{ request: podTotal(containers, 'request'), limit: podTotal(containers, 'limit') }];
      for (const s of subjects) {
        const base = { range, item: index, type: item.type, ...(s.container ? { container: s.container } : {}) } as const;
        const text = (q: Quantity | undefined) => (q ? formatQuantity(q) : undefined);
        if (max) {
          const limit = formatQuantity(max);
          if (!s.limit || compareQuantities(s.limit, max) > 0) out.push({ ...base, bound: 'max', limit, compared: 'limit', value: text(s.limit) });
          else if (s.request && compareQuantities(s.request, max) > 0) out.push({ ...base, bound: 'max', limit, compared: 'request', value: text(s.request) });
        }
        if (min) {
          const limit = formatQuantity(min);
          if (!s.request || compareQuantities(s.request, min) < 0) out.push({ ...base, bound: 'min', limit, compared: 'request', value: text(s.request) });
          else if (s.limit && compareQuantities(s.limit, min) < 0) out.push({ ...base, bound: 'min', limit, compared: 'limit', value: text(s.limit) });
        }
      }
    });
  }
  return out;
}

/** What one more pod adds to each ephemeral-storage quota resource (nothing for what it does not state). */
export function podUsage(containers: readonly ContainerEphemeral[]): Map<string, Quantity> {
  const usage = new Map<string, Quantity>();
  const request = podTotal(containers, 'request');
  const limit = podTotal(containers, 'limit');
  if (request) {
    usage.set(EPHEMERAL, request);
    usage.set(`requests.${EPHEMERAL}`, request);
  }
  if (limit) usage.set(`limits.${EPHEMERAL}`, limit);
  return usage;
}

/**
 * The ephemeral-storage quota resources one more pod would exceed, in object order. A quota the controller has not
 * counted yet (no status.used) is skipped: its refusal says nothing of the pod.
 */
export function podQuotaBreaches(containers: readonly ContainerEphemeral[], quotas: readonly ResourceQuota[]): QuotaBreach[] {
  const usage = podUsage(containers);
  const out: QuotaBreach[] = [];
  for (const quota of quotas) {
    if ((quota.spec?.scopes ?? []).length > 0 || (quota.spec?.scopeSelector?.matchExpressions ?? []).length > 0) continue;
    if (!quota.status?.used) continue;
    for (const [resource, hardText] of Object.entries(quota.status.hard ?? quota.spec?.hard ?? {})) {
      const delta = usage.get(resource);
      const hard = parseQuantity(hardText);
      if (!delta || !hard) continue;
      const used = parseQuantity(quota.status.used[resource]) ?? parseQuantity('0')!;
      if (compareQuantities(add(used, delta), hard) > 0) out.push({ quota, resource, hard: formatQuantity(hard), used: formatQuantity(used), requested: formatQuantity(delta) });
    }
  }
  return out;
}
