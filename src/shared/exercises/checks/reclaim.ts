/**
 * Exercise "reclaim": claims keep and scratch of class lab-hostpath (reclaim policy Delete). The student keeps the
 * data of keep by setting its volume's policy to Retain before deleting the claim, and deletes scratch with its
 * volume (lesson "reclaim-policy").
 */
import { refTo } from '../../diagnose/object-helpers';
import { claimRef, failed, passed, t, v, volumeOfClaim } from '../observe';
import type { ExerciseChecks } from './types';

const KEEP = 'keep';
const SCRATCH = 'scratch';

export const reclaimChecks: ExerciseChecks = {
  retain: (view, namespace) => {
    const pv = volumeOfClaim(view, namespace, KEEP);
    const claim = view.get('persistentvolumeclaims', KEEP, namespace);
    if (!pv) {
      return claim
        ? failed(t(`Claim ${v(KEEP)} has no volume yet.`, `У заявки ${v(KEEP)} ещё нет тома.`), [claimRef(namespace, KEEP)])
        : failed(
            t(
              `No volume is left of claim ${v(KEEP)}: it was deleted together with the claim, as its reclaim policy Delete says. Reset the exercise and set the policy to Retain before deleting the claim.`,
              `От заявки ${v(KEEP)} не осталось тома: он удалён вместе с заявкой, как велит его политика Delete. Сбросьте упражнение и смените политику на Retain до удаления заявки.`,
            ),
          );
    }
    const ref = refTo('persistentvolumes', pv);
    const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Delete';
    if (policy !== 'Retain') {
      return failed(
        t(`Volume ${v(pv.metadata?.name)} of claim ${v(KEEP)} has reclaim policy ${v(policy)}: deleting the claim would delete the volume and its data.`, `У тома ${v(pv.metadata?.name)} заявки ${v(KEEP)} политика ${v(policy)}: удаление заявки удалит и том с данными.`),
        [ref],
      );
    }
    return passed(t(`Volume ${v(pv.metadata?.name)} has reclaim policy Retain: it outlives its claim.`, `У тома ${v(pv.metadata?.name)} политика Retain: он переживёт свою заявку.`), [ref]);
  },
  'keep-released': (view, namespace) => {
    const pv = volumeOfClaim(view, namespace, KEEP);
    const claim = view.get('persistentvolumeclaims', KEEP, namespace);
    if (claim) {
      return failed(t(`Claim ${v(KEEP)} still exists${claim.metadata?.deletionTimestamp ? ' (being deleted)' : ''}.`, `Заявка ${v(KEEP)} ещё существует${claim.metadata?.deletionTimestamp ? ' (удаляется)' : ''}.`), [claimRef(namespace, KEEP)]);
    }
    if (!pv) {
      return failed(t(`Claim ${v(KEEP)} is gone, and so is its volume: its reclaim policy was Delete. Reset the exercise and try again.`, `Заявки ${v(KEEP)} нет, и её тома тоже: у него была политика Delete. Сбросьте упражнение и попробуйте снова.`));
    }
    const ref = refTo('persistentvolumes', pv);
    const phase = pv.status?.phase ?? '';
    if (phase !== 'Released') return failed(t(`Volume ${v(pv.metadata?.name)} is ${v(phase)}, not Released yet.`, `Том ${v(pv.metadata?.name)} в состоянии ${v(phase)}, ещё не Released.`), [ref]);
    return passed(
      t(`Volume ${v(pv.metadata?.name)} is Released: the data is kept, and it still remembers claim ${v(KEEP)} (claimRef), so no new claim binds to it.`, `Том ${v(pv.metadata?.name)} в состоянии Released: данные целы, и он помнит заявку ${v(KEEP)} (claimRef), поэтому новая заявка к нему не привяжется.`),
      [ref],
    );
  },
  'scratch-deleted': (view, namespace) => {
    const claim = view.get('persistentvolumeclaims', SCRATCH, namespace);
    if (claim) return failed(t(`Claim ${v(SCRATCH)} still exists.`, `Заявка ${v(SCRATCH)} ещё существует.`), [claimRef(namespace, SCRATCH)]);
    const pv = volumeOfClaim(view, namespace, SCRATCH);
    if (pv) {
      const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Delete';
      return failed(
        policy === 'Delete'
          ? t(`Volume ${v(pv.metadata?.name)} of claim ${v(SCRATCH)} is ${v(pv.status?.phase)} and about to be deleted by its provisioner.`, `Том ${v(pv.metadata?.name)} заявки ${v(SCRATCH)} в состоянии ${v(pv.status?.phase)}, провизионер вот-вот его удалит.`)
          : t(`Volume ${v(pv.metadata?.name)} of claim ${v(SCRATCH)} has reclaim policy ${v(policy)}, so it stays. The exercise wanted it deleted with its claim.`, `У тома ${v(pv.metadata?.name)} заявки ${v(SCRATCH)} политика ${v(policy)}, и он остался. Упражнение просило, чтобы он удалился вместе с заявкой.`),
        [refTo('persistentvolumes', pv)],
      );
    }
    return passed(t(`Claim ${v(SCRATCH)} and its volume are gone: reclaim policy Delete.`, `Заявки ${v(SCRATCH)} и её тома больше нет: политика Delete.`));
  },
};
