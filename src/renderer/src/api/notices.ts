/**
 * Pushed notices drive invalidation: TanStack Query refetches only the queries that are on screen
 * (inactive ones are just marked stale), so a burst of changes costs what the user sees, not the cluster size.
 */
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Notice, RendererApi } from '../../../shared/contract';
import { keys } from './queries';

/** Applies one notice to the cache. Exported for tests. */
export function applyNotice(client: QueryClient, notice: Notice): void {
  switch (notice.type) {
    case 'clusters':
      void client.invalidateQueries({ queryKey: keys.clusters() });
      return;
    case 'status':
      void client.invalidateQueries({ queryKey: keys.status(notice.clusterId) });
      // The connection state shown in the cluster list lives in listClusters.
      void client.invalidateQueries({ queryKey: keys.clusters() });
      return;
    case 'changed':
      // Rows, badges, graphs and findings all derive from several kinds (a claim's badge from events, its
      // pods column from pods...), so any change refreshes the cluster's derived data, status excepted.
      void client.invalidateQueries({
        queryKey: keys.cluster(notice.clusterId),
        predicate: (query) => query.queryKey[2] !== 'status',
      });
      // Sync counts and freshness move with every change too.
      void client.invalidateQueries({ queryKey: keys.status(notice.clusterId) });
      return;
  }
}

export function useNoticeInvalidation(api: RendererApi, client: QueryClient): void {
  useEffect(() => api.onNotice((notice) => applyNotice(client, notice)), [api, client]);
}
