/**
 * Runs `work` over `items` with at most `limit` calls in flight, keeping the results in the items' order.
 * Used where many clusters are checked at once (`kse doctor --all-contexts`): a fleet of 50 contexts must not open
 * 50 connections together, and one slow context must not hold up the rest (a free slot takes the next item).
 * `work` is expected not to throw; if it does, the first error rejects the whole run after in-flight calls end.
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number of at least 1, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
