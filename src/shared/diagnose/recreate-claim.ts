/**
 * Recreating an object to change a field the API server will not change in place (trial 9 defect 1). A claim's
 * spec is immutable once created except for its requested size, volumeAttributesClassName and, while unset,
 * storageClassName and volumeName (pkg/apis/core/validation ValidatePersistentVolumeClaimUpdate: "spec is
 * immutable after creation except resources.requests and volumeAttributesClassName for bound claims"); a
 * StorageClass's parameters and provisioner are immutable (pkg/apis/storage/validation
 * ValidateStorageClassUpdate). So the steps are the ones a user types: save the object to a file, edit the field,
 * delete the object, apply the file.
 *
 * `kubectl apply` of the saved file creates the object afresh: on NotFound it creates with
 * resource.Helper.Create(namespace, modify=true, obj), which clears metadata.resourceVersion (kubectl
 * pkg/cmd/apply/apply.go), and the API server gives it a new uid. A Pending claim has no volume and so no data:
 * deleting it loses nothing (the steps say so); pods waiting for it keep waiting for the new one of the same name.
 * Deleting a StorageClass touches no volume: a class is read when a volume is provisioned, not afterwards.
 */
import type { PersistentVolumeClaim } from '../kube/objects';
import type { FixStep, Localized } from '../model/findings';
import { verbatim } from '../verbatim';
import { DNS_SUBDOMAIN } from './class-stub';
import { step, t } from './finding';
import { command } from './shell-quote';

/**
 * The file an object is saved to: its name with `.yaml`. Undefined for a name the API server would refuse (only a
 * hostile file has one): the steps then name no file and give no save or apply command.
 */
function objectFile(name: string): string | undefined {
  return DNS_SUBDOMAIN.test(name) && name.length <= 248 ? `${name}.yaml` : undefined;
}

/** What is recreated: the kubectl words that name it, and the words about deleting it. */
interface Recreated {
  /** `pvc NAME -n NS` or `storageclass NAME`, as kubectl words (undefined: a name unsafe for a command). */
  get: string | undefined;
  del: string | undefined;
  file: string | undefined;
  /** The object in the step texts ("the claim", "the class"). */
  noun: Localized;
  /** The Russian pronoun for it (заявка: её, класс: его). */
  ruIt: string;
  /** The delete step, with why nothing is lost. */
  deleting: Localized;
}

function steps(o: Recreated, edit: Localized, why: Localized, lead?: Localized): FixStep[] {
  const { noun } = o;
  const file = o.file ?? 'FILE';
  const get = o.file === undefined ? undefined : o.get;
  return [
    step(
      t(
        `${lead ? `${lead.en}save` : 'Save'} ${noun.en} to ${verbatim(file)}: ${why.en}, so it is recreated from that file`,
        `${lead ? `${lead.ru}сохраните` : 'Сохраните'} ${noun.ru} в ${verbatim(file)}: ${why.ru}, поэтому ${o.ruIt} пересоздают из этого файла`,
      ),
      get === undefined ? undefined : `${get} > ${file}`,
    ),
    step(t(`In ${verbatim(file)}, ${edit.en} (and in the manifest it was made from, so it is not made wrong again)`, `В ${verbatim(file)} ${edit.ru} (и в манифесте, из которого ${o.ruIt} создали, чтобы ошибка не повторилась)`)),
    step(o.deleting, o.del),
    step(t('Create it again from the edited file', `Создайте ${o.ruIt} снова из исправленного файла`), get === undefined ? undefined : command`kubectl apply -f ${file}`),
  ];
}

/**
 * The four steps that recreate a Pending claim with `edit` made in its saved file (`edit` completes "In FILE, …",
 * e.g. "change storageClassName: a to b"). `why` says why it cannot be patched; `lead` opens the first step when the
 * recreation is one option of several ("If the name is a typo, "). Steps whose names are unsafe for a command come
 * without one (shell-quote.ts).
 */
export function recreateClaimSteps(claim: PersistentVolumeClaim, edit: Localized, why: Localized, lead?: Localized): FixStep[] {
  const name = claim.metadata?.name ?? '';
  const ns = claim.metadata?.namespace ?? '';
  const get = command`kubectl get pvc ${name} -n ${ns} -o yaml`;
  return steps(
    {
      get,
      del: command`kubectl delete pvc ${name} -n ${ns}`,
      file: objectFile(name),
      noun: t('the claim', 'заявку'),
      ruIt: 'её',
      deleting: t(
        'Delete the claim. It is Pending: it has no volume and no data, so nothing is lost; pods that wait for it keep waiting for the new one',
        'Удалите заявку. Она в состоянии Pending: тома и данных у неё нет, поэтому ничего не потеряется; поды, которые её ждут, дождутся новой',
      ),
    },
    edit,
    why,
    lead,
  );
}

/** The same four steps for a StorageClass (immutable parameters and provisioner). */
export function recreateClassSteps(className: string, edit: Localized, lead?: Localized): FixStep[] {
  return steps(
    {
      get: command`kubectl get storageclass ${className} -o yaml`,
      del: command`kubectl delete storageclass ${className}`,
      file: objectFile(className),
      noun: t('the class', 'класс'),
      ruIt: 'его',
      deleting: t(
        'Delete the class. Volumes it already made keep working (a class is read only when a volume is made); claims that name it wait until it exists again',
        'Удалите класс. Уже созданные им тома продолжат работать (класс читается только при создании тома); заявки с этим классом подождут, пока он снова появится',
      ),
    },
    edit,
    t("a StorageClass's parameters cannot be changed", 'параметры StorageClass изменить нельзя'),
    lead,
  );
}
