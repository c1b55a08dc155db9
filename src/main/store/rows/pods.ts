/** Pods table: kubectl-like status, node, volume types, claims, init progress, restarts, readiness. */
import { refTo } from '../../../shared/diagnose/object-helpers';
import type { Pod } from '../../../shared/kube/objects';
import type { PodRow } from '../../../shared/model/rows';
import { podClaimNames, volumeType } from '../object-keys';
import { podStatus } from './pod-status';
import { ageColumn, badgeColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function buildPodRow(ctx: RowContext, pod: Pod, key: string): PodRow {
  const summary = podStatus(pod);
  const volumeTypes: Record<string, number> = {};
  for (const volume of pod.spec?.volumes ?? []) {
    const type = volumeType(volume);
    volumeTypes[type] = (volumeTypes[type] ?? 0) + 1;
  }
  const row: PodRow = {
    ...rowBase(refTo('pods', pod), pod, ctx.badge('pods', key)),
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase ?? 'Pending',
    status: summary.status,
    volumeTypes,
    claims: podClaimNames(pod),
    initDone: summary.initDone,
    initTotal: summary.initTotal,
    restarts: summary.restarts,
    ready: summary.ready,
  };
  if (pod.spec?.nodeName) row.nodeName = pod.spec.nodeName;
  return row;
}

/** "2/3" -> 2/3 as a number, so READY sorts by share of ready containers. */
function readyShare(ready: string): number {
  const [a, b] = ready.split('/').map(Number);
  return b ? (a ?? 0) / b : 0;
}

export const podsTable: TableSpec<PodRow> = {
  kind: 'pods',
  build: (ctx, obj, key) => buildPodRow(ctx, obj as Pod, key),
  namespace: (r) => r.namespace,
  namespaced: true,
  text: (r) => joinText([`${r.namespace}/${r.name}`, r.status, r.phase, r.nodeName, r.claims.join(' '), Object.keys(r.volumeTypes).join(' '), r.badge?.code]),
  columns: {
    name: { sort: (r) => r.name },
    namespace: { sort: (r) => r.namespace },
    phase: { sort: (r) => r.phase },
    status: { sort: (r) => r.status },
    ready: { sort: (r) => readyShare(r.ready), filter: (r) => r.ready },
    init: { sort: (r) => (r.initTotal === 0 ? undefined : r.initDone / r.initTotal), filter: (r) => (r.initTotal > 0 ? `${r.initDone}/${r.initTotal}` : '') },
    restarts: { sort: (r) => r.restarts },
    node: { sort: (r) => r.nodeName, filter: (r) => r.nodeName ?? '' },
    nodeName: { sort: (r) => r.nodeName },
    volumeTypes: { sort: (r) => Object.keys(r.volumeTypes).sort().join(' '), filter: (r) => Object.keys(r.volumeTypes).sort().join(',') },
    claims: { sort: (r) => r.claims.length, filter: (r) => r.claims.join(',') },
    age: ageColumn(),
    badge: badgeColumn(),
  },
};
