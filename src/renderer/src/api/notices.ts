/**
 * Pushed notices drive invalidation: TanStack Query refetches only the queries that are on screen
 * (inactive ones are just marked stale), so a burst of changes costs what the user sees, not the cluster size.
 */
import { useEffect } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Notice, RendererApi } from '../../../shared/contract';
import { keys } from './queries';
import { applyUsageNotice } from './usage-notice';
import { invalidateUnstarved } from './invalidate';

/** Applies one notice to the cache. Exported for tests. */
export function applyNotice(client: QueryClient, notice: Notice): void {
  switch (notice.type) {
    case 'clusters':
      void client.invalidateQueries({ queryKey: keys.clusters() });
      void client.invalidateQueries({ queryKey: keys.fleet() });
      return;
    case 'usage':
      applyUsageNotice(client, notice);
      return;
    case 'status':
      // A cluster that just connected can start reading usage.
      void client.invalidateQueries({ queryKey: [...keys.cluster(notice.clusterId), 'usage'] });
      void client.invalidateQueries({ queryKey: keys.status(notice.clusterId) });
      // The connection state shown in the cluster list lives in listClusters; the fleet shows it too.
      void client.invalidateQueries({ queryKey: keys.clusters() });
      void client.invalidateQueries({ queryKey: keys.fleet() });
      return;
    case 'changed': {
      // Rows are refetched only for the tables the notice names (the store lists every table whose rows the
      // change marked, neighbours included). Details, graphs, the overview and findings derive from several kinds
      // (a claim's detail shows its events and pods), so any change refreshes them; TanStack Query refetches only
      // those on screen.
      // A stream of changes must not cancel every fetch before it lands (see invalidate.ts).
      const tables = new Set<string>(notice.tables);
      invalidateUnstarved(client, {
        queryKey: keys.cluster(notice.clusterId),
        predicate: (query) => {
          const what = query.queryKey[2];
          if (what === 'status' || what === 'usage' || what === 'usage-history') return false;
          if (what === 'rows') return tables.has(String(query.queryKey[3]));
          return true;
        },
      });
      // Sync counts and freshness move with every change too, and the fleet's counts.
      invalidateUnstarved(client, { queryKey: keys.status(notice.clusterId) });
      invalidateUnstarved(client, { queryKey: keys.fleet() });
      return;
    }
  }
}

export function useNoticeInvalidation(api: RendererApi, client: QueryClient): void {
  useEffect(() => api.onNotice((notice) => applyNotice(client, notice)), [api, client]);
}
