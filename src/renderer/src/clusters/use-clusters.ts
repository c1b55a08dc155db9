/** The cluster list, and one cluster's entry from it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ClusterInfo } from '../../../shared/model/status';
import { useApi } from '../api/api-context';
import { clustersQuery, keys, openClusterQuery } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { localizeClusterName } from './cluster-labels';

/** The cluster list, with the names the UI shows (the demo's in the UI language). */
export function useClusters() {
  const { t } = useI18n();
  return useQuery({ ...clustersQuery(useApi()), select: (list: ClusterInfo[]) => list.map((c) => localizeClusterName(c, t)) });
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
