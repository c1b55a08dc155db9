/**
 * Fix steps that go at a provisioner that does not run or runs badly (issue 9 part 3): commands that name its
 * objects instead of listing everything (`kubectl get pods -A`, `kubectl get lease -A`).
 * - its pods: the logs of the one found (the lease holder first); otherwise nothing runs it that the app could
 *   see, so ask whether a CSIDriver of that name is registered (`kubectl get csidriver <name>`);
 * - its leader Lease: the one found, whole (`-o yaml`: holder, renew time, duration, transitions); otherwise the
 *   names the external-provisioner library would give it, looked up in every namespace by name.
 */
import type { FixStep } from '../model/findings';
import { step, t } from './finding';
import { leaseNameCandidates } from './leases';
import type { ProvisionerAssessment } from './provisioners';
import { command } from './shell-quote';

/** Where to look at the provisioner's pods: its logs, or its CSIDriver registration when no pod of it is known. */
export function provisionerPodsStep(name: string, health: ProvisionerAssessment): FixStep {
  if (health.pod) {
    return step(t('Read the logs of its pod', 'Прочитайте логи его пода'), command`kubectl logs -n ${health.pod.namespace} ${health.pod.name} --all-containers --tail=100`);
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
