/**
 * Pods the scheduler cannot place because of their volumes (the PodScheduled condition, reason Unschedulable, with
 * a volume message from messages.ts). The scheduler's sentence is taken apart (scheduler-message.ts) into its node
 * groups, and where the objects decide it (pod-placement.ts) the answer is computed: which volume may be used on
 * which nodes, which of the pod's constraints excludes those nodes, and the fix in both directions (move the pod,
 * or move the data).
 */
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim, Pod } from '../kube/objects';
import type { Evidence, Finding, FixStep, Localized } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { VOLUME_SCHEDULING_MESSAGES } from './messages';
import { condition, eventEvidence, eventsAbout, refByName, refTo } from './object-helpers';
import { volumeConflict, type PodExclusion, type VolumeConflict } from './pod-placement';
import { parseSchedulerMessage } from './scheduler-message';
import { formatTerms } from './selectors';
import { recreateClaimSteps } from './recreate-claim';
import { command, withNames } from './shell-quote';
import { analyseStatic, nearMissEvidence } from './static-binding';
import { capacityShortfall, type CapacitySegment, type CapacityShortfall } from './storage-capacity';
import { claimClassName } from './view';
import type { Rule } from './rule';

/** Whether the scheduler holds the pod back because of its volumes (PodScheduled False, Unschedulable, a volume reason). */
export function isUnschedulableForVolumes(pod: Pod): boolean {
  const scheduled = condition(pod.status?.conditions, 'PodScheduled');
  if (scheduled?.status !== 'False' || scheduled.reason !== 'Unschedulable') return false;
  const message = scheduled.message ?? '';
  return VOLUME_SCHEDULING_MESSAGES.some((p) => p.test(message));
}

/** The claim objects a pod's volumes name (those that exist), in the order of its volumes. */
function claimsOf(ctx: DiagnoseContext, pod: Pod): PersistentVolumeClaim[] {
  const ns = pod.metadata?.namespace ?? '';
  return (pod.spec?.volumes ?? [])
    .flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []))
    .flatMap((name): PersistentVolumeClaim[] => {
      const claim = ctx.view.get('persistentvolumeclaims', name, ns);
      return claim ? [claim] : [];
    });
}

/** The first claim of the pod for which no node the pod may use has CSIStorageCapacity with room (storage-capacity.ts). */
export function podCapacityShortfall(ctx: DiagnoseContext, pod: Pod, claims = claimsOf(ctx, pod)): CapacityShortfall | undefined {
  return capacityShortfall(ctx, pod, claims);
}

/** The conflict between a pod not yet placed and its claims' volumes, when the objects show one. */
export function podVolumeConflict(ctx: DiagnoseContext, pod: Pod, claims = claimsOf(ctx, pod)): VolumeConflict | undefined {
  const candidates = (claim: PersistentVolumeClaim) => {
    const className = claimClassName(claim);
    const sc = className ? ctx.view.get('storageclasses', className) : undefined;
    // Only a WaitForFirstConsumer claim is matched to a volume per node; an Immediate one waits in PreFilter.
    return sc?.volumeBindingMode === 'WaitForFirstConsumer' ? analyseStatic(ctx, claim, className ?? '').matches : [];
  };
  return volumeConflict(ctx, pod, claims, candidates);
}

export function diagnosePodScheduling(ctx: DiagnoseContext, pod: Pod): Finding[] {
  if (pod.spec?.nodeName || !isUnschedulableForVolumes(pod)) return [];
  const scheduled = condition(pod.status?.conditions, 'PodScheduled');
  const message = scheduled?.message ?? '';
  const failed = eventsAbout(ctx.view, 'pods', pod).find((e) => e.reason === 'FailedScheduling');
  const ns = pod.metadata?.namespace ?? '';
  const claims = (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
  const verdict = parseSchedulerMessage(message);
  const groups = (verdict?.groups ?? []).map((g) =>
    evidence(t('Nodes rejected', 'Отклонено узлов'), `${g.count}/${verdict?.total} · ${g.reason}`, { source: 'status.conditions[PodScheduled].message' }),
  );
  // The pod's claim objects, read once for the three verdicts below.
  const claimObjects = claimsOf(ctx, pod);
  const conflict = podVolumeConflict(ctx, pod, claimObjects);
  const base = {
    code: 'pod.unschedulable-volumes' as const,
    object: refTo('pods', pod),
  };
  const claimEvidence = claims.map((c) => evidence(t('Claim used', 'Используемая заявка'), c, { ref: refByName('persistentvolumeclaims', c, ns), source: 'spec.volumes[].persistentVolumeClaim' }));
  const messageEvidence = evidence(t('Condition PodScheduled', 'Условие PodScheduled'), message, { source: 'status.conditions[PodScheduled]' });
  const events = failed ? [eventEvidence(ctx.view, failed)] : [];
  if (conflict) {
    return [finding({ ...base, cause: conflictCause(conflict), evidence: [...conflictEvidence(pod, conflict), ...groups, messageEvidence, ...events], fix: conflictFix(pod, conflict) })];
  }
  const shortfall = /did not have enough free storage/.test(message) ? podCapacityShortfall(ctx, pod, claimObjects) : undefined;
  if (shortfall) {
    return [finding({ ...base, cause: shortfallCause(shortfall), evidence: [...shortfallEvidence(shortfall), ...groups, messageEvidence, ...events], fix: shortfallFix(pod, shortfall) })];
  }
  return [
    finding({
      ...base,
      // Quoted whole, so that the scheduler's own tail (a lab's kube-scheduler ends it with "not found", trial 4
      // N6) reads as its words, not as a stray fragment of ours.
      cause: t(`The scheduler cannot place the pod because of its volumes. It says: “${verbatim(message)}”`, `Планировщик не может разместить под из-за его томов. Его сообщение: «${verbatim(message)}»`),
      evidence: [...groups, messageEvidence, ...events, ...claimEvidence, ...nearestVolumes(ctx, claimObjects, message)],
      fix: [step(t('Look at the claims it uses: each one explains why it is not bound or where its volume can be used', 'Посмотрите заявки пода: у каждой указано, почему она не привязана или где можно использовать её том'), withNames(command`kubectl get pvc -n ${ns}`, claims) ?? command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`)],
    }),
  ];
}

const list = (names: string[]) => verbatim(names.join(', '));

/**
 * "didn't find available persistent volumes to bind": the volumes nearest to each unbound claim of the pod, with
 * what differs (static-binding.ts), since the scheduler names none.
 */
function nearestVolumes(ctx: DiagnoseContext, claims: readonly PersistentVolumeClaim[], message: string): Evidence[] {
  if (!/didn't find available persistent volumes to bind/.test(message)) return [];
  return claims
    .filter((c) => !c.spec?.volumeName)
    .flatMap((c) => nearMissEvidence(analyseStatic(ctx, c, claimClassName(c) ?? '', 3).nearMisses));
}

/** Why the pod may not run on a node, as a clause: "its nodeSelector asks for k=v, and node n has k=w". */
export function exclusionText(node: string, e: PodExclusion): Localized {
  switch (e.by) {
    case 'unschedulable':
      return t(`node ${verbatim(node)} is cordoned (spec.unschedulable)`, `узел ${verbatim(node)} закрыт для новых подов (spec.unschedulable)`);
    case 'nodeSelector':
      return e.have === undefined
        ? t(`its nodeSelector asks for ${verbatim(`${e.key}=${e.want}`)}, and node ${verbatim(node)} has no ${verbatim(e.key)} label`, `его nodeSelector требует ${verbatim(`${e.key}=${e.want}`)}, а у узла ${verbatim(node)} метки ${verbatim(e.key)} нет`)
        : t(`its nodeSelector asks for ${verbatim(`${e.key}=${e.want}`)}, and node ${verbatim(node)} has ${verbatim(`${e.key}=${e.have}`)}`, `его nodeSelector требует ${verbatim(`${e.key}=${e.want}`)}, а у узла ${verbatim(node)} ${verbatim(`${e.key}=${e.have}`)}`);
    case 'nodeAffinity':
      return t(`its required node affinity (${verbatim(formatTerms(e.terms))}) excludes node ${verbatim(node)}`, `его обязательная node affinity (${verbatim(formatTerms(e.terms))}) исключает узел ${verbatim(node)}`);
    case 'taint':
      return t(`node ${verbatim(node)} has taint ${verbatim(taintText(e))}, which the pod does not tolerate`, `на узле ${verbatim(node)} taint ${verbatim(taintText(e))}, а toleration для него у пода нет`);
  }
}

function taintText(e: Extract<PodExclusion, { by: 'taint' }>): string {
  return `${e.taint.key ?? ''}${e.taint.value ? `=${e.taint.value}` : ''}:${e.taint.effect ?? ''}`;
}

function volumeNames(c: VolumeConflict): string[] {
  return c.volumes.map((v) => v.metadata?.name ?? '');
}

/** The conflict as a sentence: the volume, where it may be used, what excludes the pod there, where the pod may run. */
export function conflictCause(c: VolumeConflict): Localized {
  const claim = c.claim.metadata?.name ?? '';
  const allowed = c.volumeNodes.map((n) => n.node);
  const first = c.volumeNodes[0];
  const why = first ? exclusionText(first.node, first.exclusion) : undefined;
  const whereEn = allowed.length > 0 ? `only on ${allowed.length === 1 ? 'node' : 'nodes'} ${list(allowed)}` : 'on no node that exists now';
  const whereRu = allowed.length > 0 ? `только на ${allowed.length === 1 ? 'узле' : 'узлах'} ${list(allowed)}` : 'ни на одном из существующих узлов';
  const podEn = c.podNodes.length > 0 ? `The pod may run only on ${list(c.podNodes)}.` : 'The pod may run on no node at all.';
  const podRu = c.podNodes.length > 0 ? `Под может работать только на ${list(c.podNodes)}.` : 'Под не может работать ни на одном узле.';
  const headEn = c.bound
    ? `Volume ${list(volumeNames(c))} of claim ${verbatim(claim)} can be used ${whereEn} (its node affinity)`
    : `Claim ${verbatim(claim)} binds on first use, and the only volumes that fit it (${list(volumeNames(c))}) can be used ${whereEn}`;
  const headRu = c.bound
    ? `Том ${list(volumeNames(c))} заявки ${verbatim(claim)} можно использовать ${whereRu} (его node affinity)`
    : `Заявка ${verbatim(claim)} привязывается при первом использовании, а подходящие ей тома (${list(volumeNames(c))}) можно использовать ${whereRu}`;
  return t(
    `${headEn}${why ? `, and the pod cannot run there: ${why.en}` : ''}. ${podEn} No node suits both, so the scheduler rejects every node; this does not resolve by itself.`,
    `${headRu}${why ? `, а под туда поставить нельзя: ${why.ru}` : ''}. ${podRu} Узла, подходящего обоим, нет, поэтому планировщик отклоняет все узлы; само это не пройдёт.`,
  );
}

function conflictEvidence(pod: Pod, c: VolumeConflict): Evidence[] {
  const out = c.volumes.slice(0, 3).map((v) =>
    evidence(t('Volume node affinity', 'Node affinity тома'), formatTerms(v.spec?.nodeAffinity?.required?.nodeSelectorTerms), { ref: refTo('persistentvolumes', v), source: 'spec.nodeAffinity.required.nodeSelectorTerms' }),
  );
  out.push(evidence(t('Nodes the volume allows', 'Узлы, допустимые для тома'), c.volumeNodes.map((n) => n.node).join(', '), { source: 'nodes[].metadata.labels', ...(c.volumeNodes.length === 0 ? { note: t('none', 'нет') } : {}) }));
  const selector = Object.entries(pod.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(', ');
  if (selector) out.push(evidence(t("Pod's nodeSelector", 'nodeSelector пода'), selector, { source: 'spec.nodeSelector' }));
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms?.length) out.push(evidence(t("Pod's node affinity", 'Node affinity пода'), formatTerms(terms), { source: 'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution' }));
  out.push(evidence(t('Nodes the pod allows', 'Узлы, допустимые для пода'), c.podNodes.join(', '), { source: 'spec.nodeSelector, spec.affinity, spec.tolerations', ...(c.podNodes.length === 0 ? { note: t('none', 'нет') } : {}) }));
  return out;
}

function conflictFix(pod: Pod, c: VolumeConflict): FixStep[] {
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  const first = c.volumeNodes[0];
  const steps: FixStep[] = [];
  if (first) {
    const e = first.exclusion;
    const how: Localized =
      e.by === 'nodeSelector'
        ? t(`Move the pod to its data: change the nodeSelector of the pod (or of its Deployment or StatefulSet) so that node ${verbatim(first.node)} matches`, `Перенесите под к данным: измените nodeSelector пода (или его Deployment, StatefulSet) так, чтобы подходил узел ${verbatim(first.node)}`)
        : e.by === 'nodeAffinity'
          ? t(`Move the pod to its data: change the pod's required node affinity so that node ${verbatim(first.node)} matches`, `Перенесите под к данным: измените обязательную node affinity пода так, чтобы подходил узел ${verbatim(first.node)}`)
          : e.by === 'taint'
            ? t(`Move the pod to its data: add a toleration for taint ${verbatim(taintText(e))} to the pod, or remove the taint from node ${verbatim(first.node)}`, `Перенесите под к данным: добавьте поду toleration для taint ${verbatim(taintText(e))} или снимите taint с узла ${verbatim(first.node)}`)
            : t(`Move the pod to its data: uncordon node ${verbatim(first.node)} when it may take pods again`, `Перенесите под к данным: снимите cordon с узла ${verbatim(first.node)}, когда на него снова можно ставить поды`);
    if (e.by === 'unschedulable') steps.push(step(how, command`kubectl uncordon ${first.node}`));
    else steps.push(step(t(`See node ${verbatim(first.node)}'s labels and taints`, `Посмотрите метки и taint узла ${verbatim(first.node)}`), command`kubectl describe node ${first.node}`), step(how));
  }
  const target = c.podNodes[0];
  steps.push(
    step(
      c.bound
        ? t(`Or move the data to the pod: create a volume ${target ? `on node ${verbatim(target)}` : 'on a node the pod may use'}, copy the data into it, and recreate claim ${verbatim(c.claim.metadata?.name)} bound to it (a bound claim cannot change its volume)`, `Или перенесите данные к поду: создайте том ${target ? `на узле ${verbatim(target)}` : 'на узле, доступном поду'}, скопируйте в него данные и пересоздайте заявку ${verbatim(c.claim.metadata?.name)} с привязкой к нему (у привязанной заявки том не меняется)`)
        : t(`Or give the claim a volume where the pod may run: create a static volume ${target ? `on node ${verbatim(target)}` : 'on a node the pod may use'} that fits claim ${verbatim(c.claim.metadata?.name)}`, `Или дайте заявке том там, где под может работать: создайте статический том ${target ? `на узле ${verbatim(target)}` : 'на узле, доступном поду'}, подходящий заявке ${verbatim(c.claim.metadata?.name)}`),
    ),
    step(t('See the volume: its node affinity says where it may be used', 'Посмотрите том: его node affinity говорит, где его можно использовать'), command`kubectl get pv ${volumeNames(c)[0]} -o yaml`),
  );
  steps.push(step(t('See the pod and its events', 'Посмотрите под и его события'), command`kubectl describe pod ${name} -n ${ns}`));
  return steps;
}

/** "capacity / maximumVolumeSize → nodes", each part a dash when absent. */
function segmentText(s: CapacitySegment): string {
  const c = s.capacity;
  return `${c.capacity ?? '—'} / ${c.maximumVolumeSize ?? '—'} → ${s.nodes.length > 0 ? s.nodes.join(', ') : '—'}`;
}

/** The shortfall as a sentence: the request, the driver, the most it offers where the pod may run. */
export function shortfallCause(f: CapacityShortfall): Localized {
  const claim = verbatim(f.claim.metadata?.name);
  const covering = f.segments.filter((s) => s.nodes.some((n) => f.podNodes.includes(n)));
  const most = covering.map((s) => s.limit).find((l) => l !== undefined);
  const whereEn = covering.length === 0
    ? `it publishes no CSIStorageCapacity of class ${verbatim(f.className)} that covers a node the pod may use (${list(f.podNodes)})`
    : `on the nodes the pod may use it has room for at most ${verbatim(most ?? '?')} per volume`;
  const whereRu = covering.length === 0
    ? `CSIStorageCapacity класса ${verbatim(f.className)}, покрывающих узлы, доступные поду (${list(f.podNodes)}), он не публикует`
    : `на узлах, доступных поду, он может выделить не больше ${verbatim(most ?? '?')} на том`;
  const elsewhereEn = f.roomElsewhere.length > 0 ? ` There is room on ${list(f.roomElsewhere.flatMap((s) => s.nodes))}, where the pod may not run.` : '';
  const elsewhereRu = f.roomElsewhere.length > 0 ? ` Место есть на ${list(f.roomElsewhere.flatMap((s) => s.nodes))}, но туда под поставить нельзя.` : '';
  return t(
    `Claim ${claim} asks for ${verbatim(f.requested)} of class ${verbatim(f.className)}, and CSI driver ${verbatim(f.driver)} reports its free space per topology segment (CSIStorageCapacity): ${whereEn}. The scheduler rejects every node until the request fits or space is freed.${elsewhereEn}`,
    `Заявка ${claim} просит ${verbatim(f.requested)} класса ${verbatim(f.className)}, а CSI-драйвер ${verbatim(f.driver)} сообщает свободное место по сегментам топологии (CSIStorageCapacity): ${whereRu}. Планировщик будет отклонять все узлы, пока запрос не поместится или не освободится место.${elsewhereRu}`,
  );
}

function shortfallEvidence(f: CapacityShortfall): Evidence[] {
  const ns = f.claim.metadata?.namespace ?? '';
  return [
    evidence(t('Requested', 'Запрошено'), f.requested, { ref: refByName('persistentvolumeclaims', f.claim.metadata?.name ?? '', ns), source: 'spec.resources.requests.storage' }),
    ...f.segments.map((s) =>
      evidence(t('Free / largest volume', 'Свободно / макс. том'), segmentText(s), {
        ref: refTo('csistoragecapacities', s.capacity),
        source: 'capacity, maximumVolumeSize, nodeTopology',
        note: s.enough ? t('enough', 'хватает') : t('not enough', 'не хватает'),
      }),
    ),
    ...(f.segments.length === 0 ? [evidence(t('Free / largest volume', 'Свободно / макс. том'), '', { source: 'csistoragecapacities[].storageClassName', note: t('none published for this class', 'для этого класса не опубликовано') })] : []),
    evidence(t('Nodes the pod allows', 'Узлы, допустимые для пода'), f.podNodes.join(', '), { source: 'spec.nodeSelector, spec.affinity, spec.tolerations', ...(f.podNodes.length === 0 ? { note: t('none', 'нет') } : {}) }),
  ];
}

/**
 * The capacity the scheduler compared, by name: the published segment of a node the pod may use (its namespace is
 * the driver's), else the class's first segment. No `-A` listing: a cluster may publish thousands of them.
 */
function capacityCommand(f: CapacityShortfall): string | undefined {
  const segment = f.segments.find((s) => s.nodes.some((n) => f.podNodes.includes(n))) ?? f.segments[0];
  const meta = segment?.capacity.metadata;
  return meta?.name ? command`kubectl get csistoragecapacity -n ${meta.namespace ?? ''} ${meta.name} -o yaml` : undefined;
}

function shortfallFix(pod: Pod, f: CapacityShortfall): FixStep[] {
  const ns = pod.metadata?.namespace ?? '';
  const most = f.segments.filter((s) => s.nodes.some((n) => f.podNodes.includes(n))).map((s) => s.limit).find((l) => l !== undefined);
  const steps: FixStep[] = most
    ? [
        step(t(`See the capacity ${verbatim(f.driver)} publishes for the pod's nodes`, `Посмотрите ёмкость, которую ${verbatim(f.driver)} публикует для узлов пода`), capacityCommand(f)),
        ...recreateClaimSteps(
          f.claim,
          t(`set resources.requests.storage to at most ${verbatim(most)}`, `задайте resources.requests.storage не больше ${verbatim(most)}`),
          t("an unbound claim's request cannot be lowered", 'запрос непривязанной заявки уменьшить нельзя'),
          t('To ask for less, ', 'Чтобы запросить меньше, '),
        ),
        step(t(`Or free space in the storage behind ${verbatim(f.driver)}`, `Или освободите место в хранилище за ${verbatim(f.driver)}`)),
      ]
    : [
        step(
          t(`Check that ${verbatim(f.driver)} publishes capacity for the nodes the pod may use (external-provisioner --enable-capacity), or free space in its storage`, `Проверьте, что ${verbatim(f.driver)} публикует ёмкость для узлов, доступных поду (external-provisioner --enable-capacity), или освободите место в его хранилище`),
          capacityCommand(f),
        ),
      ];
  const room = f.roomElsewhere[0];
  if (room) {
    steps.push(
      step(t(`Or let the pod run where there is room: node ${verbatim(room.nodes[0])} (change its nodeSelector or node affinity)`, `Или разрешите поду работать там, где место есть: на узле ${verbatim(room.nodes[0])} (измените его nodeSelector или node affinity)`)),
      step(t(`See node ${verbatim(room.nodes[0])}'s labels`, `Посмотрите метки узла ${verbatim(room.nodes[0])}`), command`kubectl get node ${room.nodes[0]} --show-labels`),
    );
  }
  steps.push(step(t('See the pod and its events', 'Посмотрите под и его события'), command`kubectl describe pod ${pod.metadata?.name} -n ${ns}`));
  return steps;
}

/** The scheduler's volume verdict on a pod not yet placed. */
export const podSchedulingRule: Rule<'pods'> = {
  name: 'pod-scheduling',
  subject: 'pods',
  run: diagnosePodScheduling,
  reads: {
    persistentvolumeclaims: ['pods-using-claim'],
    persistentvolumes: ['waiting-pods-of-volume-claim', 'waiting-pods-for-free-volume'],
    storageclasses: ['waiting-pods-of-class'],
    pods: ['pods-sharing-claims'],
    nodes: ['waiting-pods'],
    csidrivers: ['waiting-pods'],
    csistoragecapacities: ['waiting-pods-of-class'],
    events: ['subject-of-event'],
  },
};
