/** The cluster list, and one cluster's entry from it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ClusterInfo } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import { clustersQuery, keys, openClusterQuery } from '../api/queries';

export function useClusters() {
  return useQuery(clustersQuery(useApi()));
}

export function useClusterInfo(clusterId: string | undefined): ClusterInfo | undefined {
  const { data } = useClusters();
  return data?.find((c) => c.id === clusterId);
}

/** Opens a cluster in the core (once) and reports when its data can be asked for. */
export function useOpenedCluster(clusterId: string) {
  const api = useApi();
  const client = useQueryClient();
  const opened = useQuery(openClusterQuery(api, clusterId));
  useEffect(() => {
    // The list shows each cluster's connection; it changed now.
    if (opened.isSuccess) void client.invalidateQueries({ queryKey: keys.clusters() });
  }, [opened.isSuccess, client]);
  return opened;
}
