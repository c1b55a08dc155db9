/**
 * Test helper: how many event-loop turns (setImmediate callbacks) run while `work` is pending. Zero means `work`
 * held the loop from start to end; slicing code (ClusterStore.settle, usage findings) must let it turn.
 * @returns the count of turns taken before `work` settled.
 */
export async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns += 1;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work;
  } finally {
    running = false;
  }
  return turns;
}
