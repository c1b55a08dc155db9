/**
 * Invalidation that a stream of changes cannot starve.
 *
 * TanStack Query's `invalidateQueries` cancels a fetch in flight and starts it again (`cancelRefetch: true`, its
 * default). When change notices come faster than one fetch takes (a 10,000-claim table patched 100 times a second,
 * notices every ~100 ms, a page or an overview taking longer than that on a loaded machine), every fetch is
 * cancelled before it lands and the screen stops changing for as long as the stream lasts: the browser benchmark
 * (`npm run bench:screen`, issue 13 item 4) saw no update for 80 s at 10,000 claims.
 *
 * Here a fetch in flight is left to finish, and is run once more after it (its answer may predate the change),
 * so the screen moves at the pace of one fetch after another and ends on the last change. A query that is idle
 * is invalidated as before (refetched if on screen, else marked stale).
 */
import type { InvalidateQueryFilters, QueryClient } from '@tanstack/react-query';

/** Queries (by hash) to refetch once more when their fetch in flight ends, per client. */
const again = new WeakMap<QueryClient, Set<string>>();

/** Starts following a client's fetches once; returns the client's set of queries owed a refetch. */
function owed(client: QueryClient): Set<string> {
  let set = again.get(client);
  if (set) return set;
  const fresh = new Set<string>();
  again.set(client, fresh);
  set = fresh;
  client.getQueryCache().subscribe((event) => {
    // A query removed while owed (its cluster closed, garbage-collected) owes nothing: forget it.
    if (event.type === 'removed') {
      fresh.delete(event.query.queryHash);
      return;
    }
    if (event.type !== 'updated' || !fresh.has(event.query.queryHash)) return;
    if (event.query.state.fetchStatus !== 'idle') return;
    fresh.delete(event.query.queryHash);
    void client.invalidateQueries({ queryKey: event.query.queryKey, exact: true }, { cancelRefetch: false });
  });
  return set;
}

/**
 * Invalidates the queries `filters` match without cancelling a fetch in flight: those are refetched once more
 * when they end. Never throws; the refetches run in the background.
 */
export function invalidateUnstarved(client: QueryClient, filters: InvalidateQueryFilters): void {
  const set = owed(client);
  // A paused fetch (offline, or between retries) is in flight too: its answer may predate the change.
  for (const query of client.getQueryCache().findAll(filters)) if (query.state.fetchStatus !== 'idle') set.add(query.queryHash);
  void client.invalidateQueries(filters, { cancelRefetch: false });
}
