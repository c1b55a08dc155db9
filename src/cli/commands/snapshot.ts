/** `kse snapshot`: syncs a context and writes a redacted snapshot file. */
import { snapshotOf } from '../../main/core/export';
import { describeRedaction } from '../../main/kube/export-snapshot';
import type { CommandNamed } from '../args';
import { chooseContext, syncContext } from '../open-and-sync';
import { CliFailure, type CliRuntime } from '../runtime';
import { withCore } from './with-core';

export async function runSnapshot(runtime: CliRuntime, command: CommandNamed<'snapshot'>): Promise<number> {
  const context = await chooseContext(runtime, command.context);
  return withCore(runtime, async (core) => {
    const { status } = await syncContext(core, runtime, context, command.timeoutSeconds);
    const snapshot = snapshotOf(core.registry.get(status.cluster.id));
    try {
      await runtime.writeFile(command.output, `${JSON.stringify(snapshot)}\n`);
    } catch (error) {
      throw new CliFailure(`Cannot write ${command.output}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const objects = Object.values(snapshot.kinds).reduce((sum, kind) => sum + (kind?.items.length ?? 0), 0);
    runtime.io.err(`Wrote ${objects} objects of ${context} to ${command.output}. Kept only the fields kse reads; ${describeRedaction(snapshot)}.\n`);
    return 0;
  });
}
