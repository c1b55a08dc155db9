/**
 * What the step checks share: finding the student's objects in the exercise's namespace and saying, in both
 * languages, what state they are in. Where the diagnosis engine has a finding about an object (a claim Pending
 * because its class does not exist, a pod that cannot be scheduled), the explanation is that finding's cause,
 * so the exercise and the rest of the app never disagree about why something is stuck.
 */
import { diagnoseObject } from '../diagnose';
import { refByName, refTo } from '../diagnose/object-helpers';
import type { ClusterView } from '../diagnose/view';
import type { Container, PersistentVolume, PersistentVolumeClaim, Pod } from '../kube/objects';
import type { Finding, Localized } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import { verbatim } from '../verbatim';
import type { StepOutcome } from './model';

/** A text in both languages. */
export function t(en: string, ru: string): Localized {
  return { en, ru };
}

/** A value from the cluster or from the exercise (name, path, size) inside a text: shown untranslated. */
export const v = verbatim;

export function passed(explanation: Localized, objects: ObjectRef[] = []): StepOutcome {
  return { state: 'passed', explanation, objects };
}

export function failed(explanation: Localized, objects: ObjectRef[] = [], because?: Finding): StepOutcome {
  return { state: 'failed', explanation, objects, ...(because ? { finding: { code: because.code, severity: because.severity } } : {}) };
}

/** Pods of the namespace that are not being deleted (a replaced pod lingers a moment with a deletionTimestamp). */
export function livePods(view: ClusterView, namespace: string): Pod[] {
  return view.list('pods', namespace).filter((p) => !p.metadata?.deletionTimestamp);
}

export const podRef = (namespace: string, name: string): ObjectRef => refByName('pods', name, namespace);
export const claimRef = (namespace: string, name: string): ObjectRef => refByName('persistentvolumeclaims', name, namespace);
export const volumeRef = (name: string): ObjectRef => refByName('persistentvolumes', name);

/** The most telling finding about an object: the most severe that is not mere information. */
export function mainFinding(view: ClusterView, ref: ObjectRef): Finding | undefined {
  return diagnoseObject(view, ref).find((f) => f.severity !== 'info');
}

/** A pod of the exercise by name, or the explanation that it is not there (yet). */
export function findPod(view: ClusterView, namespace: string, name: string): Pod | StepOutcome {
  const pod = view.get('pods', name, namespace);
  if (pod && !pod.metadata?.deletionTimestamp) return pod;
  const others = livePods(view, namespace).map((p) => p.metadata?.name ?? '');
  const seen = others.length ? t(` Pods there: ${others.map(v).join(', ')}.`, ` Поды в нём: ${others.map(v).join(', ')}.`) : t('', '');
  return failed(t(`There is no pod ${v(name)} in namespace ${v(namespace)} yet.${seen.en}`, `В пространстве имён ${v(namespace)} ещё нет пода ${v(name)}.${seen.ru}`));
}

/** Tells a found object from the explanation that it is missing. */
export function isOutcome<T extends object>(value: T | StepOutcome): value is StepOutcome {
  const state = (value as { state?: unknown }).state;
  return (state === 'passed' || state === 'failed') && 'explanation' in value;
}

/** All containers of a pod, init containers first, as the kubelet starts them. */
export function allContainers(pod: Pod): Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}

/** The containers that mount the volume with this name. */
export function mountersOf(pod: Pod, volumeName: string, containers: Container[] = allContainers(pod)): Container[] {
  return containers.filter((c) => (c.volumeMounts ?? []).some((m) => m.name === volumeName));
}

/** Passed when the pod is Running; otherwise what keeps it from running, from the diagnosis where it has a finding. */
export function podRunning(view: ClusterView, namespace: string, name: string, nodeName?: string): StepOutcome {
  const pod = findPod(view, namespace, name);
  if (isOutcome(pod)) return pod;
  const ref = refTo('pods', pod);
  const phase = pod.status?.phase ?? 'Pending';
  const node = pod.spec?.nodeName;
  if (phase === 'Running') {
    if (nodeName !== undefined && node !== nodeName) {
      return failed(t(`Pod ${v(name)} runs on node ${v(node)}, not on ${v(nodeName)}.`, `Под ${v(name)} работает на узле ${v(node)}, а не на ${v(nodeName)}.`), [ref]);
    }
    return passed(t(`Pod ${v(name)} is Running on node ${v(node)}.`, `Под ${v(name)} в состоянии Running на узле ${v(node)}.`), [ref]);
  }
  const why = mainFinding(view, ref);
  if (why) return failed(t(`Pod ${v(name)} is ${v(phase)}. ${why.cause.en}`, `Под ${v(name)} в состоянии ${v(phase)}. ${why.cause.ru}`), [ref], why);
  const reason = pod.status?.reason ?? pod.status?.conditions?.find((c) => c.status === 'False' && c.message)?.message;
  const tail = reason ? ` (${v(reason)})` : '';
  return failed(t(`Pod ${v(name)} is ${v(phase)}${tail}, not Running yet.`, `Под ${v(name)} в состоянии ${v(phase)}${tail}, ещё не Running.`), [ref]);
}

/** A claim of the exercise by name, or the explanation that it is not there. */
export function findClaim(view: ClusterView, namespace: string, name: string): PersistentVolumeClaim | StepOutcome {
  const claim = view.get('persistentvolumeclaims', name, namespace);
  if (claim) return claim;
  const others = view.list('persistentvolumeclaims', namespace).map((c) => c.metadata?.name ?? '');
  const seen = others.length ? t(` Claims there: ${others.map(v).join(', ')}.`, ` Заявки в нём: ${others.map(v).join(', ')}.`) : t('', '');
  return failed(
    t(`There is no claim (PersistentVolumeClaim) ${v(name)} in namespace ${v(namespace)}.${seen.en}`, `В пространстве имён ${v(namespace)} нет заявки (PersistentVolumeClaim) ${v(name)}.${seen.ru}`),
  );
}

/**
 * Passed when the claim is Bound; otherwise why not, in the diagnosis engine's words ("Claim data is Pending: the
 * claim asks for StorageClass "fast-sdd", which does not exist, ...").
 */
export function claimBound(view: ClusterView, namespace: string, name: string): StepOutcome {
  const claim = findClaim(view, namespace, name);
  if (isOutcome(claim)) return claim;
  const ref = refTo('persistentvolumeclaims', claim);
  const phase = claim.status?.phase ?? 'Pending';
  const volume = claim.spec?.volumeName;
  if (claim.metadata?.deletionTimestamp) {
    return failed(t(`Claim ${v(name)} is being deleted.`, `Заявка ${v(name)} удаляется.`), [ref]);
  }
  if (phase === 'Bound' && volume) {
    return passed(t(`Claim ${v(name)} is Bound to volume ${v(volume)}.`, `Заявка ${v(name)} в состоянии Bound, её том — ${v(volume)}.`), [ref, volumeRef(volume)]);
  }
  const why = mainFinding(view, ref);
  if (why) return failed(t(`Claim ${v(name)} is ${v(phase)}. ${why.cause.en}`, `Заявка ${v(name)} в состоянии ${v(phase)}. ${why.cause.ru}`), [ref], why);
  return failed(t(`Claim ${v(name)} is ${v(phase)}, not Bound yet.`, `Заявка ${v(name)} в состоянии ${v(phase)}, ещё не Bound.`), [ref]);
}

/** The volume a claim is bound to, or that still remembers it (a Released volume keeps its claimRef). */
export function volumeOfClaim(view: ClusterView, namespace: string, name: string): PersistentVolume | undefined {
  const bound = view.get('persistentvolumeclaims', name, namespace)?.spec?.volumeName;
  return (bound ? view.get('persistentvolumes', bound) : undefined) ?? view.volumesClaiming(namespace, name)[0];
}

/** "a, b and c" / "a, b и c". */
export function listOf(items: string[]): Localized {
  if (items.length <= 1) return t(items.join(''), items.join(''));
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1] ?? '';
  return t(`${head} and ${last}`, `${head} и ${last}`);
}
