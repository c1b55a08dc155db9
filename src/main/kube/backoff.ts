/**
 * Jittered exponential backoff, as client-go's reflector uses between failed list/watch attempts: the delay
 * doubles from `initialMs` up to `maxMs`, each one spread by ±jitter so that many reflectors (and many clients)
 * that failed together do not retry in lockstep. Never a hot loop: the smallest delay is bounded below.
 */
export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  factor?: number;
  /** Fraction of the delay to spread by, in [0, 1). */
  jitter?: number;
  /** Injected for tests. */
  random?: () => number;
}

export class Backoff {
  private failures = 0;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 800;
    this.maxMs = options.maxMs ?? 30_000;
    this.factor = options.factor ?? 2;
    this.jitter = options.jitter ?? 0.2;
    this.random = options.random ?? Math.random;
  }

  /** How many failures in a row so far. */
  get attempts(): number {
    return this.failures;
  }

  /** The delay before the next attempt after one more failure. */
  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * this.factor ** this.failures);
    this.failures += 1;
    const spread = base * this.jitter * (this.random() * 2 - 1);
    return Math.round(Math.min(this.maxMs, Math.max(this.initialMs * (1 - this.jitter), base + spread)));
  }

  /** After a success: start again from the smallest delay. */
  reset(): void {
    this.failures = 0;
  }
}

/** A sleep that ends early (resolving false) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
