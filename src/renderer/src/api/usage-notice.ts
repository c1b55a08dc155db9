/**
 * A `usage` notice (a poll round, a replayed sample) refetches what shows the usage that moved, not every open
 * panel: the report and the overview (it sums every volume and counts its findings), the kept history of the volumes it
 * names, and, when it names objects, only those objects' details and the claim pages that show them. A page
 * whose order or membership rests on usage (sorted by Use %, Used, Free or findings; filtered by severity) is
 * refetched whatever moved: a claim elsewhere may now belong on it.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { Notice } from '../../../shared/contract';
import type { ClaimRow, Page } from '../../../shared/model/rows';
import { keys, type RowsQuery } from './queries';

type UsageNotice = Extract<Notice, { type: 'usage' }>;

/** Claim columns whose values come with usage (core/claim-rows.ts): the order they give moves with every poll. */
const USAGE_SORTS = new Set(['used', 'free', 'usePercent', 'badge']);

/** Whether a claims list's order or membership depends on usage (then any usage change may reorder it). */
export function claimsOrderUsesUsage(q: Partial<RowsQuery>): boolean {
  if (q.sort && USAGE_SORTS.has(q.sort.column)) return true;
  if (q.minSeverity !== undefined || q.finding !== undefined) return true;
  return Object.keys(q.filters ?? {}).some((column) => USAGE_SORTS.has(column));
}

const objectKey = (kind: string, namespace: string | undefined, name: string) => `${kind}|${namespace ?? ''}|${name}`;

/** Applies one usage notice to the cache. */
export function applyUsageNotice(client: QueryClient, notice: UsageNotice): void {
  const volumes = notice.volumes ? new Set(notice.volumes) : undefined;
  // Undefined: every object (a change of access, too many to name, or a sender that does not name them).
  const objects = notice.access || !notice.objects ? undefined : new Set(notice.objects.map((r) => objectKey(r.kind, r.namespace, r.name)));
  void client.invalidateQueries({
    queryKey: keys.cluster(notice.clusterId),
    predicate: (query) => {
      const what = query.queryKey[2];
      if (what === 'usage' || what === 'overview') return true;
      if (what === 'usage-history') return volumes === undefined || volumes.has(String(query.queryKey[3]));
      // ['cluster', id, 'object', kind, namespace, name]
      if (what === 'object') return objects === undefined || objects.has(objectKey(String(query.queryKey[3]), String(query.queryKey[4]), String(query.queryKey[5])));
      if (what === 'rows' && query.queryKey[3] === 'claims') return objects === undefined || claimsQueryAffected(query, objects);
      return false;
    },
  });
}

/**
 * Whether a claims rows query shows a named claim: a page or lesson examples (by their rows), a locate (only when
 * the order rests on usage). Pages not loaded yet are refetched (they cost nothing until shown).
 */
function claimsQueryAffected(query: Query, objects: ReadonlySet<string>): boolean {
  const [, , , , q, part] = query.queryKey as readonly unknown[];
  const examples = q === 'examples';
  if (!examples && typeof q === 'object' && q !== null && claimsOrderUsesUsage(q as Partial<RowsQuery>)) return true;
  if (part === 'locate') return false;
  const page = query.state.data as Page<ClaimRow> | undefined;
  if (!page?.rows) return true;
  return page.rows.some((row) => objects.has(objectKey('persistentvolumeclaims', row.namespace, row.name)));
}
