/** Per-call time limits, so a stuck call answers with a message instead of leaving the UI spinning. */
import { unavailable } from './errors';

export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(unavailable(`${what} did not answer within ${ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`}. Check the cluster's connection and try again.`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
