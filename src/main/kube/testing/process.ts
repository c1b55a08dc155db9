/** Process checks for tests that start real processes (credential plugins, the lab's components). */

/** True while a process with this pid exists (signal 0 only checks; it sends nothing). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
