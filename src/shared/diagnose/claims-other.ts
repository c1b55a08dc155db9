/**
 * Claims that are not Pending: Lost and misbound (pv_controller.go syncBoundClaim: events ClaimLost,
 * ClaimMisbound), expansion in progress or failed (conditions Resizing, FileSystemResizePending,
 * ControllerResizeError, NodeResizeError; status.allocatedResourceStatuses), claims being deleted while
 * pods still use them (kubernetes.io/pvc-protection), and ReadWriteOnce claims used on several nodes.
 */
import { counted, pluralForm } from '../plural';
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim } from '../kube/objects';
import type { Evidence, Finding, FixStep } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { duration, eventEvidence, eventMillis, eventsAbout, isPending, isPodFinished, millis, newestEvent, refByName, refTo } from './object-helpers';
import { compareQuantities, storageQuantity } from '../quantity';
import { command, withNames } from './shell-quote';
import { SLOW_WAIT_MS } from './claims-common';
import { NODES, ON_NODES, PODS } from './words';
import type { Rule } from './rule';

export function diagnoseBoundOrLostClaim(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  return [...lostOrMisbound(ctx, claim), ...expansion(ctx, claim), ...sharedAcrossNodes(ctx, claim)];
}

function lostOrMisbound(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  const view = ctx.view;
  const phase = claim.status?.phase;
  if (phase !== 'Bound' && phase !== 'Lost') return [];
  const ref = refTo('persistentvolumeclaims', claim);
  const volumeName = claim.spec?.volumeName;
  const events = eventsAbout(view, 'persistentvolumeclaims', claim);
  const lostEvent = newestEvent(events, ['ClaimLost', 'ClaimMisbound']);
  const eventLines = lostEvent ? [eventEvidence(view, lostEvent)] : [];
  const describe = step(t('See the claim and its events', 'Посмотрите заявку и её события'), command`kubectl describe pvc ${claim.metadata?.name} -n ${claim.metadata?.namespace}`);
  if (view.kindState('persistentvolumes') !== 'synced') return [];
  const pv = volumeName ? view.get('persistentvolumes', volumeName) : undefined;

  if (pv && pv.spec?.claimRef?.uid && pv.spec.claimRef.uid !== claim.metadata?.uid) {
    const other = `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}`;
    return [
      finding({
        code: 'claim.misbound',
        object: ref,
        cause: t(
          `The claim points at volume ${verbatim(volumeName)}, but that volume is bound to another claim (${verbatim(other)}, uid ${verbatim(pv.spec.claimRef.uid)}); this claim is bound incorrectly and becomes Lost.`,
          `Заявка указывает на том ${verbatim(volumeName)}, но он привязан к другой заявке (${verbatim(other)}, uid ${verbatim(pv.spec.claimRef.uid)}); эта привязка ошибочна, и заявка становится Lost.`,
        ),
        evidence: [
          evidence(t('Claim volumeName', 'volumeName заявки'), volumeName ?? '', { ref: refTo('persistentvolumes', pv), source: 'spec.volumeName' }),
          evidence(t('Volume claimRef', 'claimRef тома'), `${other} uid=${pv.spec.claimRef.uid}`, { ref: refTo('persistentvolumes', pv), source: 'spec.claimRef' }),
          ...eventLines,
        ],
        fix: [
          describe,
          step(t('Decide which claim owns the data; recreate this claim to get a new volume (a Lost claim never recovers by itself)', 'Решите, какой заявке принадлежат данные; пересоздайте эту заявку, чтобы получить новый том (Lost-заявка сама не восстановится)')),
        ],
      }),
    ];
  }
  if (!pv) {
    return [
      finding({
        code: 'claim.lost',
        object: ref,
        cause: volumeName
          ? t(`The claim was bound to volume ${verbatim(volumeName)}, which no longer exists: the data on it is lost to this claim.`, `Заявка была привязана к тому ${verbatim(volumeName)}, которого больше нет: данные для неё потеряны.`)
          : t('The claim was bound but lost the reference to its volume.', 'Заявка была привязана, но потеряла ссылку на свой том.'),
        evidence: [evidence(t('Claim volumeName', 'volumeName заявки'), volumeName ?? '(empty)', { ...(volumeName ? { ref: refByName('persistentvolumes', volumeName) } : {}), source: 'spec.volumeName' }), evidence(t('Phase', 'Фаза'), phase, { source: 'status.phase' }), ...eventLines],
        fix: [
          describe,
          step(t('If the backing storage still exists, recreate a PV for it with claimRef pointing at this claim; otherwise delete and recreate the claim', 'Если хранилище ещё есть, создайте для него PV с claimRef на эту заявку; иначе удалите и пересоздайте заявку')),
        ],
      }),
    ];
  }
  if (phase === 'Lost') {
    return [
      finding({
        code: 'claim.lost',
        object: ref,
        cause: t(`The claim is Lost (its volume ${verbatim(volumeName)} exists again, but a Lost claim does not rebind by itself).`, `Заявка в состоянии Lost (том ${verbatim(volumeName)} снова есть, но Lost-заявка сама не перепривязывается).`),
        evidence: [evidence(t('Phase', 'Фаза'), phase, { source: 'status.phase' }), ...eventLines],
        fix: [describe, step(t('Recreate the claim; to keep the data, pre-bind it to the volume with spec.volumeName', 'Пересоздайте заявку; чтобы сохранить данные, укажите том в spec.volumeName'))],
      }),
    ];
  }
  return [];
}

/** Expansion states as written by external-resizer and the kubelet (KEP-1790 recovery adds the *Error conditions). */
function expansion(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  const view = ctx.view;
  const ref = refTo('persistentvolumeclaims', claim);
  const conditions = claim.status?.conditions ?? [];
  const statuses = claim.status?.allocatedResourceStatuses ?? {};
  const storageStatus = statuses['storage'];
  const requested = claim.spec?.resources?.requests?.['storage'];
  const capacity = claim.status?.capacity?.['storage'];
  const sizes = evidence(t('Requested / current size', 'Размер: запрошен / сейчас'), `${requested ?? '?'} / ${capacity ?? '?'}`, { source: 'spec.resources.requests.storage, status.capacity.storage' });
  const events = eventsAbout(view, 'persistentvolumeclaims', claim);
  const resizeEvent = newestEvent(events, ['VolumeResizeFailed', 'FileSystemResizeFailed', 'ExternalExpanding', 'Resizing']);
  const eventLines = resizeEvent ? [eventEvidence(view, resizeEvent)] : [];
  const describe = step(t('See the claim and its events', 'Посмотрите заявку и её события'), command`kubectl describe pvc ${claim.metadata?.name} -n ${claim.metadata?.namespace}`);

  const errorCondition = conditions.find((c) => (c.type === 'ControllerResizeError' || c.type === 'NodeResizeError') && c.status === 'True');
  const infeasible = storageStatus === 'ControllerResizeInfeasible' || storageStatus === 'NodeResizeInfeasible';
  const failedEvent = newestEvent(events, ['VolumeResizeFailed', 'FileSystemResizeFailed']);
  if (errorCondition || infeasible) {
    return [
      finding({
        code: 'claim.resize-failed',
        object: ref,
        cause: t(`Expanding the claim failed: ${verbatim(errorCondition?.message ?? storageStatus ?? '')}`, `Расширить заявку не удалось: ${verbatim(errorCondition?.message ?? storageStatus ?? '')}`),
        evidence: [
          sizes,
          ...(errorCondition ? [evidence(t(`Condition ${verbatim(errorCondition.type)}`, `Условие ${verbatim(errorCondition.type)}`), errorCondition.message ?? '', { source: `status.conditions[${errorCondition.type}]` })] : []),
          ...(storageStatus ? [evidence(t('Resize status', 'Состояние расширения'), storageStatus, { source: 'status.allocatedResourceStatuses.storage' })] : []),
          ...eventLines,
        ],
        fix: [
          describe,
          step(
            t('If the size cannot be reached, lower the request to a size the storage can give, above the current capacity (allowed since Kubernetes 1.32 to recover from a failed expansion; the API server refuses the current capacity itself)', 'Если размер недостижим, уменьшите запрос до размера, который хранилище может дать, но больше текущей ёмкости (с Kubernetes 1.32 так можно выйти из неудачного расширения; саму текущую ёмкость API-сервер не примет)'),
            command`kubectl patch pvc ${claim.metadata?.name} -n ${claim.metadata?.namespace} --type merge -p ${`{"spec":{"resources":{"requests":{"storage":"<more than ${capacity ?? 'the current capacity'}>"}}}}`}`,
          ),
        ],
      }),
    ];
  }
  const fsPending = conditions.find((c) => c.type === 'FileSystemResizePending' && c.status === 'True');
  if (fsPending || storageStatus === 'NodeResizePending') {
    const pods = view.podsUsingClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '').filter((p) => !isPodFinished(p));
    return [
      finding({
        code: 'claim.fs-resize-pending',
        object: ref,
        cause: pods.length === 0
          ? t('The volume was expanded; the file system grows when a pod mounts the claim, and no pod uses it now.', 'Том расширен; файловая система вырастет, когда под смонтирует заявку, а сейчас её никто не использует.')
          : t('The volume was expanded; the kubelet grows the file system on the node where it is mounted.', 'Том расширен; kubelet увеличит файловую систему на узле, где том смонтирован.'),
        evidence: [sizes, evidence(t('Condition', 'Условие'), fsPending?.message ?? storageStatus ?? '', { source: fsPending ? 'status.conditions[FileSystemResizePending]' : 'status.allocatedResourceStatuses.storage' }), ...eventLines],
        fix: pods.length === 0 ? [step(t('Start a pod that mounts the claim to finish the resize', 'Запустите под, который смонтирует заявку, чтобы завершить расширение'))] : [],
      }),
    ];
  }
  const resizing = conditions.find((c) => c.type === 'Resizing' && c.status === 'True');
  if (resizing || storageStatus === 'ControllerResizeInProgress' || storageStatus === 'NodeResizeInProgress') {
    const since = millis(resizing?.lastTransitionTime);
    const slow = since !== undefined && view.now() - since > SLOW_WAIT_MS;
    const lastFailure = failedEvent ? [eventEvidence(view, failedEvent)] : [];
    return [
      finding({
        code: 'claim.resizing',
        object: ref,
        severity: slow || failedEvent ? 'warning' : undefined,
        cause: slow
          ? t(`The claim has been resizing for ${duration(view.now() - since!).en}; the resizer may be stuck.`, `Заявка расширяется уже ${duration(view.now() - since!).ru}; возможно, контроллер расширения завис.`)
          : t('The volume is being expanded by the storage driver.', 'Драйвер хранилища расширяет том.'),
        evidence: [sizes, ...(storageStatus ? [evidence(t('Resize status', 'Состояние расширения'), storageStatus, { source: 'status.allocatedResourceStatuses.storage' })] : []), ...(lastFailure.length ? lastFailure : eventLines)],
        fix: slow ? [describe] : [],
      }),
    ];
  }
  return unservedExpansion(ctx, claim, sizes, describe);
}

/**
 * A bound claim asking for more than its volume has, with no resize condition or status: no resizer has taken
 * the request. kube-controller-manager says "waiting for an external controller to expand this PVC"
 * (ExternalExpanding) and, when no CSI resizer serves the volume (hostPath, local, a driver without
 * EXPAND_VOLUME), nothing ever will: on the lab the claim sat there with no finding at all.
 */
function unservedExpansion(ctx: DiagnoseContext, claim: PersistentVolumeClaim, sizes: Evidence, describe: FixStep): Finding[] {
  const view = ctx.view;
  const requested = storageQuantity(claim.spec?.resources?.requests);
  const capacity = storageQuantity(claim.status?.capacity);
  if (claim.status?.phase !== 'Bound' || requested === undefined || capacity === undefined || compareQuantities(requested, capacity) <= 0) return [];
  const events = eventsAbout(view, 'persistentvolumeclaims', claim);
  const waiting = newestEvent(events, ['ExternalExpanding']);
  const failed = newestEvent(events, ['VolumeResizeFailed']);
  const since = waiting ? (millis(waiting.firstTimestamp) ?? eventMillis(waiting)) : undefined;
  const slow = since !== undefined && view.now() - since > SLOW_WAIT_MS;
  const want = claim.spec?.resources?.requests?.['storage'] ?? '?';
  const have = claim.status?.capacity?.['storage'] ?? '?';
  const volumeName = claim.spec?.volumeName;
  return [
    finding({
      code: 'claim.resizing',
      object: refTo('persistentvolumeclaims', claim),
      key: 'unserved',
      severity: slow || failed ? 'warning' : undefined,
      cause: failed
        ? t(`The claim asks for ${verbatim(want)}, its volume has ${verbatim(have)}, and the last expansion attempt failed: ${verbatim(failed.message ?? '')}`, `Заявка просит ${verbatim(want)}, у тома ${verbatim(have)}, и последняя попытка расширения не удалась: ${verbatim(failed.message ?? '')}`)
        : slow
          ? t(
              `The claim asks for ${verbatim(want)}, its volume has ${verbatim(have)}, and for ${duration(view.now() - since!).en} no resizer has taken the request: the volume's driver may not support expansion (hostPath and local volumes never grow), or its resizer (csi-resizer) is not running.`,
              `Заявка просит ${verbatim(want)}, у тома ${verbatim(have)}, и уже ${duration(view.now() - since!).ru} ни один контроллер расширения не взялся за запрос: возможно, драйвер тома не умеет расширять тома (hostPath и local не растут никогда) или его контроллер расширения (csi-resizer) не работает.`,
            )
          : t(
              `The claim asks for ${verbatim(want)}, its volume has ${verbatim(have)}: the expansion waits for the volume's resizer, which has not reported progress yet.`,
              `Заявка просит ${verbatim(want)}, у тома ${verbatim(have)}: расширение ждёт контроллер расширения тома, а тот пока не сообщил о ходе работы.`,
            ),
      evidence: [sizes, ...[failed ?? waiting].flatMap((e) => (e ? [eventEvidence(view, e)] : []))],
      fix:
        slow || failed
          ? [
              describe,
              step(t(`See which driver serves volume ${verbatim(volumeName)}`, `Посмотрите, какой драйвер обслуживает том ${verbatim(volumeName)}`), volumeName ? command`kubectl get pv ${volumeName} -o yaml` : undefined),
              step(
                t(
                  `If the volume cannot grow, the request cannot go back to ${verbatim(have)} either (the API server only accepts a size above the current capacity): to get more space, copy the data to a new, larger claim`,
                  `Если том не может вырасти, вернуть запрос к ${verbatim(have)} тоже нельзя (API-сервер принимает только размер больше текущей ёмкости): чтобы получить больше места, перенесите данные в новую, бо́льшую заявку`,
                ),
              ),
            ]
          : [],
    }),
  ];
}

function sharedAcrossNodes(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  const modes = claim.status?.accessModes ?? claim.spec?.accessModes ?? [];
  const singlePod = modes.includes('ReadWriteOncePod');
  const once = singlePod || (modes.length > 0 && modes.every((m): boolean => m === 'ReadWriteOnce'));
  if (!once || claim.status?.phase !== 'Bound') return [];
  const pods = ctx.view
    .podsUsingClaim(claim.metadata?.namespace ?? '', claim.metadata?.name ?? '')
    .filter((p) => p.spec?.nodeName && !isPodFinished(p) && !p.metadata?.deletionTimestamp);
  const nodes = new Set(pods.map((p) => p.spec?.nodeName));
  if (singlePod ? pods.length < 2 : nodes.size < 2) return [];
  return [
    finding({
      code: 'claim.rwo-multi-node',
      object: refTo('persistentvolumeclaims', claim),
      cause: singlePod
        ? t(`The claim is ReadWriteOncePod, yet ${counted(pods.length, PODS).en} use it: only one can mount it, the others wait.`, `У заявки режим ReadWriteOncePod, а её используют ${counted(pods.length, PODS).ru}; смонтировать её может только один под, остальные ждут.`)
        : t(`The claim is ReadWriteOnce, yet pods on ${counted(nodes.size, NODES).en} use it: the volume attaches to one node, pods elsewhere cannot mount it.`, `У заявки режим ReadWriteOnce, а её используют поды на ${nodes.size} ${pluralForm('ru', nodes.size, ON_NODES)}: том подключается к одному узлу, поды на других узлах его не смонтируют.`),
      evidence: [
        evidence(t('Access modes', 'Режимы доступа'), modes.join(', '), { source: 'status.accessModes' }),
        ...pods.map((p) => evidence(t('Pod and node', 'Под и узел'), `${p.metadata?.name} @ ${p.spec?.nodeName}`, { ref: refTo('pods', p), source: 'spec.nodeName' })),
      ],
      fix: [
        step(t('Run the pods on one node (e.g. pod affinity), use one replica, or use storage that offers ReadWriteMany', 'Запускайте поды на одном узле (например, pod affinity), оставьте одну реплику или возьмите хранилище с ReadWriteMany')),
      ],
    }),
  ];
}

/** A claim being deleted waits for the pods that use it (kubernetes.io/pvc-protection finalizer). */
export function diagnoseTerminatingClaim(ctx: DiagnoseContext, claim: PersistentVolumeClaim): Finding[] {
  if (!claim.metadata?.deletionTimestamp) return [];
  const pods = ctx.view.podsUsingClaim(claim.metadata.namespace ?? '', claim.metadata.name ?? '').filter((p) => !isPodFinished(p));
  if (pods.length === 0) return [];
  return [
    finding({
      code: 'claim.terminating-in-use',
      object: refTo('persistentvolumeclaims', claim),
      cause: t(`The claim is being deleted but pods still use it (${verbatim(pods.map((p) => p.metadata?.name).join(', '))}): it is removed only after they are gone.`, `Заявку удаляют, но её ещё используют поды (${verbatim(pods.map((p) => p.metadata?.name).join(', '))}): она исчезнет только после них.`),
      evidence: [
        evidence(t('Deletion requested', 'Удаление запрошено'), claim.metadata.deletionTimestamp, { source: 'metadata.deletionTimestamp' }),
        evidence(t('Finalizers', 'Финализаторы'), (claim.metadata.finalizers ?? []).join(', '), { source: 'metadata.finalizers' }),
        ...pods.map((p) => evidence(t('Pod using it', 'Под, который её использует'), p.metadata?.name ?? '', { ref: refTo('pods', p), source: 'spec.volumes[].persistentVolumeClaim.claimName' })),
      ],
      fix: [step(t('See the pods that use it; if the deletion is intended, delete them or scale down the workload that makes them', 'Посмотрите поды, которые её используют; если удаление задумано, удалите их или уменьшите число реплик их рабочей нагрузки'), withNames(command`kubectl get pods -n ${claim.metadata.namespace}`, pods.map((p) => p.metadata?.name)))],
      // Waiting for pods to stop is normal for a while; a deletion that hangs on is worth a warning.
      severity: ctx.view.now() - (millis(claim.metadata.deletionTimestamp) ?? ctx.view.now()) > SLOW_WAIT_MS ? 'warning' : 'expected-wait',
    }),
  ];
}

/** A claim being deleted and what holds it. */
export const terminatingClaimRule: Rule<'persistentvolumeclaims'> = {
  name: 'terminating-claim',
  subject: 'persistentvolumeclaims',
  run: diagnoseTerminatingClaim,
  reads: {
    // What still uses the claim (pvc-protection holds it while a pod does).
    pods: ['claims-of-pod'],
  },
};
/** A Bound or Lost claim: its volume, resize, consumers. */
export const boundOrLostClaimRule: Rule<'persistentvolumeclaims'> = {
  name: 'bound-or-lost-claim',
  subject: 'persistentvolumeclaims',
  run: (ctx, claim) => (isPending(claim) ? [] : diagnoseBoundOrLostClaim(ctx, claim)),
  reads: {
    persistentvolumes: ['claims-of-volume'],
    pods: ['claims-of-pod'],
    events: ['subject-of-event'],
  },
};
