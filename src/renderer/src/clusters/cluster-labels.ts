/** Short names for kinds in the status strip (kubectl's, where it has one) and source labels. */
import type { Kind } from '../../../shared/kube/kinds';
import type { ClusterInfo } from '../../../shared/model/status';

export const KIND_SHORT: Record<Kind, string> = {
  storageclasses: 'sc',
  persistentvolumes: 'pv',
  persistentvolumeclaims: 'pvc',
  pods: 'pods',
  events: 'events',
  nodes: 'nodes',
  csidrivers: 'csidrivers',
  csinodes: 'csinodes',
  volumeattachments: 'va',
  leases: 'leases',
  volumesnapshots: 'vs',
  volumesnapshotcontents: 'vsc',
  volumesnapshotclasses: 'vsclass',
};

/** Offline sources are labelled so nobody mistakes a snapshot for the live cluster. */
export function isOffline(cluster: Pick<ClusterInfo, 'source'>): boolean {
  return cluster.source !== 'context';
}
