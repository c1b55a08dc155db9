/**
 * The user's usage settings (poll interval, nearly-full thresholds) as the core keeps them, and how to change them.
 * Until they arrive, the defaults: a bar is coloured by 85 % / 95 % rather than not at all.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_USAGE_SETTINGS, type UsageSettings } from '../../../shared/usage/thresholds';
import { useApi } from './api-context';
import { keys, usageSettingsQuery } from './queries';

export function useUsageSettings(): UsageSettings {
  return useQuery(usageSettingsQuery(useApi())).data ?? DEFAULT_USAGE_SETTINGS;
}

/**
 * Changes some settings; on success every view that shows usage is refetched (the findings and bars follow the
 * thresholds, the report says the new interval).
 */
export function useSetUsageSettings() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: Partial<UsageSettings>) => api.setUsageSettings(change),
    onSuccess: (next) => {
      client.setQueryData(keys.usageSettings(), next);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'cluster' && ['usage', 'findings', 'overview', 'object', 'rows'].includes(String(q.queryKey[2])) });
    },
  });
}
