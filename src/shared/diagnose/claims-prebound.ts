/**
 * A Pending claim that names its volume (spec.volumeName): the PV controller binds it to that volume only,
 * after checkVolumeSatisfyClaim. Event texts (VolumeMismatch "Cannot bind to requested volume ...",
 * FailedBinding "volume ... already bound to a different claim.") come from pv_controller.go.
 */
import { verbatim } from '../verbatim';
import type { Finding } from '../model/findings';
import type { ClaimCase } from './claims-common';
import { evidence, finding, step, t } from './finding';
import { eventEvidence, newestEvent, refByName, refTo } from './object-helpers';
import { command } from './shell-quote';
import { DIFFERENCE_FIELD_PATH, VOLUME_FACTS_SOURCE, volumeDifferences, volumeEvidence } from './static-binding';
import { claimClassName } from './view';
import { forgetClaimUidStep, removeClaimRefStep } from './volume-fixes';

export function diagnoseRequestedVolume(c: ClaimCase): Finding[] {
  const view = c.ctx.view;
  const volumeName = c.claim.spec?.volumeName ?? '';
  const asked = evidence(t('Volume requested', 'Запрошенный том'), volumeName, { ref: refByName('persistentvolumes', volumeName), source: 'spec.volumeName' });
  const describe = step(t('See the claim and its events', 'Посмотрите заявку и её события'), command`kubectl describe pvc ${c.name} -n ${c.ns}`);
  const pv = view.get('persistentvolumes', volumeName);
  const last = newestEvent(c.events, ['VolumeMismatch', 'FailedBinding']);
  const events = last ? [eventEvidence(view, last)] : [];

  if (!pv) {
    if (view.kindState('persistentvolumes') !== 'synced') return [];
    return [
      finding({
        code: 'claim.volume-name-missing',
        object: c.ref,
        cause: t(`The claim asks for volume ${verbatim(volumeName)}, which does not exist; it stays Pending until that volume is created.`, `Заявка просит том ${verbatim(volumeName)}, которого нет; она будет Pending, пока этот том не создадут.`),
        evidence: [asked, ...events],
        fix: [
          step(
            t(`Create PersistentVolume ${verbatim(volumeName)}, or recreate the claim without spec.volumeName: save it, remove the field, delete and apply it`, `Создайте PersistentVolume ${verbatim(volumeName)} или пересоздайте заявку без spec.volumeName: сохраните её, уберите поле, удалите и примените снова`),
            command`kubectl get pvc ${c.name} -n ${c.ns} -o yaml`,
          ),
          describe,
        ],
      }),
    ];
  }
  const ref = pv.spec?.claimRef;
  if (ref && ref.uid && (ref.namespace !== c.ns || ref.name !== c.name || ref.uid !== c.claim.metadata?.uid)) {
    const other = `${ref.namespace ?? ''}/${ref.name ?? ''}`;
    const released = pv.status?.phase === 'Released';
    return [
      finding({
        code: 'claim.volume-taken',
        object: c.ref,
        cause: released
          ? t(`The requested volume ${verbatim(volumeName)} is Released but still remembers its former claim ${verbatim(other)}; it is not handed over until an admin clears its claimRef.`, `Запрошенный том ${verbatim(volumeName)} в состоянии Released и всё ещё помнит прежнюю заявку ${verbatim(other)}; его не отдадут, пока администратор не очистит claimRef.`)
          : t(`The requested volume ${verbatim(volumeName)} is bound to another claim, ${verbatim(other)}.`, `Запрошенный том ${verbatim(volumeName)} привязан к другой заявке — ${verbatim(other)}.`),
        evidence: [asked, evidence(t('Volume claimRef', 'claimRef тома'), `${other} uid=${ref.uid}`, { ref: refTo('persistentvolumes', pv), source: 'spec.claimRef' }), ...events],
        fix: released
          ? [ref.namespace === c.ns && ref.name === c.name ? forgetClaimUidStep(pv, `${c.ns}/${c.name}`) : removeClaimRefStep(pv, `${c.ns}/${c.name}`), describe]
          : [
              step(
                t('Ask for another volume: recreate the claim without spec.volumeName or with a free volume (save it, change the field, delete and apply it)', 'Запросите другой том: пересоздайте заявку без spec.volumeName или со свободным томом (сохраните её, измените поле, удалите и примените снова)'),
                command`kubectl get pvc ${c.name} -n ${c.ns} -o yaml`,
              ),
              describe,
            ],
      }),
    ];
  }
  const differences = volumeDifferences(c.ctx, c.claim, pv, claimClassName(c.claim) ?? '').filter((d) => d.field !== 'claimRef' && d.field !== 'phase' && d.field !== 'selector');
  if (differences.length > 0) {
    return [
      finding({
        code: 'claim.volume-mismatch',
        object: c.ref,
        cause: t(`The requested volume ${verbatim(volumeName)} does not fit the claim: ${differences.map((d) => d.text.en).join('; ')}.`, `Запрошенный том ${verbatim(volumeName)} не подходит заявке: ${differences.map((d) => d.text.ru).join('; ')}.`),
        evidence: [asked, volumeEvidence(t('Volume fields', 'Поля тома'), pv, { source: [...new Set(differences.map((d) => DIFFERENCE_FIELD_PATH[d.field]))].join(', ') }), ...events],
        fix: [step(t('Recreate the claim so that it fits the volume (or edit the volume, e.g. its capacity or class)', 'Пересоздайте заявку под этот том (или исправьте том: ёмкость, класс)'), command`kubectl get pv ${volumeName} -o yaml`), describe],
      }),
    ];
  }
  return [
    finding({
      code: 'claim.binding-pending',
      object: c.ref,
      cause: t(`The requested volume ${verbatim(volumeName)} fits; the PV controller completes the binding on its next pass.`, `Запрошенный том ${verbatim(volumeName)} подходит; PV-контроллер завершит привязку при следующем проходе.`),
      evidence: [asked, volumeEvidence(t('Volume fields', 'Поля тома'), pv, { source: VOLUME_FACTS_SOURCE })],
      fix: [],
    }),
  ];
}
