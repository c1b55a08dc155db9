/** A started core for one command, closed afterwards without letting the close hold up the command's answer. */
import type { Core } from '../../main/core/core';
import type { CliRuntime } from '../runtime';

/** Closing takes a moment (watches end, a credential plugin is killed); the command's answer does not wait longer. */
const CLOSE_TIMEOUT_MS = 5_000;

export async function withCore<T>(runtime: CliRuntime, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await runtime.createCore({ autoOpenDemo: false });
  try {
    return await work(core);
  } finally {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([core.close().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)))]);
    clearTimeout(timer);
  }
}
