/**
 * A provisioner's details (ProvisionerDetail): the verdict of the same assessment as the Provisioners table
 * (shared/diagnose/provisioners.ts), explained, with what it was read from: the leader Lease field by field, the
 * CSIDriver and the CSINodes that list it, its pods, the classes that name it, the claims waiting for it, the
 * volumes it made, the provisioning events on its claims summed per reason, and the findings whose cause it is.
 */
import type { SidecarHealth } from '../../shared/diagnose/csi-sidecars';
import { assessProvisioner } from '../../shared/diagnose/provisioners';
import { controllerManagerLease, leaseIsFresh } from '../../shared/diagnose/leases';
import { condition, eventMillis, millis } from '../../shared/diagnose/object-helpers';
import { provisionerEvidence, runnerOf, runnerText, verdictMeaning } from '../../shared/diagnose/provisioner-meaning';
import { MIGRATED_IN_TREE } from '../../shared/diagnose/provisioners';
import type { KubeEvent, Lease, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../shared/kube/objects';
import type {
  ProvisionerClaim,
  ProvisionerCsi,
  ProvisionerDetail,
  ProvisionerLease,
  ProvisionerPod,
  ProvisionerSidecar,
  ProvisionerVolume,
  ProvisioningEventCount,
} from '../../shared/model/provisioner';
import { provisionerRef } from '../../shared/model/refs';
import { groupFindings } from './finding-groups';
import { isDefaultClass } from './object-keys';
import { podStatus } from './rows/pod-status';
import { buildEventRow } from './rows/events';
import { volumePhase } from './rows/volumes';
import type { StoreContext } from './store-context';

/** Lists in the details are cut at this many entries (totals are given). */
export const PROVISIONER_LIST_CAP = 200;
/** Claims per class whose events are read (a class with thousands of claims costs no more than this). */
const EVENT_CLAIMS_PER_CLASS = 500;
const PROVISIONING_REASONS = new Set(['ExternalProvisioning', 'ProvisioningFailed', 'ProvisioningSucceeded', 'Provisioning']);
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const ASKED_PROVISIONER = ['volume.kubernetes.io/storage-provisioner', 'volume.beta.kubernetes.io/storage-provisioner'];

/** The provisioner some StorageClass names, or null when no class names it. */
export function provisionerDetail(ctx: StoreContext, name: string): ProvisionerDetail | null {
  const store = ctx.store;
  const classes = store.classesOfProvisioner(name);
  if (classes.length === 0) return null;
  const health = assessProvisioner(store, name);
  const row = health.row;
  const runner = runnerOf(name, row.type);

  const leaseObject = leaderLease(ctx, health.leaseName, row.leaseNamespace, runner);
  const waiting = waitingClaims(classes.flatMap((c) => [...store.claimsOfClass(c.metadata?.name ?? '')]), name, runner === 'none');
  const volumes = classes.flatMap((c) => [...store.volumesOfClass(c.metadata?.name ?? '')]).filter((pv) => pv.metadata?.annotations?.[PROVISIONED_BY] === name);
  const events = provisioningEvents(ctx, classes);

  const detail: ProvisionerDetail = {
    ref: provisionerRef(name),
    name,
    type: row.type,
    runner,
    verdict: row.verdict,
    meaning: { en: `${runnerText(name, runner).en} ${verdictMeaning(row.verdict, runner).en}`, ru: `${runnerText(name, runner).ru} ${verdictMeaning(row.verdict, runner).ru}` },
    reasons: row.reasons,
    evidence: provisionerEvidence(store, health, leaseObject, waiting.length),
    pods: (health.pods ?? []).map((p) => store.get('pods', p.name, p.namespace)).filter((p): p is Pod => p !== undefined).map((p) => podView(p, row.leaseHolder)),
    podsVisible: store.kindState('pods') === 'synced',
    classes: classes.map(classView).sort((a, b) => a.name.localeCompare(b.name)),
    waitingClaims: waiting.slice(0, PROVISIONER_LIST_CAP).map(claimView),
    waitingTotal: waiting.length,
    volumes: volumes.slice(0, PROVISIONER_LIST_CAP).map(volumeView),
    volumesTotal: volumes.length,
    eventCounts: eventCounts(events),
    events: [...events].sort((a, b) => (eventMillis(b) ?? 0) - (eventMillis(a) ?? 0)).slice(0, 50).map(buildEventRow),
    findingGroups: groupFindings(ctx.findings.all()).filter((g) => g.subject?.type === 'provisioner' && g.subject.name === name),
  };
  const migratedTo = MIGRATED_IN_TREE[name];
  if (migratedTo) detail.migratedTo = migratedTo;
  if (leaseObject) detail.lease = leaseView(ctx, leaseObject, leaseIsFresh(store, leaseObject));
  const csi = csiView(ctx, runner === 'migrated' && migratedTo ? migratedTo : name, row.type === 'csi' || runner === 'migrated', health.sidecars ?? [], classes);
  if (csi) detail.csi = csi;
  return detail;
}

/** The Lease the assessment read: the provisioner's own, or kube-controller-manager's for in-tree plugins. */
function leaderLease(ctx: StoreContext, leaseName: string | undefined, namespace: string | undefined, runner: string): Lease | undefined {
  if (leaseName && namespace) return ctx.store.get('leases', leaseName, namespace);
  if (runner === 'controller-manager') return controllerManagerLease(ctx.store);
  return undefined;
}

function leaseView(ctx: StoreContext, lease: Lease, fresh: boolean): ProvisionerLease {
  const spec = lease.spec ?? {};
  const out: ProvisionerLease = { namespace: lease.metadata?.namespace ?? '', name: lease.metadata?.name ?? '', fresh };
  if (spec.holderIdentity) out.holder = spec.holderIdentity;
  const renew = spec.renewTime ?? spec.acquireTime;
  if (renew) {
    out.renewTime = renew;
    const at = millis(renew);
    if (at !== undefined) out.renewAgeSeconds = Math.max(0, Math.round((ctx.store.now() - at) / 1000));
  }
  if (spec.leaseDurationSeconds !== undefined) out.leaseDurationSeconds = spec.leaseDurationSeconds;
  if (spec.leaseTransitions !== undefined) out.transitions = spec.leaseTransitions;
  if (spec.acquireTime) out.acquireTime = spec.acquireTime;
  return out;
}

/** A sidecar as plain data: the Lease's name, holder and renew time, and the work waiting for it. */
function sidecarView(h: SidecarHealth): ProvisionerSidecar {
  const out: ProvisionerSidecar = { sidecar: h.sidecar, lease: h.lease.state };
  if (h.lease.state === 'not-found') out.leaseName = h.lease.name;
  if (h.lease.state === 'held' || h.lease.state === 'stale') {
    const l = h.lease.lease;
    out.leaseName = l.metadata?.name ?? '';
    out.leaseNamespace = l.metadata?.namespace ?? '';
    if (l.spec?.holderIdentity) out.holder = l.spec.holderIdentity;
    const renew = l.spec?.renewTime ?? l.spec?.acquireTime;
    if (renew) out.renewTime = renew;
  }
  if (h.waiting !== undefined) out.waiting = h.waiting;
  return out;
}

/**
 * The CSI side of a provisioner: its CSIDriver's fields, the nodes whose CSINode lists it, its sidecars, and the
 * capabilities its objects show (attach required, a VolumeSnapshotClass of the driver, classes allowing expansion).
 */
function csiView(ctx: StoreContext, driverName: string, isCsi: boolean, sidecars: readonly SidecarHealth[], classes: readonly StorageClass[]): ProvisionerCsi | undefined {
  const store = ctx.store;
  const driver = store.get('csidrivers', driverName);
  if (!isCsi && !driver) return undefined;
  const registered = new Set(store.csiNodesWithDriver(driverName).map((n) => n.metadata?.name ?? ''));
  const all = store.list('csinodes').map((n) => n.metadata?.name ?? '');
  const out: ProvisionerCsi = {
    driverExists: driver !== undefined,
    registeredNodes: [...registered].sort(),
    unregisteredNodes: all.filter((n) => !registered.has(n)).sort(),
    expansionClasses: classes.filter((c) => c.allowVolumeExpansion === true).map((c) => c.metadata?.name ?? '').sort(),
  };
  if (sidecars.length > 0) out.sidecars = sidecars.map(sidecarView);
  if (store.kindState('volumesnapshotclasses') === 'synced') {
    out.snapshotClasses = store.list('volumesnapshotclasses').filter((c) => c.driver === driverName).map((c) => c.metadata?.name ?? '').sort();
  }
  const spec = driver?.spec;
  if (spec?.attachRequired !== undefined) out.attachRequired = spec.attachRequired;
  if (spec?.podInfoOnMount !== undefined) out.podInfoOnMount = spec.podInfoOnMount;
  if (spec?.storageCapacity !== undefined) out.storageCapacity = spec.storageCapacity;
  if (spec?.fsGroupPolicy) out.fsGroupPolicy = spec.fsGroupPolicy;
  if (spec?.volumeLifecycleModes) out.volumeLifecycleModes = [...spec.volumeLifecycleModes];
  return out;
}

function podView(pod: Pod, leaseHolder: string | undefined): ProvisionerPod {
  const status = podStatus(pod);
  const out: ProvisionerPod = {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    status: status.status,
    ready: condition(pod.status?.conditions, 'Ready')?.status === 'True',
    restarts: status.restarts,
    leader: leaseHolder !== undefined && (leaseHolder.split('_')[0] ?? leaseHolder) === pod.metadata?.name,
  };
  if (pod.spec?.nodeName) out.nodeName = pod.spec.nodeName;
  return out;
}

function classView(sc: StorageClass): ProvisionerDetail['classes'][number] {
  return {
    name: sc.metadata?.name ?? '',
    isDefault: isDefaultClass(sc),
    bindingMode: sc.volumeBindingMode ?? 'Immediate',
    reclaimPolicy: sc.reclaimPolicy ?? 'Delete',
  };
}

/**
 * Claims waiting for it: Pending, no volume yet, and the PV controller asked this provisioner (the claim's
 * storage-provisioner annotation, pv_controller.go setClaimProvisioner). For static-only classes nobody is
 * asked: every Pending claim of the class waits for a volume someone creates by hand.
 */
function waitingClaims(claims: readonly PersistentVolumeClaim[], name: string, staticOnly: boolean): PersistentVolumeClaim[] {
  return claims
    .filter((c) => {
      if (c.status?.phase !== 'Pending' || c.spec?.volumeName) return false;
      if (staticOnly) return true;
      const annotations = c.metadata?.annotations ?? {};
      return ASKED_PROVISIONER.some((a) => annotations[a] === name);
    })
    .sort((a, b) => (millis(a.metadata?.creationTimestamp) ?? 0) - (millis(b.metadata?.creationTimestamp) ?? 0));
}

function claimView(c: PersistentVolumeClaim): ProvisionerClaim {
  const out: ProvisionerClaim = { namespace: c.metadata?.namespace ?? '', name: c.metadata?.name ?? '' };
  if (c.spec?.storageClassName) out.className = c.spec.storageClassName;
  if (c.metadata?.creationTimestamp) out.createdAt = c.metadata.creationTimestamp;
  return out;
}

function volumeView(pv: PersistentVolume): ProvisionerVolume {
  const out: ProvisionerVolume = { name: pv.metadata?.name ?? '', phase: volumePhase(pv) };
  const capacity = pv.spec?.capacity?.storage;
  if (capacity) out.capacity = capacity;
  const ref = pv.spec?.claimRef;
  if (ref?.name) out.claim = { namespace: ref.namespace ?? '', name: ref.name };
  return out;
}

/** Provisioning events on the claims of its classes (the PV controller's and the provisioner's own). */
function provisioningEvents(ctx: StoreContext, classes: readonly StorageClass[]): KubeEvent[] {
  const out: KubeEvent[] = [];
  for (const sc of classes) {
    for (const claim of ctx.store.claimsOfClass(sc.metadata?.name ?? '').slice(0, EVENT_CLAIMS_PER_CLASS)) {
      const uid = claim.metadata?.uid;
      for (const e of ctx.store.eventsFor('PersistentVolumeClaim', claim.metadata?.name ?? '', claim.metadata?.namespace)) {
        if (PROVISIONING_REASONS.has(e.reason ?? '') && (!uid || !e.involvedObject?.uid || e.involvedObject.uid === uid)) out.push(e);
      }
    }
  }
  return out;
}

/** Events summed per reason: how many, on how many claims, when last, and the newest message. */
export function eventCounts(events: readonly KubeEvent[]): ProvisioningEventCount[] {
  const byReason = new Map<string, ProvisioningEventCount & { claimKeys: Set<string>; newest: number }>();
  for (const e of events) {
    const reason = e.reason ?? '';
    let entry = byReason.get(reason);
    if (!entry) {
      entry = { reason, type: e.type ?? 'Normal', count: 0, claims: 0, claimKeys: new Set(), newest: Number.NEGATIVE_INFINITY };
      byReason.set(reason, entry);
    }
    entry.count += e.series?.count ?? e.count ?? 1;
    entry.claimKeys.add(`${e.involvedObject?.namespace ?? ''}/${e.involvedObject?.name ?? ''}`);
    const at = eventMillis(e);
    if (at !== undefined && at > entry.newest) {
      entry.newest = at;
      entry.lastSeen = new Date(at).toISOString();
      if (e.message) entry.lastMessage = e.message;
    }
  }
  return [...byReason.values()]
    .map(({ claimKeys, newest: _newest, ...rest }) => ({ ...rest, claims: claimKeys.size }))
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
}
