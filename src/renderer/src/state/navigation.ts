/**
 * Following links between objects, as pure changes of a pane's state: a link shows its object in the view that
 * lists its kind (a StorageClass in Classes, a PV in Volumes), remembers where the user came from (the trail the
 * breadcrumb shows), and pushes a history entry so browser Back returns there. A new view starts unfiltered, as the
 * view navigation does; filters of the same view stay (the table clears them if they hide the object).
 */
import { sameRef, type TargetRef } from '../../../shared/model/refs';
import { MAX_TRAIL, type PaneState, type TrailStep, type ViewId } from './view-state';

/** What a view switch resets: filters belong to one table's columns. */
const UNFILTERED = { filters: {}, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined } as const;

/**
 * The pane after following a link to `target`, shown in `view` (or the current view when no view lists its kind).
 * The namespace filter goes when it would hide the target.
 */
export function followLink(pane: PaneState, target: TargetRef, view: ViewId | undefined): PaneState {
  const next: ViewId = view ?? pane.view;
  const here: TrailStep = pane.selected ? { view: pane.view, ref: pane.selected } : { view: pane.view };
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
 * The pane after clicking crumb `index` of crumbsOf(pane): that step again, with the trail before it. `viewOnly`
 * goes to the step's view with nothing selected (the first crumb names the view the path started in).
 */
export function toCrumb(pane: PaneState, index: number, viewOnly = false): PaneState {
  const crumbs = crumbsOf(pane);
  const step = crumbs[index];
  if (!step) return pane;
  const out: PaneState = { ...pane, view: step.view, selected: viewOnly ? undefined : step.ref, trail: undefined, tab: undefined };
  if (!viewOnly && index > 0) out.trail = crumbs.slice(0, index);
  if (step.view !== pane.view) Object.assign(out, UNFILTERED);
  return out;
}
