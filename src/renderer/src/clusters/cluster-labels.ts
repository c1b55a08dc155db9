/** Short names for kinds in the status strip (kubectl's, where it has one) and source labels. */
import type { Kind } from '../../../shared/kube/kinds';
import type { ClusterInfo } from '../../../shared/model/status';

export { KIND_SHORT } from '../../../shared/kube/kinds';

/** Offline sources are labelled so nobody mistakes a snapshot for the live cluster. */
export function isOffline(cluster: Pick<ClusterInfo, 'source'>): boolean {
  return cluster.source !== 'context';
}
