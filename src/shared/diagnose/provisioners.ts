/**
 * Provisioner health: is anything going to create the volumes that a StorageClass promises?
 * In-tree plugins run inside kube-controller-manager; CSI drivers and other external provisioners run as
 * pods that elect a leader with a Lease (provisioner-external.ts). The verdict is decided from objects (the lease's
 * renew time, the pods' readiness, the CSIDriver and CSINode registrations); events only add detail.
 */
import { verbatim } from '../verbatim';
import type { StorageClass } from '../kube/objects';
import type { Evidence, Localized } from '../model/findings';
import type { ProvisionerRow, ProvisionerType, ProvisionerVerdict } from '../model/rows';
import { provisionerRef } from '../model/refs';
import { evidence, t } from './finding';
import { controllerManagerLease, leaseAgo, leaseIsFresh } from './leases';
import { assessExternal } from './provisioner-external';
import { MIGRATED_IN_TREE, NO_PROVISIONER, REMOVED_IN_TREE, VERDICT_TEXT, type ProvisionerAssessment } from './provisioner-kinds';
import { refByName } from './object-helpers';
import type { ClusterView } from './view';
import type { Reads } from './reach';

export { MIGRATED_IN_TREE, NO_PROVISIONER, REMOVED_IN_TREE, VERDICT_TEXT, type ProvisionerAssessment } from './provisioner-kinds';
export { controllerManagerDown, leaseNameCandidates } from './leases';

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
  persistentvolumeclaims: ['provisioner-of-pending-claim', 'provisioner-of-resizing-claim'],
  // A CSI driver's sidecars' work (csi-sidecars.ts): attachments to make, snapshots to cut.
  volumeattachments: ['provisioner-of-attachment'],
  volumesnapshotcontents: ['provisioner-of-snapshot-content'],
};
