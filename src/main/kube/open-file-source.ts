/** A snapshot or recording file's text as a ClusterSource (the right one for what the file holds). */
import { parseSnapshotFile, type SnapshotLimits } from '../../shared/snapshot-format';
import { RecordingSource, type ReplayOptions } from './recording-source';
import { SnapshotSource } from './snapshot-source';

/** Throws SnapshotFormatError (a message for the user) when the text is not a kse snapshot or recording. */
export function openFileSource(text: string, id: string, fileName: string, options: { replay?: ReplayOptions; limits?: SnapshotLimits } = {}): SnapshotSource {
  const parsed = parseSnapshotFile(text, fileName, options.limits);
  return parsed.format === 'kse-recording' ? new RecordingSource(parsed, id, fileName, options.replay) : new SnapshotSource(parsed, id, fileName);
}
