/**
 * A CSI driver's controller sidecars as its health sees them: each one's leader Lease (sidecar-leases.ts) and the
 * work that waits for it, read from objects:
 * - external-attacher: VolumeAttachments whose spec.attacher is the driver, not attached yet or being deleted
 *   (kubernetes-csi/external-attacher pkg/controller/csi_handler.go attaches and detaches them);
 * - external-resizer: claims of the driver's classes whose expansion waits for the controller step
 *   (expansion-facts.ts: waiting, ControllerResizeInProgress; external-resizer pkg/controller/expand_and_recover.go);
 * - csi-snapshotter: VolumeSnapshotContents whose spec.driver is the driver and that are not ready to use
 *   (kubernetes-csi/external-snapshotter pkg/sidecar-controller/snapshot_controller.go creates the snapshot and
 *   sets status.readyToUse);
 * - external-provisioner: its own leader Lease is the provisioner's (provisioner-external.ts); its work (claims
 *   waiting) is judged there.
 * A sidecar whose Lease is stale while its work waits makes an alive driver degraded; a driver that needs no
 * attach step (CSIDriver attachRequired: false) has no VolumeAttachments, hence no attacher work, and is not judged
 * by a missing attacher.
 */
import type { Lease, PersistentVolumeClaim, VolumeAttachment, VolumeSnapshotContent } from '../kube/objects';
import { attachRequired } from './attachment-facts';
import type { Localized } from '../model/findings';
import { counted, pluralForm, type PluralForms } from '../plural';
import { verbatim } from '../verbatim';
import { expansionState } from './expansion-facts';
import { t } from './finding';
import { leaseAgo, leaseIsFresh } from './leases';
import { CSI_SIDECARS, sidecarLease, type CsiSidecar, type SidecarLease } from './sidecar-leases';
import type { ClusterView } from './view';
import { WAIT } from './words';

/** One sidecar: its Lease, and how many objects wait for its work (undefined: its work is judged elsewhere, or unreadable). */
export interface SidecarHealth {
  sidecar: CsiSidecar;
  lease: SidecarLease;
  waiting?: number;
}

/** Expansion states that wait for the external-resizer. */
const RESIZER_STATES = new Set(['waiting', 'controller-in-progress', 'controller-error']);

/** Whether a claim's expansion waits for the external-resizer (its controller step). */
export function waitsForResizer(claim: PersistentVolumeClaim): boolean {
  return RESIZER_STATES.has(expansionState(claim) ?? '');
}

function attachWork(va: VolumeAttachment, driver: string): boolean {
  return va.spec?.attacher === driver && (Boolean(va.metadata?.deletionTimestamp) || va.status?.attached !== true);
}

function snapshotWork(content: VolumeSnapshotContent, driver: string): boolean {
  return content.spec?.driver === driver && !content.metadata?.deletionTimestamp && content.status?.readyToUse !== true;
}

/** How many objects wait for `sidecar` of `driver`, whose StorageClasses are `classes`; undefined when not readable. */
function waitingFor(view: ClusterView, sidecar: CsiSidecar, driver: string, classes: readonly string[]): number | undefined {
  switch (sidecar) {
    case 'external-provisioner':
      return undefined;
    case 'external-attacher':
      return view.kindState('volumeattachments') === 'synced' ? view.list('volumeattachments').filter((va) => attachWork(va, driver)).length : undefined;
    case 'external-resizer':
      return classes.reduce((n, c) => n + view.claimsOfClass(c).filter(waitsForResizer).length, 0);
    case 'csi-snapshotter':
      return view.kindState('volumesnapshotcontents') === 'synced' ? view.list('volumesnapshotcontents').filter((c) => snapshotWork(c, driver)).length : undefined;
  }
}

/**
 * Each controller sidecar of `driver`: its Lease and the work waiting for it. `provisionerLeader` is the leader
 * Lease the provisioner's assessment found (under any of the names a provisioner uses, leases.ts): the
 * external-provisioner row shows that one, so the details never say "held" above and "not found" below (trial 8,
 * T8-1). A driver whose CSIDriver says attachRequired: false has no external-attacher row: it needs none.
 */
export function sidecarHealth(view: ClusterView, driver: string, classes: readonly string[], provisionerLeader?: Lease): SidecarHealth[] {
  const attaches = attachRequired(view, driver).required;
  return CSI_SIDECARS.filter((sidecar) => sidecar !== 'external-attacher' || attaches).map((sidecar) => {
    const waiting = waitingFor(view, sidecar, driver, classes);
    const lease: SidecarLease =
      sidecar === 'external-provisioner' && provisionerLeader
        ? { state: leaseIsFresh(view, provisionerLeader) ? 'held' : 'stale', lease: provisionerLeader }
        : sidecarLease(view, sidecar, driver);
    return { sidecar, lease, ...(waiting !== undefined ? { waiting } : {}) };
  });
}

/** The sidecars that stopped with work waiting: a stale Lease and at least one object waiting. */
export function stalledSidecars(health: readonly SidecarHealth[]): SidecarHealth[] {
  return health.filter((h) => h.lease.state === 'stale' && (h.waiting ?? 0) > 0);
}

/** What waits for each sidecar, counted as the reason says it: "2 VolumeAttachments", "1 claim to expand". */
const WORK: Record<Exclude<CsiSidecar, 'external-provisioner'>, PluralForms> = {
  'external-attacher': { en: { one: 'VolumeAttachment', other: 'VolumeAttachments' }, ru: { one: 'VolumeAttachment', few: 'VolumeAttachment', many: 'VolumeAttachment', other: 'VolumeAttachment' } },
  'external-resizer': { en: { one: 'claim to expand', other: 'claims to expand' }, ru: { one: 'заявка на расширение', few: 'заявки на расширение', many: 'заявок на расширение', other: 'заявки на расширение' } },
  'csi-snapshotter': { en: { one: 'snapshot content not ready', other: 'snapshot contents not ready' }, ru: { one: 'неготовое содержимое снимка', few: 'неготовых содержимых снимков', many: 'неготовых содержимых снимков', other: 'неготовых содержимых снимков' } },
};

/** The reason a stalled sidecar gives the verdict, naming it, its Lease and what waits for it. */
export function stalledReason(view: ClusterView, h: SidecarHealth): Localized {
  if (h.lease.state !== 'stale' || h.sidecar === 'external-provisioner') return t('', '');
  const lease = h.lease.lease;
  const where = `${verbatim(lease.metadata?.namespace)}/${verbatim(lease.metadata?.name)}`;
  const n = h.waiting ?? 0;
  const work = counted(n, WORK[h.sidecar]);
  const ago = leaseAgo(view, lease);
  return t(
    `Its ${h.sidecar} is not running (its leader Lease ${where} was last renewed ${ago.en}), and ${work.en} ${pluralForm('en', n, WAIT)} for it.`,
    `Его ${h.sidecar} не работает (его лидерский Lease ${where} обновлён ${ago.ru}), а его ${pluralForm('ru', n, WAIT)} ${work.ru}.`,
  );
}
