/**
 * Summary of a PersistentVolumeClaim: what it asks for (size, access modes, volume mode, class), what it got
 * (phase, capacity, volume), who uses it, then its conditions and metadata.
 */
import type { PersistentVolumeClaim } from '../../../shared/kube/objects';
import { expansionView } from '../../../shared/diagnose/expansion-facts';
import { formatSelector } from '../../../shared/diagnose/selectors';
import { resourceOfKind } from '../../../shared/kube/resource-registry';
import type { ObjectStore } from '../object-store';
import { refOf } from '../related-chain';
import type { FindingsCache } from '../findings-cache';
import { claimAttachmentField } from './attachments';
import { provisionerField } from './classes';
import type { SummaryList } from './fields';

/** Set by the PV controller on a claim it hands to an external provisioner (pv_controller.go, annStorageProvisioner). */
const STORAGE_PROVISIONER_ANNOTATION = 'volume.kubernetes.io/storage-provisioner';

/** The beta annotation that named a claim's class before spec.storageClassName existed (still honoured). */
const LEGACY_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** The fields the expansion block reads, for the field's path. */
const EXPANSION_PATH = 'spec.resources.requests.storage, status.capacity, status.allocatedResources, status.allocatedResourceStatuses, status.conditions, PersistentVolume spec.capacity';

export function claimSummary(list: SummaryList, store: ObjectStore, claim: PersistentVolumeClaim, findings?: FindingsCache): void {
  const spec = claim.spec ?? {};
  const status = claim.status ?? {};
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';
  list.text('phase', 'status.phase', status.phase);
  list.deleting(claim);
  list.text('requested', 'spec.resources.requests.storage', spec.resources?.requests?.['storage']);
  list.text('capacity', 'status.capacity.storage', status.capacity?.['storage']);
  // Once a claim has been or is being expanded: its sizes, the resize state and who acts next, as one block.
  const expansion = expansionView(store, claim);
  if (expansion) list.add('expansion', EXPANSION_PATH, { type: 'expansion', expansion });
  list.list('accessModes', 'spec.accessModes', spec.accessModes);
  list.defaulted('volumeMode', 'spec.volumeMode', spec.volumeMode, 'Filesystem');
  classField(list, store, claim);
  // Who makes (or made) its volume: the provisioner the PV controller handed it to, else its class's.
  const className = claim.spec?.storageClassName ?? store.defaultClassName();
  const provisioner = claim.metadata?.annotations?.[STORAGE_PROVISIONER_ANNOTATION] ?? (className ? store.get('storageclasses', className)?.provisioner : undefined);
  if (provisioner && findings) provisionerField(list, findings, provisioner, claim.metadata?.annotations?.[STORAGE_PROVISIONER_ANNOTATION] ? `metadata.annotations[${STORAGE_PROVISIONER_ANNOTATION}]` : 'storageclass.provisioner');
  if (spec.volumeName) list.refs('volumeName', 'spec.volumeName', [list.byName('persistentvolumes', spec.volumeName)]);
  claimAttachmentField(list, store, claim);
  if (spec.selector) list.code('selector', 'spec.selector', formatSelector(spec.selector));
  const source = spec.dataSourceRef ?? spec.dataSource;
  if (source?.kind && source.name) {
    const kind = resourceOfKind(source.kind);
    const path = spec.dataSourceRef ? 'spec.dataSourceRef' : 'spec.dataSource';
    if (kind === 'persistentvolumeclaims' || kind === 'volumesnapshots') list.refs('dataSource', path, [list.byName(kind, source.name, spec.dataSourceRef?.namespace ?? ns)]);
    else list.code('dataSource', path, `${source.kind}/${source.name}`);
  }
  attributesClassFields(list, claim);
  list.refs(
    'usedBy',
    undefined,
    store.podsUsingClaim(ns, name).map((p) => ({ ref: refOf('pods', p) })),
  );
  list.conditions('status.conditions', status.conditions);
  list.metadata(claim);
}

/**
 * The VolumeAttributesClass it asks for (spec), the one its volume has (status, set by external-resizer or the
 * provisioner once the driver applied it) and a change under way (status.modifyVolumeStatus: Pending, InProgress or
 * Infeasible, with the class it goes to). Upstream: k8s.io/api core/v1 types.go PersistentVolumeClaimStatus.
 */
function attributesClassFields(list: SummaryList, claim: PersistentVolumeClaim): void {
  const wanted = claim.spec?.volumeAttributesClassName;
  const status = claim.status ?? {};
  if (wanted) list.refs('attributesClass', 'spec.volumeAttributesClassName', [list.byName('volumeattributesclasses', wanted)]);
  if (status.currentVolumeAttributesClassName) list.refs('currentAttributesClass', 'status.currentVolumeAttributesClassName', [list.byName('volumeattributesclasses', status.currentVolumeAttributesClassName)]);
  const modify = status.modifyVolumeStatus;
  if (modify?.status) list.text('modifyStatus', 'status.modifyVolumeStatus.status', modify.status);
  if (modify?.targetVolumeAttributesClassName) list.refs('modifyTarget', 'status.modifyVolumeStatus.targetVolumeAttributesClassName', [list.byName('volumeattributesclasses', modify.targetVolumeAttributesClassName)]);
}

/**
 * The class, as the PV controller reads it: spec.storageClassName, else the legacy annotation, else (unset) the
 * cluster's default class; "" asks for no class, so only volumes without one can bind.
 */
function classField(list: SummaryList, store: ObjectStore, claim: PersistentVolumeClaim): void {
  const explicit = claim.spec?.storageClassName;
  if (explicit === '') {
    list.add('storageClass', 'spec.storageClassName', { type: 'code', text: '""' }, 'static-only');
    return;
  }
  if (explicit !== undefined && explicit !== null) {
    // Bound: the class did its part; a name without a StorageClass object is a static class. Waiting: it is missing.
    if (claim.spec?.volumeName) list.boundClass('spec.storageClassName', explicit);
    else list.refs('storageClass', 'spec.storageClassName', [list.byName('storageclasses', explicit)]);
    return;
  }
  const legacy = claim.metadata?.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (legacy !== undefined) {
    list.add('storageClass', `metadata.annotations[${LEGACY_CLASS_ANNOTATION}]`, { type: 'refs', refs: [list.byName('storageclasses', legacy)] }, 'legacy-annotation');
    return;
  }
  // A claim bound without a class keeps none: the default applies only while a claim waits for a volume.
  if (claim.spec?.volumeName) {
    list.add('storageClass', 'spec.storageClassName', { type: 'code', text: '—' });
    return;
  }
  const fallback = store.defaultClassName();
  if (fallback) list.add('storageClass', 'spec.storageClassName', { type: 'refs', refs: [list.byName('storageclasses', fallback)] }, 'default-class');
  else list.add('storageClass', 'spec.storageClassName', { type: 'code', text: '—' }, 'no-default-class');
}
