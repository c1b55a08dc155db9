/**
 * An exported snapshot as a ClusterSource: every kind is delivered once, with the state it had when captured
 * (a kind the customer could not read stays "no permission", never empty). Offline: nothing changes afterwards.
 */
import { ALL_RESOURCES, DESCRIPTOR_OF_RESOURCE, type Resource } from '../../shared/kube/resource-registry';
import type { UsageReport } from '../../shared/model/usage';
import type { ClusterInfo, KindStatus } from '../../shared/model/status';
import type { Recording, Snapshot } from '../../shared/snapshot-format';
import type { ClusterSource, SourceSink } from './source';

export class SnapshotSource implements ClusterSource {
  readonly info: ClusterInfo;
  private started = false;

  constructor(
    readonly snapshot: Snapshot | Recording,
    id: string,
    fileName: string,
  ) {
    this.info = {
      id,
      name: `${fileName} (${snapshot.context})`,
      source: snapshot.format === 'kse-recording' ? 'recording' : 'snapshot',
      server: fileName,
      connection: 'closed',
      capturedAt: snapshot.capturedAt,
    };
  }

  /** A snapshot is judged at its capture time: "pending for 3 minutes" reads as it did when it was taken. */
  now(): number {
    return Date.parse(this.snapshot.capturedAt);
  }

  /** The usage the file carries (as of its capture), or why its usage part was left out. */
  recordedUsage(): { usage: UsageReport; recordedAt: string } | { problem: string } | undefined {
    if (this.snapshot.usage) return { usage: this.snapshot.usage, recordedAt: this.snapshot.capturedAt };
    return this.snapshot.usageProblem ? { problem: this.snapshot.usageProblem } : undefined;
  }

  serverVersion(): string | undefined {
    return this.snapshot.serverVersion;
  }

  async start(sink: SourceSink): Promise<void> {
    if (this.started) return;
    this.started = true;
    deliverSnapshot(this.snapshot, sink);
    this.info.connection = 'offline';
    sink.connection('offline');
  }

  async stop(): Promise<void> {
    this.info.connection = 'closed';
  }
}

/** Resets every kind to the snapshot's content and reports each kind's captured state. */
export function deliverSnapshot(snapshot: Snapshot | Recording, sink: SourceSink): void {
  for (const kind of ALL_RESOURCES) {
    const entry = snapshot.kinds[kind];
    // Copies: a recording replays the same snapshot again when it loops, and the store keeps what it is given.
    const items = entry?.state === 'synced' ? structuredClone(entry.items) : [];
    sink.replace(kind, items);
    sink.kindStatus(kindStatusOf(kind, snapshot, items.length));
  }
}

function kindStatusOf(kind: Resource, snapshot: Snapshot | Recording, count: number): KindStatus {
  const entry = snapshot.kinds[kind];
  const status: KindStatus = { kind, state: 'absent', count };
  if (snapshot.limitedToNamespaces && DESCRIPTOR_OF_RESOURCE[kind].namespaced) status.namespaces = snapshot.limitedToNamespaces;
  if (!entry) return { ...status, message: `This snapshot does not contain ${DESCRIPTOR_OF_RESOURCE[kind].label}.` };
  status.state = entry.state;
  if (entry.message !== undefined) status.message = entry.message;
  if (entry.state === 'synced') {
    status.syncedAt = snapshot.capturedAt;
    status.lastEventAt = snapshot.capturedAt;
  }
  return status;
}
