/**
 * A volume's VolumeAttachments that do not move: an attach nobody completes (volume.attach-stuck), and a detach
 * from a node that no longer exists (volume.detach-stuck). Attach and detach errors the attacher wrote are
 * volume.attach-error (volumes.ts). Who does what, from upstream, is in attachment-facts.ts: the attach/detach
 * controller creates and deletes VolumeAttachments, the driver's external-attacher (spec.attacher) attaches,
 * detaches and removes its finalizer `external-attacher/<driver>`.
 */
import { verbatim } from '../verbatim';
import type { PersistentVolume, VolumeAttachment } from '../kube/objects';
import type { Evidence, Finding, FixStep } from '../model/findings';
import type { DiagnoseContext } from './context';
import { attacherLease, attachStuck, attachWaitMs, detachStuckOnGoneNode, nodeGone } from './attachment-facts';
import { evidence, finding, step, t } from './finding';
import { leaseAgo } from './leases';
import { duration, millis, refByName, refTo } from './object-helpers';
import type { Rule } from './rule';
import { command } from './shell-quote';
import type { ClusterView } from './view';
import { beforeNow } from './time-words';

export function diagnoseAttachments(ctx: DiagnoseContext, pv: PersistentVolume): Finding[] {
  const out: Finding[] = [];
  for (const va of ctx.view.attachmentsOfVolume(pv.metadata?.name ?? '')) {
    if (detachStuckOnGoneNode(ctx.view, va)) out.push(detachStuck(ctx.view, pv, va));
    else if (attachStuck(ctx.view, va)) out.push(attachStuckFinding(ctx.view, pv, va, nodeGone(ctx.view, va)));
  }
  return out;
}

function attachStuckFinding(view: ClusterView, pv: PersistentVolume, va: VolumeAttachment, gone: boolean): Finding {
  const driver = va.spec?.attacher ?? '';
  const node = va.spec?.nodeName;
  const waited = duration(attachWaitMs(view, va));
  const lease = attacherLease(view, driver);
  const who =
    lease.state === 'stale'
      ? t(` Its external-attacher's leader Lease was last renewed ${leaseAgo(view, lease.lease).en}: it is not running.`, ` Lease лидера его external-attacher последний раз продлён ${leaseAgo(view, lease.lease).ru}: он не работает.`)
      : lease.state === 'not-found'
        ? t(` No leader Lease of its external-attacher (${verbatim(lease.name)}) is visible: it may not be deployed.`, ` Lease лидера его external-attacher (${verbatim(lease.name)}) не виден: возможно, он не развёрнут.`)
        : lease.state === 'held'
          ? t(' Its external-attacher holds its leader Lease, yet has written neither attached nor an error: see its log.', ' Его external-attacher держит Lease лидера, но не отметил том подключённым и не записал ошибку: посмотрите его журнал.')
          : t('', '');
  return finding({
    code: 'volume.attach-stuck',
    object: refTo('persistentvolumes', pv),
    key: va.metadata?.name,
    cause: t(
      `The volume has waited ${waited.en} to be attached to node ${verbatim(node)}${gone ? ' (which no longer exists)' : ''}: the external-attacher of driver ${verbatim(driver)} has not attached it.${who.en}`,
      `Том ${waited.ru} ждёт подключения к узлу ${verbatim(node)}${gone ? ' (которого больше нет)' : ''}: external-attacher драйвера ${verbatim(driver)} его не подключил.${who.ru}`,
    ),
    evidence: [...attachmentEvidence(view, va, gone), evidence(t('Attached', 'Подключён'), 'false', { ref: refTo('volumeattachments', va), source: 'status.attached' }), ...leaseEvidence(view, driver)],
    fix: [describeStep(va), ...leaseSteps(view, driver)],
  });
}

function detachStuck(view: ClusterView, pv: PersistentVolume, va: VolumeAttachment): Finding {
  const driver = va.spec?.attacher ?? '';
  const node = va.spec?.nodeName;
  const name = va.metadata?.name;
  const deleting = millis(va.metadata?.deletionTimestamp);
  const finalizers = (va.metadata?.finalizers ?? []).filter((f) => f.startsWith('external-attacher/'));
  const detachError = va.status?.detachError?.message;
  const cause =
    deleting !== undefined
      ? t(
          `The volume should be detached from node ${verbatim(node)}, which no longer exists: the VolumeAttachment was deleted ${beforeNow(view, view.now() - deleting).en} and stays, because the external-attacher of driver ${verbatim(driver)} has not confirmed the detach${detachError ? `: ${verbatim(detachError)}` : ''}. Until then the volume cannot be attached to another node.`,
          `Том должен быть отключён от узла ${verbatim(node)}, которого больше нет: VolumeAttachment удалили ${beforeNow(view, view.now() - deleting).ru}, а он остаётся, потому что external-attacher драйвера ${verbatim(driver)} не подтвердил отключение${detachError ? `: ${verbatim(detachError)}` : ''}. До тех пор том нельзя подключить к другому узлу.`,
        )
      : t(
          `The volume is still attached to node ${verbatim(node)}, which no longer exists, and no detach was asked for: the attach/detach controller detaches it once no pod on that node uses it (the pod garbage collector deletes the pods of a deleted node; a volume it still believes mounted there is detached by force after 6 min). Until then the volume cannot be attached to another node.`,
          `Том всё ещё подключён к узлу ${verbatim(node)}, которого больше нет, и отключение не запрошено: контроллер attach/detach отключит его, когда на том узле его не будет использовать ни один под (поды удалённого узла удаляет сборщик мусора подов; том, который он считает ещё смонтированным там, отключается принудительно через 6 мин). До тех пор том нельзя подключить к другому узлу.`,
        );
  const fix: FixStep[] = [describeStep(va), ...leaseSteps(view, driver)];
  if (deleting !== undefined) {
    fix.push(
      step(
        t(
          `Only once the storage shows the volume detached (the node is gone, so nothing on it writes), let the deletion finish by removing the attacher's finalizer`,
          `Только когда хранилище показывает том отключённым (узла нет, так что на нём никто не пишет), дайте удалению завершиться, сняв финализатор external-attacher`,
        ),
        command`kubectl patch volumeattachment ${name} --type json -p ${'[{"op":"remove","path":"/metadata/finalizers"}]'}`,
      ),
    );
  } else {
    fix.push(step(t('See whether pods are still scheduled to the gone node (they keep the volume attached)', 'Проверьте, не назначены ли ещё поды на исчезнувший узел (они держат том подключённым)'), command`kubectl get pods -A --field-selector ${`spec.nodeName=${node ?? ''}`}`));
  }
  return finding({
    code: 'volume.detach-stuck',
    object: refTo('persistentvolumes', pv),
    key: name,
    severity: deleting !== undefined ? undefined : 'warning',
    cause,
    evidence: [
      ...attachmentEvidence(view, va, true),
      evidence(t('Attached', 'Подключён'), String(va.status?.attached === true), { ref: refTo('volumeattachments', va), source: 'status.attached' }),
      ...(deleting !== undefined ? [evidence(t('Deletion requested', 'Удаление запрошено'), va.metadata!.deletionTimestamp!, { ref: refTo('volumeattachments', va), source: 'metadata.deletionTimestamp' })] : []),
      ...(finalizers.length ? [evidence(t('Finalizer', 'Финализатор'), finalizers.join(', '), { ref: refTo('volumeattachments', va), source: 'metadata.finalizers' })] : []),
      ...(detachError ? [evidence(t('Detach error', 'Ошибка отключения'), detachError, { ref: refTo('volumeattachments', va), source: 'status.detachError' })] : []),
      ...leaseEvidence(view, driver),
    ],
    fix,
  });
}

/** The VolumeAttachment, its attacher and its node (noted as gone when it is). */
function attachmentEvidence(view: ClusterView, va: VolumeAttachment, gone: boolean): Evidence[] {
  const ref = refTo('volumeattachments', va);
  const node = va.spec?.nodeName ?? '';
  return [
    evidence(t('VolumeAttachment', 'VolumeAttachment'), va.metadata?.name ?? '', { ref, source: 'metadata.name', note: t(`created ${beforeNow(view, attachWaitMs(view, va)).en}`, `создан ${beforeNow(view, attachWaitMs(view, va)).ru}`) }),
    evidence(t('Attacher', 'Attacher'), va.spec?.attacher ?? '', { ref, source: 'spec.attacher' }),
    evidence(t('Node', 'Узел'), node, { ref: refByName('nodes', node), source: 'spec.nodeName', ...(gone ? { note: t('does not exist', 'не существует') } : {}) }),
  ];
}

/** The external-attacher's leader Lease: who holds it and when it was renewed, or that it cannot be seen. */
function leaseEvidence(view: ClusterView, driver: string): Evidence[] {
  const lease = attacherLease(view, driver);
  const label = t('external-attacher Lease', 'Lease лидера external-attacher');
  switch (lease.state) {
    case 'unreadable':
      return [evidence(label, '', { note: t('cannot be read: no permission to list Leases', 'не прочитать: нет прав на чтение Lease'), source: 'coordination.k8s.io/v1 leases' })];
    case 'not-found':
      return [evidence(label, lease.name, { note: t('not found in any namespace that can be read', 'не найден ни в одном доступном пространстве имён'), source: 'metadata.name (Lease)' })];
    default: {
      const l = lease.lease;
      const ref = refTo('leases', l);
      return [
        evidence(label, l.metadata?.name ?? '', { ref, source: 'spec.renewTime (Lease)', note: t(`${lease.state === 'held' ? 'held by' : 'was held by'} ${verbatim(l.spec?.holderIdentity ?? '')}, renewed ${leaseAgo(view, l).en}${lease.state === 'stale' ? ': not renewed any more' : ''}`, `${lease.state === 'held' ? 'держит' : 'держал'} ${verbatim(l.spec?.holderIdentity ?? '')}, продлён ${leaseAgo(view, l).ru}${lease.state === 'stale' ? ': больше не продлевается' : ''}`) }),
      ];
    }
  }
}

function describeStep(va: VolumeAttachment): FixStep {
  return step(t('See the VolumeAttachment and its status', 'Посмотрите VolumeAttachment и его статус'), command`kubectl describe volumeattachment ${va.metadata?.name}`);
}

/** Read the attacher's Lease (who leads, when it renewed) when it is visible. */
function leaseSteps(view: ClusterView, driver: string): FixStep[] {
  const lease = attacherLease(view, driver);
  if (lease.state !== 'held' && lease.state !== 'stale') return [];
  const l = lease.lease;
  return [
    step(
      t(`Check that driver ${verbatim(driver)}'s external-attacher runs: its leader Lease says which pod leads and when it last renewed`, `Проверьте, что external-attacher драйвера ${verbatim(driver)} работает: его Lease лидера говорит, какой под ведущий и когда он продлевал Lease`),
      command`kubectl get lease ${l.metadata?.name} -n ${l.metadata?.namespace} -o yaml`,
    ),
  ];
}

/** A volume's attachments: attach stuck, detach stuck on a gone node. */
export const volumeAttachmentRule: Rule<'persistentvolumes'> = {
  name: 'volume-attachments',
  subject: 'persistentvolumes',
  run: diagnoseAttachments,
  reads: {
    volumeattachments: ['volume-of-attachment'],
    // A node deleted (or back) decides whether a detach is stuck on a gone node.
    nodes: ['volumes-attached-to-node'],
    leases: {
      none: "the attacher's Lease only words the evidence of a finding whose presence it never decides; a stuck attachment is re-examined with time (CHANGES_WITH_TIME), and the Lease's renewals every few seconds must not re-diagnose every volume the driver attaches",
    },
  },
};
