/**
 * A provisioner's verdict in words a student understands (what it means for their claims), who runs it, and the
 * evidence rows of its details: each a short label, the value found and where it was read. Pure: built from the
 * assessment (provisioners.ts) and the leader Lease.
 */
import type { Lease } from '../kube/objects';
import type { Evidence, Localized } from '../model/findings';
import type { ProvisionerRunner } from '../model/provisioner';
import type { ProvisionerType, ProvisionerVerdict } from '../model/rows';
import { verbatim } from '../verbatim';
import { evidence, t } from './finding';
import { leaseAgo, leaseNameCandidates } from './leases';
import { refByName } from './object-helpers';
import { MIGRATED_IN_TREE, NO_PROVISIONER, REMOVED_IN_TREE, VERDICT_TEXT, type ProvisionerAssessment } from './provisioner-kinds';
import type { ClusterView } from './view';

/** Who runs a provisioner, from its name and the assessment's type. */
export function runnerOf(name: string, type: ProvisionerType): ProvisionerRunner {
  if (name === NO_PROVISIONER) return 'none';
  if (REMOVED_IN_TREE.has(name)) return 'removed';
  if (MIGRATED_IN_TREE[name]) return 'migrated';
  if (name.startsWith('kubernetes.io/')) return 'controller-manager';
  return type === 'csi' ? 'csi' : 'external';
}

/** Who runs it, said plainly (the in-tree and static-only cases above all). */
export function runnerText(name: string, runner: ProvisionerRunner): Localized {
  switch (runner) {
    case 'none':
      return t(
        'Not a provisioner: kubernetes.io/no-provisioner means nobody creates volumes for these classes. An administrator creates PersistentVolumes by hand, and a claim binds to one that fits (static provisioning).',
        'Это не провизионер: kubernetes.io/no-provisioner значит, что тома для этих классов никто не создаёт. Администратор создаёт PersistentVolume вручную, и заявка привязывается к подходящему (статическое выделение).',
      );
    case 'removed':
      return t(
        `An in-tree plugin that was removed from Kubernetes: nothing runs ${verbatim(name)} any more.`,
        `Встроенный плагин, удалённый из Kubernetes: ${verbatim(name)} больше ничто не запускает.`,
      );
    case 'migrated':
      return t(
        `An in-tree plugin: kube-controller-manager hands its work to the CSI driver ${verbatim(MIGRATED_IN_TREE[name])} (CSI migration).`,
        `Встроенный плагин: kube-controller-manager передаёт его работу CSI-драйверу ${verbatim(MIGRATED_IN_TREE[name])} (миграция на CSI).`,
      );
    case 'controller-manager':
      return t(
        'An in-tree plugin: its code is part of kube-controller-manager (the control plane); it has no pods of its own.',
        'Встроенный плагин: его код входит в kube-controller-manager (часть управляющего слоя кластера), своих подов у него нет.',
      );
    case 'csi':
      return t(
        'A CSI driver: its controller (the external-provisioner sidecar) creates volumes; its node plugin, registered in each node\'s CSINode, mounts them.',
        'CSI-драйвер: тома создаёт его контроллер (сайдкар external-provisioner), а монтирует узловой плагин, зарегистрированный в CSINode каждого узла.',
      );
    case 'external':
      return t(
        'An external provisioner: a program outside Kubernetes itself (usually a pod) that watches claims and creates volumes for them.',
        'Внешний провизионер: программа вне самого Kubernetes (обычно под), которая следит за заявками и создаёт для них тома.',
      );
  }
}

/** What the verdict means for the user's claims. */
export function verdictMeaning(verdict: ProvisionerVerdict, runner: ProvisionerRunner): Localized {
  if (runner === 'none') {
    return t(
      'Claims of these classes stay Pending until a matching PersistentVolume exists; nothing will create one for them.',
      'Заявки этих классов ждут в Pending, пока не появится подходящий PersistentVolume; сам он не появится.',
    );
  }
  switch (verdict) {
    case 'static':
    case 'alive':
      return t(
        'New claims of its classes get volumes created for them.',
        'Для новых заявок его классов тома будут созданы.',
      );
    case 'degraded':
      return t(
        'Some claims may not get a volume, or volumes may not mount. The reasons below say why.',
        'Часть заявок может не получить том, или тома могут не смонтироваться. Причины ниже.',
      );
    case 'dead':
      return t(
        'Claims of its classes stay Pending, and no volume will be created until it runs again.',
        'Заявки его классов останутся в Pending, и ни один том не будет создан, пока провизионер не запустится снова.',
      );
    case 'unknown':
      return t(
        'Nothing visible shows whether it runs: check it where it is deployed.',
        'По видимым объектам не понять, работает ли он: проверьте его там, где он развёрнут.',
      );
  }
}

/**
 * The evidence rows of a provisioner's details: the verdict, who runs it, the leader Lease field by field, the
 * CSIDriver and its node registrations, its pods, classes and waiting claims. Each label is short, each value is
 * what was found (verbatim from the cluster, or a count), each source names the field or objects it was read from.
 */
export function provisionerEvidence(view: ClusterView, health: ProvisionerAssessment, lease: Lease | undefined, waiting: number): Evidence[] {
  const row = health.row;
  const out: Evidence[] = [evidence(t('Provisioner', 'Провизионер'), row.name, { note: VERDICT_TEXT[row.verdict], source: 'StorageClass.provisioner' })];
  const runner = runnerValue(row.name, runnerOf(row.name, row.type));
  if (runner) out.push(evidence(t('Run by', 'Кто запускает'), runner, { source: 'StorageClass.provisioner' }));
  if (lease && lease.metadata?.name) {
    const ref = refByName('leases', lease.metadata.name, lease.metadata.namespace);
    const ns = lease.metadata.namespace ?? '';
    out.push(evidence(t('Leader Lease', 'Лидерский Lease'), `${ns}/${lease.metadata.name}`, { ref, source: 'metadata.namespace, metadata.name' }));
    const holder = lease.spec?.holderIdentity;
    out.push(evidence(t('Holder', 'Владелец'), holder || '""', { ref, source: 'spec.holderIdentity', ...(holder ? {} : { note: t('none: released', 'нет: отпущен') }) }));
    const renew = lease.spec?.renewTime ?? lease.spec?.acquireTime;
    // The age is shown live from `at`; a note would freeze it. A lease never renewed says so.
    out.push(evidence(t('Renewed', 'Обновлён'), renew ?? 'null', { ref, source: 'spec.renewTime', ...(renew ? { at: renew } : { note: leaseAgo(view, lease) }) }));
    if (lease.spec?.leaseDurationSeconds !== undefined) {
      out.push(evidence(t('Lease duration', 'Срок Lease'), `${lease.spec.leaseDurationSeconds}s`, { ref, source: 'spec.leaseDurationSeconds' }));
    }
    out.push(evidence(t('Leader changes', 'Смены лидера'), String(lease.spec?.leaseTransitions ?? 0), { ref, source: 'spec.leaseTransitions' }));
  } else if (row.type === 'csi' || row.type === 'external') {
    out.push(evidence(t('Leader Lease', 'Лидерский Lease'), leaseNameCandidates(row.name).join(', '), { note: t('not found', 'не найден'), source: 'Lease metadata.name' }));
  }
  if (row.csiDriverRegistered !== undefined) {
    out.push(
      evidence(t('CSIDriver', 'CSIDriver'), row.name, {
        source: 'CSIDriver metadata.name',
        ...(row.csiDriverRegistered ? { ref: refByName('csidrivers', row.name) } : { note: t('not found', 'не найден') }),
      }),
    );
  }
  if (row.type === 'csi') {
    out.push(evidence(t('Registered on nodes', 'Узлы с драйвером'), String(row.registeredNodes.length), { source: 'CSINode.spec.drivers[].name' }));
  }
  if (row.podsTotal !== undefined) {
    out.push(evidence(t('Pods ready', 'Готовые поды'), `${row.podsReady ?? 0}/${row.podsTotal}`, { source: 'Pod.status.conditions[Ready]', ...(health.pod ? { ref: refByName('pods', health.pod.name, health.pod.namespace) } : {}) }));
  }
  out.push(evidence(t('Classes', 'Классы'), String(row.classes.length), { source: 'StorageClass.provisioner' }));
  if (row.type !== 'none') {
    out.push(evidence(t('Claims waiting', 'Ждущие заявки'), String(waiting), { source: 'PersistentVolumeClaim metadata.annotations[volume.kubernetes.io/storage-provisioner]' }));
  }
  if (row.lastEventReason) {
    out.push(evidence(t('Last provisioning event', 'Последнее событие'), row.lastEventReason, { event: row.lastEventReason, ...(row.lastEventAt ? { at: row.lastEventAt } : {}) }));
  }
  return out;
}

/** The runner as a value, named as the cluster names it; undefined when only its pods or lease can say. */
function runnerValue(name: string, runner: ProvisionerRunner): string | undefined {
  switch (runner) {
    case 'none':
      return 'kubernetes.io/no-provisioner';
    case 'controller-manager':
      return 'kube-controller-manager';
    case 'migrated':
      return MIGRATED_IN_TREE[name] ?? name;
    case 'removed':
      return name;
    case 'csi':
    case 'external':
      return undefined;
  }
}
