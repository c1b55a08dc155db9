/** `kse sync`: opens a context, waits until every kind settled, prints per-kind state, count and time. */
import type { CommandNamed } from '../args';
import { formatSync, syncJson } from '../format';
import { chooseContext, syncContext } from '../open-and-sync';
import type { CliRuntime } from '../runtime';
import { json } from './json';
import { withCore } from './with-core';

export async function runSync(runtime: CliRuntime, command: CommandNamed<'sync'>): Promise<number> {
  const context = await chooseContext(runtime, command.context);
  return withCore(runtime, async (core) => {
    const result = await syncContext(core, runtime, context, command.timeoutSeconds);
    runtime.io.out(command.json ? json(syncJson(result)) : formatSync(result));
    return 0;
  });
}
