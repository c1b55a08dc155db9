/**
 * `kse record`: a recording of a live context (its settled state, then every watch event for N seconds, redacted),
 * the format of the built-in demo cluster. Uses the kube capture directly: a recording needs no store.
 */
import { captureRecording } from '../../main/kube/capture-recording';
import { describeRedaction } from '../../main/kube/export-snapshot';
import { loadKubeconfig } from '../../main/kube/kubeconfig';
import { openContextSource } from '../../main/kube/open-context';
import type { CommandNamed } from '../args';
import { CliFailure, type CliRuntime } from '../runtime';
import { chooseContext } from '../open-and-sync';

export async function runRecord(runtime: CliRuntime, command: CommandNamed<'record'>): Promise<number> {
  const context = await chooseContext(runtime, command.context);
  const known = loadKubeconfig().clusters.find((c) => c.name === context);
  if (!known) throw new CliFailure(`No context named "${context}" in the kubeconfig. Run "kse contexts" to see the names.`, 2);
  if (known.error) throw new CliFailure(known.error);
  runtime.io.err(`Syncing ${context}, then recording for ${command.seconds} s…\n`);
  let recording;
  try {
    recording = await captureRecording(openContextSource(context), { settleTimeoutMs: command.timeoutSeconds * 1000, recordMs: command.seconds * 1000 });
  } catch (error) {
    throw new CliFailure(error instanceof Error ? error.message : String(error));
  }
  try {
    await runtime.writeFile(command.output, `${JSON.stringify(recording)}\n`);
  } catch (error) {
    throw new CliFailure(`Cannot write ${command.output}: ${error instanceof Error ? error.message : String(error)}`);
  }
  runtime.io.err(`Wrote ${recording.events.length} events of ${context} to ${command.output}. Redacted like a snapshot; ${describeRedaction(recording)}.\n`);
  return 0;
}
