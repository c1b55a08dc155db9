/**
 * The Summary of any object the app shows: the basics first, per kind (claims.ts, volumes.ts, classes.ts,
 * pods.ts, others.ts), as plain data the renderer only words and formats. See shared/model/summary.ts.
 */
import type { ObjectsByResource } from '../../../shared/kube/by-resource';
import type { Resource } from '../../../shared/kube/resource-registry';
import type { KubeObject } from '../../../shared/kube/objects';
import type { ProvisionerRow } from '../../../shared/model/rows';
import type { SummaryField } from '../../../shared/model/summary';
import type { FindingsCache } from '../findings-cache';
import type { ObjectStore } from '../object-store';
import { claimSummary } from './claims';
import { classSummary, csiDriverSummary } from './classes';
import { SummaryList } from './fields';
import { attachmentSummary, csiNodeSummary, eventSummary, leaseSummary, snapshotClassSummary,
  attributesClassSummary, snapshotContentSummary, snapshotSummary, storageCapacitySummary } from './others';
import { nodeSummary, podSummary } from './pods';
import { limitRangeSummary, resourceQuotaSummary, statefulSetSummary } from './owners';
import { volumeSummary } from './volumes';

interface BuildContext {
  store: ObjectStore;
  findings: FindingsCache;
}

/** The builder of each kind, typed by the kind's object shape. */
const BUILDERS: { [K in Resource]: (list: SummaryList, ctx: BuildContext, obj: ObjectsByResource[K]) => void } = {
  persistentvolumeclaims: (list, { store, findings }, obj) => claimSummary(list, store, obj, findings),
  persistentvolumes: (list, { findings }, obj) => volumeSummary(list, obj, findings),
  storageclasses: (list, { findings }, obj) => classSummary(list, findings, obj),
  pods: (list, { store }, obj) => podSummary(list, store, obj),
  nodes: (list, { store }, obj) => nodeSummary(list, store, obj),
  csidrivers: (list, { findings }, obj) => csiDriverSummary(list, findings, obj),
  csinodes: (list, _ctx, obj) => csiNodeSummary(list, obj),
  csistoragecapacities: (list, _ctx, obj) => storageCapacitySummary(list, obj),
  volumeattachments: (list, _ctx, obj) => attachmentSummary(list, obj),
  volumesnapshots: (list, _ctx, obj) => snapshotSummary(list, obj),
  volumesnapshotcontents: (list, _ctx, obj) => snapshotContentSummary(list, obj),
  volumesnapshotclasses: (list, _ctx, obj) => snapshotClassSummary(list, obj),
  volumeattributesclasses: (list, { store }, obj) => attributesClassSummary(list, store, obj),
  // A registration only (diagnose/claims-populator.ts reads its sourceKind): the basics.
  volumepopulators: (list, _ctx, obj) => list.metadata(obj),
  events: (list, _ctx, obj) => eventSummary(list, obj),
  leases: (list, _ctx, obj) => leaseSummary(list, obj),
  // Metadata only: the app never holds a ConfigMap's data or a Secret's values (resources/secrets.ts).
  configmaps: (list, _ctx, obj) => list.metadata(obj),
  secrets: (list, _ctx, obj) => list.metadata(obj),
  statefulsets: (list, _ctx, obj) => statefulSetSummary(list, obj),
  resourcequotas: (list, _ctx, obj) => resourceQuotaSummary(list, obj),
  limitranges: (list, _ctx, obj) => limitRangeSummary(list, obj),
};

/** The Summary fields of one object of a kind, in the order the tab shows them. */
export function objectSummary(store: ObjectStore, findings: FindingsCache, kind: Resource, obj: KubeObject): SummaryField[] {
  const list = new SummaryList(store);
  // The store keys objects by kind, so an object of `kind` has that kind's shape.
  (BUILDERS[kind] as (list: SummaryList, ctx: BuildContext, obj: KubeObject) => void)(list, { store, findings }, obj);
  return list.fields;
}
