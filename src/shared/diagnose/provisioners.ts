/**
 * Provisioner health: is anything going to create the volumes that a StorageClass promises?
 * In-tree plugins run inside kube-controller-manager; CSI drivers and other external provisioners run as
 * pods that elect a leader with a Lease. The verdict is decided from objects (the lease's renew time, the
 * pods' readiness, the CSIDriver and CSINode registrations); events only add detail.
 */
import { counted, pluralForm } from '../plural';
import { verbatim } from '../verbatim';
import type { Lease, Pod, StorageClass } from '../kube/objects';
import type { Evidence, Localized } from '../model/findings';
import type { ProvisionerRow, ProvisionerType, ProvisionerVerdict } from '../model/rows';
import { provisionerRef } from '../model/refs';
import { evidence, t } from './finding';
import { controllerManagerLease, leaseAgo, leaseIsFresh, leaseNameCandidates, leaseRenewMillis } from './leases';
import { podRunsProvisioner } from './provisioner-pods';
import { condition, eventMillis, eventsAbout, newestEvent, refByName, unreadable } from './object-helpers';
import type { ClusterView } from './view';
import { CLAIMS, NODES, OF_PODS, ON_NODES, PODS, WAIT } from './words';
import type { Reads } from './reach';

/** In-tree plugins whose provisioning moved to a CSI driver (CSI migration, GA since Kubernetes 1.25-1.27). */
export const MIGRATED_IN_TREE: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
  'kubernetes.io/rbd': 'rbd.csi.ceph.com',
};

/** In-tree plugins removed from Kubernetes: nothing will ever provision for them. */
export const REMOVED_IN_TREE: ReadonlySet<string> = new Set([
  'kubernetes.io/glusterfs',
  'kubernetes.io/quobyte',
  'kubernetes.io/storageos',
  'kubernetes.io/scaleio',
  'kubernetes.io/flocker',
]);

/** A provisioner's verdict in words, as the UI and `kse doctor` say it. */
export const VERDICT_TEXT: Record<ProvisionerVerdict, Localized> = {
  alive: t('alive', 'работает'),
  degraded: t('degraded', 'с перебоями'),
  dead: t('not running', 'не работает'),
  // In a phrase about the provisioner («Провизионеру X (состояние неизвестно)»): «неизвестно» alone does not agree.
  unknown: t('unknown', 'состояние неизвестно'),
  static: t('static volumes, no provisioner', 'статические тома, провизионера нет'),
};

export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

export { controllerManagerDown, leaseNameCandidates } from './leases';

/** A verdict with its reasons in both languages (the same reasons as the row's). */
export interface ProvisionerAssessment {
  row: ProvisionerRow;
  reasons: Localized[];
  /** What made an alive provisioner degraded: its pods, its node registrations, or failed provisioning. */
  degradedBy?: ('pods' | 'registration' | 'provisioning')[];
  /** Classes whose latest provisioning outcome is a failure (one class's bad parameters do not break the others). */
  failingClasses?: string[];
  /** A pod of the provisioner that was found (the lease holder first), for log commands. */
  pod?: { namespace: string; name: string };
  /** Name of the leader Lease found (its namespace is row.leaseNamespace). */
  leaseName?: string;
  /** Every pod found to run it (the lease holder and pods naming it), finished ones included. */
  pods?: { namespace: string; name: string }[];
  /**
   * What the verdict was read from, as evidence rows (a short label, the fact, its source field): the reasons
   * are the same facts as sentences, for prose; these are for the evidence table (issue 9 part 2).
   */
  facts: Evidence[];
}

const PROVISION_REASONS = ['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning'];

export function provisionerHealth(view: ClusterView, name: string): ProvisionerRow {
  return assessProvisioner(view, name).row;
}

export function assessProvisioner(view: ClusterView, name: string): ProvisionerAssessment {
  const classes = view
    .list('storageclasses')
    .filter((c: StorageClass) => c.provisioner === name)
    .map((c) => c.metadata?.name ?? '')
    .sort();
  const base = { ref: provisionerRef(name), name, classes, registeredNodes: [] as string[] };
  const done = (type: ProvisionerType, verdict: ProvisionerVerdict, reasons: Localized[], extra: Partial<ProvisionerRow> = {}, facts: Evidence[] = []) => ({
    row: { ...base, ...extra, type, verdict, reasons },
    reasons,
    facts,
  });

  if (name === NO_PROVISIONER) {
    return done('none', 'static', [
      t('No provisioner: volumes of these classes are created by hand (static provisioning).', 'Провизионера нет: тома этих классов создают вручную (статическое выделение).'),
    ], {}, [evidence(t('Who creates volumes', 'Кто создаёт тома'), '', { note: t('an administrator, by hand (static provisioning)', 'администратор вручную (статическое выделение)'), source: 'StorageClass.provisioner' })]);
  }
  if (REMOVED_IN_TREE.has(name)) {
    return done('in-tree', 'dead', [
      t(`The in-tree plugin ${verbatim(name)} was removed from Kubernetes: nothing provisions for it.`, `Встроенный плагин ${verbatim(name)} удалён из Kubernetes: тома для него никто не создаст.`),
    ], {}, [evidence(t('In-tree plugin', 'Встроенный плагин'), name, { note: t('removed from Kubernetes', 'удалён из Kubernetes'), source: 'StorageClass.provisioner' })]);
  }
  const migratedTo = MIGRATED_IN_TREE[name];
  if (migratedTo) {
    const csi = assessExternal(view, migratedTo, classes);
    const note = t(
      `In-tree plugin migrated to the CSI driver ${verbatim(migratedTo)}: its health is that driver's.`,
      `Встроенный плагин переведён на CSI-драйвер ${verbatim(migratedTo)}: его здоровье — это здоровье драйвера.`,
    );
    const migrated = evidence(t('Migrated to CSI driver', 'Переведён на CSI-драйвер'), migratedTo, { source: 'csi-translation-lib' });
    return { ...csi, row: { ...csi.row, ...base, registeredNodes: csi.row.registeredNodes, type: 'in-tree', reasons: [note, ...csi.row.reasons] }, reasons: [note, ...csi.reasons], facts: [migrated, ...csi.facts] };
  }
  if (name.startsWith('kubernetes.io/')) {
    const kcm = controllerManagerLease(view);
    const extra: Partial<ProvisionerRow> = kcm
      ? { leaseNamespace: 'kube-system', ...(kcm.spec?.holderIdentity ? { leaseHolder: kcm.spec.holderIdentity } : {}), ...(kcm.spec?.renewTime ? { leaseRenewedAt: kcm.spec.renewTime } : {}) }
      : {};
    const runBy = evidence(t('Run by', 'Кто запускает'), 'kube-controller-manager', { source: 'kubernetes.io/* (in-tree)' });
    const kcmLease = kcm
      ? evidence(t('Leader lease', 'Лидерский Lease'), 'kube-system/kube-controller-manager', { ref: refByName('leases', 'kube-controller-manager', 'kube-system'), source: 'spec.renewTime', note: t(`renewed ${leaseAgo(view, kcm).en}`, `обновлён ${leaseAgo(view, kcm).ru}`) })
      : evidence(t('Leader lease', 'Лидерский Lease'), '', { note: t('not visible here', 'здесь не виден'), source: 'kube-system/kube-controller-manager (Lease)' });
    if (kcm && !leaseIsFresh(view, kcm)) {
      return done('in-tree', 'dead', [
        t(`In-tree plugin run by kube-controller-manager, whose leader lease kube-system/kube-controller-manager was last renewed ${leaseAgo(view, kcm).en}: the controller manager is not running.`, `Встроенный плагин, его запускает kube-controller-manager, а его лидерский Lease kube-system/kube-controller-manager обновлён ${leaseAgo(view, kcm).ru}: controller manager не работает.`),
      ], extra, [runBy, kcmLease]);
    }
    return done('in-tree', 'alive', [
      kcm
        ? t(`Run by kube-controller-manager, whose leader lease was renewed ${leaseAgo(view, kcm).en}.`, `Его запускает kube-controller-manager, чей лидерский Lease обновлён ${leaseAgo(view, kcm).ru}.`)
        : t('In-tree plugin run by kube-controller-manager: alive while the control plane is (its lease is not visible here).', 'Встроенный плагин, его запускает kube-controller-manager: жив, пока жива control plane (её Lease здесь не виден).'),
    ], extra, [runBy, kcmLease]);
  }
  const external = assessExternal(view, name, classes);
  return { ...external, row: { ...external.row, ...base, registeredNodes: external.row.registeredNodes } };
}

function podReady(pod: Pod): boolean {
  return condition(pod.status?.conditions, 'Ready')?.status === 'True';
}

function assessExternal(view: ClusterView, name: string, classes: string[]): ProvisionerAssessment {
  const reasons: Localized[] = [];
  const extra: Partial<ProvisionerRow> = {};

  const driverReadable = view.kindState('csidrivers') === 'synced';
  const driver = driverReadable ? view.get('csidrivers', name) : undefined;
  const registeredNodes = view.csiNodesWithDriver(name).map((n) => n.metadata?.name ?? '').sort();
  const type: ProvisionerType = driver || registeredNodes.length > 0 ? 'csi' : 'external';
  if (driverReadable) extra.csiDriverRegistered = driver !== undefined;

  // The leader lease: the most recently renewed of the candidate names, in any namespace we can read.
  const leasesReadable = view.kindState('leases') === 'synced';
  const leases = leasesReadable ? leaseNameCandidates(name).flatMap((n) => [...view.leasesNamed(n)]) : [];
  const leader = leases.sort((a, b) => (leaseRenewMillis(b) ?? 0) - (leaseRenewMillis(a) ?? 0))[0];
  if (leader) {
    extra.leaseNamespace = leader.metadata?.namespace;
    if (leader.spec?.holderIdentity) extra.leaseHolder = leader.spec.holderIdentity;
    if (leader.spec?.renewTime) extra.leaseRenewedAt = leader.spec.renewTime;
  }

  // Its pods: the lease holder (identity is the pod name, or "<pod>_<uuid>" in the external-provisioner library), and pods naming it.
  const pods = new Map<string, Pod>();
  const podsReadable = view.kindState('pods') === 'synced';
  if (podsReadable) {
    const holder = leader?.spec?.holderIdentity;
    const ns = leader?.metadata?.namespace;
    if (holder && ns) {
      for (const candidate of new Set([holder, holder.split('_')[0] ?? holder])) {
        const pod = view.get('pods', candidate, ns);
        if (pod) pods.set(`${ns}/${candidate}`, pod);
      }
    }
    for (const pod of view.podsRunningProvisioner(name, ns)) {
      if (podRunsProvisioner(pod, name, ns)) pods.set(`${pod.metadata?.namespace}/${pod.metadata?.name}`, pod);
    }
  }
  const livePods = [...pods.values()].filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  if (podsReadable && livePods.length > 0) {
    extra.podsTotal = livePods.length;
    extra.podsReady = livePods.filter(podReady).length;
  }

  // Recent provisioning events on the claims of its classes, and claims that wait for it.
  let lastEvent: ReturnType<typeof newestEvent>;
  let waiting = 0;
  const failingClasses: string[] = [];
  let failingNewest: ReturnType<typeof newestEvent>;
  for (const className of classes) {
    let classFailure: ReturnType<typeof newestEvent>;
    let classSuccess: ReturnType<typeof newestEvent>;
    for (const claim of view.claimsOfClass(className)) {
      const events = eventsAbout(view, 'persistentvolumeclaims', claim);
      lastEvent = later(lastEvent, newestEvent(events, PROVISION_REASONS));
      classFailure = later(classFailure, newestEvent(events, ['ProvisioningFailed']));
      classSuccess = later(classSuccess, newestEvent(events, ['ProvisioningSucceeded']));
      const annotations = claim.metadata?.annotations ?? {};
      const asked = annotations['volume.kubernetes.io/storage-provisioner'] ?? annotations['volume.beta.kubernetes.io/storage-provisioner'];
      if (claim.status?.phase === 'Pending' && asked === name && !claim.spec?.volumeName) waiting += 1;
    }
    if (failedAfter(classFailure, classSuccess)) {
      failingClasses.push(className);
      failingNewest = later(failingNewest, classFailure);
    }
  }
  if (lastEvent) {
    if (lastEvent.reason) extra.lastEventReason = lastEvent.reason;
    const at = eventMillis(lastEvent);
    if (at !== undefined) extra.lastEventAt = new Date(at).toISOString();
  }

  let verdict: ProvisionerVerdict;
  if (leader && leaseIsFresh(view, leader)) {
    verdict = 'alive';
    reasons.push(
      t(
        `Leader lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} held by ${verbatim(leader.spec?.holderIdentity)}, renewed ${leaseAgo(view, leader).en}.`,
        `Лидерский Lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} держит ${verbatim(leader.spec?.holderIdentity)}, обновлён ${leaseAgo(view, leader).ru}.`,
      ),
    );
  } else if (leader) {
    verdict = 'dead';
    const lasts = leader.spec?.leaseDurationSeconds ?? 15;
    reasons.push(
      leader.spec?.holderIdentity
        ? t(
            `Leader lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} was last renewed ${leaseAgo(view, leader).en} (it lasts ${lasts} s): no leader is running.`,
            `Лидерский Lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} последний раз обновлён ${leaseAgo(view, leader).ru} (действует ${lasts} с): лидер не работает.`,
          )
        : t(
            `Leader lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} has no holder: the provisioner stopped and released it.`,
            `У лидерского Lease ${verbatim(leader.metadata?.namespace)}/${verbatim(leader.metadata?.name)} нет владельца: провизионер остановился и отпустил его.`,
          ),
    );
  } else if (livePods.length > 0) {
    verdict = extra.podsReady ? 'alive' : 'dead';
    reasons.push(
      t(`No leader lease found; ${extra.podsReady} of its ${counted(livePods.length, PODS).en} ${extra.podsReady === 1 ? 'is' : 'are'} ready.`, `Лидерский Lease не найден; готово подов: ${extra.podsReady} из ${livePods.length}.`),
    );
  } else if (!leasesReadable || !podsReadable) {
    verdict = 'unknown';
    const why = unreadable(view, !leasesReadable ? 'leases' : 'pods') ?? t('', '');
    reasons.push(t(`Cannot tell: ${why.en}, and nothing else shows whether it runs.`, `Не определить: ${why.ru}, а больше ничто не говорит, работает ли он.`));
  } else if (waiting > 0) {
    verdict = 'dead';
    reasons.push(
      t(
        `No leader lease and no pods of it found, and ${counted(waiting, CLAIMS).en} ${pluralForm('en', waiting, WAIT)} for it.`,
        `Не найдено ни лидерского Lease, ни его подов, а его ${pluralForm('ru', waiting, WAIT)} ${counted(waiting, CLAIMS).ru}.`,
      ),
    );
  } else {
    verdict = 'unknown';
    reasons.push(
      t(
        'No leader lease and no pods of it found: it may run outside the cluster or without leader election.',
        'Не найдено ни лидерского Lease, ни его подов: возможно, он работает вне кластера или без выбора лидера.',
      ),
    );
  }

  const degradedBy: NonNullable<ProvisionerAssessment['degradedBy']> = [];
  if (livePods.length > 0 && (extra.podsReady ?? 0) < livePods.length && verdict === 'alive') {
    verdict = 'degraded';
    degradedBy.push('pods');
    reasons.push(
      t(
        `Only ${extra.podsReady} of its ${counted(livePods.length, PODS).en} ${extra.podsReady === 1 ? 'is' : 'are'} ready.`,
        `Готово только ${extra.podsReady} из ${livePods.length} ${pluralForm('ru', livePods.length, OF_PODS)}.`,
      ),
    );
  }
  if (type === 'csi' && registeredNodes.length === 0 && view.kindState('csinodes') === 'synced') {
    if (verdict === 'alive') {
      verdict = 'degraded';
      degradedBy.push('registration');
    }
    reasons.push(
      t('The driver is registered on no node (no CSINode lists it): its volumes cannot be mounted.', 'Драйвер не зарегистрирован ни на одном узле (его нет в CSINode): тома не смонтировать.'),
    );
  } else if (type === 'csi') {
    reasons.push(t(`Registered on ${counted(registeredNodes.length, NODES).en}.`, `Зарегистрирован на ${registeredNodes.length} ${pluralForm('ru', registeredNodes.length, ON_NODES)}.`));
  }
  if (type === 'csi' && driverReadable && !driver) {
    reasons.push(t('No CSIDriver object: defaults apply (attach required, no pod info on mount).', 'Объекта CSIDriver нет: действуют значения по умолчанию (нужен attach, без podInfoOnMount).'));
  }
  // Judged per class: a class whose latest outcome is a failure keeps failing whatever succeeds for the other
  // classes, so the verdict must not depend on which class happened to provision last (seen on the lab).
  if (failingNewest) {
    if (verdict === 'alive') {
      verdict = 'degraded';
      degradedBy.push('provisioning');
    }
    const which = failingClasses.join(', ');
    reasons.push(
      t(`Last provisioning failed (class ${verbatim(which)}): ${verbatim(failingNewest.message ?? '')}`, `Последнее создание тома не удалось (класс ${verbatim(which)}): ${verbatim(failingNewest.message ?? '')}`),
    );
  }

  const facts: Evidence[] = [];
  if (leader) {
    const ns = leader.metadata?.namespace ?? '';
    const leaseName = leader.metadata?.name ?? '';
    const ago = leaseAgo(view, leader);
    facts.push(
      evidence(t('Leader lease', 'Лидерский Lease'), `${ns}/${leaseName}`, {
        ref: refByName('leases', leaseName, ns),
        source: 'spec.holderIdentity, spec.renewTime',
        note: leader.spec?.holderIdentity
          ? t(`held by ${verbatim(leader.spec.holderIdentity)}, renewed ${ago.en}`, `держит ${verbatim(leader.spec.holderIdentity)}, обновлён ${ago.ru}`)
          : t('no holder', 'владельца нет'),
      }),
    );
  } else if (leasesReadable) {
    facts.push(evidence(t('Leader lease', 'Лидерский Lease'), '', { note: t('none found', 'не найден'), source: `metadata.name (Lease): ${leaseNameCandidates(name).join(', ')}` }));
  }
  if (podsReadable) {
    facts.push(
      livePods.length > 0
        ? evidence(t('Its pods ready', 'Готово его подов'), `${extra.podsReady ?? 0}/${livePods.length}`, { source: 'status.conditions[Ready]' })
        : evidence(t('Its pods', 'Его поды'), '', { note: t('none found', 'не найдены'), source: 'spec.holderIdentity (Lease), spec.containers[].args' }),
    );
  }
  if (!leasesReadable || !podsReadable) {
    const why = unreadable(view, !leasesReadable ? 'leases' : 'pods');
    if (why) facts.push(evidence(t('Not readable', 'Не прочитать'), !leasesReadable ? 'leases' : 'pods', { note: why, source: 'list/watch' }));
  }
  if (waiting > 0) {
    facts.push(evidence(t('Claims waiting for it', 'Ждут его заявок'), String(waiting), { source: 'metadata.annotations[volume.kubernetes.io/storage-provisioner]' }));
  }
  if (type === 'csi' && view.kindState('csinodes') === 'synced') {
    facts.push(
      registeredNodes.length > 0
        ? evidence(t('Registered on nodes', 'Зарегистрирован на узлах'), registeredNodes.join(', '), { source: 'spec.drivers[].name (CSINode)' })
        : evidence(t('Registered on nodes', 'Зарегистрирован на узлах'), '', { note: t('none: its volumes cannot be mounted', 'ни на одном: тома не смонтировать'), source: 'spec.drivers[].name (CSINode)' }),
    );
  }
  if (type === 'csi' && driverReadable) {
    facts.push(
      driver
        ? evidence(t('CSIDriver object', 'Объект CSIDriver'), name, { ref: refByName('csidrivers', name), source: 'metadata.name (CSIDriver)' })
        : evidence(t('CSIDriver object', 'Объект CSIDriver'), '', { note: t('none: defaults apply', 'нет: действуют значения по умолчанию'), source: 'metadata.name (CSIDriver)' }),
    );
  }
  if (failingNewest) {
    const at = eventMillis(failingNewest);
    facts.push(
      evidence(t('Last provisioning', 'Последнее создание тома'), failingNewest.message ?? '', {
        note: t(`failed (class ${verbatim(failingClasses.join(', '))})`, `не удалось (класс ${verbatim(failingClasses.join(', '))})`),
        event: 'ProvisioningFailed',
        ...(at !== undefined ? { at: new Date(at).toISOString() } : {}),
      }),
    );
  }

  const leaderPod = [...pods.values()].find((p) => p.metadata?.name === leader?.spec?.holderIdentity?.split('_')[0]) ?? livePods[0];
  return {
    row: { ref: provisionerRef(name), name, classes, registeredNodes, type, verdict, reasons, ...extra },
    reasons,
    facts,
    degradedBy,
    failingClasses,
    ...(leaderPod ? { pod: { namespace: leaderPod.metadata?.namespace ?? '', name: leaderPod.metadata?.name ?? '' } } : {}),
    ...(leader?.metadata?.name ? { leaseName: leader.metadata.name } : {}),
    pods: [...pods.values()].map((p) => ({ namespace: p.metadata?.namespace ?? '', name: p.metadata?.name ?? '' })),
  };
}

/** A failure with no success after it. */
function failedAfter(failure: ReturnType<typeof newestEvent>, success: ReturnType<typeof newestEvent>): boolean {
  return failure !== undefined && (success === undefined || (eventMillis(failure) ?? 0) > (eventMillis(success) ?? 0));
}

function later<E extends { lastTimestamp?: string | null }>(a: E | undefined, b: E | undefined): E | undefined {
  if (!a) return b;
  if (!b) return a;
  return (eventMillis(b) ?? 0) > (eventMillis(a) ?? 0) ? b : a;
}

/**
 * A provisioner's health as evidence rows: the provisioner with its verdict, then the facts the verdict was read
 * from (lease, pods, registrations, the last failure), each a short label, a value and its source.
 */
export function healthEvidence(health: ProvisionerAssessment): Evidence[] {
  const row = health.row;
  return [evidence(t('Provisioner', 'Провизионер'), row.name, { note: VERDICT_TEXT[row.verdict], source: 'StorageClass.provisioner' }), ...health.facts];
}

/** What a provisioner's assessment reads: a change of it re-assesses the provisioner (see reach.ts). */
export const PROVISIONER_HEALTH_READS: Reads = {
  storageclasses: ['provisioner-of-class'],
  // Its registration: a CSIDriver object and the nodes' CSINodes.
  csidrivers: ['provisioner-of-driver'],
  csinodes: ['provisioners-of-csinode'],
  // Its leader Lease, the pods that run it, and its provisioning events on the claims that wait for it.
  leases: ['provisioners-of-lease'],
  pods: ['provisioners-run-by-pod'],
  events: ['provisioner-of-claim-event'],
  persistentvolumeclaims: ['provisioner-of-pending-claim'],
};
