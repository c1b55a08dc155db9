/**
 * Entry points of the diagnosis rules. Pure: objects in (through ClusterView), findings out.
 * The rules live in the files next to this one, one concern each; the codes they produce are listed in catalog.ts.
 */
import type { Finding } from '../model/findings';
import { SEVERITY_ORDER } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { ProvisionerRow } from '../model/rows';
import { createContext, type DiagnoseContext } from './context';
import { provisionerHealth as assessHealth } from './provisioners';
import type { ObjectsByResource } from '../kube/resource-registry';
import type { DiagnosedKind } from './reach';
import { runRules } from './rules';
import { claimClassName, type ClusterView } from './view';

export { ALL_FINDING_CODES, FINDING_CODES, isFindingCode, type FindingCode } from './catalog';

/**
 * Work the rules share between objects (each provisioner's assessment scans pods, leases and events). One session
 * is valid while the view does not change: callers that diagnose a batch of objects at one point in time pass the
 * same session to every call, so a burst of pending claims of one provisioner costs one assessment, not one each.
 */
export type DiagnoseSession = DiagnoseContext;

export function startDiagnosis(view: ClusterView): DiagnoseSession {
  return createContext(view);
}

/** Findings about one object (claim, volume, pod, class...), most severe first. */
export function diagnoseObject(view: ClusterView, ref: ObjectRef, session?: DiagnoseSession): Finding[] {
  const ctx = session && session.view === view ? session : createContext(view);
  return sortFindings(diagnoseWith(ctx, ref));
}

export interface DiagnoseAllOptions {
  /**
   * Only this namespace: its claims and pods, the volumes bound or reserved for its claims, and the classes
   * its claims use (for `kse doctor --namespace`).
   */
  namespace?: string;
}

/**
 * Findings about every claim, volume, pod and class of the cluster, most severe first.
 * Some verdicts depend on time (a lease that stops being renewed, a wait that lasts too long): callers that
 * keep findings on screen should run the diagnosis again every few seconds, not only when objects change.
 */
export function diagnoseAll(view: ClusterView, options: DiagnoseAllOptions = {}): Finding[] {
  const ctx = createContext(view);
  const ns = options.namespace;
  const claims = view.list('persistentvolumeclaims', ns);
  const classes = ns === undefined ? view.list('storageclasses') : view.list('storageclasses').filter((sc) => claims.some((c) => claimClassName(c) === sc.metadata?.name));
  const volumes = ns === undefined ? view.list('persistentvolumes') : view.list('persistentvolumes').filter((pv) => pv.spec?.claimRef?.namespace === ns);
  const out: Finding[] = [];
  for (const sc of classes) out.push(...diagnoseClassFully(ctx, sc));
  for (const claim of claims) out.push(...diagnoseClaim(ctx, claim));
  for (const pv of volumes) out.push(...diagnoseVolumeFully(ctx, pv));
  for (const pod of view.list('pods', ns)) out.push(...diagnosePod(ctx, pod));
  for (const set of view.list('statefulsets', ns)) out.push(...diagnoseStatefulSet(ctx, set));
  for (const snap of view.list('volumesnapshots', ns)) out.push(...diagnoseSnapshot(ctx, snap));
  return sortFindings(out);
}

/** Health of one provisioner named by a StorageClass. */
export function provisionerHealth(view: ClusterView, name: string): ProvisionerRow {
  return assessHealth(view, name);
}

/** Health of every provisioner that some StorageClass names, sorted by name. */
export function allProvisioners(view: ClusterView): ProvisionerRow[] {
  const names = new Set(view.list('storageclasses').map((sc) => sc.provisioner ?? '').filter((p) => p !== ''));
  const ctx = createContext(view);
  return [...names].sort().map((name) => ctx.provisioner(name).row);
}

/** Problems first, then warnings, expected waits and info; within one severity by object and code. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (f: Finding) => SEVERITY_ORDER.indexOf(f.severity);
  const key = (f: Finding) => `${f.object.kind}\u0000${f.object.namespace ?? ''}\u0000${f.object.name}\u0000${f.code}\u0000${f.id}`;
  return [...findings].sort((a, b) => rank(a) - rank(b) || key(a).localeCompare(key(b)));
}

function diagnoseWith(ctx: DiagnoseContext, ref: ObjectRef): Finding[] {
  const view = ctx.view;
  switch (ref.kind) {
    case 'persistentvolumeclaims': {
      const claim = view.get('persistentvolumeclaims', ref.name, ref.namespace);
      return claim ? diagnoseClaim(ctx, claim) : [];
    }
    case 'persistentvolumes': {
      const pv = view.get('persistentvolumes', ref.name);
      return pv ? diagnoseVolumeFully(ctx, pv) : [];
    }
    case 'pods': {
      const pod = view.get('pods', ref.name, ref.namespace);
      return pod ? diagnosePod(ctx, pod) : [];
    }
    case 'storageclasses': {
      const sc = view.get('storageclasses', ref.name);
      return sc ? diagnoseClassFully(ctx, sc) : [];
    }
    case 'statefulsets': {
      const set = view.get('statefulsets', ref.name, ref.namespace);
      return set ? diagnoseStatefulSet(ctx, set) : [];
    }
    case 'volumesnapshots': {
      const snap = view.get('volumesnapshots', ref.name, ref.namespace);
      return snap ? diagnoseSnapshot(ctx, snap) : [];
    }
    default:
      return [];
  }
}

function diagnoseClaim(ctx: DiagnoseContext, claim: ObjectsByResource['persistentvolumeclaims']): Finding[] {
  return runRules(ctx, 'persistentvolumeclaims', claim);
}

function diagnoseClassFully(ctx: DiagnoseContext, sc: ObjectsByResource['storageclasses']): Finding[] {
  return runRules(ctx, 'storageclasses', sc);
}

function diagnoseVolumeFully(ctx: DiagnoseContext, pv: ObjectsByResource['persistentvolumes']): Finding[] {
  return runRules(ctx, 'persistentvolumes', pv);
}

function diagnosePod(ctx: DiagnoseContext, pod: ObjectsByResource['pods']): Finding[] {
  return runRules(ctx, 'pods', pod);
}

function diagnoseStatefulSet(ctx: DiagnoseContext, set: ObjectsByResource['statefulsets']): Finding[] {
  return runRules(ctx, 'statefulsets', set);
}

function diagnoseSnapshot(ctx: DiagnoseContext, snap: ObjectsByResource['volumesnapshots']): Finding[] {
  return runRules(ctx, 'volumesnapshots', snap);
}

export type { DiagnosedKind } from './reach';

/**
 * Which objects of each diagnosed kind may get a different verdict with time alone, no object changing: the rules
 * declare it here, beside their entry points, so a cache of findings (store/findings-cache.ts) re-examines those
 * every minute and skips the healthy rest. A new time-dependent rule must widen its kind's predicate; a kind whose
 * verdicts never depend on time says `false`. Keyed by every diagnosed kind, so a new one must answer.
 *
 * - claims: a wait turns "slow" after SLOW_WAIT_MS (claims-common.ts); a condition (resize) or deletion ages.
 * - pods: init containers turn "stuck" (pods-init.ts), events age out of "recent" (pods-mounts.ts).
 * - volumes: Released / Failed / Pending volumes age; so do VolumeAttachments not attached or being deleted
 *   (volume-attachments.ts: stuck after ATTACH_SLOW_MS).
 * - classes: their verdicts follow provisioner health, which the store re-assesses on its own timer.
 * - StatefulSets: their verdicts read objects only (claims, limits, quotas, classes, events), never the clock.
 * - VolumeSnapshots: a snapshot not ready turns "slow" after SLOW_WAIT_MS (snapshots.ts).
 */
export const CHANGES_WITH_TIME: { readonly [K in DiagnosedKind]: false | ((view: ClusterView, object: ObjectsByResource[K]) => boolean) } = {
  persistentvolumeclaims: (_view, claim) => {
    const conditions = claim.status?.conditions ?? [];
    return claim.status?.phase !== 'Bound' || Boolean(claim.metadata?.deletionTimestamp) || conditions.some((c) => c.status === 'True');
  },
  pods: (view, pod) => {
    const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    const eventful = view.eventsFor('Pod', pod.metadata?.name ?? '', pod.metadata?.namespace).length > 0;
    return !ready || Boolean(pod.metadata?.deletionTimestamp) || eventful;
  },
  persistentvolumes: (view, pv) => pv.status?.phase !== 'Bound' || view.attachmentsOfVolume(pv.metadata?.name ?? '').some((va) => !va.status?.attached || Boolean(va.metadata?.deletionTimestamp)),
  storageclasses: false,
  statefulsets: false,
  volumesnapshots: (_view, snap) => snap.status?.readyToUse !== true,
};
