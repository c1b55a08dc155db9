/**
 * The leader Leases of a CSI driver's controller sidecars, and whether each is held. Every sidecar elects its leader
 * through kubernetes-csi/csi-lib-utils leaderelection (RunWithLeaderElection), which turns every character outside
 * [a-zA-Z0-9-] into '-' and appends 'X' to a trailing '-' (leader_election.go sanitizeName). The lock names, as each
 * upstream main.go passes them:
 * - external-provisioner: the driver name (cmd/csi-provisioner/csi-provisioner.go, `provisionerName` with '/' as '-');
 * - external-attacher: `external-attacher-leader-<driver>` (cmd/csi-attacher/main.go);
 * - external-resizer: `external-resizer-<driver>` (cmd/csi-resizer/main.go, util.SanitizeName of the driver);
 * - csi-snapshotter: `external-snapshotter-leader-<driver>` (cmd/csi-snapshotter/main.go, prefix + driver).
 * They live in the sidecar's namespace (--leader-election-namespace, else the pod's own), so every namespace is read.
 */
import type { Lease } from '../kube/objects';
import { leaseIsFresh, leaseRenewMillis } from './leases';
import type { ClusterView } from './view';

/** The controller sidecars of a CSI driver that elect a leader. */
export const CSI_SIDECARS = ['external-provisioner', 'external-attacher', 'external-resizer', 'csi-snapshotter'] as const;
export type CsiSidecar = (typeof CSI_SIDECARS)[number];

/** csi-lib-utils leaderelection sanitizeName. */
function sanitize(name: string): string {
  let out = name.replace(/[^a-zA-Z0-9-]/g, '-');
  if (out.endsWith('-')) out += 'X';
  return out;
}

/** The leader Lease name of `sidecar` for `driver`. */
export function sidecarLeaseName(sidecar: CsiSidecar, driver: string): string {
  switch (sidecar) {
    case 'external-provisioner':
      return sanitize(driver);
    case 'external-attacher':
      return sanitize(`external-attacher-leader-${driver}`);
    case 'external-resizer':
      return sanitize(`external-resizer-${driver}`);
    case 'csi-snapshotter':
      return sanitize(`external-snapshotter-leader-${driver}`);
  }
}

/** What the app can tell of a sidecar's leader Lease: held (renewed recently), stale, not found, or unreadable. */
export type SidecarLease =
  | { state: 'unreadable' }
  | { state: 'not-found'; name: string }
  | { state: 'held' | 'stale'; lease: Lease };

/** The leader Lease of `driver`'s `sidecar`: the fresh one if any, else the most recently renewed. */
export function sidecarLease(view: ClusterView, sidecar: CsiSidecar, driver: string): SidecarLease {
  const name = sidecarLeaseName(sidecar, driver);
  if (view.kindState('leases') !== 'synced') return { state: 'unreadable' };
  const leases = [...view.leasesNamed(name)];
  const fresh = leases.find((l) => leaseIsFresh(view, l));
  if (fresh) return { state: 'held', lease: fresh };
  const newest = leases.sort((a, b) => (leaseRenewMillis(b) ?? 0) - (leaseRenewMillis(a) ?? 0))[0];
  return newest ? { state: 'stale', lease: newest } : { state: 'not-found', name };
}
