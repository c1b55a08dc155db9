/** The cluster list, and one cluster's entry from it. */
import { useQuery } from '@tanstack/react-query';
import type { ClusterInfo } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import { clustersQuery } from '../api/queries';

export function useClusters() {
  return useQuery(clustersQuery(useApi()));
}

export function useClusterInfo(clusterId: string | undefined): ClusterInfo | undefined {
  const { data } = useClusters();
  return data?.find((c) => c.id === clusterId);
}
