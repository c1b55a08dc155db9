/**
 * Exercise "dynamic": claim data of class lab-external gets a volume from the lab's external provisioner; the
 * student finds which provisioner made it and labels the claim provisioner=<its name> (lessons
 * "dynamic-provisioning", "provisioners").
 */
import { refTo } from '../../diagnose/object-helpers';
import { claimBound, failed, findClaim, isOutcome, passed, t, v, volumeRef } from '../observe';
import type { ExerciseChecks } from './types';

const CLAIM = 'data';
const LABEL = 'provisioner';
/** Written by the PV controller on a provisioned volume (pkg/controller/volume/persistentvolume/util: AnnDynamicallyProvisioned). */
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

export const dynamicChecks: ExerciseChecks = {
  bound: (view, namespace) => {
    const outcome = claimBound(view, namespace, CLAIM);
    if (outcome.state === 'failed') return outcome;
    const claim = view.get('persistentvolumeclaims', CLAIM, namespace);
    const pv = claim?.spec?.volumeName ? view.get('persistentvolumes', claim.spec.volumeName) : undefined;
    if (pv && !pv.metadata?.annotations?.[PROVISIONED_BY]) {
      return failed(
        t(`Claim ${v(CLAIM)} is bound to ${v(pv.metadata?.name)}, a volume made by hand: this exercise is about a volume a provisioner creates.`, `Заявка ${v(CLAIM)} привязана к ${v(pv.metadata?.name)} — тому, созданному вручную, а упражнение о томе, который создаёт провизионер.`),
        outcome.objects,
      );
    }
    return outcome;
  },
  provisioner: (view, namespace) => {
    const claim = findClaim(view, namespace, CLAIM);
    if (isOutcome(claim)) return claim;
    const ref = refTo('persistentvolumeclaims', claim);
    const volumeName = claim.spec?.volumeName;
    const pv = volumeName ? view.get('persistentvolumes', volumeName) : undefined;
    const maker = pv?.metadata?.annotations?.[PROVISIONED_BY];
    if (!pv || !maker) return failed(t(`Claim ${v(CLAIM)} has no provisioned volume yet, so there is no provisioner to name.`, `У заявки ${v(CLAIM)} ещё нет созданного провизионером тома, так что называть пока некого.`), [ref]);
    const answer = claim.metadata?.labels?.[LABEL];
    const objects = [ref, volumeRef(pv.metadata?.name ?? '')];
    if (answer === undefined) {
      return failed(t(`Claim ${v(CLAIM)} has no label ${v(LABEL)} yet. Which provisioner created volume ${v(pv.metadata?.name)}?`, `У заявки ${v(CLAIM)} ещё нет метки ${v(LABEL)}. Какой провизионер создал том ${v(pv.metadata?.name)}?`), objects);
    }
    if (answer !== maker) {
      const isClass = answer === claim.spec?.storageClassName;
      return failed(
        isClass
          ? t(`Label ${v(LABEL)} says ${v(answer)}, which is the claim's StorageClass. The class names a provisioner in its ${v('provisioner')} field; the volume's annotation ${v(PROVISIONED_BY)} shows who made it.`, `Метка ${v(LABEL)} — ${v(answer)}, а это StorageClass заявки. Класс называет провизионер в поле ${v('provisioner')}; кто создал том, показывает его аннотация ${v(PROVISIONED_BY)}.`)
          : t(`Label ${v(LABEL)} says ${v(answer)}, but that is not who created volume ${v(pv.metadata?.name)}. Look at the volume's annotation ${v(PROVISIONED_BY)}.`, `Метка ${v(LABEL)} — ${v(answer)}, но том ${v(pv.metadata?.name)} создал не он. Посмотрите аннотацию тома ${v(PROVISIONED_BY)}.`),
        objects,
      );
    }
    return passed(
      t(`Right: ${v(maker)} created volume ${v(pv.metadata?.name)}. Its leader Lease shows whether it is alive.`, `Верно: том ${v(pv.metadata?.name)} создал ${v(maker)}. Жив ли он, показывает его лидерский Lease.`),
      objects,
    );
  },
};
