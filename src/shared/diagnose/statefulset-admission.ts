/**
 * A StatefulSet whose claims admission refuses: the claim never exists, so nothing but the owner can carry the
 * finding. The controller (pkg/controller/statefulset/stateful_pod_control.go, createPersistentVolumeClaims) creates
 * the missing claim of every template before the pod of an ordinal and, when the API server refuses one, records on
 * the StatefulSet a Warning `FailedCreate` "create Claim <claim> for Pod <pod> in StatefulSet <set> failed error:
 * <admission message>" (recordClaimEvent; older releases write "create", v1.37 on the lab "Create Claim ..."), then
 * "Create Pod <pod> in StatefulSet <set> failed error: failed to create PVC <claim>: <admission message>"
 * (recordPodEvent), and retries without creating the pod. The verdict is computed from the LimitRanges and
 * ResourceQuotas of the namespace (statefulset-limits.ts); the event is evidence, and alone it makes a finding only
 * when the objects do not explain the refusal (a webhook, a scoped quota, a policy).
 */
import { verbatim } from '../verbatim';
import type { KubeEvent } from '../kube/objects';
import type { ClaimTemplate, StatefulSet } from '../kube/objects-owners';
import type { Evidence, Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { eventEvidence, eventsAbout, refTo, unreadable } from './object-helpers';
import { command } from './shell-quote';
import { limitBreaches, quotaBreaches, type LimitBreach, type QuotaBreach } from './statefulset-limits';
import { claimName, podName } from './statefulset-ordinals';

/** A template of the set with the ordinals whose claim does not exist yet. */
export interface MissingClaims {
  template: ClaimTemplate;
  /** Index in spec.volumeClaimTemplates. */
  index: number;
  ordinals: number[];
  /** The class the claim gets at admission: the template's, or the default class; undefined when none. */
  className: string | undefined;
}

/** recordClaimEvent's message: groups claim, pod, set, the API server's error. */
const CLAIM_EVENT = /^[Cc]reate Claim (\S+) for Pod (\S+) in StatefulSet (\S+) failed error: ([\s\S]*)$/;
/** recordPodEvent's message when a claim failed: groups pod, set, claim, the API server's error. */
const POD_EVENT = /^[Cc]reate Pod (\S+) in StatefulSet (\S+) failed error: failed to create PVC (\S+): ([\s\S]*)$/;

/** The claim a FailedCreate event is about and the API server's words, or undefined for other failures. */
export function parseClaimEvent(message: string): { claim: string; error: string } | undefined {
  const claim = CLAIM_EVENT.exec(message);
  if (claim) return { claim: claim[1]!, error: claim[4]! };
  const pod = POD_EVENT.exec(message);
  return pod ? { claim: pod[3]!, error: pod[4]! } : undefined;
}

/** The newest FailedCreate event about a claim of this set that still does not exist, by claim name (the claim's own event first). */
export function failedClaimEvents(ctx: DiagnoseContext, set: StatefulSet, missingNames: ReadonlySet<string>): Map<string, KubeEvent> {
  const out = new Map<string, KubeEvent>();
  // eventsAbout: newest first.
  const events = eventsAbout(ctx.view, 'statefulsets', set).filter((e) => e.reason === 'FailedCreate');
  for (const own of [true, false]) {
    for (const event of events) {
      if (CLAIM_EVENT.test(event.message ?? '') !== own) continue;
      const claim = parseClaimEvent(event.message ?? '')?.claim;
      if (claim && missingNames.has(claim) && !out.has(claim)) out.set(claim, event);
    }
  }
  return out;
}

/** Findings for the templates whose missing claims admission refuses, or whose creation the controller reports failing. */
export function admissionFindings(ctx: DiagnoseContext, set: StatefulSet, missing: readonly MissingClaims[]): Finding[] {
  const ns = set.metadata?.namespace ?? '';
  const ranges = ctx.view.list('limitranges', ns);
  const quotas = ctx.view.list('resourcequotas', ns);
  const names = new Set(missing.flatMap((m) => m.ordinals.map((n) => claimName(m.template, set, n))));
  const events = failedClaimEvents(ctx, set, names);
  const out: Finding[] = [];
  for (const m of missing) {
    const first = claimName(m.template, set, m.ordinals[0]!);
    const event = m.ordinals.map((n) => events.get(claimName(m.template, set, n))).find(Boolean);
    const shared = sharedEvidence(set, m, event, ctx);
    const limits = limitBreaches(m.template, ranges);
    if (limits.length > 0) out.push(overLimit(set, m, first, limits, shared));
    const quota = quotaBreaches(m.template, m.className, quotas);
    if (quota.length > 0) out.push(overQuota(set, m, first, quota, shared));
    if (limits.length === 0 && quota.length === 0 && event) out.push(createFailed(ctx, set, m, first, event, shared));
  }
  return out;
}

function templateName(m: MissingClaims): string {
  return m.template.metadata?.name ?? '';
}

function sharedEvidence(set: StatefulSet, m: MissingClaims, event: KubeEvent | undefined, ctx: DiagnoseContext): Evidence[] {
  const names = m.ordinals.map((n) => claimName(m.template, set, n));
  const shown = names.length > 5 ? [...names.slice(0, 5), `… (+${names.length - 5})`] : names;
  const firstPod = podName(set, m.ordinals[0]!);
  const lastPod = podName(set, m.ordinals.at(-1)!);
  const waiting = m.ordinals.length === 1
    ? t(`pod ${verbatim(firstPod)} is not created without it`, `под ${verbatim(firstPod)} без неё не создаётся`)
    : t(`pods ${verbatim(firstPod)} to ${verbatim(lastPod)} are not created without them`, `поды с ${verbatim(firstPod)} по ${verbatim(lastPod)} без них не создаются`);
  const out = [evidence(t('Claims not created', 'Несозданные заявки'), shown.join(', '), { source: `spec.volumeClaimTemplates[${m.index}]`, note: waiting })];
  if (event) out.push(eventEvidence(ctx.view, event));
  return out;
}

function requestEvidence(m: MissingClaims, request: string | undefined): Evidence {
  const name = verbatim(templateName(m));
  return evidence(t('Template asks for', 'Шаблон запрашивает'), request ?? '', {
    source: `spec.volumeClaimTemplates[${m.index}].spec.resources.requests.storage`,
    note: request === undefined ? t(`not set (template ${name})`, `не задано (шаблон ${name})`) : t(`template ${name}`, `шаблон ${name}`),
  });
}

function overLimit(set: StatefulSet, m: MissingClaims, first: string, breaches: LimitBreach[], shared: Evidence[]): Finding {
  const ns = set.metadata?.namespace ?? '';
  const b = breaches[0]!;
  const rangeName = b.range.metadata?.name ?? '';
  const wordEn = b.bound === 'max' ? 'maximum' : 'minimum';
  const wordRu = b.bound === 'max' ? 'максимум' : 'минимум';
  const asks = b.request === undefined ? t('asks for no storage size', 'не задаёт размер') : t(`asks for ${verbatim(b.request)}`, `запрашивает ${verbatim(b.request)}`);
  const setName = set.metadata?.name ?? '';
  return finding({
    code: 'statefulset.claim-over-limit',
    object: refTo('statefulsets', set),
    key: templateName(m),
    cause: t(
      `Claim template ${verbatim(templateName(m))} ${asks.en}, but LimitRange ${verbatim(rangeName)} allows a PersistentVolumeClaim in namespace ${verbatim(ns)} a ${wordEn} of ${verbatim(b.limit)}, so the API server refuses claim ${verbatim(first)} and the StatefulSet never creates its pod. Nothing retries into success until the template or the limit changes.`,
      `Шаблон заявки ${verbatim(templateName(m))} ${asks.ru}, а LimitRange ${verbatim(rangeName)} разрешает PersistentVolumeClaim в пространстве имён ${verbatim(ns)} ${wordRu} ${verbatim(b.limit)}, поэтому API-сервер отклоняет заявку ${verbatim(first)}, и StatefulSet не создаёт её под. Повторы не помогут, пока не изменится шаблон или ограничение.`,
    ),
    evidence: [
      requestEvidence(m, b.request),
      ...breaches.map((x) =>
        evidence(x.bound === 'max' ? t('Largest claim allowed', 'Наибольшая допустимая заявка') : t('Smallest claim allowed', 'Наименьшая допустимая заявка'), x.limit, {
          ref: refTo('limitranges', x.range),
          source: `spec.limits[${x.item}].${x.bound}.storage`,
          note: t(`LimitRange ${verbatim(x.range.metadata?.name ?? '')}, type PersistentVolumeClaim`, `LimitRange ${verbatim(x.range.metadata?.name ?? '')}, тип PersistentVolumeClaim`),
        }),
      ),
      ...shared,
    ],
    fix: [
      step(
        t(`Look at the limit; if the template is right, ask the namespace's administrator to change ${b.bound}.storage`, `Посмотрите ограничение; если шаблон верен, попросите администратора пространства имён изменить ${b.bound}.storage`),
        command`kubectl get limitrange ${rangeName} -n ${ns} -o yaml`,
      ),
      step(
        t(
          `Or size the template within the limit: volumeClaimTemplates cannot be edited in place, so recreate the StatefulSet with the new size, keeping its pods and claims (--cascade=orphan), then apply the corrected manifest`,
          `Или уложите шаблон в ограничение: volumeClaimTemplates нельзя изменить на месте, поэтому пересоздайте StatefulSet с новым размером, сохранив поды и заявки (--cascade=orphan), затем примените исправленный манифест`,
        ),
        command`kubectl delete statefulset ${setName} -n ${ns} --cascade=orphan`,
      ),
    ],
  });
}

function overQuota(set: StatefulSet, m: MissingClaims, first: string, breaches: QuotaBreach[], shared: Evidence[]): Finding {
  const ns = set.metadata?.namespace ?? '';
  const b = breaches[0]!;
  const quotaName = b.quota.metadata?.name ?? '';
  return finding({
    code: 'statefulset.claim-over-quota',
    object: refTo('statefulsets', set),
    key: templateName(m),
    cause: t(
      `ResourceQuota ${verbatim(quotaName)} in namespace ${verbatim(ns)} limits ${verbatim(b.resource)} to ${verbatim(b.hard)} and ${verbatim(b.used)} is used; claim ${verbatim(first)} from template ${verbatim(templateName(m))} would add ${verbatim(b.requested)}, so the API server refuses it and the StatefulSet never creates its pod. It stays so until the quota is raised or other claims free their share.`,
      `ResourceQuota ${verbatim(quotaName)} в пространстве имён ${verbatim(ns)} ограничивает ${verbatim(b.resource)} значением ${verbatim(b.hard)}, использовано ${verbatim(b.used)}; заявка ${verbatim(first)} из шаблона ${verbatim(templateName(m))} добавила бы ${verbatim(b.requested)}, поэтому API-сервер её отклоняет, и StatefulSet не создаёт её под. Так будет, пока квоту не увеличат или другие заявки не освободят место.`,
    ),
    evidence: [
      requestEvidence(m, m.template.spec?.resources?.requests?.['storage']),
      ...breaches.flatMap((x) => [
        evidence(t('Quota hard limit', 'Предел квоты'), `${x.resource}=${x.hard}`, {
          ref: refTo('resourcequotas', x.quota),
          source: `status.hard[${x.resource}]`,
          note: t(`ResourceQuota ${verbatim(x.quota.metadata?.name ?? '')}`, `ResourceQuota ${verbatim(x.quota.metadata?.name ?? '')}`),
        }),
        evidence(t('Quota used', 'Использовано по квоте'), `${x.resource}=${x.used}`, {
          ref: refTo('resourcequotas', x.quota),
          source: `status.used[${x.resource}]`,
          note: t(`+ ${x.requested} for the new claim`, `+ ${x.requested} для новой заявки`),
        }),
      ]),
      ...shared,
    ],
    fix: [
      step(t('See what the quota counts and which claims use it', 'Посмотрите, что учитывает квота и какие заявки её расходуют'), command`kubectl describe resourcequota ${quotaName} -n ${ns}`),
      step(t("See the namespace's claims; to free room, delete those no longer needed (their data goes with them under a Delete reclaim policy)", 'Посмотрите заявки пространства имён; чтобы освободить место, удалите ненужные (при политике Delete их данные удалятся)'), command`kubectl get pvc -n ${ns}`),
      step(t(`Or ask the namespace's administrator to raise ${b.resource}`, `Или попросите администратора пространства имён увеличить ${b.resource}`), command`kubectl edit resourcequota ${quotaName} -n ${ns}`),
    ],
  });
}

function createFailed(ctx: DiagnoseContext, set: StatefulSet, m: MissingClaims, first: string, event: KubeEvent, shared: Evidence[]): Finding {
  const ns = set.metadata?.namespace ?? '';
  const reason = parseClaimEvent(event.message ?? '')?.error ?? '';
  // Limits the app could not read are not cleared: say so rather than point at webhooks.
  const unread = unreadable(ctx.view, 'limitranges') ?? unreadable(ctx.view, 'resourcequotas');
  // The refusal names a quota or LimitRange that the objects, as now, would let through: they changed since.
  // (A scoped quota is not evaluated here, so a refusal by one is not called stale.)
  const quotaName = /exceeded quota: ([^,]+),/.exec(reason)?.[1];
  const quota = quotaName ? ctx.view.get('resourcequotas', quotaName, ns) : undefined;
  const scoped = (quota?.spec?.scopes ?? []).length > 0 || (quota?.spec?.scopeSelector?.matchExpressions ?? []).length > 0;
  const stale = /usage per PersistentVolumeClaim/.test(reason) || (quotaName !== undefined && !scoped);
  const why = unread
    ? t(`The namespace's limits could not be checked (${unread.en}).`, `Ограничения пространства имён проверить не удалось (${unread.ru}).`)
    : stale
    ? t(
        "The namespace's ResourceQuota or LimitRange refused it, but as they are now they would let it in: they changed after the refusal, and the controller's next retry should succeed.",
        'Заявку отклонила ResourceQuota или LimitRange пространства имён, но в нынешнем виде они бы её пропустили: они изменились после отказа, и следующая попытка контроллера должна пройти.',
      )
    : t(
        'No LimitRange or unscoped ResourceQuota of the namespace explains it: look for an admission webhook, a policy or a scoped quota.',
        'Ни LimitRange, ни квота без областей действия этого не объясняют: ищите admission-вебхук, политику или квоту с областями действия.',
      );
  return finding({
    code: 'statefulset.claim-create-failed',
    object: refTo('statefulsets', set),
    key: templateName(m),
    ...(stale && !unread ? { severity: 'warning' as const } : {}),
    cause: t(
      `The StatefulSet controller cannot create claim ${verbatim(first)} from template ${verbatim(templateName(m))}, so the pod that needs it is never created. The API server said: ${verbatim(reason)}. ${why.en}`,
      `Контроллер StatefulSet не может создать заявку ${verbatim(first)} из шаблона ${verbatim(templateName(m))}, поэтому нужный ей под не создаётся. Ответ API-сервера: ${verbatim(reason)}. ${why.ru}`,
    ),
    evidence: shared,
    fix: [step(t('Read the refusal in the StatefulSet\'s events', 'Прочитайте причину отказа в событиях StatefulSet'), command`kubectl describe statefulset ${set.metadata?.name} -n ${ns}`)],
  });
}
