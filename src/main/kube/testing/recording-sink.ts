/**
 * A SourceSink that keeps what it is told, for tests: objects by kind and UID (honouring per-namespace resets),
 * the latest status of each kind, and the connection history. Not a store: no indices, no graph.
 */
import type { Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import type { ConnectionState, KindStatus, ReplayState } from '../../../shared/model/status';
import { EventWriter, type SourceSink, type WatchEventType } from '../source';

export class RecordingSink extends EventWriter implements SourceSink {
  readonly objects = new Map<Resource, Map<string, KubeObject>>();
  readonly statuses = new Map<Resource, KindStatus>();
  readonly connections: { state: ConnectionState; error?: string; at: number }[] = [];
  readonly applied: { kind: Resource; type: WatchEventType; name: string }[] = [];
  /** How many (re)lists each kind had: a relist after a 410 shows here. */
  readonly resets = new Map<Resource, number>();

  replace(kind: Resource, objects: KubeObject[], namespace?: string): void {
    this.resets.set(kind, (this.resets.get(kind) ?? 0) + 1);
    const byUid = this.objects.get(kind) ?? new Map<string, KubeObject>();
    for (const [uid, object] of byUid) if (namespace === undefined || object.metadata?.namespace === namespace) byUid.delete(uid);
    for (const object of objects) byUid.set(uidOf(object), object);
    this.objects.set(kind, byUid);
  }

  protected event(kind: Resource, type: WatchEventType, object: KubeObject): void {
    this.applied.push({ kind, type, name: object.metadata?.name ?? '' });
    const byUid = this.objects.get(kind) ?? new Map<string, KubeObject>();
    if (type === 'DELETED') byUid.delete(uidOf(object));
    else byUid.set(uidOf(object), object);
    this.objects.set(kind, byUid);
  }

  kindStatus(status: KindStatus): void {
    this.statuses.set(status.kind, status);
  }

  connection(state: ConnectionState, error?: string): void {
    this.connections.push({ state, error, at: Date.now() });
  }

  /** Every replay state a recording reported, in order. */
  readonly replays: ReplayState[] = [];

  replay(state: ReplayState): void {
    this.replays.push(state);
  }

  /** "namespace/name" of every object of a kind, sorted. */
  names(kind: Resource): string[] {
    return [...(this.objects.get(kind)?.values() ?? [])].map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`).sort();
  }

  /** "namespace/name@uid" of every object of a kind, sorted. */
  identities(kind: Resource): string[] {
    return [...(this.objects.get(kind)?.values() ?? [])].map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}@${o.metadata?.uid ?? ''}`).sort();
  }

  get lastConnection(): { state: ConnectionState; error?: string } | undefined {
    return this.connections.at(-1);
  }
}

function uidOf(object: KubeObject): string {
  return object.metadata?.uid ?? `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}
