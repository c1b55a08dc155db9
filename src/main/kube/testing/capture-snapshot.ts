/** For tests: a source's settled, redacted state as a snapshot, taken without a store (a recording of 0 s). */
import { SNAPSHOT_FORMAT, type Snapshot } from '../../../shared/snapshot-format';
import { captureRecording, type CaptureOptions } from '../capture-recording';
import type { ClusterSource } from '../source';

export async function captureSnapshot(source: ClusterSource, options: Omit<CaptureOptions, 'recordMs'> = {}): Promise<Snapshot> {
  const { events: _events, format: _format, ...rest } = await captureRecording(source, options);
  return { ...rest, format: SNAPSHOT_FORMAT };
}
