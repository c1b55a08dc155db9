/**
 * Leader leases: how provisioners and kube-controller-manager show they are alive. A holder renews its
 * Lease every few seconds; a Lease not renewed for a while means its holder stopped.
 */
import type { Lease } from '../kube/objects';
import type { Localized } from '../model/findings';
import { t } from './finding';
import { beforeNow } from './time-words';
import { duration, millis } from './object-helpers';
import type { ClusterView } from './view';

export { leaseNameCandidates } from './lease-names';

/** The leader lease of kube-controller-manager (runs the PV controller and in-tree provisioners), when visible. */
export function controllerManagerLease(view: ClusterView): Lease | undefined {
  if (view.kindState('leases') !== 'synced') return undefined;
  return view.leasesNamed('kube-controller-manager').find((l) => l.metadata?.namespace === 'kube-system');
}

/** Whether kube-controller-manager is known to be down (its lease is visible and stale). */
export function controllerManagerDown(view: ClusterView): boolean {
  const kcm = controllerManagerLease(view);
  return kcm !== undefined && !leaseIsFresh(view, kcm);
}

export function leaseRenewMillis(l: Lease): number | undefined {
  return millis(l.spec?.renewTime) ?? millis(l.spec?.acquireTime);
}

/** A lease counts as held while it was renewed within twice its duration (at least 30 s, for clock skew). */
export function leaseIsFresh(view: ClusterView, l: Lease): boolean {
  const renewed = leaseRenewMillis(l);
  if (renewed === undefined || !l.spec?.holderIdentity) return false;
  const limitMs = Math.max(2 * (l.spec.leaseDurationSeconds ?? 15), 30) * 1000;
  return view.now() - renewed <= limitMs;
}

/**
 * How long ago a Lease was renewed, in both languages, like every other text here: "never" / «никогда», "just now" /
 * «только что» under a second (not "0 s ago"), "5 min ago" / «5 мин назад» (in a snapshot: "5 min before the capture").
 */
export function leaseAgo(view: ClusterView, l: Lease): Localized {
  const at = leaseRenewMillis(l);
  if (at === undefined) return t('never', 'никогда');
  if (view.now() - at < 1000) return t('just now', 'только что');
  return beforeNow(view, view.now() - at);
}
