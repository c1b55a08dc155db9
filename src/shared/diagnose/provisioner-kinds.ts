/**
 * The words of provisioner health: which in-tree plugins moved to CSI or were removed, the static "no provisioner",
 * the verdicts in both languages, and the shape of an assessment (provisioners.ts makes it).
 */
import type { Evidence, Localized } from '../model/findings';
import type { ProvisionerRow, ProvisionerVerdict } from '../model/rows';
import type { SidecarHealth } from './csi-sidecars';
import { t } from './finding';

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

/** A verdict with its reasons in both languages (the same reasons as the row's). */
export interface ProvisionerAssessment {
  row: ProvisionerRow;
  reasons: Localized[];
  /** What made an alive provisioner degraded: its pods, its node registrations, failed provisioning, or a sidecar stopped with work waiting. */
  degradedBy?: ('pods' | 'registration' | 'provisioning' | 'sidecar')[];
  /** A CSI driver's controller sidecars: each one's leader Lease and the work waiting for it (csi-sidecars.ts). */
  sidecars?: SidecarHealth[];
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
