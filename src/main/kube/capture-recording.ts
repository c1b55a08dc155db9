/**
 * Captures a source into a recording without a store: start it, wait until every kind has settled (synced,
 * forbidden or absent), record for a while, take the redacted state, stop. For `kse record`; snapshots
 * (`kse snapshot`, the app's export) are built from a store with buildSnapshot instead.
 */
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { Recording } from '../../shared/snapshot-format';
import { RecordingWriter } from './recording-writer';
import type { ClusterSource } from './source';

export interface CaptureOptions {
  kinds?: Resource[];
  /** Give up when the kinds have not settled by then. Default 120 s. */
  settleTimeoutMs?: number;
  /** For recordings: how long to record after settling. Default 0 (a snapshot). */
  recordMs?: number;
}

/** Rejects with a message naming the kinds that did not settle, or the connection error. */
export async function captureRecording(source: ClusterSource, options: CaptureOptions = {}): Promise<Recording> {
  const writer = new RecordingWriter(source.info.name, options.kinds ?? ALL_RESOURCES);
  let connectionError: string | undefined;
  const sink = {
    add: writer.add.bind(writer),
    update: writer.update.bind(writer),
    delete: writer.delete.bind(writer),
    replace: writer.replace.bind(writer),
    kindStatus: writer.kindStatus.bind(writer),
    connection: (state: string, error?: string) => {
      connectionError = state === 'error' ? error : undefined;
    },
  };
  await source.start(sink);
  try {
    const deadline = Date.now() + (options.settleTimeoutMs ?? 120_000);
    while (!writer.recording) {
      if (Date.now() > deadline) {
        throw new Error(`${source.info.name} did not finish syncing in time${connectionError ? `: ${connectionError}` : ''}. Check the connection and try again.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (options.recordMs) await new Promise((resolve) => setTimeout(resolve, options.recordMs));
    return writer.finish(source.serverVersion?.());
  } finally {
    await source.stop();
  }
}
