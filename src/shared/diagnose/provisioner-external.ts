/**
 * The health of a provisioner that runs outside kube-controller-manager (a CSI driver's external-provisioner, or
 * another external provisioner): its leader Lease first, then its pods, its CSIDriver and CSINode registrations,
 * and the provisioning outcome per class. The verdict is decided from objects; events only add detail.
 */
import { counted, pluralForm } from '../plural';
import { verbatim } from '../verbatim';
import type { Pod } from '../kube/objects';
import type { Evidence, Localized } from '../model/findings';
import type { ProvisionerRow, ProvisionerType, ProvisionerVerdict } from '../model/rows';
import { provisionerRef } from '../model/refs';
import { evidence, t } from './finding';
import { sidecarHealth, stalledReason, stalledSidecars } from './csi-sidecars';
import { leaseAgo, leaseIsFresh, leaseNameCandidates, leaseRenewMillis } from './leases';
import type { ProvisionerAssessment } from './provisioner-kinds';
import { podRunsProvisioner } from './provisioner-pods';
import { condition, eventMillis, eventsAbout, newestEvent, refByName, unreadable } from './object-helpers';
import type { ClusterView } from './view';
import { CLAIMS, NODES, OF_PODS, ON_NODES, PODS, WAIT } from './words';

const PROVISION_REASONS = ['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning'];

function podReady(pod: Pod): boolean {
  return condition(pod.status?.conditions, 'Ready')?.status === 'True';
}

/** The assessment of an external provisioner or CSI driver `name`, which the StorageClasses `classes` name. */
export function assessExternal(view: ClusterView, name: string, classes: string[]): ProvisionerAssessment {
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
        `Не найдено ни лидерского Lease, ни его подов, хотя его ${pluralForm('ru', waiting, WAIT)} ${counted(waiting, CLAIMS).ru}.`,
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
  // A sidecar (attacher, resizer, snapshotter) stopped while its work waits: the driver half works.
  const sidecars = type === 'csi' ? sidecarHealth(view, name, classes, leader) : [];
  for (const stalled of stalledSidecars(sidecars)) {
    if (verdict === 'alive') {
      verdict = 'degraded';
      degradedBy.push('sidecar');
    }
    reasons.push(stalledReason(view, stalled));
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
    facts.push(evidence(t('Claims waiting for it', 'Заявок в ожидании'), String(waiting), { source: 'metadata.annotations[volume.kubernetes.io/storage-provisioner]' }));
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
  for (const stalled of stalledSidecars(sidecars)) {
    if (stalled.lease.state !== 'stale') continue;
    const lease = stalled.lease.lease;
    const ns = lease.metadata?.namespace ?? '';
    const leaseName = lease.metadata?.name ?? '';
    facts.push(
      evidence(t(`${stalled.sidecar} Lease`, `Лидерский Lease ${stalled.sidecar}`), `${ns}/${leaseName}`, {
        ref: refByName('leases', leaseName, ns),
        source: 'spec.renewTime',
        note: t(`renewed ${leaseAgo(view, lease).en}; ${stalled.waiting} waiting`, `обновлён ${leaseAgo(view, lease).ru}; ждут: ${stalled.waiting}`),
      }),
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
    ...(sidecars.length > 0 ? { sidecars } : {}),
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
