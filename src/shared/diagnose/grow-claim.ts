/**
 * The step that grows a claim running out of space, with the command that does it: `kubectl patch` of
 * spec.resources.requests.storage to twice the capacity (whole GiB), for the user to run. Trial 9 of issue 8: the
 * step said «поднимите spec.resources.requests.storage» and offered only a read-only `kubectl get`, which a student
 * copied expecting a fix. Expansion works only where the class allows it (allowVolumeExpansion: true; upstream:
 * plugin/pkg/admission/storage/persistentvolume/resize/admission.go) and a claim never shrinks, so the text says both.
 *
 * The size is from the measured capacity only: the usage rules (usage.ts, usage-trend.ts) read the kubelets' report,
 * not the claim object, so its spec.resources.requests.storage is not reachable here. Twice the capacity is above
 * the request in every case but one: an expansion already asked for (request above capacity, not yet done) to more
 * than twice the capacity, where the API server refuses the patch as a shrink ("field can not be less than previous
 * value"); the claim's own claim.resizing or claim.resize-failed finding covers that state. Sizes are isolated with verbatim().
 */
import type { FixStep } from '../model/findings';
import { verbatim } from '../verbatim';
import { step, t } from './finding';
import { command } from './shell-quote';

const GI = 2 ** 30;

/** The size to grow to: twice `capacityBytes`, rounded up to whole GiB ("2Gi"); undefined when not measured. */
export function grownSize(capacityBytes: number | undefined): string | undefined {
  if (capacityBytes === undefined || !(capacityBytes > 0)) return undefined;
  return `${Math.max(1, Math.ceil((capacityBytes * 2) / GI))}Gi`;
}

/** The fix step for claim `namespace/name` of `capacityBytes` (bytes, as measured). */
export function growClaimStep(namespace: string, name: string, capacityBytes: number | undefined): FixStep {
  const size = grownSize(capacityBytes);
  const text = size
    ? t(
        `Grow the claim, e.g. to ${verbatim(size)}, if its class allows expansion (allowVolumeExpansion: true); a claim cannot be shrunk later`,
        `Увеличьте заявку, например до ${verbatim(size)}, если класс разрешает расширение (allowVolumeExpansion: true); уменьшить её потом нельзя`,
      )
    : t(
        'Grow the claim if its class allows expansion (allowVolumeExpansion: true): raise spec.resources.requests.storage; a claim cannot be shrunk later',
        'Увеличьте заявку, если класс разрешает расширение (allowVolumeExpansion: true): поднимите spec.resources.requests.storage; уменьшить её потом нельзя',
      );
  const patch = `{"spec":{"resources":{"requests":{"storage":"${size ?? '<new size>'}"}}}}`;
  return step(text, command`kubectl patch pvc ${name} -n ${namespace} --type merge -p ${patch}`);
}
