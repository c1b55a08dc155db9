/**
 * Fix steps about one PersistentVolume (issue 9 part 3): read a near miss whole with what differs named, and clear a
 * stale claimRef with what that does said first.
 *
 * What clearing does, from pkg/controller/volume/persistentvolume/pv_controller.go: syncVolume finds a volume with
 * no spec.claimRef "unused" and sets its phase to Available, and any claim that fits it may then be bound to it
 * (syncUnboundClaim, FindMatchingVolume); nothing touches the storage, so the data stays. Clearing only
 * claimRef.uid instead (the volume keeps the claim's namespace/name, it is "pre-bound") hands it back to a claim of
 * that name alone, such as the old claim recreated. The reclaim policy applies again when the next claim is deleted:
 * Delete then deletes the volume with its data.
 */
import type { PersistentVolume } from '../kube/objects';
import type { FixStep, Localized } from '../model/findings';
import { verbatim } from '../verbatim';
import { step, t } from './finding';
import { command } from './shell-quote';
import { DIFFERENCE_FIELD_PATH, type NearMiss } from './static-binding';

/** At most this many near misses get a step each (the evidence lists up to five). */
const MAX_NEAR_MISS_STEPS = 3;

/**
 * One step per near miss (the closest first): read the volume whole, with its differing fields named in words and
 * by API field path, e.g. "Volume pv-a nearly fits: capacity 1Gi is smaller than the 5Gi requested
 * (spec.capacity.storage)".
 */
export function nearMissSteps(nearMisses: readonly NearMiss[]): FixStep[] {
  return nearMisses.slice(0, MAX_NEAR_MISS_STEPS).map((m) => {
    const name = m.volume.metadata?.name;
    const paths = [...new Set(m.differences.map((d) => DIFFERENCE_FIELD_PATH[d.field]))].join(', ');
    return step(
      t(
        `Volume ${verbatim(name)} nearly fits: ${m.differences.map((d) => d.text.en).join('; ')} (${verbatim(paths)}). Read it whole, then change the claim (recreate it) or make a volume that fits`,
        `Том ${verbatim(name)} почти подходит: ${m.differences.map((d) => d.text.ru).join('; ')} (${verbatim(paths)}). Посмотрите его целиком, затем измените заявку (пересоздайте её) или создайте подходящий том`,
      ),
      command`kubectl get pv ${name} -o yaml`,
    );
  });
}

/** What happens to the data when the volume's next claim is deleted, by its reclaim policy. */
function afterNextClaim(pv: PersistentVolume): Localized {
  const policy = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Delete') {
    return t(
      `Its reclaim policy is ${verbatim(policy)}: when the next claim is deleted, the volume and its data are deleted; set it to Retain first if the data matters`,
      `Его политика возврата ${verbatim(policy)}: когда удалят следующую заявку, том удалится вместе с данными; если данные важны, сначала поставьте Retain`,
    );
  }
  return t(`Its reclaim policy is ${verbatim(policy)}: when the next claim is deleted, the data is kept again`, `Его политика возврата ${verbatim(policy)}: когда удалят следующую заявку, данные снова сохранятся`);
}

/**
 * Remove a volume's claimRef, with the warning first: the volume becomes Available to any claim that fits (not only
 * the one in `forWhom`), the data on it stays and is readable by that claim's pods, and its reclaim policy decides
 * what happens after. `forWhom` names the claim the user is fixing, when there is one.
 */
export function removeClaimRefStep(pv: PersistentVolume, forWhom?: string): FixStep {
  const name = pv.metadata?.name;
  const after = afterNextClaim(pv);
  const who = forWhom ? t(`, ${verbatim(forWhom)} or another`, ` — ${verbatim(forWhom)} или другая`) : t('', '');
  return step(
    t(
      `Remove its claimRef, after checking that the old data may be handed over: volume ${verbatim(name)} becomes Available and the first claim that fits takes it${who.en}, with the data still on it. ${after.en}`,
      `Удалите его claimRef, убедившись, что старые данные можно отдать: том ${verbatim(name)} станет Available, и его получит первая подходящая заявка${who.ru}, вместе с данными. ${after.ru}`,
    ),
    command`kubectl patch pv ${name} --type json -p ${'[{"op":"remove","path":"/spec/claimRef"}]'}`,
  );
}

/**
 * Forget only the old claim's uid (and resourceVersion): the volume stays reserved for a claim of the same
 * namespace/name, so the recreated claim binds it and no other claim can take it.
 */
export function forgetClaimUidStep(pv: PersistentVolume, claimKey: string): FixStep {
  const name = pv.metadata?.name;
  return step(
    t(
      `Give volume ${verbatim(name)} back to claim ${verbatim(claimKey)}: forget only the old uid, and the claim of that name (recreated, if it is gone) binds it, no other claim can, with the old data on it. ${afterNextClaim(pv).en}`,
      `Верните том ${verbatim(name)} заявке ${verbatim(claimKey)}: сотрите только старый uid — заявка с этим именем (пересозданная, если её нет) получит его, другие не смогут, вместе со старыми данными. ${afterNextClaim(pv).ru}`,
    ),
    command`kubectl patch pv ${name} --type merge -p ${'{"spec":{"claimRef":{"uid":null,"resourceVersion":null}}}'}`,
  );
}
