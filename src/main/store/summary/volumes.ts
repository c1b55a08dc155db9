/**
 * Summary of a PersistentVolume: what it offers (capacity, access modes, volume mode, class), whom it is bound
 * or reserved for, what happens to it when released (reclaim policy), where the data lives (its source) and
 * which nodes can reach it (node affinity).
 */
import { formatTerms } from '../../../shared/diagnose/selectors';
import type { PersistentVolume } from '../../../shared/kube/objects';
import { volumeSourceType } from '../object-keys';
import type { FindingsCache } from '../findings-cache';
import { provisionerField } from './classes';
import type { SummaryList } from './fields';

/** Set by the PV controller on a volume a provisioner made (pv_controller.go, annDynamicallyProvisioned). */
const PROVISIONED_BY_ANNOTATION = 'pv.kubernetes.io/provisioned-by';

export function volumeSummary(list: SummaryList, pv: PersistentVolume, findings?: FindingsCache): void {
  const spec = pv.spec ?? {};
  list.text('phase', 'status.phase', pv.status?.phase);
  list.deleting(pv);
  list.text('capacity', 'spec.capacity.storage', spec.capacity?.['storage']);
  list.list('accessModes', 'spec.accessModes', spec.accessModes);
  list.defaulted('volumeMode', 'spec.volumeMode', spec.volumeMode, 'Filesystem');
  if (spec.storageClassName) list.boundClass('spec.storageClassName', spec.storageClassName);
  else list.add('storageClass', 'spec.storageClassName', { type: 'code', text: '""' }, 'static-only');
  // The provisioner that made it (pv_controller.go annDynamicallyProvisioned), linked to its details.
  const madeBy = pv.metadata?.annotations?.[PROVISIONED_BY_ANNOTATION];
  if (madeBy && findings) provisionerField(list, findings, madeBy, `metadata.annotations[${PROVISIONED_BY_ANNOTATION}]`);
  const ref = spec.claimRef;
  if (ref?.name) list.refs('claimRef', 'spec.claimRef', [list.byName('persistentvolumeclaims', ref.name, ref.namespace ?? '')]);
  // The API server defaults it to Retain for volumes created by hand; provisioned ones copy their class's.
  list.defaulted('reclaimPolicy', 'spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, 'Retain');
  const type = volumeSourceType(pv);
  if (type !== 'unknown') list.code('volumeSource', `spec.${type}`, describeSource(type, spec[type]));
  const terms = spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (terms && terms.length > 0) list.code('nodeAffinity', 'spec.nodeAffinity.required', formatTerms(terms));
  list.list('mountOptions', 'spec.mountOptions', spec.mountOptions);
  const message = [pv.status?.reason, pv.status?.message].filter(Boolean).join(': ');
  list.text('statusMessage', 'status.message', message);
  list.metadata(pv);
}

/** One line per source: its type and the fields that say where the data is, verbatim ("csi: driver=x volumeHandle=y"). */
export function describeSource(type: string, source: unknown): string {
  if (!source || typeof source !== 'object') return type;
  const fields = Object.entries(source as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`);
  return fields.length > 0 ? `${type}: ${fields.join(' ')}` : type;
}
