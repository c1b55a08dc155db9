/** Polling for tests against the real lab: one loop, shared by every integration suite. */

export interface UntilOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Describes what was last seen, for the timeout message. */
  seen?: () => string;
}

/** Polls until `check` returns a truthy value; the timeout error says what was awaited, what was seen, the last error. */
export async function pollUntil<T>(what: string, check: () => T | Promise<T>, options: UntilOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 30_000, intervalMs = 100, seen } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${seen ? ` (${seen()})` : ''}${last ? `: ${(last as Error).message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
