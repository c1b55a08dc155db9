/**
 * Static binding, field by field: why a PersistentVolume does or does not fit a claim. Mirrors the PV
 * controller's matching (k8s.io/component-helpers/storage/volume FindMatchingVolume and
 * checkVolumeSatisfyClaim): capacity, access modes (the volume must offer every mode the claim asks),
 * volume mode, class, selector, node affinity, and the volume's claimRef and phase.
 */
import { verbatim } from '../verbatim';
import type { KubeNode, NodeSelectorTerm, PersistentVolume, PersistentVolumeClaim } from '../kube/objects';
import type { DiagnoseContext } from './context';
import type { Evidence, EvidenceFact, Localized } from '../model/findings';
import { evidence, NOTE, t } from './finding';
import { refTo } from './object-helpers';
import { compareQuantities, storageQuantity, type Quantity } from '../quantity';
import { formatSelector, formatTerms, nodeMatchesTerms, selectorMatches, type NodeFacts } from './selectors';
import type { ClusterView } from './view';

export type DifferenceField =
  | 'size'
  | 'accessModes'
  | 'volumeMode'
  | 'class'
  | 'selector'
  | 'nodeAffinity'
  | 'claimRef'
  | 'released'
  | 'phase'
  | 'deleting';

export interface Difference {
  field: DifferenceField;
  text: Localized;
}

export interface NearMiss {
  volume: PersistentVolume;
  differences: Difference[];
}

export interface StaticAnalysis {
  /** Volumes that fit in every field. */
  matches: PersistentVolume[];
  /** Volumes that differ in one or two fields, fewest differences first (at most `limit`). */
  nearMisses: NearMiss[];
}

function nodeFacts(n: KubeNode): NodeFacts {
  return { name: n.metadata?.name ?? '', labels: n.metadata?.labels ?? {} };
}

/** Whether any node satisfies a volume's node affinity; remembered per volume for the run (it is asked per claim). */
function someNodeFits(ctx: DiagnoseContext, pv: PersistentVolume, terms: NodeSelectorTerm[]): boolean {
  let fits = ctx.volumeHasNode.get(pv);
  if (fits === undefined) {
    fits = ctx.nodes().some((n) => nodeMatchesTerms(n, terms));
    ctx.volumeHasNode.set(pv, fits);
  }
  return fits;
}

/** The node the claim must fit: the scheduler's choice (selected-node) or the node of a pod already using it. */
export function targetNode(view: ClusterView, claim: PersistentVolumeClaim): string | undefined {
  const selected = claim.metadata?.annotations?.['volume.kubernetes.io/selected-node'];
  if (selected) return selected;
  const ns = claim.metadata?.namespace ?? '';
  return view.podsUsingClaim(ns, claim.metadata?.name ?? '').find((p) => p.spec?.nodeName)?.spec?.nodeName;
}

/** Every field in which this volume does not fit this claim (empty: it fits). */
export function volumeDifferences(
  ctx: DiagnoseContext,
  claim: PersistentVolumeClaim,
  pv: PersistentVolume,
  className: string,
  nodeName?: string,
): Difference[] {
  const view = ctx.view;
  const out: Difference[] = [];
  const spec = pv.spec ?? {};
  const ns = claim.metadata?.namespace ?? '';
  const name = claim.metadata?.name ?? '';

  const ref = spec.claimRef;
  const refIsThisClaim = ref && ref.namespace === ns && ref.name === name && (!ref.uid || ref.uid === claim.metadata?.uid);
  if (ref && !refIsThisClaim) {
    const other = `${ref.namespace ?? ''}/${ref.name ?? ''}`;
    if (pv.status?.phase === 'Released') {
      out.push({
        field: 'released',
        text: t(`Released: still holds the claimRef of ${verbatim(other)} (uid ${verbatim(ref.uid ?? '?')}), so it is not handed to any other claim`, `Released: всё ещё хранит claimRef заявки ${verbatim(other)} (uid ${verbatim(ref.uid ?? '?')}), поэтому другой заявке его не отдадут`),
      });
    } else if (ref.uid) {
      out.push({ field: 'claimRef', text: t(`already bound to claim ${verbatim(other)}`, `уже привязан к заявке ${verbatim(other)}`) });
    } else {
      out.push({ field: 'claimRef', text: t(`reserved (pre-bound) for claim ${verbatim(other)}`, `зарезервирован (claimRef) для заявки ${verbatim(other)}`) });
    }
  } else if (!refIsThisClaim && pv.status?.phase && pv.status.phase !== 'Available') {
    out.push({ field: 'phase', text: t(`phase is ${verbatim(pv.status.phase)}, not Available`, `фаза ${verbatim(pv.status.phase)}, а не Available`) });
  }
  if (pv.metadata?.deletionTimestamp) out.push({ field: 'deleting', text: t('is being deleted', 'удаляется') });

  const requested = storageQuantity(claim.spec?.resources?.requests);
  const capacity = storageQuantity(spec.capacity);
  if (requested !== undefined && (capacity === undefined || compareQuantities(capacity, requested) < 0)) {
    out.push({
      field: 'size',
      text: t(
        `capacity ${spec.capacity?.['storage'] ? verbatim(spec.capacity['storage']) : 'unset'} is smaller than the ${verbatim(claim.spec?.resources?.requests?.['storage'])} requested`,
        `ёмкость ${spec.capacity?.['storage'] ? verbatim(spec.capacity['storage']) : 'не задана'} меньше запрошенных ${verbatim(claim.spec?.resources?.requests?.['storage'])}`,
      ),
    });
  }
  const offered = spec.accessModes ?? [];
  const missingModes = (claim.spec?.accessModes ?? []).filter((m) => !offered.includes(m));
  if (missingModes.length > 0) {
    out.push({
      field: 'accessModes',
      text: t(`offers ${offered.length ? verbatim(offered.join(', ')) : 'no access modes'}, not ${verbatim(missingModes.join(', '))}`, `даёт ${offered.length ? verbatim(offered.join(', ')) : 'никаких режимов доступа'}, а не ${verbatim(missingModes.join(', '))}`),
    });
  }
  const wantMode = claim.spec?.volumeMode ?? 'Filesystem';
  const haveMode = spec.volumeMode ?? 'Filesystem';
  if (wantMode !== haveMode) {
    out.push({ field: 'volumeMode', text: t(`volumeMode is ${verbatim(haveMode)}, the claim wants ${verbatim(wantMode)}`, `volumeMode ${verbatim(haveMode)}, а заявке нужен ${verbatim(wantMode)}`) });
  }
  const pvClass = spec.storageClassName ?? '';
  if (pvClass !== className) {
    out.push({
      field: 'class',
      text: t(`class is ${pvClass ? `"${verbatim(pvClass)}"` : 'empty'}, the claim asks for ${className ? `"${verbatim(className)}"` : 'no class ("")'}`, `класс ${pvClass ? `«${verbatim(pvClass)}»` : 'пустой'}, а заявка просит ${className ? `«${verbatim(className)}»` : 'пустой класс ("")'}`),
    });
  }
  if (claim.spec?.selector && !refIsThisClaim && !selectorMatches(claim.spec.selector, pv.metadata?.labels)) {
    const labels = Object.entries(pv.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '—';
    out.push({
      field: 'selector',
      text: t(`labels ${verbatim(labels)} do not match the claim's selector ${verbatim(formatSelector(claim.spec.selector))}`, `метки ${verbatim(labels)} не подходят под селектор заявки ${verbatim(formatSelector(claim.spec.selector))}`),
    });
  }
  // Node affinity is the costly check (it may look at every node): skip it for volumes already too far off.
  const terms = spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (out.length <= 2 && terms && terms.length > 0 && view.kindState('nodes') === 'synced') {
    if (nodeName) {
      const n = view.get('nodes', nodeName);
      if (n && !nodeMatchesTerms(nodeFacts(n), terms)) {
        out.push({ field: 'nodeAffinity', text: t(`node affinity (${verbatim(formatTerms(terms))}) excludes node ${verbatim(nodeName)}`, `nodeAffinity (${verbatim(formatTerms(terms))}) исключает узел ${verbatim(nodeName)}`) });
      }
    } else if (!someNodeFits(ctx, pv, terms)) {
      out.push({ field: 'nodeAffinity', text: t(`no existing node satisfies its node affinity (${verbatim(formatTerms(terms))})`, `ни один узел не подходит под его nodeAffinity (${verbatim(formatTerms(terms))})`) });
    }
  }
  return out;
}

/** Whether a volume's claimRef names this claim (by namespace and name, and uid when the ref has one). */
function refersTo(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  return !!ref && ref.namespace === claim.metadata?.namespace && ref.name === claim.metadata?.name && (!ref.uid || ref.uid === claim.metadata?.uid);
}

/**
 * A cheap count of the differences that need no text and no node lookups, to drop volumes that are far off
 * before the full comparison (a pending claim is compared with every volume of the cluster).
 */
function roughDistance(claim: PersistentVolumeClaim, pv: PersistentVolume, className: string, requested: Quantity | undefined): number {
  const spec = pv.spec ?? {};
  let n = 0;
  if ((spec.storageClassName ?? '') !== className) n++;
  if ((spec.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) n++;
  const offered = spec.accessModes ?? [];
  if ((claim.spec?.accessModes ?? []).some((m) => !offered.includes(m))) n++;
  const capacity = storageQuantity(spec.capacity);
  if (requested !== undefined && (capacity === undefined || compareQuantities(capacity, requested) < 0)) n++;
  return n;
}

/**
 * Compares the claim with every PersistentVolume; only for unbound claims, which are few. Volumes bound to
 * another live claim are not candidates at all: naming them would only be noise. Reserved (pre-bound) and
 * Released volumes are, since an admin can hand them over.
 */
export function analyseStatic(ctx: DiagnoseContext, claim: PersistentVolumeClaim, className: string, limit = 5): StaticAnalysis {
  const view = ctx.view;
  const nodeName = targetNode(view, claim);
  const requested = storageQuantity(claim.spec?.resources?.requests);
  const matches: PersistentVolume[] = [];
  const near: NearMiss[] = [];
  for (const pv of view.list('persistentvolumes')) {
    const mine = refersTo(pv, claim);
    if (!mine && pv.status?.phase === 'Bound' && pv.spec?.claimRef?.uid) continue;
    if (!mine && roughDistance(claim, pv, className, requested) > 2) continue;
    const differences = volumeDifferences(ctx, claim, pv, className, nodeName);
    if (differences.length === 0) matches.push(pv);
    else if (differences.length <= 2) near.push({ volume: pv, differences });
  }
  near.sort((a, b) => a.differences.length - b.differences.length || (a.volume.metadata?.name ?? '').localeCompare(b.volume.metadata?.name ?? ''));
  return { matches, nearMisses: near.slice(0, limit) };
}

/** Where volumeFacts() reads its values, as an evidence source. */
export const VOLUME_FACTS_SOURCE = 'spec.capacity, spec.accessModes, spec.storageClassName, spec.volumeMode, spec.claimRef, status.phase';

/** The fields of a volume that binding looks at, as label/value facts (values verbatim, labels localised). */
export function volumeFacts(pv: PersistentVolume): EvidenceFact[] {
  const spec = pv.spec ?? {};
  const ref = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
  const fact = (label: Localized, value: string, note?: Localized): EvidenceFact => (note ? { label, value, note } : { label, value });
  return [
    fact(t('Capacity', 'Ёмкость'), spec.capacity?.['storage'] ?? '', spec.capacity?.['storage'] ? undefined : NOTE.notSet),
    fact(t('Access modes', 'Режимы доступа'), (spec.accessModes ?? []).join(', '), spec.accessModes?.length ? undefined : NOTE.notSet),
    // "" and unset both mean "no class" for binding (a PV without a class binds only claims asking for "").
    fact(t('Class', 'Класс'), spec.storageClassName ? spec.storageClassName : '', spec.storageClassName ? undefined : t('no class (empty string)', 'без класса (пустая строка)')),
    fact(t('Volume mode', 'Режим тома'), spec.volumeMode ?? 'Filesystem', spec.volumeMode ? undefined : t('the default, not set', 'по умолчанию, не задан')),
    fact(t('Phase', 'Фаза'), pv.status?.phase ?? '', pv.status?.phase ? undefined : NOTE.notSet),
    fact(t('Bound to claim', 'Привязан к заявке'), ref, ref ? undefined : NOTE.none),
  ];
}

/** An evidence line about a volume: its name (linked), its binding fields as facts below it. */
export function volumeEvidence(label: Localized, pv: PersistentVolume, where: { source: string; note?: Localized }): Evidence {
  return { ...evidence(label, pv.metadata?.name ?? '', { ref: refTo('persistentvolumes', pv), ...where }), facts: volumeFacts(pv) };
}

/** Where each difference is read on the volume, as an API field path (the evidence source). */
export const DIFFERENCE_FIELD_PATH: Record<DifferenceField, string> = {
  size: 'spec.capacity.storage',
  accessModes: 'spec.accessModes',
  volumeMode: 'spec.volumeMode',
  class: 'spec.storageClassName',
  selector: 'metadata.labels',
  nodeAffinity: 'spec.nodeAffinity',
  claimRef: 'spec.claimRef',
  released: 'status.phase',
  phase: 'status.phase',
  deleting: 'metadata.deletionTimestamp',
};

/** The label of a near-miss evidence row (the binding graph draws an edge to each such volume). */
export const NEAR_MISS_LABEL = t('Nearly fitting volume', 'Почти подходящий том');

/** Whether an evidence row is a near-miss volume's (nearMissEvidence). */
export function isNearMissEvidence(e: Evidence): boolean {
  return e.label.en === NEAR_MISS_LABEL.en && e.ref?.kind === 'persistentvolumes';
}

/**
 * Near misses as evidence rows, one per volume, linking to it: a short label, the volume's name as the value,
 * its binding fields as facts, what differs (localised) as the note, and the differing fields' paths as the source.
 */
export function nearMissEvidence(nearMisses: NearMiss[]): Evidence[] {
  return nearMisses.map((m) => {
    return volumeEvidence(NEAR_MISS_LABEL, m.volume, {
      note: t(m.differences.map((d) => d.text.en).join('; '), m.differences.map((d) => d.text.ru).join('; ')),
      source: [...new Set(m.differences.map((d) => DIFFERENCE_FIELD_PATH[d.field]))].join(', '),
    });
  });
}
