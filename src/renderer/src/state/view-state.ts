/**
 * The state of the view (which clusters are open, what each pane shows, the filter, the selection, the open
 * lesson) as plain data, and its round trip through the URL hash, so a view can be copied and restored:
 *
 *   #/claims?c=ctx%3Alab&ns=shop%2Cblog&f.phase=Pending&sort=age%3Adesc&sel=persistentvolumeclaims%3Ashop%2Fdata&tab=yaml
 *
 * A finding group the overview links to travels as fc (code), fsev (severity) and fsub (subject, "type:name").
 *
 * Following links between objects leaves a trail (the breadcrumb), one `trail` parameter per step taken; a step
 * carries what its view showed after a `?` (the same parameters as a pane's: q, f.*, ns, sev, fc, sort, tab), so
 * a crumb restores it:
 *
 *   #/classes?c=demo&sel=storageclasses%3Afast-ssd&trail=claims%3Apersistentvolumeclaims%3Alab-stuck%2Fmissing-class%3Fq%3Dstuck%26tab%3Drelated
 *
 * Kubernetes names never hold a `?` (DNS names; a provisioner's is a qualified name), so the first one ends the
 * step's object.
 * The web host's per-run token also arrives in the fragment (#token=...): it is split off first, never
 * written back, and never mixed with the view state.
 */
import { isResource, DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import type { Lang, Severity } from '../../../shared/model/findings';
import { SEVERITY_ORDER } from '../../../shared/model/findings';
import type { FindingFilter } from '../../../shared/model/finding-groups';
import { provisionerRef, type TargetRef } from '../../../shared/model/refs';
import { TABLE_IDS, type TableId } from '../../../shared/model/rows';

export type ViewId = 'overview' | TableId | 'graph' | 'exercises';
export const VIEW_IDS: readonly ViewId[] = ['overview', ...TABLE_IDS, 'graph', 'exercises'];

/** Tabs of the details panel, the basics first. */
export const DETAIL_TABS = ['summary', 'findings', 'volumes', 'init', 'events', 'related', 'yaml'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

/**
 * What a view showed besides its selection when the user left it by a link: its filters, search, namespace
 * filter, sort and the details tab. Going back to the step restores exactly this (fields absent were unset).
 */
export type ViewMemory = Partial<Pick<PaneState, 'namespaces' | 'filters' | 'minSeverity' | 'search' | 'finding' | 'sort' | 'tab'>>;

/** One step of the path taken through links: the view shown and the object selected in it (none for a view alone). */
export interface TrailStep {
  view: ViewId;
  ref?: TargetRef;
  /** The view's state when the link was followed; absent: nothing filtered or sorted, the Summary tab. */
  memory?: ViewMemory;
}

/** The breadcrumb keeps this many steps before the current one. */
export const MAX_TRAIL = 8;

export interface SortState {
  column: string;
  direction: 'asc' | 'desc';
}

/** What one cluster pane shows. */
export interface PaneState {
  cluster?: string;
  view: ViewId;
  /** Namespaces the tables are filtered to; absent: all. */
  namespaces?: string[];
  /** Exact filters by column id, e.g. {phase: 'Pending'}. */
  filters: Record<string, string>;
  minSeverity?: Severity;
  search?: string;
  /** Only objects with a finding of this group (from an overview count). */
  finding?: FindingFilter;
  sort?: SortState;
  selected?: TargetRef;
  /** The details panel's tab; unset means the first one (Summary). */
  tab?: DetailTab;
  /** The steps taken through links before the current selection, oldest first (the breadcrumb). */
  trail?: TrailStep[];
  /** The object the graph view is drawn around (kept while clicking through its nodes). */
  graphRoot?: TargetRef;
  /** Namespace drawn by the graph view when it has no root object. */
  graphNamespace?: string;
  /** The exercise the Exercises view shows (its id, e.g. "static-binding"). */
  exercise?: string;
}

export interface ViewState {
  /** Clusters open as tabs, in order. */
  open: string[];
  /** One pane, or two side by side. */
  panes: PaneState[];
  /** Lesson section open beside the view. */
  lesson?: string;
  lessonLang?: Lang;
}

export const emptyPane = (cluster?: string): PaneState => ({ cluster, view: 'overview', filters: {} });
export const EMPTY_VIEW: ViewState = { open: [], panes: [emptyPane()] };

/** Splits the web host's token off a URL fragment. */
export function splitToken(hash: string): { token?: string; rest: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const match = /^token=([^&]*)&?(.*)$/.exec(raw);
  if (!match) return { rest: hash };
  const rest = match[2] ?? '';
  return { token: decodeURIComponent(match[1] ?? ''), rest: rest ? `#${rest}` : '' };
}

export function refToParam(ref: TargetRef): string {
  return `${ref.kind}:${'namespace' in ref && ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/**
 * Reads `kind:namespace/name`, `kind:name` or `provisioners:name`. Only namespaced kinds have a namespace part: a
 * cluster-scoped name, and a provisioner's, may itself hold a slash ("provisioners:kubernetes.io/host-path").
 */
export function refFromParam(value: string | null): TargetRef | undefined {
  if (!value) return undefined;
  const colon = value.indexOf(':');
  const kind = value.slice(0, colon);
  if (colon >= 0 && kind === 'provisioners') return value.length > colon + 1 ? provisionerRef(value.slice(colon + 1)) : undefined;
  if (colon < 0 || !isResource(kind)) return undefined;
  const path = value.slice(colon + 1);
  const slash = DESCRIPTOR_OF_RESOURCE[kind].namespaced ? path.indexOf('/') : -1;
  const ref: TargetRef = slash < 0 ? { kind, name: path } : { kind, namespace: path.slice(0, slash), name: path.slice(slash + 1) };
  return ref.name ? ref : undefined;
}

/** `view`, `view:ref`, either followed by `?` and the step's memory as URL parameters (see the file's comment). */
export function stepToParam(step: TrailStep): string {
  const base = step.ref ? `${step.view}:${refToParam(step.ref)}` : step.view;
  if (!step.memory) return base;
  const params = new URLSearchParams();
  writeMemory(params, step.memory, '');
  if (step.memory.tab && step.ref) params.set('tab', step.memory.tab);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export function stepFromParam(value: string): TrailStep | undefined {
  const question = value.indexOf('?');
  const head = question < 0 ? value : value.slice(0, question);
  const colon = head.indexOf(':');
  const view = colon < 0 ? head : head.slice(0, colon);
  if (!isView(view)) return undefined;
  const step: TrailStep = { view };
  if (colon >= 0) {
    const ref = refFromParam(head.slice(colon + 1));
    if (!ref) return undefined;
    step.ref = ref;
  }
  if (question >= 0) {
    const params = new URLSearchParams(value.slice(question + 1));
    const memory: ViewMemory = readMemory(params, '');
    const tab = params.get('tab');
    if (isDetailTab(tab) && step.ref) memory.tab = tab;
    if (Object.keys(memory).length > 0) step.memory = memory;
  }
  return step;
}

function isDetailTab(value: string | null): value is DetailTab {
  return value !== null && (DETAIL_TABS as readonly string[]).includes(value);
}

function isView(value: string): value is ViewId {
  return (VIEW_IDS as readonly string[]).includes(value);
}

function isSeverity(value: string | null): value is Severity {
  return value !== null && (SEVERITY_ORDER as readonly string[]).includes(value);
}

/** The table's part of a view (namespaces, filters, severity, search, finding group, sort) as parameters. */
function writeMemory(params: URLSearchParams, view: ViewMemory, prefix: string): void {
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(prefix + key, value);
  };
  if (view.namespaces?.length) set('ns', view.namespaces.join(','));
  for (const [column, value] of Object.entries(view.filters ?? {}).sort()) set(`f.${column}`, value);
  set('sev', view.minSeverity);
  set('q', view.search);
  if (view.finding) {
    set('fc', view.finding.code);
    set('fsev', view.finding.severity);
    if (view.finding.subject) set('fsub', `${view.finding.subject.type}:${view.finding.subject.name}`);
  }
  if (view.sort) set('sort', `${view.sort.column}:${view.sort.direction}`);
}

/** Reads what writeMemory wrote; fields not present stay absent (filters too, when there are none). */
function readMemory(params: URLSearchParams, prefix: string): ViewMemory {
  const get = (key: string) => params.get(prefix + key) ?? undefined;
  const out: ViewMemory = {};
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith(`${prefix}f.`) && value) filters[key.slice(prefix.length + 2)] = value;
  }
  if (Object.keys(filters).length > 0) out.filters = filters;
  // Namespaces are DNS labels: a comma never occurs in one.
  const namespaces = (get('ns') ?? '').split(',').filter(Boolean);
  if (namespaces.length > 0) out.namespaces = [...new Set(namespaces)];
  const sev = params.get(`${prefix}sev`);
  if (isSeverity(sev)) out.minSeverity = sev;
  const search = get('q');
  if (search) out.search = search;
  const finding = readFinding(get('fc'), params.get(`${prefix}fsev`), get('fsub'));
  if (finding) out.finding = finding;
  const sort = /^(.+):(asc|desc)$/.exec(get('sort') ?? '');
  if (sort?.[1] && (sort[2] === 'asc' || sort[2] === 'desc')) out.sort = { column: sort[1], direction: sort[2] };
  return out;
}

function writePane(params: URLSearchParams, pane: PaneState, prefix: string): void {
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(prefix + key, value);
  };
  set('c', pane.cluster);
  if (prefix) set('view', pane.view);
  writeMemory(params, pane, prefix);
  if (pane.selected) set('sel', refToParam(pane.selected));
  // A tab belongs to the selection: without one it would be a stale parameter in a copied link.
  if (pane.selected) set('tab', pane.tab);
  for (const step of pane.trail ?? []) params.append(`${prefix}trail`, stepToParam(step));
  if (pane.graphRoot) set('groot', refToParam(pane.graphRoot));
  set('gns', pane.graphNamespace);
  set('ex', pane.exercise);
}

function readPane(params: URLSearchParams, prefix: string, view: ViewId): PaneState {
  const get = (key: string) => params.get(prefix + key) ?? undefined;
  const { filters = {}, ...memory } = readMemory(params, prefix);
  const cluster = get('c');
  const pane: PaneState = { ...(cluster ? { cluster } : {}), view, filters, ...memory };
  const selected = refFromParam(params.get(`${prefix}sel`));
  if (selected) pane.selected = selected;
  const tab = params.get(`${prefix}tab`);
  if (isDetailTab(tab) && pane.selected) pane.tab = tab;
  const trail = params
    .getAll(`${prefix}trail`)
    .map(stepFromParam)
    .filter((s): s is TrailStep => s !== undefined)
    .slice(-MAX_TRAIL);
  if (trail.length > 0) pane.trail = trail;
  const graphRoot = refFromParam(params.get(`${prefix}groot`));
  if (graphRoot) pane.graphRoot = graphRoot;
  const graphNamespace = get('gns');
  if (graphNamespace) pane.graphNamespace = graphNamespace;
  // An id as resources/exercises names them; anything else is dropped rather than sent to the core.
  const exercise = get('ex');
  if (exercise && /^[a-z0-9][-a-z0-9]{0,62}$/.test(exercise)) pane.exercise = exercise;
  return pane;
}

function readFinding(code: string | undefined, severity: string | null, subject: string | undefined): FindingFilter | undefined {
  if (!code) return undefined;
  const filter: FindingFilter = { code };
  if (isSeverity(severity)) filter.severity = severity;
  const match = /^(provisioner|class):(.+)$/.exec(subject ?? '');
  if (match?.[2]) filter.subject = { type: match[1] as 'provisioner' | 'class', name: match[2] };
  return filter;
}

/** The state as a URL fragment: `#/<view of the first pane>?<params>`. */
export function stateToHash(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.open.length) params.set('open', state.open.join(','));
  const [first, second] = state.panes;
  if (first) writePane(params, first, '');
  if (second) {
    params.set('split', '1');
    writePane(params, second, '2.');
  }
  if (state.lesson) params.set('lesson', state.lesson);
  if (state.lessonLang) params.set('ll', state.lessonLang);
  const query = params.toString();
  return `#/${first?.view ?? 'overview'}${query ? `?${query}` : ''}`;
}

/** Reads a fragment back; anything unknown or malformed falls back to the defaults rather than failing. */
export function hashToState(hash: string): ViewState {
  const { rest } = splitToken(hash);
  const match = /^#\/([^?]*)(?:\?(.*))?$/.exec(rest);
  if (!match) return { ...EMPTY_VIEW, panes: [emptyPane()] };
  const params = new URLSearchParams(match[2] ?? '');
  const firstView = isView(match[1] ?? '') ? (match[1] as ViewId) : 'overview';
  const panes = [readPane(params, '', firstView)];
  if (params.get('split') === '1') {
    const view = params.get('2.view') ?? '';
    panes.push(readPane(params, '2.', isView(view) ? view : 'overview'));
  }
  const open = (params.get('open') ?? '').split(',').filter(Boolean);
  for (const pane of panes) if (pane.cluster && !open.includes(pane.cluster)) open.push(pane.cluster);
  const state: ViewState = { open, panes };
  const lesson = params.get('lesson');
  if (lesson) state.lesson = lesson;
  const ll = params.get('ll');
  if (ll === 'en' || ll === 'ru') state.lessonLang = ll;
  return state;
}
