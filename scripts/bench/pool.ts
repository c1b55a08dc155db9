/** Running many async tasks with a bounded number in flight (seeding thousands of objects without flooding). */

/**
 * Runs task(i) for i in [from, to) with at most `concurrency` running at once, in index order of start.
 * Rejects with the first error after the running tasks settle (nothing new starts after an error).
 */
export async function runBounded(from: number, to: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = from;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < to) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, to - from)) }, worker));
  if (failure) throw failure.error;
}
