/**
 * Pods held back by their volumes on a node, as the kubelet and the attach-detach controller report it: events
 * FailedMount and FailedAttachVolume (including "Waiting for detach for volume ...", before 1.37 "Multi-Attach
 * error for volume ..."). The texts are in messages.ts; the scheduler's verdict is in pods-scheduling.ts. A missing
 * ConfigMap or Secret is decided from the objects (pods-references.ts); the kubelet's event text
 * (`configmap "x" not found`) is used only where the app cannot read that kind in the pod's namespace.
 */
import { verbatim } from '../verbatim';
import type { KubeEvent, Pod } from '../kube/objects';
import type { Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { isMultiAttach } from './messages';
import { eventEvidence, eventMillis, eventsAbout, refTo } from './object-helpers';
import { command } from './shell-quote';
import type { Rule } from './rule';

/** Mount events older than this are left out: events expire after an hour anyway. */
const RECENT_MS = 60 * 60_000;

/** Mount and attach failures from events; only for pods that are not running yet, since resolved events linger. */
export function diagnosePodMountEvents(ctx: DiagnoseContext, pod: Pod): Finding[] {
  if (pod.status?.phase !== 'Pending' || !pod.spec?.nodeName) return [];
  const view = ctx.view;
  const ns = pod.metadata?.namespace ?? '';
  const ref = refTo('pods', pod);
  const describe = step(t('See the pod and its events', 'Посмотрите под и его события'), command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`);
  const recent = eventsAbout(view, 'pods', pod).filter((e) => view.now() - (eventMillis(e) ?? 0) < RECENT_MS);
  const out: Finding[] = [];
  const seen = new Set<string>();

  for (const event of recent) {
    const message = event.message ?? '';
    if (event.reason === 'FailedMount') {
      const missing = /\b(configmap|secret) "([^"]+)" not found/.exec(message);
      if (missing) {
        const kind = missing[1] as 'configmap' | 'secret';
        const name = missing[2] ?? '';
        const key = `${kind}/${name}`;
        // Readable kind: pods-references.ts decides from the objects (an event outlives the fix by an hour).
        if (view.kindStateIn(kind === 'configmap' ? 'configmaps' : 'secrets', ns) === 'synced') continue;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          finding({
            code: kind === 'configmap' ? 'pod.configmap-missing' : 'pod.secret-missing',
            object: ref,
            key,
            cause:
              kind === 'configmap'
                ? t(`The pod mounts ConfigMap ${verbatim(name)}, which does not exist in namespace ${verbatim(ns)}: its containers cannot start until it does (or the volume is marked optional).`, `Под монтирует ConfigMap ${verbatim(name)}, которого нет в пространстве имён ${verbatim(ns)}: контейнеры не запустятся, пока его не создадут (или том не пометят как необязательный: optional: true).`)
                : t(`The pod mounts Secret ${verbatim(name)}, which does not exist in namespace ${verbatim(ns)}: its containers cannot start until it does (or the volume is marked optional).`, `Под монтирует Secret ${verbatim(name)}, которого нет в пространстве имён ${verbatim(ns)}: контейнеры не запустятся, пока его не создадут (или том не пометят как необязательный: optional: true).`),
            evidence: [eventEvidence(view, event)],
            fix: [
              step(t(`See the namespace's ${kind === 'configmap' ? 'ConfigMaps' : 'Secrets'} (is it there under another name?), then create the ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} or fix its name in the pod`, `Посмотрите ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} пространства имён (нет ли его под другим именем?), затем создайте его или исправьте имя в поде`), kind === 'configmap' ? command`kubectl get configmap -n ${ns}` : command`kubectl get secret -n ${ns}`),
            ],
          }),
        );
        continue;
      }
      if (seen.has('mount')) continue;
      seen.add('mount');
      out.push(
        finding({
          code: 'pod.mount-failed',
          object: ref,
          cause: t(`The kubelet cannot mount a volume of the pod: ${verbatim(message)}`, `Kubelet не может смонтировать том пода: ${verbatim(message)}`),
          evidence: [eventEvidence(view, event)],
          fix: [describe],
        }),
      );
    } else if (event.reason === 'FailedAttachVolume') {
      if (attachSettled(view, pod, recent, message, eventMillis(event) ?? 0)) continue;
      const multi = isMultiAttach(message);
      const key = multi ? 'multi-attach' : 'attach';
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(
        finding({
          code: multi ? 'pod.multi-attach' : 'pod.attach-failed',
          object: ref,
          cause: multi
            ? t(`The volume is still attached to another node, so it cannot be attached to ${verbatim(pod.spec.nodeName)}: ${verbatim(message)}`, `Том всё ещё подключён к другому узлу, поэтому его нельзя подключить к ${verbatim(pod.spec.nodeName)}: ${verbatim(message)}`)
            : t(`Attaching a volume to node ${verbatim(pod.spec.nodeName)} failed: ${verbatim(message)}`, `Не удалось подключить том к узлу ${verbatim(pod.spec.nodeName)}: ${verbatim(message)}`),
          evidence: [eventEvidence(view, event)],
          fix: multi
            ? [step(t('Stop the pod that uses the volume on the other node (or wait for it to detach, about 6 minutes after a node failure)', 'Остановите под, который использует том на другом узле (или дождитесь отключения — около 6 минут после сбоя узла)')), describe]
            : [describe],
        }),
      );
    }
  }
  return out;
}

/**
 * Whether the volume a FailedAttachVolume event names (`for volume "<name>"`) was attached to the pod's node after
 * that failure: its VolumeAttachment to that node says attached, or the attach/detach controller reported
 * SuccessfulAttachVolume ("AttachVolume.Attach succeeded for volume ...") at or after the failure's time. Events
 * linger for an hour, so without this a pod whose attach recovered (and that waits for its kubelet now) kept a
 * stale attach finding. Source: pkg/volume/util/operationexecutor/operation_generator.go (GenerateAttachVolumeFunc
 * records both events on the pod).
 */
function attachSettled(view: DiagnoseContext['view'], pod: Pod, events: readonly KubeEvent[], failure: string, failedAt: number): boolean {
  const volume = /for volume "([^"]+)"/.exec(failure)?.[1];
  if (!volume) return false;
  const attached = view.attachmentsOfVolume(volume).some((a) => a.spec?.nodeName === pod.spec?.nodeName && a.status?.attached === true);
  if (attached) return true;
  return events.some(
    (e) => e.reason === 'SuccessfulAttachVolume' && (e.message ?? '').includes(`for volume "${volume}"`) && (eventMillis(e) ?? 0) >= failedAt,
  );
}

/** The kubelet's mount and attach events about a pod. */
export const podMountEventsRule: Rule<'pods'> = {
  name: 'pod-mount-events',
  subject: 'pods',
  run: diagnosePodMountEvents,
  reads: {
    events: ['subject-of-event'],
    volumeattachments: ['pods-using-attached-volume'],
  },
};
