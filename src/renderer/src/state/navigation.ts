/**
 * Following links between objects, as pure changes of a pane's state: a link shows its object in the view that
 * lists its kind (a StorageClass in Classes, a PV in Volumes), remembers where the user came from (the trail the
 * breadcrumb shows) with what that view showed (filters, search, namespaces, sort, the details tab), and pushes a
 * history entry so browser Back returns there. A new view starts unfiltered, as the view navigation does; filters
 * of the same view stay (the table clears them if they hide the object). Going back by a crumb restores the step's
 * view as the user left it (trial 9: back from a link, the claims lost their search «stuck» and the Related tab).
 */
import { sameRef, type TargetRef } from '../../../shared/model/refs';
import { MAX_TRAIL, type PaneState, type TrailStep, type ViewId, type ViewMemory } from './view-state';

/** What a view switch resets: filters belong to one table's columns. */
const UNFILTERED = { filters: {}, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined } as const;

/** The fields of a pane a trail step remembers, only those set (an empty filter set is "none"). */
function memoryOf(pane: PaneState): ViewMemory | undefined {
  const out: ViewMemory = {};
  if (pane.namespaces?.length) out.namespaces = [...pane.namespaces];
  if (Object.keys(pane.filters).length > 0) out.filters = { ...pane.filters };
  if (pane.minSeverity) out.minSeverity = pane.minSeverity;
  if (pane.search) out.search = pane.search;
  if (pane.finding) out.finding = pane.finding;
  if (pane.sort) out.sort = pane.sort;
  if (pane.selected && pane.tab) out.tab = pane.tab;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The pane after following a link to `target`, shown in `view` (or the current view when no view lists its kind).
 * The namespace filter goes when it would hide the target.
 */
export function followLink(pane: PaneState, target: TargetRef, view: ViewId | undefined): PaneState {
  const next: ViewId = view ?? pane.view;
  const here: TrailStep = pane.selected ? { view: pane.view, ref: pane.selected } : { view: pane.view };
  const memory = memoryOf(pane);
  if (memory) here.memory = memory;
  const trail = [...(pane.trail ?? []), here].slice(-MAX_TRAIL);
  const out: PaneState = { ...pane, view: next, selected: target, trail, tab: undefined };
  if (next !== pane.view) Object.assign(out, UNFILTERED);
  const namespace = 'namespace' in target ? target.namespace : undefined;
  if (pane.namespaces?.length && namespace && !pane.namespaces.includes(namespace)) out.namespaces = undefined;
  return out;
}

/**
 * The pane after opening an object where it is listed (a table row, a graph node): a new path starts there, and a
 * newly opened object starts on the Summary (the same object keeps its tab). A row of the Events view is an event
 * about its object: the object opens on its Events tab, where that event is (trial 3 defect 10).
 */
export function openHere(pane: PaneState, target: TargetRef | undefined): PaneState {
  const same = Boolean(target && pane.selected && sameRef(target, pane.selected));
  const tab = pane.view === 'events' && target ? 'events' : same ? pane.tab : undefined;
  return { ...pane, selected: target, trail: undefined, tab };
}

/** The breadcrumb: the steps taken, then where the user is now. Empty when no link was followed. */
export function crumbsOf(pane: PaneState): TrailStep[] {
  if (!pane.selected || !pane.trail?.length) return [];
  return [...pane.trail, { view: pane.view, ref: pane.selected }];
}

/**
 * The pane after clicking crumb `index` of crumbsOf(pane): that step again, with the trail before it, its view as
 * the user left it (filters, search, namespaces, sort, and the details tab of its object). `viewOnly` goes to the
 * step's view with nothing selected (the first crumb names the view the path started in), its filters restored.
 */
export function toCrumb(pane: PaneState, index: number, viewOnly = false): PaneState {
  const crumbs = crumbsOf(pane);
  const step = crumbs[index];
  if (!step) return pane;
  // The last crumb is where the user is (it has no memory of its own): nothing to go back to.
  if (index === crumbs.length - 1) return pane;
  const memory = step.memory ?? {};
  const out: PaneState = {
    ...pane,
    ...UNFILTERED,
    namespaces: undefined,
    ...memory,
    filters: { ...(memory.filters ?? {}) },
    view: step.view,
    selected: viewOnly ? undefined : step.ref,
    tab: viewOnly ? undefined : memory.tab,
    trail: !viewOnly && index > 0 ? crumbs.slice(0, index) : undefined,
  };
  return out;
}
