/**
 * The window: top bar, cluster list, one or two cluster panes, and the lesson beside them. The frame never
 * scrolls; each region scrolls on its own, and side panels overlay the content when docking them would squeeze it
 * (state/frame-layout.ts). Escape closes the panel it is pressed in, else the topmost one (closeInnermost).
 */
import { useEffect, useRef } from 'react';
import { useUiCommands } from './api/commands';
import { ClusterList } from './clusters/ClusterList';
import { ClusterPane } from './shell/ClusterPane';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useI18n } from './i18n/i18n';
import { TopBar } from './shell/TopBar';
import { LessonPanel } from './lessons/LessonPanel';
import { useClusters } from './clusters/use-clusters';
import { openClusterIn, useView } from './state/view-store';
import type { ViewState } from './state/view-state';
import { FRAME, lessonMayOverlay, minBesideLesson, sidebarCollapsed, type SidebarChoice } from './state/frame-layout';
import { usePersisted } from './state/persisted';
import { useWindowWidth } from './state/use-width';
import { useDocumentTitle } from './shell/document-title';

/**
 * Where Escape was pressed, as far as panels go: inside the lesson, inside the details panel of pane N, or
 * elsewhere (`lessonOnTop`: the lesson overlays the panes, so it is the topmost panel).
 */
export type EscapeOrigin = { in: 'lesson' } | { in: 'details'; pane: number } | { in: 'elsewhere'; lessonOnTop?: boolean };

/**
 * What Escape closes next: the panel it was pressed in; from elsewhere the topmost panel, i.e. an overlaying
 * lesson, else the details of the last pane with a selection, then the lesson. Closing details also drops their
 * tab and trail, so no stale `tab=` stays in the URL. Undefined: nothing to close. Exported for tests.
 */
export function closeInnermost(state: ViewState, origin: EscapeOrigin = { in: 'elsewhere' }): ViewState | undefined {
  const closeLesson = () => (state.lesson ? { ...state, lesson: undefined } : undefined);
  const closeDetails = (pane: number) =>
    state.panes[pane]?.selected
      ? { ...state, panes: state.panes.map((p, i) => (i === pane ? { ...p, selected: undefined, trail: undefined, tab: undefined } : p)) }
      : undefined;
  if (origin.in === 'lesson') return closeLesson();
  if (origin.in === 'details') return closeDetails(origin.pane);
  if (origin.lessonOnTop && state.lesson) return closeLesson();
  const withSelection = [...state.panes.keys()].reverse().find((i) => state.panes[i]?.selected);
  if (withSelection !== undefined) return closeDetails(withSelection);
  return closeLesson();
}

/** Where in the frame a key event happened (see EscapeOrigin). */
function escapeOrigin(target: EventTarget | null): EscapeOrigin {
  const element = target instanceof Element ? target : null;
  if (element?.closest('[data-testid="lesson-panel"]')) return { in: 'lesson' };
  const pane = element?.closest('[data-testid="details-panel"]')?.closest<HTMLElement>('[data-testid^="pane-"]');
  const index = pane ? Number(pane.dataset.testid?.slice('pane-'.length)) : NaN;
  if (Number.isInteger(index)) return { in: 'details', pane: index };
  const lesson = document.querySelector('[data-testid="lesson-panel"]');
  return { in: 'elsewhere', lessonOnTop: lesson?.getAttribute('data-mode') === 'overlay' };
}

const isSidebarChoice = (v: unknown): v is SidebarChoice => v === 'auto' || v === 'wide' || v === 'collapsed';

export function App() {
  const { state, update } = useView();
  const { t } = useI18n();
  useUiCommands();
  useShowAutoOpened();
  useDocumentTitle();
  const windowWidth = useWindowWidth();
  const [sidebar, setSidebar] = usePersisted<SidebarChoice>('kse.sidebar', 'auto', isSidebarChoice);
  const split = state.panes.length > 1;
  const detailsOpen = state.panes.some((p) => p.selected);
  const collapsed = sidebarCollapsed({
    windowWidth,
    sidebar,
    lessonOpen: Boolean(state.lesson),
    split,
    graphShown: state.panes.some((p) => p.view === 'graph'),
    detailsOpen,
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape inside a text field clears or leaves the field; it does not close panels.
      const target = event.target;
      if (target instanceof Element && target.closest('input, textarea, select')) return;
      const origin = escapeOrigin(target);
      update((s) => closeInnermost(s, origin) ?? s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [update]);

  // The panes keep room for their navigation and a usable view; below that the lesson overlays one pane, and
  // docks at its minimum beside two (it never hides one of them).
  const sidebarWidth = collapsed ? FRAME.sidebarCollapsed : FRAME.sidebarWide;
  const lessonMinContent = () => minBesideLesson({ sidebarWidth, split, detailsOpen });

  return (
    <div className="app" data-testid="app">
      <SkipToContent />
      <TopBar />
      <div className="app-body">
        <ClusterList collapsed={collapsed} onToggle={() => setSidebar(collapsed ? 'wide' : 'collapsed')} />
        <main className={split ? 'panes split' : 'panes'} aria-label={t('app.content')}>
          {state.panes.map((_, i) => (
            <ClusterPane key={i} index={i} />
          ))}
        </main>
        {state.lesson && (
          <ErrorBoundary resetKey={state.lesson} title={t('state.viewFailed')}>
            <LessonPanel anchor={state.lesson} minContent={lessonMinContent} mayOverlay={lessonMayOverlay({ split })} />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
}

/** The first stop of the keyboard: straight to the view of the first pane, past the top bar and cluster list. */
function SkipToContent() {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="skip-link"
      onClick={() => document.querySelector<HTMLElement>('[data-main-content]')?.focus()}
      data-testid="skip-link"
    >
      {t('app.skipToContent')}
    </button>
  );
}

/**
 * On a fresh start (nothing in the URL), show a cluster the core already opened by itself, e.g. the demo when
 * there is no kubeconfig, so a newcomer lands on data rather than on an empty page.
 */
function useShowAutoOpened(): void {
  const { state, update } = useView();
  const { data: clusters } = useClusters();
  const nothingShown = state.open.length === 0;
  // Only at start: a user who closed every tab wants them closed.
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || !clusters) return;
    decided.current = true;
    // Only one that works: a demo that failed to load should not take the screen from the contexts.
    const opened = clusters.find((c) => c.connection === 'connected' || c.connection === 'offline' || c.connection === 'connecting');
    if (nothingShown && opened) update((s) => (s.open.length === 0 ? openClusterIn(s, opened.id, 0) : s), 'replace');
  }, [nothingShown, clusters, update]);
}
