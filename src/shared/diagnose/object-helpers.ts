/** Helpers over raw objects shared by the rules: references, times, events, pod states. */
import { verbatim } from '../verbatim';
import type { Resource } from '../kube/resource-registry';
import { DESCRIPTOR_OF_RESOURCE } from '../kube/resource-registry';
import type { Condition, KubeEvent, KubeObject, PersistentVolumeClaim, Pod } from '../kube/objects';
import type { Evidence, Localized } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import { evidence, t } from './finding';
import type { ClusterView } from './view';

/** A reference to an existing object (with its uid). */
export function refTo(kind: Resource, obj: KubeObject): ObjectRef {
  const meta = obj.metadata ?? {};
  const ref: ObjectRef = { kind, name: meta.name ?? '' };
  if (meta.namespace) ref.namespace = meta.namespace;
  if (meta.uid) ref.uid = meta.uid;
  return ref;
}

/** A reference by name, for objects that may not exist. */
export function refByName(kind: Resource, name: string, namespace?: string): ObjectRef {
  return namespace ? { kind, name, namespace } : { kind, name };
}

/** Milliseconds since the epoch of an ISO time, or undefined. */
export function millis(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const value = Date.parse(iso);
  return Number.isNaN(value) ? undefined : value;
}

/** When an event last happened (core/v1 and events.k8s.io shapes both occur). */
export function eventMillis(event: KubeEvent): number | undefined {
  return (
    millis(event.series?.lastObservedTime) ??
    millis(event.lastTimestamp) ??
    millis(event.eventTime) ??
    millis(event.firstTimestamp) ??
    millis(event.metadata?.creationTimestamp)
  );
}

/**
 * Events about this very object, newest first. Events about an earlier object of the same name (deleted
 * and re-created) are dropped when both uids are known: they would explain a problem that is gone.
 */
export function eventsAbout(view: ClusterView, kind: Resource, obj: KubeObject): KubeEvent[] {
  const meta = obj.metadata ?? {};
  if (!meta.name) return [];
  return view
    .eventsFor(DESCRIPTOR_OF_RESOURCE[kind].kind, meta.name, meta.namespace)
    .filter((e) => !meta.uid || !e.involvedObject?.uid || e.involvedObject.uid === meta.uid);
}

/** The newest event with one of these reasons. */
export function newestEvent(events: readonly KubeEvent[], reasons: readonly string[]): KubeEvent | undefined {
  let best: KubeEvent | undefined;
  let bestAt = -Infinity;
  for (const event of events) {
    if (!reasons.includes(event.reason ?? '')) continue;
    const at = eventMillis(event) ?? 0;
    if (at > bestAt) {
      best = event;
      bestAt = at;
    }
  }
  return best;
}

/**
 * An event as evidence: its message verbatim, with reason and count; its time goes in `at` (ISO), not in the
 * label, so the UI shows it live with the same clock and words as its Events tab.
 */
export function eventEvidence(_view: ClusterView, event: KubeEvent): Evidence {
  const at = eventMillis(event);
  const count = event.series?.count ?? event.count ?? 1;
  const times = count > 1 ? t(` ×${count}`, ` ×${count}`) : t('', '');
  const ref: ObjectRef | undefined = event.metadata?.name
    ? refByName('events', event.metadata.name, event.metadata.namespace)
    : undefined;
  const when = at === undefined ? {} : { at: new Date(at).toISOString() };
  return evidence(
    t(`Event ${verbatim(event.reason ?? '')}${times.en}`, `Событие ${verbatim(event.reason ?? '')}${times.ru}`),
    event.message ?? '',
    ref ? { ref, event: event.reason ?? '', ...when } : { event: event.reason ?? '', ...when },
  );
}

/** A compact duration: "40 s", "5 min", "3 h", "2 d". */
export function duration(ms: number): Localized {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return t(`${s} s`, `${s} с`);
  const m = Math.round(s / 60);
  if (m < 90) return t(`${m} min`, `${m} мин`);
  const h = Math.round(m / 60);
  if (h < 48) return t(`${h} h`, `${h} ч`);
  const days = Math.round(h / 24);
  return t(`${days} d`, `${days} д`);
}

/** Age of an object in ms (0 when unknown). */
export function ageOf(view: ClusterView, obj: KubeObject): number {
  const created = millis(obj.metadata?.creationTimestamp);
  return created === undefined ? 0 : view.now() - created;
}

export function condition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** A claim the PV controller has not bound yet (no phase yet counts as Pending). */
export function isPending(claim: PersistentVolumeClaim): boolean {
  return (claim.status?.phase ?? 'Pending') === 'Pending';
}

/** Pods that are finished no longer hold their volumes. */
export function isPodFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * Why a kind cannot be relied on, or undefined when it is synced. Rules say "cannot tell" with this reason
 * instead of reporting an object as missing when the app simply could not read its kind.
 */
export function unreadable(view: ClusterView, kind: Resource): Localized | undefined {
  const label = DESCRIPTOR_OF_RESOURCE[kind].label;
  switch (view.kindState(kind)) {
    case 'synced':
      return undefined;
    case 'forbidden':
      return t(`${label} cannot be read (no permission)`, `${label} недоступны (нет прав на чтение)`);
    case 'absent':
      return t(`${label} are not served by this cluster`, `${label} не поддерживаются этим кластером`);
    case 'error':
      return t(`${label} failed to load`, `${label} не удалось загрузить`);
    default:
      return t(`${label} are still loading`, `${label} ещё загружаются`);
  }
}
