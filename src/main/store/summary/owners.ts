/**
 * Summaries of a StatefulSet (its claim templates, and the pod and claims of each ordinal, linked) and of the
 * namespace limits on claims: ResourceQuotas (hard and used) and LimitRanges (each item's min and max).
 */
import type { LimitRange, ResourceQuota, StatefulSet } from '../../../shared/kube/objects-owners';
import { claimName, claimTemplates, podName, wantedOrdinals } from '../../../shared/diagnose/statefulset-ordinals';
import type { SummaryList } from './fields';

export function statefulSetSummary(list: SummaryList, set: StatefulSet): void {
  const ns = set.metadata?.namespace ?? '';
  const spec = set.spec ?? {};
  // Numbers, not words: the renderer says «3 (готовы: 2)» in the UI language (the core never writes UI words).
  list.add('replicas', 'spec.replicas', { type: 'replicas', wanted: spec.replicas ?? 1, ready: set.status?.readyReplicas ?? 0 });
  const templates = claimTemplates(set);
  list.list(
    'claimTemplates',
    'spec.volumeClaimTemplates',
    templates.map((t) => [t.metadata?.name, t.spec?.storageClassName ? `class=${t.spec.storageClassName}` : '', t.spec?.resources?.requests?.['storage'] ? `storage=${t.spec.resources.requests['storage']}` : ''].filter(Boolean).join(' ')),
  );
  const ordinals = wantedOrdinals(set);
  if (ordinals.length > 0) list.refs('ordinalPods', undefined, ordinals.map((n) => list.byName('pods', podName(set, n), ns)));
  const claims = ordinals.flatMap((n) => templates.map((t) => list.byName('persistentvolumeclaims', claimName(t, set, n), ns)));
  if (claims.length > 0) list.refs('ordinalClaims', 'spec.volumeClaimTemplates', claims);
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  list.text('retentionPolicy', 'spec.persistentVolumeClaimRetentionPolicy', `whenDeleted=${retention?.whenDeleted ?? 'Retain'} whenScaled=${retention?.whenScaled ?? 'Retain'}`);
  list.metadata(set);
}

export function resourceQuotaSummary(list: SummaryList, quota: ResourceQuota): void {
  list.map('quotaHard', 'status.hard', quota.status?.hard ?? quota.spec?.hard);
  list.map('quotaUsed', 'status.used', quota.status?.used);
  list.list('selector', 'spec.scopes', quota.spec?.scopes);
  list.metadata(quota);
}

export function limitRangeSummary(list: SummaryList, range: LimitRange): void {
  list.list(
    'limitItems',
    'spec.limits',
    (range.spec?.limits ?? []).map((item) => {
      const part = (label: string, values: Record<string, string> | undefined) => Object.entries(values ?? {}).map(([k, v]) => `${label}.${k}=${v}`);
      return [item.type ?? '?', ...part('min', item.min), ...part('max', item.max), ...part('default', item.default)].join(' ');
    }),
  );
  list.metadata(range);
}
