/**
 * The longest stall of the event loop while some work runs, seen as the longest gap (ms) between two turns of a
 * setImmediate chain: what an IPC call, the web host or a watch event would have waited. Used by the benchmarks
 * of sliced work (event-loop.ts, usage-findings-loop.ts).
 */
export interface StallWatch {
  /** Stops the chain after one more turn (so a stall at the very end is counted); resolves to the longest gap, ms. */
  stop(): Promise<number>;
}

/** Starts a setImmediate chain that records the longest gap between its turns. */
export function watchStalls(): StallWatch {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const turn = () => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  return {
    async stop() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}
