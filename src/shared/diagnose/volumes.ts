/**
 * PersistentVolumes: unused, released, failed, bound to a claim that is gone, attach errors. Phases and
 * event reasons follow pv_controller.go (syncVolume, reclaimVolume: VolumeFailedRecycle, VolumeFailedDelete,
 * VolumeUnknownReclaimPolicy) and VolumeAttachment status from the attach/detach controller or external-attacher.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolume } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { DiagnoseContext } from './context';
import { evidence, finding, step, t } from './finding';
import { ageOf, duration, eventEvidence, eventsAbout, millis, newestEvent, refByName, refTo } from './object-helpers';
import { command } from './shell-quote';
import { SLOW_WAIT_MS } from './claims-common';
import { VOLUME_FACTS_SOURCE, volumeEvidence } from './static-binding';
import { healthEvidence } from './provisioners';
import { forgetClaimUidStep, removeClaimRefStep } from './volume-fixes';
import { detachStuckOnGoneNode } from './attachment-facts';
import type { Rule } from './rule';
import { beforeNow } from './time-words';

/** Where the data of a volume lives, for the user to look at before reusing or deleting it. */
export function volumeSource(pv: PersistentVolume): string {
  const spec = pv.spec ?? {};
  if (spec.csi) return `csi ${spec.csi.driver ?? ''} volumeHandle=${spec.csi.volumeHandle ?? ''}`;
  if (spec.hostPath) return `hostPath ${spec.hostPath.path ?? ''}`;
  if (spec.local) return `local ${spec.local.path ?? ''}`;
  if (spec.nfs) return `nfs ${spec.nfs.server ?? ''}:${spec.nfs.path ?? ''}`;
  const other = Object.keys(spec).find((k) => !['capacity', 'accessModes', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'claimRef', 'nodeAffinity', 'mountOptions', 'volumeAttributesClassName'].includes(k));
  return other ?? 'unknown';
}

export function diagnoseVolume(ctx: DiagnoseContext, pv: PersistentVolume): Finding[] {
  if (pv.metadata?.deletionTimestamp) return attachErrors(ctx, pv);
  return [...byPhase(ctx, pv), ...attachErrors(ctx, pv)];
}

function byPhase(ctx: DiagnoseContext, pv: PersistentVolume): Finding[] {
  const view = ctx.view;
  const name = pv.metadata?.name ?? '';
  const ref = refTo('persistentvolumes', pv);
  const claimRef = pv.spec?.claimRef;
  const claimKey = claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : '';
  const claimsReadable = view.kindState('persistentvolumeclaims') === 'synced';
  const claim = claimRef?.name ? view.get('persistentvolumeclaims', claimRef.name, claimRef.namespace) : undefined;
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  const facts = volumeEvidence(t('Volume', 'Том'), pv, { source: VOLUME_FACTS_SOURCE });
  const source = evidence(t('Data lives in', 'Где лежат данные'), volumeSource(pv), { source: 'PersistentVolume.spec' });
  const events = eventsAbout(view, 'persistentvolumes', pv);
  const claimEvidence = claimRef
    ? [evidence(t('claimRef', 'claimRef'), `${claimKey}${claimRef.uid ? ` uid=${claimRef.uid}` : ''}`, { ref: refByName('persistentvolumeclaims', claimRef.name ?? '', claimRef.namespace), source: 'spec.claimRef' })]
    : [];

  switch (pv.status?.phase) {
    case 'Available': {
      if (claimRef) {
        if (!claimsReadable || claim) return [];
        return [
          finding({
            code: 'volume.prebound-claim-missing',
            object: ref,
            cause: t(`The volume is reserved (claimRef) for claim ${verbatim(claimKey)}, which does not exist: no other claim can take it.`, `Том зарезервирован (claimRef) для заявки ${verbatim(claimKey)}, которой нет: никакая другая заявка его не получит.`),
            evidence: [facts, ...claimEvidence],
            fix: [
              step(t(`Create claim ${verbatim(claimKey)} (it binds this volume), or remove the reservation:`, `Создайте заявку ${verbatim(claimKey)} (она получит этот том) или снимите резерв:`)),
              removeClaimRefStep(pv),
            ],
          }),
        ];
      }
      return [
        finding({
          code: 'volume.available-unused',
          object: ref,
          cause: t(`The volume is Available: no claim uses it (created ${beforeNow(view, ageOf(view, pv)).en}).`, `Том свободен (Available): его не использует ни одна заявка (создан ${beforeNow(view, ageOf(view, pv)).ru}).`),
          evidence: [facts, source],
          fix: [step(t('A claim binds it if it asks for the same class, no more than its capacity and a subset of its access modes', 'Заявка получит его, если просит тот же класс, не больше его ёмкости и только его режимы доступа'))],
        }),
      ];
    }
    case 'Released':
      return [released(ctx, pv, policy, facts, source, claimEvidence, claimKey)];
    case 'Failed': {
      const failure = newestEvent(events, ['VolumeFailedDelete', 'VolumeFailedRecycle', 'VolumeUnknownReclaimPolicy']);
      return [
        finding({
          code: 'volume.failed',
          object: ref,
          cause: t(
            `Reclaiming the volume (policy ${verbatim(policy)}) failed${pv.status?.message ? `: ${verbatim(pv.status.message)}` : ''}${failure?.message && failure.message !== pv.status?.message ? ` — ${verbatim(failure.message)}` : ''}`,
            `Не удалось вернуть том (политика ${verbatim(policy)})${pv.status?.message ? `: ${verbatim(pv.status.message)}` : ''}${failure?.message && failure.message !== pv.status?.message ? ` — ${verbatim(failure.message)}` : ''}`,
          ),
          evidence: [
            facts,
            source,
            ...(pv.status?.message ? [evidence(t('Status message', 'Сообщение статуса'), pv.status.message, { source: 'status.message' })] : []),
            ...(failure ? [eventEvidence(view, failure)] : []),
            ...claimEvidence,
          ],
          fix: [
            step(t('See the volume and its events', 'Посмотрите том и его события'), command`kubectl describe pv ${name}`),
            step(t('Clean up the storage by hand if needed, then delete the PersistentVolume object', 'При необходимости очистите хранилище вручную, затем удалите объект PersistentVolume'), command`kubectl delete pv ${name}`),
          ],
        }),
      ];
    }
    case 'Bound': {
      if (!claimRef || !claimsReadable) return [];
      const gone = !claim || (claimRef.uid !== undefined && claimRef.uid !== '' && claim.metadata?.uid !== claimRef.uid);
      if (!gone) return [];
      return [
        finding({
          code: 'volume.claim-missing',
          object: ref,
          cause: claim
            ? t(`The volume is bound to an earlier claim ${verbatim(claimKey)} (uid ${verbatim(claimRef.uid)}); the claim of that name now is another object. The PV controller should release the volume; if it stays Bound, kube-controller-manager is not running.`, `Том привязан к прежней заявке ${verbatim(claimKey)} (uid ${verbatim(claimRef.uid)}); заявка с этим именем теперь другой объект. PV-контроллер должен освободить том; если он остаётся Bound, kube-controller-manager не работает.`)
            : t(`The volume is bound to claim ${verbatim(claimKey)}, which no longer exists. The PV controller should release it (policy ${verbatim(policy)}); if it stays Bound, kube-controller-manager is not running.`, `Том привязан к заявке ${verbatim(claimKey)}, которой больше нет. PV-контроллер должен его освободить (политика ${verbatim(policy)}); если он остаётся Bound, kube-controller-manager не работает.`),
          evidence: [facts, ...claimEvidence],
          fix: [step(t('Check the controller manager', 'Проверьте controller manager'), 'kubectl get pods -n kube-system -l component=kube-controller-manager')],
        }),
      ];
    }
    default:
      return [];
  }
}

function released(ctx: DiagnoseContext, pv: PersistentVolume, policy: string, facts: Evidence, source: Evidence, claimEvidence: Evidence[], claimKey: string): Finding {
  const view = ctx.view;
  const name = pv.metadata?.name ?? '';
  const ref = refTo('persistentvolumes', pv);
  if (policy === 'Retain') {
    return finding({
      code: 'volume.released-retain',
      object: ref,
      cause: t(
        `Its claim ${verbatim(claimKey)} was deleted; with reclaim policy Retain the data is kept, but the volume still remembers the old claim and no new claim can bind it until an admin decides.`,
        `Его заявку ${verbatim(claimKey)} удалили; с политикой Retain данные сохранены, но том помнит старую заявку, и новая заявка его не получит, пока администратор не решит его судьбу.`,
      ),
      evidence: [facts, source, ...claimEvidence],
      fix: [
        step(t('First look at the data it holds (and back it up if it matters)', 'Сначала посмотрите, какие данные на нём лежат (и сохраните их, если они важны)'), command`kubectl get pv ${name} -o yaml`),
        forgetClaimUidStep(pv, claimKey),
        removeClaimRefStep(pv),
        step(
          t('Or discard it: delete the PV object, then delete the backing storage yourself (the cluster will not)', 'Либо избавьтесь от него: удалите объект PV, а затем само хранилище — кластер этого не сделает'),
          command`kubectl delete pv ${name}`,
        ),
      ],
    });
  }
  // Delete (or the deprecated Recycle): the provisioner or the recycler should remove it shortly.
  const failure = newestEvent(eventsAbout(view, 'persistentvolumes', pv), ['VolumeFailedDelete', 'VolumeFailedRecycle']);
  const provisionedBy = pv.metadata?.annotations?.['pv.kubernetes.io/provisioned-by'];
  const health = provisionedBy ? ctx.provisioner(provisionedBy) : undefined;
  const since = millis(pv.status?.lastPhaseTransitionTime);
  const slow = since !== undefined && view.now() - since > SLOW_WAIT_MS;
  const dead = health?.row.verdict === 'dead';
  return finding({
    code: 'volume.released-delete',
    object: ref,
    severity: dead || failure ? 'problem' : slow ? 'warning' : undefined,
    cause: dead
      ? t(`Its claim was deleted and the volume should be deleted (policy ${verbatim(policy)}), but its provisioner ${verbatim(provisionedBy)} is not running.`, `Заявку удалили, и том должен быть удалён (политика ${verbatim(policy)}), но его провизионер ${verbatim(provisionedBy)} не работает.`)
      : failure
        ? t(`Deleting the volume failed: ${verbatim(failure.message ?? '')}`, `Удалить том не удалось: ${verbatim(failure.message ?? '')}`)
        : t(`Its claim was deleted; with policy ${verbatim(policy)} the volume and its storage are being removed.`, `Заявку удалили; с политикой ${verbatim(policy)} том и его хранилище удаляются.`),
    evidence: [facts, source, ...claimEvidence, ...(failure ? [eventEvidence(view, failure)] : []), ...(health ? healthEvidence(health) : [])],
    fix: dead || failure || slow ? [step(t('See the volume and its events', 'Посмотрите том и его события'), command`kubectl describe pv ${name}`)] : [],
  });
}

function attachErrors(ctx: DiagnoseContext, pv: PersistentVolume): Finding[] {
  const out: Finding[] = [];
  for (const va of ctx.view.attachmentsOfVolume(pv.metadata?.name ?? '')) {
    const error = va.status?.attachError ?? va.status?.detachError;
    // A detach error on a node that is gone is part of volume.detach-stuck (volume-attachments.ts).
    if (!error?.message || detachStuckOnGoneNode(ctx.view, va)) continue;
    const attaching = va.status?.attachError !== undefined;
    out.push(
      finding({
        code: 'volume.attach-error',
        object: refTo('persistentvolumes', pv),
        key: va.metadata?.name,
        cause: attaching
          ? t(`Attaching the volume to node ${verbatim(va.spec?.nodeName)} failed: ${verbatim(error.message)}`, `Не удалось подключить том к узлу ${verbatim(va.spec?.nodeName)}: ${verbatim(error.message)}`)
          : t(`Detaching the volume from node ${verbatim(va.spec?.nodeName)} failed: ${verbatim(error.message)}`, `Не удалось отключить том от узла ${verbatim(va.spec?.nodeName)}: ${verbatim(error.message)}`),
        evidence: [evidence(t(attaching ? 'Attach error' : 'Detach error', attaching ? 'Ошибка подключения' : 'Ошибка отключения'), error.message, { ref: refTo('volumeattachments', va), source: attaching ? 'status.attachError' : 'status.detachError' })],
        fix: [step(t('See the attachment', 'Посмотрите VolumeAttachment'), command`kubectl describe volumeattachment ${va.metadata?.name}`)],
      }),
    );
  }
  return out;
}

/** A volume: phase, reclaim, attachments, node affinity. */
export const volumeRule: Rule<'persistentvolumes'> = {
  name: 'volume',
  subject: 'persistentvolumes',
  run: diagnoseVolume,
  reads: {
    persistentvolumeclaims: ['volumes-of-claim'],
    volumeattachments: ['volume-of-attachment'],
    // A detach error on a node that is gone belongs to volume.detach-stuck instead.
    nodes: ['volumes-attached-to-node'],
    events: ['subject-of-event'],
    // A Released volume waits for the provisioner that made it to delete it.
    provisioners: ['released-volumes-of-provisioner'],
  },
};
