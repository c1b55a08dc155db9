/**
 * A Bound claim that no pod uses (issue 12 part 5): it holds storage nobody reads. Information only: keeping data
 * between uses is normal; the finding says since when, so that forgotten claims stand out.
 *
 * Since when comes from the claim's `Unused` condition (k8s.io/api core/v1 PersistentVolumeClaimUnused, feature
 * PersistentVolumeClaimUnusedSinceTime: alpha in 1.36, beta and on by default in 1.37). kube-controller-manager's
 * PVC protection controller sets it (pkg/controller/volume/pvcprotection/pvc_protection_controller.go,
 * updateUnusedCondition): on a Bound claim not being deleted, status True, reason NoPodsUsingPVC, when no
 * non-terminal pod references it (directly or through a generic ephemeral volume), False with reason PodUsingPVC
 * when one does; lastTransitionTime is when it last turned. No kubelet is involved. Where the condition is absent
 * (an older cluster, or the gate off), the app knows only that no pod uses the claim now, and that it was created
 * long enough ago.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolumeClaim } from '../kube/objects';
import type { Finding } from '../model/findings';
import { evidence, finding, step, t } from './finding';
import { ageOf, condition, duration, isPodFinished, millis, refTo } from './object-helpers';
import type { Rule } from './rule';
import { command } from './shell-quote';
import { beforeNow } from './time-words';

/** Unused for less than this (ms) is not worth a word: pods come and go, Jobs run nightly. */
export const UNUSED_FOR_MS = 24 * 3600_000;

/** The claim's Unused condition, as the PVC protection controller writes it. */
export const UNUSED_CONDITION = 'Unused';

function unusedClaim(ctx: Parameters<Rule<'persistentvolumeclaims'>['run']>[0], claim: PersistentVolumeClaim): Finding[] {
  if (claim.status?.phase !== 'Bound' || claim.metadata?.deletionTimestamp) return [];
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  const view = ctx.view;
  if (view.kindStateIn('pods', ns) !== 'synced') return [];
  if (view.podsUsingClaim(ns, name).some((p) => !isPodFinished(p))) return [];
  const cond = condition(claim.status?.conditions, UNUSED_CONDITION);
  // The controller says a pod uses it, the app sees none (yet): trust neither, say nothing.
  if (cond && cond.status !== 'True') return [];
  const since = cond ? millis(cond.lastTransitionTime) : undefined;
  const unusedFor = since !== undefined ? view.now() - since : ageOf(view, claim);
  if (unusedFor < UNUSED_FOR_MS) return [];
  const ref = refTo('persistentvolumeclaims', claim);
  const volume = claim.spec?.volumeName;
  const policy = volume ? view.get('persistentvolumes', volume)?.spec?.persistentVolumeReclaimPolicy : undefined;
  return [
    finding({
      code: 'claim.unused',
      object: ref,
      cause:
        since !== undefined
          ? t(
              `No pod has used the claim for ${duration(unusedFor).en} (since ${verbatim(cond!.lastTransitionTime!)}): its volume${volume ? ` ${verbatim(volume)}` : ''} keeps storage nobody reads.`,
              `Ни один под не использует заявку уже ${duration(unusedFor).ru} (с ${verbatim(cond!.lastTransitionTime!)}): её том${volume ? ` ${verbatim(volume)}` : ''} занимает место, которое никто не читает.`,
            )
          : t(
              `No pod uses the claim now; since when is unknown: this cluster does not set the claim's Unused condition (feature PersistentVolumeClaimUnusedSinceTime, on by default from Kubernetes 1.37). It was created ${beforeNow(view, unusedFor).en}.`,
              `Сейчас заявку не использует ни один под; с какого времени — неизвестно: этот кластер не ставит заявке условие Unused (функция PersistentVolumeClaimUnusedSinceTime, включена по умолчанию с Kubernetes 1.37). Создана ${beforeNow(view, unusedFor).ru}.`,
            ),
      evidence: [
        cond
          ? evidence(t('Unused since', 'Не используется с'), cond.lastTransitionTime ?? '', { source: 'status.conditions[type=Unused].lastTransitionTime', note: t(`${duration(unusedFor).en}, ${cond.reason ?? ''}`, `${duration(unusedFor).ru}, ${cond.reason ?? ''}`) })
          : evidence(t('Created', 'Создана'), claim.metadata?.creationTimestamp ?? '', { source: 'metadata.creationTimestamp', note: beforeNow(view, unusedFor) }),
        evidence(t('Pods using it', 'Поды, которые её используют'), '', { source: 'pod.spec.volumes', note: t('none', 'ни одного') }),
        ...(volume ? [evidence(t('Reclaim policy of its volume', 'Политика возврата её тома'), policy ?? 'Delete', { ref: { kind: 'persistentvolumes', name: volume }, source: 'PersistentVolume.spec.persistentVolumeReclaimPolicy' })] : []),
      ],
      fix: [
        step(t('Nothing is wrong if the data is kept on purpose. See the claim and who made it', 'Всё в порядке, если данные хранят намеренно. Посмотрите заявку и кто её создал'), command`kubectl get pvc ${name} -n ${ns} -o yaml`),
        step(
          policy === 'Retain'
            ? t('If nobody needs it, delete the claim: its volume is retained (Released) with the data, to be deleted by hand', 'Если она никому не нужна, удалите заявку: её том сохранится (Released) вместе с данными, удалить его нужно вручную')
            : t('If nobody needs the data, delete the claim: with reclaim policy Delete its volume and the data are deleted too', 'Если данные никому не нужны, удалите заявку: при политике возврата Delete её том и данные удалятся тоже'),
          command`kubectl delete pvc ${name} -n ${ns}`,
        ),
      ],
    }),
  ];
}

export const unusedClaimRule: Rule<'persistentvolumeclaims'> = {
  name: 'unused-claim',
  subject: 'persistentvolumeclaims',
  run: unusedClaim,
  reads: {
    pods: ['claims-of-pod'],
    persistentvolumes: ['claims-of-volume'],
  },
};
