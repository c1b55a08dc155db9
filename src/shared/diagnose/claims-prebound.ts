/**
 * A Pending claim that names its volume (spec.volumeName): the PV controller binds it to that volume only,
 * after checkVolumeSatisfyClaim. Event texts (VolumeMismatch "Cannot bind to requested volume ...",
 * FailedBinding "volume ... already bound to a different claim.") come from pv_controller.go.
 */
import { verbatim } from '../verbatim';
import type { Finding, Localized } from '../model/findings';
import type { ClaimCase } from './claims-common';
import { evidence, finding, step, t } from './finding';
import { eventEvidence, newestEvent, refByName, refTo } from './object-helpers';
import { recreateClaimSteps } from './recreate-claim';
import { command } from './shell-quote';
import { DIFFERENCE_FIELD_PATH, VOLUME_FACTS_SOURCE, volumeDifferences, volumeEvidence } from './static-binding';
import { claimClassName } from './view';
import { forgetClaimUidStep, removeClaimRefStep } from './volume-fixes';

/** Why spec.volumeName is changed by recreating the claim (ValidatePersistentVolumeClaimUpdate: only binding may set it). */
const VOLUME_NAME_FIXED = t("a claim's spec.volumeName cannot be changed once set", 'spec.volumeName заявки после создания изменить нельзя');

/** The edit to the saved claim: drop the volume it asks for (or, `orFree`, name a free volume there). */
function dropVolumeName(volumeName: string, orFree = false): Localized {
  return orFree
    ? t(`remove the line volumeName: ${verbatim(volumeName)} under spec (or put the name of a free volume there)`, `удалите строку volumeName: ${verbatim(volumeName)} в spec (или впишите туда имя свободного тома)`)
    : t(`remove the line volumeName: ${verbatim(volumeName)} under spec`, `удалите строку volumeName: ${verbatim(volumeName)} в spec`);
}

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
          step(t(`Create PersistentVolume ${verbatim(volumeName)} that fits the claim: the claim then binds to it`, `Создайте PersistentVolume ${verbatim(volumeName)}, подходящий заявке: тогда заявка к нему привяжется`)),
          ...recreateClaimSteps(c.claim, dropVolumeName(volumeName), VOLUME_NAME_FIXED, t('Or, to take any fitting volume instead, ', 'Или, чтобы получить любой подходящий том, ')),
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
              ...recreateClaimSteps(c.claim, dropVolumeName(volumeName, true), VOLUME_NAME_FIXED, t('To ask for another volume, ', 'Чтобы запросить другой том, ')),
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
        fix: [
          step(t(`See what volume ${verbatim(volumeName)} offers: capacity, class, access modes, volume mode`, `Посмотрите, что предлагает том ${verbatim(volumeName)}: ёмкость, класс, режимы доступа, режим тома`), command`kubectl get pv ${volumeName} -o yaml`),
          ...recreateClaimSteps(
            c.claim,
            t(`make the claim fit the volume: ${differences.map((d) => d.text.en).join('; ')}`, `сделайте заявку подходящей тому: ${differences.map((d) => d.text.ru).join('; ')}`),
            t("a Pending claim's spec cannot be changed, except its size", 'spec заявки в Pending изменить нельзя, кроме размера'),
            t('To fit the claim to the volume, ', 'Чтобы подогнать заявку под том, '),
          ),
          step(t('Or change the volume instead, e.g. its capacity or class, if it is the volume that is wrong', 'Или исправьте сам том, например ёмкость или класс, если ошибка в нём')),
          describe,
        ],
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
