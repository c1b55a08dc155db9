/** Nodes table: readiness, zone, CSI drivers registered in its CSINode, pods on it, volumes attached to it. */
import { condition, refTo } from '../../../shared/diagnose/object-helpers';
import type { KubeNode } from '../../../shared/kube/objects';
import type { NodeRow } from '../../../shared/model/rows';
import { csiNodeDrivers } from '../object-keys';
import { ageColumn, joinText, rowBase, type RowContext, type TableSpec } from './table-spec';

export function buildNodeRow(ctx: RowContext, node: KubeNode, key: string): NodeRow {
  const name = node.metadata?.name ?? '';
  const labels = node.metadata?.labels ?? {};
  const csiNode = ctx.store.get('csinodes', name);
  const row: NodeRow = {
    ...rowBase(refTo('nodes', node), node, ctx.badge('nodes', key)),
    name,
    ready: condition(node.status?.conditions, 'Ready')?.status === 'True',
    csiDrivers: csiNode ? csiNodeDrivers(csiNode).sort() : [],
    pods: ctx.store.podsOnNode(name).length,
    attachedVolumes: ctx.store.attachmentsOnNode(name).filter((va) => va.status?.attached === true).length,
  };
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'];
  if (zone) row.zone = zone;
  return row;
}

export const nodesTable: TableSpec<NodeRow> = {
  kind: 'nodes',
  build: (ctx, obj, key) => buildNodeRow(ctx, obj as KubeNode, key),
  namespace: () => undefined,
  namespaced: false,
  text: (r) => joinText([r.name, r.ready ? 'Ready' : 'NotReady', r.zone, r.csiDrivers.join(' ')]),
  columns: {
    name: { sort: (r) => r.name },
    ready: { sort: (r) => (r.ready ? 1 : 0), filter: (r) => String(r.ready) },
    zone: { sort: (r) => r.zone },
    drivers: { sort: (r) => r.csiDrivers.length, filter: (r) => r.csiDrivers.join(',') },
    pods: { sort: (r) => r.pods },
    attached: { sort: (r) => r.attachedVolumes },
    attachedVolumes: { sort: (r) => r.attachedVolumes },
    age: ageColumn(),
  },
};
