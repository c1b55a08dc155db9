/**
 * A recording as a live ClusterSource: the snapshot first, then each recorded watch event at its time (scaled
 * by `speed`), optionally looping. The store and the UI see what they would see from a real cluster.
 */
import type { KindStatus } from '../../shared/model/status';
import type { Recording } from '../../shared/snapshot-format';
import { deliverSnapshot, SnapshotSource } from './snapshot-source';
import type { SourceSink } from './source';

export interface ReplayOptions {
  /** 2 plays twice as fast. Default 1. */
  speed?: number;
  /** Start over after the last event (after `loopPauseMs`). Default false. */
  loop?: boolean;
  loopPauseMs?: number;
}

export class RecordingSource extends SnapshotSource {
  private timer: NodeJS.Timeout | undefined;
  private sink: SourceSink | undefined;
  private stopped = false;
  private readonly counts = new Map<string, number>();
  /** Wall-clock time the current pass of the replay began (each loop starts over). */
  private passStartedAt: number | undefined;

  constructor(
    readonly recording: Recording,
    id: string,
    fileName: string,
    private readonly replay: ReplayOptions = {},
  ) {
    super(recording, id, fileName);
  }

  override async start(sink: SourceSink): Promise<void> {
    if (this.sink) return;
    this.sink = sink;
    this.info.connection = 'connected';
    sink.connection('connected');
    this.playFromStart();
  }

  /**
   * The recording's own clock: its capture time plus the replayed time of the current pass (scaled by speed).
   * The store judges ages and lease freshness by it, so a looping demo's leases stay as fresh as when recorded.
   */
  override now(): number {
    const captured = Date.parse(this.recording.capturedAt);
    if (this.passStartedAt === undefined) return captured;
    return captured + (Date.now() - this.passStartedAt) * this.speed;
  }

  private get speed(): number {
    return this.replay.speed && this.replay.speed > 0 ? this.replay.speed : 1;
  }

  override async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.info.connection = 'closed';
  }

  private playFromStart(): void {
    const sink = this.sink!;
    const wrapped: SourceSink = {
      reset: (kind, objects, namespace) => sink.reset(kind, objects, namespace),
      apply: (kind, type, object) => sink.apply(kind, type, object),
      connection: (state, error) => sink.connection(state, error),
      kindStatus: (status) => this.track(status),
    };
    deliverSnapshot(this.recording, wrapped);
    const started = Date.now();
    this.passStartedAt = started;
    const speed = this.speed;
    let next = 0;
    const step = (): void => {
      if (this.stopped) return;
      const elapsed = (Date.now() - started) * speed;
      const events = this.recording.events;
      while (next < events.length && events[next]!.at <= elapsed) {
        const event = events[next++]!;
        sink.apply(event.kind, event.type, structuredClone(event.object));
        this.bump(event.kind, event.type);
      }
      if (next < events.length) {
        this.timer = setTimeout(step, Math.max(0, (events[next]!.at - elapsed) / speed));
      } else if (this.replay.loop) {
        this.timer = setTimeout(() => this.playFromStart(), this.replay.loopPauseMs ?? 3000);
      }
    };
    step();
  }

  /** Keeps per-kind counts current as events replay, so the status reads like a live cluster's. */
  private track(status: KindStatus): void {
    this.counts.set(status.kind, status.count);
    this.sink?.kindStatus(status);
  }

  private bump(kind: KindStatus['kind'], type: string): void {
    const entry = this.recording.kinds[kind];
    if (entry?.state !== 'synced') return;
    const count = Math.max(0, (this.counts.get(kind) ?? 0) + (type === 'ADDED' ? 1 : type === 'DELETED' ? -1 : 0));
    this.counts.set(kind, count);
    const now = new Date().toISOString();
    this.sink?.kindStatus({ kind, state: 'synced', count, syncedAt: this.recording.capturedAt, lastEventAt: now });
  }
}
