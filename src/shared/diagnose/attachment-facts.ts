/**
 * Where a CSI volume stands in the attach step, for the rules (volume-attachments.ts) and the Summary of claims
 * and pods ("attached to node X by driver Y", or why not). Pure: objects in, plain data out.
 *
 * Upstream behaviour it follows:
 * - kube-controller-manager's attach/detach controller (pkg/controller/volume/attachdetach, reconciler.go
 *   attachDesiredVolumes; pkg/volume/csi/csi_attacher.go Attach) creates one VolumeAttachment per volume and node,
 *   named `csi-<sha256(volumeHandle, driver, node)>`, with spec.attacher = the CSI driver, when a pod using the
 *   volume is scheduled to a node whose kubelet leaves attaching to the controller; it deletes it to detach. It
 *   waits 2 min for `status.attached` (csiTimeout), then reports FailedAttachVolume on the pod and tries again.
 * - Drivers whose CSIDriver says `attachRequired: false` get no VolumeAttachment (csi_attacher.go: "skipping
 *   attach"); a driver without a CSIDriver object is attached (the default is true).
 * - kubernetes-csi/external-attacher (pkg/controller/csi_handler.go) acts on VolumeAttachments whose spec.attacher
 *   is its driver: adds the finalizer `external-attacher/<driver with '/' as '-'>` and the annotation
 *   `csi.alpha.kubernetes.io/node-id`, calls ControllerPublishVolume and sets status.attached=true, or writes
 *   status.attachError; on deletion it calls ControllerUnpublishVolume (node ID from the CSINode, else from that
 *   annotation), writes status.detachError on failure, and removes its finalizer when detached.
 * - Its leader Lease is `external-attacher-leader-<driver>` with every character outside [a-zA-Z0-9-] turned into
 *   '-' (cmd/csi-attacher/main.go, csi-lib-utils leaderelection), usually in the driver's namespace.
 */
import type { CSIDriver, PersistentVolume, VolumeAttachment } from '../kube/objects';
import type { AttachmentView } from '../model/summary';
import { millis, refTo } from './object-helpers';
import { sidecarLease, sidecarLeaseName, type SidecarLease } from './sidecar-leases';
import type { ClusterView } from './view';

/** A VolumeAttachment not attached after this long (ms) is stuck: kube-controller-manager gives up waiting after 2 min. */
export const ATTACH_SLOW_MS = 2 * 60_000;

/** The leader Lease name of a driver's external-attacher (sidecar-leases.ts). */
export function attacherLeaseName(driver: string): string {
  return sidecarLeaseName('external-attacher', driver);
}

/** What the app can tell of an external-attacher's leader Lease. */
export type AttacherLease = SidecarLease;

/** The leader Lease of `driver`'s external-attacher: held (renewed recently), stale, not found, or unreadable. */
export function attacherLease(view: ClusterView, driver: string): AttacherLease {
  return sidecarLease(view, 'external-attacher', driver);
}

/** The CSI driver of a volume (spec.csi.driver), or undefined for other volume types. */
export function csiDriverOf(pv: PersistentVolume): string | undefined {
  return pv.spec?.csi?.driver || undefined;
}

/** Whether the driver needs the attach step: its CSIDriver's attachRequired, true when unset or without a CSIDriver. */
export function attachRequired(view: ClusterView, driver: string): { required: boolean; driverObject?: CSIDriver } {
  const driverObject = view.get('csidrivers', driver);
  return { required: driverObject?.spec?.attachRequired !== false, ...(driverObject ? { driverObject } : {}) };
}

/** Whether the node a VolumeAttachment names is known to be gone (nodes readable, none of that name). */
export function nodeGone(view: ClusterView, va: VolumeAttachment): boolean {
  const node = va.spec?.nodeName;
  return Boolean(node) && view.kindState('nodes') === 'synced' && !view.get('nodes', node!);
}

/** How long (ms) a VolumeAttachment has waited to be attached, from its creation. */
export function attachWaitMs(view: ClusterView, va: VolumeAttachment): number {
  const created = millis(va.metadata?.creationTimestamp);
  return created === undefined ? 0 : Math.max(0, view.now() - created);
}

/** Whether a VolumeAttachment waits for its attacher with no error past ATTACH_SLOW_MS. */
export function attachStuck(view: ClusterView, va: VolumeAttachment): boolean {
  if (va.status?.attached || va.metadata?.deletionTimestamp || va.status?.attachError?.message) return false;
  return attachWaitMs(view, va) > ATTACH_SLOW_MS;
}

/**
 * Whether a VolumeAttachment is a detach stuck on a node that no longer exists: its node is gone and it is still
 * attached with no deletion asked for, or its deletion (the detach) has waited past ATTACH_SLOW_MS.
 */
export function detachStuckOnGoneNode(view: ClusterView, va: VolumeAttachment): boolean {
  if (!nodeGone(view, va)) return false;
  const deleting = millis(va.metadata?.deletionTimestamp);
  if (deleting !== undefined) return view.now() - deleting > ATTACH_SLOW_MS;
  return va.status?.attached === true;
}

/** One VolumeAttachment as the Summary shows it. */
function viewOf(view: ClusterView, pv: PersistentVolume, va: VolumeAttachment): AttachmentView {
  const base = {
    volume: refTo('persistentvolumes', pv),
    attachment: refTo('volumeattachments', va),
    ...(va.spec?.nodeName ? { node: va.spec.nodeName } : {}),
    ...(va.spec?.attacher ? { driver: va.spec.attacher } : {}),
  };
  if (va.metadata?.deletionTimestamp) {
    const error = va.status?.detachError?.message;
    return { ...base, state: 'detaching', since: va.metadata.deletionTimestamp, ...(error ? { error } : {}) };
  }
  if (va.status?.attached) return { ...base, state: 'attached' };
  if (va.status?.attachError?.message) return { ...base, state: 'failed', error: va.status.attachError.message };
  const since = va.metadata?.creationTimestamp;
  return { ...base, state: attachStuck(view, va) ? 'stuck' : 'attaching', ...(since ? { since } : {}) };
}

/**
 * The attach state of a CSI volume: one entry per VolumeAttachment (only those for `nodeName` when given: a pod's
 * node), or one saying why there is none: the driver needs no attach step (`not-required`), the attach/detach
 * controller has not created it yet for that node (`not-created`), or no pod on a node uses the volume
 * (`not-in-use`). Empty for volumes that are not CSI (no VolumeAttachment is ever made for them).
 */
export function attachmentStates(view: ClusterView, pv: PersistentVolume, nodeName?: string, inUseOnNode = false): AttachmentView[] {
  const driver = csiDriverOf(pv);
  if (!driver) return [];
  const all = view.attachmentsOfVolume(pv.metadata?.name ?? '');
  const vas = nodeName ? all.filter((va) => va.spec?.nodeName === nodeName) : all;
  if (vas.length > 0) return vas.map((va) => viewOf(view, pv, va));
  const volume = refTo('persistentvolumes', pv);
  const { required } = attachRequired(view, driver);
  if (!required) return [{ state: 'not-required', volume, driver }];
  if (view.kindState('volumeattachments') !== 'synced') return [];
  if (nodeName || inUseOnNode) return [{ state: 'not-created', volume, driver, ...(nodeName ? { node: nodeName } : {}) }];
  return [{ state: 'not-in-use', volume, driver }];
}
