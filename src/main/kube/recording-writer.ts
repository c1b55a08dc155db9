/**
 * Records what a live source delivers into a recording (the demo cluster, lesson scenarios): the state once every
 * kind has settled becomes the snapshot part, what follows becomes timed events. Redacted like a snapshot export.
 * A relist during recording is turned into the events that explain it (adds, changes, deletes), so a replay
 * ends where the cluster ended.
 */
import { ALL_RESOURCES, type Resource } from '../../shared/kube/resource-registry';
import type { KubeObject } from '../../shared/kube/objects';
import type { ConnectionState, KindStatus } from '../../shared/model/status';
import { RECORDING_FORMAT, type RecordedEvent, type Recording, type SnapshotKind } from '../../shared/snapshot-format';
import { buildSnapshot, provisionerNames } from './export-snapshot';
import { Redactor } from './redact/redactor';
import { EventWriter, type SourceSink, type WatchEventType } from './source';

export class RecordingWriter extends EventWriter implements SourceSink {
  private readonly objects = new Map<Resource, Map<string, KubeObject>>();
  private readonly statuses = new Map<Resource, KindStatus>();
  private readonly events: RecordedEvent[] = [];
  private startedAt: number | undefined;
  private initial: Partial<Record<Resource, SnapshotKind>> | undefined;
  /** One redactor for the whole file: the snapshot part and the events, so the counts cover both. */
  private redactor: Redactor | undefined;

  constructor(
    private readonly context: string,
    private readonly kinds: Resource[] = ALL_RESOURCES,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** True once every kind is synced, forbidden or absent and the timed part has begun. */
  get recording(): boolean {
    return this.startedAt !== undefined;
  }

  replace(kind: Resource, objects: KubeObject[], namespace?: string): void {
    const current = this.objects.get(kind) ?? new Map<string, KubeObject>();
    const next = new Map([...current].filter(([, object]) => namespace !== undefined && object.metadata?.namespace !== namespace));
    for (const object of objects) next.set(uidOf(object), object);
    if (this.startedAt !== undefined) {
      for (const [uid, object] of current) if (!next.has(uid)) this.record(kind, 'DELETED', object);
      for (const [uid, object] of next) {
        const before = current.get(uid);
        if (before === undefined) this.record(kind, 'ADDED', object);
        else if (before.metadata?.resourceVersion !== object.metadata?.resourceVersion) this.record(kind, 'MODIFIED', object);
      }
    }
    this.objects.set(kind, next);
  }

  protected event(kind: Resource, type: WatchEventType, object: KubeObject): void {
    const current = this.objects.get(kind) ?? new Map<string, KubeObject>();
    if (type === 'DELETED') current.delete(uidOf(object));
    else current.set(uidOf(object), object);
    this.objects.set(kind, current);
    if (this.startedAt !== undefined) this.record(kind, type, object);
  }

  kindStatus(status: KindStatus): void {
    this.statuses.set(status.kind, status);
    if (this.startedAt === undefined && this.kinds.every((kind) => ['synced', 'forbidden', 'absent'].includes(this.statuses.get(kind)?.state ?? ''))) {
      this.initial = this.capture();
      this.redactor = new Redactor(provisionerNames(this.initial));
      this.startedAt = this.now();
    }
  }

  connection(_state: ConnectionState, _error?: string): void {}

  /** The recording so far. Before every kind settled, the current state is the snapshot part and there are no events. */
  finish(serverVersion?: string): Recording {
    // A namespace-limited user's kinds say which namespaces they cover; the snapshot keeps that.
    const namespaces = [...new Set([...this.statuses.values()].flatMap((status) => status.namespaces ?? []))].sort();
    const snapshot = buildSnapshot({
      context: this.context,
      serverVersion,
      kinds: this.initial ?? this.capture(),
      ...(this.redactor ? { redactor: this.redactor } : {}),
      capturedAt: new Date(this.startedAt ?? this.now()).toISOString(),
      ...(namespaces.length > 0 ? { limitedToNamespaces: namespaces } : {}),
    });
    return { ...snapshot, format: RECORDING_FORMAT, events: this.events.map((event) => ({ ...event })) };
  }

  private capture(): Partial<Record<Resource, SnapshotKind>> {
    const kinds: Partial<Record<Resource, SnapshotKind>> = {};
    for (const kind of this.kinds) {
      const status = this.statuses.get(kind);
      const state = status?.state === 'synced' || status?.state === 'forbidden' || status?.state === 'absent' ? status.state : 'error';
      kinds[kind] = {
        state,
        items: state === 'synced' ? structuredClone([...(this.objects.get(kind)?.values() ?? [])]) : [],
        ...(status?.message !== undefined ? { message: status.message } : {}),
      };
    }
    return kinds;
  }

  private record(kind: Resource, type: WatchEventType, object: KubeObject): void {
    const redactor = this.redactor!;
    if (kind === 'storageclasses' && typeof object.provisioner === 'string') redactor.addProvisioner(object.provisioner);
    this.events.push({ at: this.now() - this.startedAt!, kind, type, object: redactor.object(kind, object) });
  }
}

function uidOf(object: KubeObject): string {
  return object.metadata?.uid ?? `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}
