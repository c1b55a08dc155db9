/**
 * The one place that builds a cluster's store for the app, the web host and the CLI.
 * TEMPORARY: the store (src/main/store) is being written; until its ClusterStore lands this says so clearly.
 */
import type { ClusterInfo } from '../../shared/model/status';
import { unavailable } from './errors';
import type { ClusterStorePort } from './ports';

export function createClusterStore(info: ClusterInfo): ClusterStorePort {
  throw unavailable(`${info.name} cannot be opened: this build has no cluster store yet (src/main/store is in progress).`);
}
