/**
 * A StatefulSet whose pods admission refuses for their ephemeral storage (issue 12 part 4): the pod never exists, so
 * only the owner can carry the finding. The controller (pkg/controller/statefulset/stateful_pod_control.go,
 * CreateStatefulPod) creates an ordinal's claims, then its pod; when the API server refuses the pod it records on the
 * StatefulSet a Warning `FailedCreate` "Create Pod <pod> in StatefulSet <set> failed error: pods "<pod>" is forbidden:
 * <admission message>" (recordPodEvent) and retries. The verdict is computed from the pod template and the
 * namespace's LimitRanges and ResourceQuotas (statefulset-pod-limits.ts); the event is evidence.
 * ReplicaSets (of Deployments) and Jobs meet the same refusals, but the app does not watch them (only StatefulSets
 * create claims), and the event alone has no object to sit on: they are not covered.
 */
import { verbatim } from '../verbatim';
import type { KubeEvent } from '../kube/objects';
import type { StatefulSet } from '../kube/objects-owners';
import type { Evidence, Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { eventEvidence, eventsAbout, refTo, unreadable } from './object-helpers';
import { formatQuantity } from '../quantity';
import { command } from './shell-quote';
import type { QuotaBreach } from './statefulset-limits';
import { EPHEMERAL, podLimitBreaches, podQuotaBreaches, templateEphemeral, type ContainerEphemeral, type PodLimitBreach } from './statefulset-pod-limits';
import { podName, wantedOrdinals } from './statefulset-ordinals';

/** recordPodEvent's message for a refused pod (not for a claim that failed first): groups pod, set, the API server's error. */
const POD_REFUSED = /^[Cc]reate Pod (\S+) in StatefulSet (\S+) failed error: (?!failed to create PVC)([\s\S]*)$/;

/** Findings for pods of the set that do not exist and that admission refuses for their ephemeral storage. */
export function podAdmissionFindings(ctx: DiagnoseContext, set: StatefulSet): Finding[] {
  if (ctx.view.kindState('pods') !== 'synced' || unreadable(ctx.view, 'limitranges') || unreadable(ctx.view, 'resourcequotas')) return [];
  const ns = set.metadata?.namespace ?? '';
  const missing = wantedOrdinals(set).map((n) => podName(set, n)).filter((name) => !ctx.view.get('pods', name, ns));
  if (missing.length === 0) return [];
  const ranges = ctx.view.list('limitranges', ns);
  const containers = templateEphemeral(set.spec?.template?.spec, ranges);
  const limits = podLimitBreaches(containers, ranges);
  const quotas = podQuotaBreaches(containers, ctx.view.list('resourcequotas', ns));
  if (limits.length === 0 && quotas.length === 0) return [];
  const names = new Set(missing);
  const event = eventsAbout(ctx.view, 'statefulsets', set).find((e) => e.reason === 'FailedCreate' && names.has(POD_REFUSED.exec(e.message ?? '')?.[1] ?? ''));
  const shared = sharedEvidence(ctx, missing, event);
  const out: Finding[] = [];
  if (limits.length > 0) out.push(overLimit(set, missing[0]!, limits, containers, shared));
  if (quotas.length > 0) out.push(overQuota(set, missing[0]!, quotas, containers, shared));
  return out;
}

function sharedEvidence(ctx: DiagnoseContext, missing: string[], event: KubeEvent | undefined): Evidence[] {
  const shown = missing.length > 5 ? [...missing.slice(0, 5), `… (+${missing.length - 5})`] : missing;
  const out = [evidence(t('Pods not created', 'Несозданные поды'), shown.join(', '), { source: 'spec.replicas', note: t('the StatefulSet wants them', 'StatefulSet ждёт их') })];
  if (event) out.push(eventEvidence(ctx.view, event));
  return out;
}

/** A container's path in the set: spec.template.spec.containers[0]. */
function path(c: ContainerEphemeral): string {
  return `spec.template.spec.${c.list}[${c.index}]`;
}

function containerEvidence(c: ContainerEphemeral, which: 'request' | 'limit'): Evidence {
  const value = c[which];
  const field = which === 'request' ? 'requests' : 'limits';
  const defaulted = c.defaulted[which];
  return evidence(which === 'request' ? t('Container requests', 'Контейнер запрашивает') : t('Container limit', 'Предел контейнера'), value ? `${EPHEMERAL}=${formatQuantity(value)}` : '', {
    source: `${path(c)}.resources.${field}.${EPHEMERAL}`,
    note: !value
      ? t(`not set (container ${verbatim(c.name)})`, `не задан (контейнер ${verbatim(c.name)})`)
      : defaulted
        ? t(`container ${verbatim(c.name)}, filled in by the LimitRange default`, `контейнер ${verbatim(c.name)}, подставлено по умолчанию из LimitRange`)
        : t(`container ${verbatim(c.name)}`, `контейнер ${verbatim(c.name)}`),
  });
}

function overLimit(set: StatefulSet, firstPod: string, breaches: PodLimitBreach[], containers: ContainerEphemeral[], shared: Evidence[]): Finding {
  const ns = set.metadata?.namespace ?? '';
  const setName = set.metadata?.name ?? '';
  const b = breaches[0]!;
  const rangeName = b.range.metadata?.name ?? '';
  const wordEn = b.bound === 'max' ? 'maximum' : 'minimum';
  const wordRu = b.bound === 'max' ? 'максимум' : 'минимум';
  const whoEn = b.container ? `container ${verbatim(b.container.name)} of the pod template` : 'pod template (all its containers together)';
  const whoRu = b.container ? `контейнер ${verbatim(b.container.name)} шаблона пода` : 'шаблон пода (все его контейнеры вместе)';
  const what = b.value === undefined
    ? t(`sets no ephemeral-storage ${b.compared}`, b.compared === 'limit' ? 'не задаёт предел ephemeral-storage' : 'не задаёт запрос ephemeral-storage')
    : b.compared === 'limit'
      ? t(`has an ephemeral-storage limit of ${verbatim(b.value)}`, `задаёт предел ephemeral-storage ${verbatim(b.value)}`)
      : t(`has an ephemeral-storage request of ${verbatim(b.value)}`, `запрашивает ephemeral-storage ${verbatim(b.value)}`);
  const fix = fixStep(set, b);
  return finding({
    code: 'statefulset.pod-over-limit',
    object: refTo('statefulsets', set),
    key: 'pod',
    cause: t(
      `The ${whoEn} ${what.en}, but LimitRange ${verbatim(rangeName)} allows a ${b.type} in namespace ${verbatim(ns)} a ${wordEn} of ${verbatim(b.limit)} ephemeral-storage, so the API server refuses pod ${verbatim(firstPod)} and the StatefulSet cannot create it. It retries in vain until the template or the limit changes.`,
      `${capitalize(whoRu)} ${what.ru}, а LimitRange ${verbatim(rangeName)} разрешает ${b.type} в пространстве имён ${verbatim(ns)} ${wordRu} ${verbatim(b.limit)} ephemeral-storage, поэтому API-сервер отклоняет под ${verbatim(firstPod)}, и StatefulSet не может его создать. Повторы не помогут, пока не изменится шаблон или ограничение.`,
    ),
    evidence: [
      b.container
        ? containerEvidence(b.container, b.compared)
        : evidence(b.compared === 'limit' ? t('Pod template limit, all containers', 'Предел шаблона пода, все контейнеры') : t('Pod template requests, all containers', 'Запрос шаблона пода, все контейнеры'), b.value ? `${EPHEMERAL}=${b.value}` : '', {
            source: `spec.template.spec.containers[*].resources.${b.compared === 'limit' ? 'limits' : 'requests'}.${EPHEMERAL}`,
            note: t("the containers' sum, or the largest init container if larger", 'сумма по контейнерам или наибольший init-контейнер, если он больше'),
          }),
      ...breaches.map((x) =>
        evidence(x.bound === 'max' ? t('Largest allowed', 'Наибольшее допустимое') : t('Smallest allowed', 'Наименьшее допустимое'), `${EPHEMERAL}=${x.limit}`, {
          ref: refTo('limitranges', x.range),
          source: `spec.limits[${x.item}].${x.bound}.${EPHEMERAL}`,
          note: t(`LimitRange ${verbatim(x.range.metadata?.name ?? '')}, type ${x.type}`, `LimitRange ${verbatim(x.range.metadata?.name ?? '')}, тип ${x.type}`),
        }),
      ),
      ...shared,
    ],
    fix: [
      step(t(`Look at the limit; if the template is right, ask the namespace's administrator to change ${b.bound}.${EPHEMERAL}`, `Посмотрите ограничение; если шаблон верен, попросите администратора пространства имён изменить ${b.bound}.${EPHEMERAL}`), command`kubectl get limitrange ${rangeName} -n ${ns} -o yaml`),
      ...(fix ? [fix] : [step(t('Or fit the containers of the pod template within the limit together', 'Или уложите контейнеры шаблона пода в ограничение вместе'), command`kubectl edit statefulset ${setName} -n ${ns}`)]),
    ],
  });
}

/** `kubectl set resources` for the container a Container-type bound names: its request or limit set to the bound. */
function fixStep(set: StatefulSet, b: PodLimitBreach) {
  if (!b.container || b.container.list !== 'containers') return undefined;
  const ns = set.metadata?.namespace ?? '';
  const set1 = `${EPHEMERAL}=${b.limit}`;
  const name = set.metadata?.name ?? '';
  // The flag is literal (a value from the cluster never starts a flag, shell-quote.ts); only the quantity is a value.
  const cmd = b.compared === 'limit' ? command`kubectl set resources statefulset ${name} -n ${ns} -c ${b.container.name} --limits=${set1}` : command`kubectl set resources statefulset ${name} -n ${ns} -c ${b.container.name} --requests=${set1}`;
  return step(
    t(`Or set container ${verbatim(b.container.name)}'s ephemeral-storage ${b.compared} to the ${b.bound === 'max' ? 'maximum' : 'minimum'}: the StatefulSet then creates its missing pods from the changed template`, `Или задайте контейнеру ${verbatim(b.container.name)} ${b.compared === 'limit' ? 'предел' : 'запрос'} ephemeral-storage, равный ${b.bound === 'max' ? 'максимуму' : 'минимуму'}: тогда StatefulSet создаст недостающие поды по изменённому шаблону`),
    cmd,
  );
}

function overQuota(set: StatefulSet, firstPod: string, breaches: QuotaBreach[], containers: ContainerEphemeral[], shared: Evidence[]): Finding {
  const ns = set.metadata?.namespace ?? '';
  const b = breaches[0]!;
  const quotaName = b.quota.metadata?.name ?? '';
  const which = b.resource.startsWith('limits.') ? 'limit' : 'request';
  return finding({
    code: 'statefulset.pod-over-quota',
    object: refTo('statefulsets', set),
    key: 'pod',
    cause: t(
      `ResourceQuota ${verbatim(quotaName)} in namespace ${verbatim(ns)} limits ${verbatim(b.resource)} to ${verbatim(b.hard)} and ${verbatim(b.used)} is used; pod ${verbatim(firstPod)} of the StatefulSet would add ${verbatim(b.requested)}, so the API server refuses it and the StatefulSet cannot create it. It stays so until the quota is raised, other pods free their share or the template asks for less.`,
      `ResourceQuota ${verbatim(quotaName)} в пространстве имён ${verbatim(ns)} ограничивает ${verbatim(b.resource)} значением ${verbatim(b.hard)}, использовано ${verbatim(b.used)}; под ${verbatim(firstPod)} этого StatefulSet добавил бы ${verbatim(b.requested)}, поэтому API-сервер его отклоняет, и StatefulSet не может его создать. Так будет, пока квоту не увеличат, другие поды не освободят место или шаблон не запросит меньше.`,
    ),
    evidence: [
      ...containers.filter((c) => c[which]).map((c) => containerEvidence(c, which)),
      ...breaches.flatMap((x) => [
        evidence(t('Quota hard limit', 'Предел квоты'), `${x.resource}=${x.hard}`, { ref: refTo('resourcequotas', x.quota), source: `status.hard[${x.resource}]`, note: t(`ResourceQuota ${verbatim(x.quota.metadata?.name ?? '')}`, `ResourceQuota ${verbatim(x.quota.metadata?.name ?? '')}`) }),
        evidence(t('Quota used', 'Использовано по квоте'), `${x.resource}=${x.used}`, { ref: refTo('resourcequotas', x.quota), source: `status.used[${x.resource}]`, note: t(`+ ${x.requested} for the new pod`, `+ ${x.requested} для нового пода`) }),
      ]),
      ...shared,
    ],
    fix: [
      step(t('See what the quota counts and which pods use it', 'Посмотрите, что учитывает квота и какие поды её расходуют'), command`kubectl describe resourcequota ${quotaName} -n ${ns}`),
      step(t(`Ask the namespace's administrator to raise ${b.resource}, or lower the ephemeral-storage the pod template asks for`, `Попросите администратора пространства имён увеличить ${b.resource} или уменьшите ephemeral-storage в шаблоне пода`), command`kubectl edit resourcequota ${quotaName} -n ${ns}`),
    ],
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
