/**
 * Exercise "static-binding": the starting claim reports (class ex-manual, 1Gi, ReadWriteOnce) waits for a volume
 * nobody will provision; the student creates PersistentVolume ex-static-pv that it binds to (lessons
 * "persistent-volume", "static-binding").
 */
import { refTo } from '../../diagnose/object-helpers';
import { compareQuantities, parseQuantity } from '../../quantity';
import { claimBound, failed, findClaim, isOutcome, passed, t, v, volumeRef } from '../observe';
import type { ExerciseChecks } from './types';

const CLAIM = 'reports';
const VOLUME = 'ex-static-pv';
const CLASS = 'ex-manual';
const SIZE = '1Gi';
const MODE = 'ReadWriteOnce';

export const staticBindingChecks: ExerciseChecks = {
  volume: (view, namespace) => {
    const pv = view.get('persistentvolumes', VOLUME);
    if (!pv) return failed(t(`There is no PersistentVolume ${v(VOLUME)} yet.`, `PersistentVolume ${v(VOLUME)} ещё нет.`));
    const ref = refTo('persistentvolumes', pv);
    const differences: { en: string; ru: string }[] = [];
    const cls = pv.spec?.storageClassName ?? '';
    if (cls !== CLASS) differences.push({ en: `its class is ${v(cls || '""')}, the claim's is ${v(CLASS)}`, ru: `его класс ${v(cls || '""')}, а у заявки ${v(CLASS)}` });
    const capacity = pv.spec?.capacity?.['storage'];
    const have = parseQuantity(capacity);
    const wanted = parseQuantity(SIZE);
    if (wanted !== undefined && (have === undefined || compareQuantities(have, wanted) < 0)) {
      differences.push({ en: `its capacity ${v(capacity ?? 'not set')} is less than the ${v(SIZE)} the claim asks for`, ru: `его объём ${v(capacity ?? 'не задан')} меньше запрошенных заявкой ${v(SIZE)}` });
    }
    const modes = pv.spec?.accessModes ?? [];
    if (!modes.includes(MODE)) differences.push({ en: `its access modes ${v(modes.join(', ') || 'none')} lack ${v(MODE)}`, ru: `среди его режимов доступа ${v(modes.join(', ') || 'нет')} нет ${v(MODE)}` });
    const owner = pv.spec?.claimRef;
    if (owner?.name && (owner.namespace !== namespace || owner.name !== CLAIM)) {
      differences.push({ en: `it is reserved for claim ${v(`${owner.namespace}/${owner.name}`)}`, ru: `он зарезервирован для заявки ${v(`${owner.namespace}/${owner.name}`)}` });
    }
    if (differences.length) {
      return failed(
        t(`Volume ${v(VOLUME)} does not fit claim ${v(CLAIM)}: ${differences.map((d) => d.en).join('; ')}.`, `Том ${v(VOLUME)} не подходит заявке ${v(CLAIM)}: ${differences.map((d) => d.ru).join('; ')}.`),
        [ref],
      );
    }
    return passed(t(`Volume ${v(VOLUME)} fits claim ${v(CLAIM)}: class, size and access mode match.`, `Том ${v(VOLUME)} подходит заявке ${v(CLAIM)}: класс, объём и режим доступа совпадают.`), [ref]);
  },
  bound: (view, namespace) => {
    const outcome = claimBound(view, namespace, CLAIM);
    if (outcome.state === 'failed') return outcome;
    const claim = findClaim(view, namespace, CLAIM);
    const name = isOutcome(claim) ? undefined : claim.spec?.volumeName;
    if (name !== VOLUME) {
      return failed(t(`Claim ${v(CLAIM)} is bound to ${v(name)}, not to ${v(VOLUME)}.`, `Заявка ${v(CLAIM)} привязана к ${v(name)}, а не к ${v(VOLUME)}.`), [...outcome.objects, volumeRef(VOLUME)]);
    }
    return outcome;
  },
};
