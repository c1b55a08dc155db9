/**
 * Summary of a Pod and of a Node, from the storage side: where the pod runs, its QoS class (which decides who
 * is evicted first when a node runs out of disk), the claims and volumes it uses, and the user and group its
 * files on volumes get; for a node, whether it is ready, its zone, the CSI drivers registered on it and the
 * volumes attached to it.
 */
import type { KubeNode, Pod } from '../../../shared/kube/objects';
import { condition } from '../../../shared/diagnose/object-helpers';
import type { ObjectStore } from '../object-store';
import { csiNodeDrivers, podClaimNames, volumeType } from '../object-keys';
import { podAttachmentField } from './attachments';
import type { SummaryList } from './fields';

export function podSummary(list: SummaryList, store: ObjectStore, pod: Pod): void {
  const spec = pod.spec ?? {};
  const ns = pod.metadata?.namespace ?? '';
  list.text('phase', 'status.phase', pod.status?.phase);
  list.deleting(pod);
  if (spec.nodeName) list.refs('node', 'spec.nodeName', [list.byName('nodes', spec.nodeName)]);
  list.text('qosClass', 'status.qosClass', pod.status?.qosClass);
  list.refs(
    'claims',
    'spec.volumes[].persistentVolumeClaim',
    podClaimNames(pod).map((name) => list.byName('persistentvolumeclaims', name, ns)),
  );
  podAttachmentField(list, store, pod);
  list.list(
    'podVolumes',
    'spec.volumes',
    (spec.volumes ?? []).map((v) => `${v.name ?? ''} (${volumeType(v)})`),
  );
  list.text('runAsUser', 'spec.securityContext.runAsUser', spec.securityContext?.runAsUser);
  list.text('fsGroup', 'spec.securityContext.fsGroup', spec.securityContext?.fsGroup);
  list.time('startTime', 'status.startTime', pod.status?.startTime);
  list.conditions('status.conditions', pod.status?.conditions);
  list.metadata(pod);
}

/** Zone label of a node: the current one, else the deprecated beta label. */
const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

export function nodeSummary(list: SummaryList, store: ObjectStore, node: KubeNode): void {
  const name = node.metadata?.name ?? '';
  const ready = condition(node.status?.conditions, 'Ready');
  // True/False read as yes/no in the user's language, as the Nodes table shows them (trial 5, N-D11); Unknown as is.
  if (ready?.status === 'True' || ready?.status === 'False') list.bool('ready', 'status.conditions[Ready].status', ready.status === 'True');
  else list.text('ready', 'status.conditions[Ready].status', ready?.status);
  const zoneLabel = ZONE_LABELS.find((l) => node.metadata?.labels?.[l]);
  if (zoneLabel) list.text('zone', `metadata.labels[${zoneLabel}]`, node.metadata?.labels?.[zoneLabel]);
  list.text('kubeletVersion', 'status.nodeInfo.kubeletVersion', node.status?.nodeInfo?.kubeletVersion);
  const csiNode = store.get('csinodes', name);
  if (csiNode) list.list('csiDrivers', 'CSINode spec.drivers', csiNodeDrivers(csiNode));
  list.list(
    'volumesAttached',
    'status.volumesAttached',
    (node.status?.volumesAttached ?? []).map((v) => v.name),
  );
  list.text('ephemeralStorage', 'status.allocatable.ephemeral-storage', node.status?.allocatable?.['ephemeral-storage']);
  list.conditions('status.conditions', node.status?.conditions);
  list.metadata(node);
}
