/**
 * Fix steps that go at a provisioner that does not run or runs badly (issue 9 part 3): commands that name its
 * objects instead of listing everything (`kubectl get pods -A`, `kubectl get lease -A`).
 * - its pods: the logs of the one found (the lease holder first); otherwise nothing runs it that the app could
 *   see, so ask whether a CSIDriver of that name is registered (`kubectl get csidriver <name>`). A name a CSIDriver
 *   cannot have (one with a '/', like `example.com/nfs`) belongs to an external provisioner that is no CSI driver:
 *   the step says so, with no command (`kubectl get csidriver` could never find it);
 * - its leader Lease: the one found, whole (`-o yaml`: holder, renew time, duration, transitions); otherwise the
 *   names the external-provisioner library would give it, looked up in every namespace by name.
 */
import type { FixStep } from '../model/findings';
import { step, t } from './finding';
import { leaseNameCandidates } from './leases';
import type { ProvisionerAssessment } from './provisioners';
import { command } from './shell-quote';

/**
 * Whether `name` may be a CSIDriver's name: at most 63 characters, alphanumerics with '-' and '.' inside
 * (ValidateCSIDriverName, pkg/apis/storage/validation/validation.go in kubernetes/kubernetes). A provisioner name
 * outside that (e.g. with a '/') can never be found by `kubectl get csidriver`.
 */
export function mayBeCsiDriverName(name: string): boolean {
  return name.length <= 63 && /^[A-Za-z0-9]([-.A-Za-z0-9]*[A-Za-z0-9])?$/.test(name);
}

/**
 * Where to look at the provisioner's pods: its logs; or, when no pod of it is known, its CSIDriver registration, or
 * (for a name no CSIDriver can have) the pods whose arguments or environment name it.
 */
export function provisionerPodsStep(name: string, health: ProvisionerAssessment): FixStep {
  if (health.pod) {
    return step(t('Read the logs of its pod', 'Прочитайте логи его пода'), command`kubectl logs -n ${health.pod.namespace} ${health.pod.name} --all-containers --tail=100`);
  }
  if (!mayBeCsiDriverName(name)) {
    // No command: the pod that names it in an argument is found by a text search, and fix commands are plain kubectl
    // (fix-commands.ts). Its leader Lease, the next step, names the pod holding it when one runs.
    return step(
      t(
        'No pod of it was found, and it is not a CSI driver (a CSIDriver name has no "/"), so no CSIDriver registers it: an external provisioner runs as its own Deployment, which gives this name in an argument or an environment variable (often PROVISIONER_NAME). Install it, or correct the name if it is misspelled',
        'Ни одного его пода не найдено, и это не CSI-драйвер (в имени CSIDriver не бывает «/»), так что никакой CSIDriver его не регистрирует: внешний провизионер работает отдельным Deployment, который передаёт это имя в аргументе или переменной окружения (часто PROVISIONER_NAME). Установите его или исправьте имя, если в нём опечатка',
      ),
    );
  }
  return step(
    t('No pod of it was found: check whether its CSI driver is registered (NotFound means nothing installed it)', 'Ни одного его пода не найдено: проверьте, зарегистрирован ли его CSI-драйвер (NotFound значит, что его никто не установил)'),
    command`kubectl get csidriver ${name}`,
  );
}

/** Its leader Lease, whole; or, when none was found, a lookup of the names it would have in every namespace. */
export function provisionerLeaseStep(name: string, health: ProvisionerAssessment): FixStep {
  if (health.leaseName && health.row.leaseNamespace) {
    return step(t('Read its leader Lease: holder, renew time, duration', 'Посмотрите его лидерский Lease: владелец, время продления, срок'), command`kubectl get lease -n ${health.row.leaseNamespace} ${health.leaseName} -o yaml`);
  }
  const candidate = leaseNameCandidates(name)[0] ?? name;
  return step(
    t('Look for its leader Lease by name in every namespace', 'Поищите его лидерский Lease по имени во всех пространствах имён'),
    command`kubectl get lease -A --field-selector ${`metadata.name=${candidate}`}`,
  );
}
