/**
 * Pending claims that wait for something else: the pod that will consume them (WaitForFirstConsumer: the
 * scheduler picks a node first, events WaitForFirstConsumer / WaitForPodScheduled), or the provisioner
 * (ExternalProvisioning, ProvisioningFailed with the provisioner's own message), judged with its health.
 */
import { pluralForm, type PluralForms } from '../plural';
import { verbatim } from '../verbatim';
import type { StorageClass } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import { describeStep, pendingUnknown, recentEvents, SLOW_WAIT_MS, type ClaimCase } from './claims-common';
import { evidence, finding, step, t } from './finding';
import { ageOf, condition, duration, eventEvidence, eventMillis, eventsAbout, newestEvent, refTo } from './object-helpers';
import { healthEvidence, NO_PROVISIONER, VERDICT_TEXT } from './provisioners';
import { claimSkippedByScheduler } from './node-name';
import { conflictCause, podCapacityShortfall, podVolumeConflict, shortfallCause } from './pods-scheduling';
import { provisionerLeaseStep, provisionerPodsStep } from './provisioner-fixes';
import { command } from './shell-quote';
import { analyseStatic, nearMissEvidence } from './static-binding';

/** "pod web-0 is waiting" / "планировщика ждёт под web-0", "ждут поды a, b". */
const PODS_WAIT: PluralForms = { en: { one: 'pod', other: 'pods' }, ru: { one: 'ждёт под', few: 'ждут поды', many: 'ждут поды', other: 'ждут поды' } };

export function consumerNotScheduled(c: ClaimCase, modeEvidence: Evidence, className: string, provisioner: string): Finding[] {
  const view = c.ctx.view;
  const out: Finding[] = [];
  for (const pod of c.pods.filter((p) => !p.spec?.nodeName)) {
    const scheduled = condition(pod.status?.conditions, 'PodScheduled');
    const podRef = refTo('pods', pod);
    if (scheduled?.status === 'False' && scheduled.reason === 'Unschedulable') {
      const failed = newestEvent(eventsAbout(view, 'pods', pod), ['FailedScheduling']);
      const found = podVolumeConflict(c.ctx, pod);
      const short = found ? undefined : podCapacityShortfall(c.ctx, pod);
      const conflict = found ? conflictCause(found) : short ? shortfallCause(short) : undefined;
      const staticEvidence = provisioner === NO_PROVISIONER || provisioner === '' ? nearMissEvidence(analyseStatic(c.ctx, c.claim, className).nearMisses) : [];
      out.push(
        finding({
          code: 'claim.consumer-unschedulable',
          object: c.ref,
          key: pod.metadata?.name,
          cause: conflict
            ? t(
                `The claim waits for pod ${verbatim(pod.metadata?.name)} to be scheduled, and it cannot be. ${conflict.en}`,
                `Заявка ждёт, пока под ${verbatim(pod.metadata?.name)} назначат на узел, а это невозможно. ${conflict.ru}`,
              )
            : t(
                `The claim waits for pod ${verbatim(pod.metadata?.name)} to be scheduled, and the scheduler cannot place it: ${scheduled.message ? verbatim(scheduled.message) : 'no reason given'}`,
                `Заявка ждёт, пока под ${verbatim(pod.metadata?.name)} назначат на узел, а планировщик не может его разместить: ${scheduled.message ? verbatim(scheduled.message) : 'причина не указана'}`,
              ),
          evidence: [
            modeEvidence,
            evidence(t('Pod condition PodScheduled', 'Условие пода PodScheduled'), scheduled.message ?? '', { ref: podRef, source: 'status.conditions[PodScheduled]' }),
            ...(failed ? [eventEvidence(view, failed)] : []),
            ...staticEvidence,
          ],
          fix: [step(t('See why the pod does not fit any node', 'Посмотрите, почему под не подходит ни одному узлу'), command`kubectl describe pod ${pod.metadata?.name} -n ${c.ns}`)],
        }),
      );
    }
  }
  if (out.length > 0) return out;
  const names = c.pods.filter((p) => !p.spec?.nodeName).map((p) => p.metadata?.name ?? '');
  if (names.length === 0) {
    // consumerNotScheduled runs for WaitForFirstConsumer claims without selected-node: pods already on a node were
    // put there by spec.nodeName, not by the scheduler, which writes selected-node before it binds (node-name.ts).
    const onNode = c.pods.filter((p) => p.spec?.nodeName);
    if (onNode.length > 0) return [claimSkippedByScheduler(c.ref, c.claim, c.ns, onNode, modeEvidence)];
    // The scheduler binds the pod only after the claim's volume is settled; a scheduled pod with an unbound claim is a moment's state.
    return [pendingUnknown(c, t(`Pod ${verbatim(c.pods[0]?.metadata?.name)} is already on a node, yet the claim is not bound: binding is in progress or was undone.`, `Под ${verbatim(c.pods[0]?.metadata?.name)} уже на узле, а заявка не привязана: привязка идёт или была отменена.`))];
  }
  const oldest = Math.max(0, ...c.pods.map((p) => ageOf(view, p)));
  return [
    finding({
      code: 'claim.wait-for-pod-scheduled',
      object: c.ref,
      severity: oldest > SLOW_WAIT_MS ? 'warning' : undefined,
      cause: t(
        `The claim binds when its pod is scheduled; ${pluralForm('en', names.length, PODS_WAIT)} ${verbatim(names.join(', '))} ${names.length === 1 ? 'is' : 'are'} waiting for the scheduler.`,
        `Заявка привяжется, когда её под назначат на узел; планировщика ${pluralForm('ru', names.length, PODS_WAIT)} ${verbatim(names.join(', '))}.`,
      ),
      evidence: [modeEvidence, ...c.pods.map((p) => evidence(t('Its pod, not on a node yet', 'Её под, ещё не на узле'), p.metadata?.name ?? '', { ref: refTo('pods', p), source: 'spec.nodeName' })), ...recentEvents(c, ['WaitForPodScheduled'])],
      fix: oldest > SLOW_WAIT_MS ? [step(t('Check that the scheduler runs and look at the pod', 'Проверьте, что планировщик работает, и посмотрите под'), command`kubectl describe pod ${names[0]} -n ${c.ns}`)] : [],
    }),
  ];
}

export function provisioning(c: ClaimCase, sc: StorageClass, extra: Evidence[]): Finding[] {
  const view = c.ctx.view;
  const provisioner = sc.provisioner ?? '';
  const health = c.ctx.provisioner(provisioner);
  const healthLines = healthEvidence(health);
  const base = [evidence(t('Provisioner', 'Провизионер'), provisioner, { ref: refTo('storageclasses', sc), source: 'StorageClass.provisioner' }), ...extra];
  // With the health rows, the provisioner is named once, by the health's first row (with its verdict): trial 4
  // found «Провизионер» listed twice, once with and once without «не работает».
  const [verdictLine, ...healthFacts] = healthLines;
  // The class's row keeps its link (the overview groups findings by it); it takes the health's verdict note.
  const named = verdictLine?.note ? { ...base[0]!, note: verdictLine.note } : base[0]!;
  const withHealth = (...more: Evidence[]) => [named, ...extra, ...more, ...healthFacts];

  if (c.claim.spec?.selector) {
    return [
      finding({
        code: 'claim.provisioning-failed',
        object: c.ref,
        cause: t('The claim has a selector: provisioners refuse claims with selectors, and no existing volume fits.', 'У заявки задан селектор: провизионеры не создают тома для заявок с селектором, а подходящего тома нет.'),
        evidence: [...base, evidence(t('Selector', 'Селектор'), JSON.stringify(c.claim.spec.selector), { source: 'spec.selector' }), ...recentEvents(c, ['ProvisioningFailed'])],
        fix: [step(t('Recreate the claim without a selector, or create a volume that matches it', 'Пересоздайте заявку без селектора или создайте подходящий том'))],
      }),
    ];
  }
  if (health.row.verdict === 'dead') {
    return [
      finding({
        code: 'claim.provisioner-dead',
        object: c.ref,
        cause: t(`The claim waits for provisioner ${verbatim(provisioner)}, which is not running: ${afterColon(health.reasons[0]?.en ?? '')}`, `Заявка ждёт провизионера ${verbatim(provisioner)}, а он не работает: ${afterColon(health.reasons[0]?.ru ?? '')}`),
        evidence: withHealth(...recentEvents(c, ['ExternalProvisioning', 'ProvisioningFailed'])),
        fix: [
          provisionerPodsStep(provisioner, health),
          provisionerLeaseStep(provisioner, health),
          describeStep(c),
        ],
      }),
    ];
  }
  const failed = newestEvent(c.events, ['ProvisioningFailed']);
  const succeeded = newestEvent(c.events, ['ProvisioningSucceeded']);
  if (failed && (!succeeded || (eventMillis(failed) ?? 0) > (eventMillis(succeeded) ?? 0))) {
    return [
      finding({
        code: 'claim.provisioning-failed',
        object: c.ref,
        cause: t(`Provisioner ${verbatim(provisioner)} tried to create the volume and failed: ${verbatim(failed.message ?? '')}`, `Провизионер ${verbatim(provisioner)} пытался создать том, но не смог: ${verbatim(failed.message ?? '')}`),
        evidence: withHealth(eventEvidence(view, failed)),
        fix: [
          describeStep(c),
          health.pod
            ? step(t(`Read the logs of its pod ${verbatim(health.pod.name)} for the full error; fix the class parameters or the storage backend it names`, `Прочитайте логи его пода ${verbatim(health.pod.name)}; исправьте параметры класса или хранилище, о котором говорит ошибка`), command`kubectl logs -n ${health.pod.namespace} ${health.pod.name}`)
            : step(t('Read the provisioner logs for the full error (no pod of it was found: the holder of its leader Lease, below, is usually its pod); fix the class parameters or the storage backend it names', 'Прочитайте логи провизионера (его под не найден: владелец его лидерского Lease, ниже, — обычно и есть под); исправьте параметры класса или хранилище, о котором говорит ошибка')),
          ...(health.pod ? [] : [provisionerLeaseStep(provisioner, health)]),
        ],
      }),
    ];
  }
  const slow = ageOf(view, c.claim) > SLOW_WAIT_MS;
  return [
    finding({
      code: 'claim.provisioning',
      object: c.ref,
      severity: slow ? 'warning' : undefined,
      cause: t(
        `Provisioner ${verbatim(provisioner)} (${VERDICT_TEXT[health.row.verdict].en}) is asked to create a volume for the claim${slow ? `; it has waited ${duration(ageOf(view, c.claim)).en}` : ''}.`,
        `Провизионеру ${verbatim(provisioner)} (${VERDICT_TEXT[health.row.verdict].ru}) поручено создать том для заявки${slow ? `; ожидание длится ${duration(ageOf(view, c.claim)).ru}` : ''}.`,
      ),
      evidence: withHealth(...recentEvents(c, ['ExternalProvisioning', 'Provisioning'])),
      fix: slow ? [describeStep(c)] : [],
    }),
  ];
}

/**
 * A sentence continued after a colon starts in lower case ("not running: no leader lease…"), unless it starts
 * with an acronym or a name (PVC, CSI, a verbatim value).
 */
export function afterColon(sentence: string): string {
  const [first, second] = [...sentence];
  if (!first || !second || second.toLowerCase() !== second || first.toLowerCase() === first) return sentence;
  return first.toLowerCase() + sentence.slice(first.length);
}

