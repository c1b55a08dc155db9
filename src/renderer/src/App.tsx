/**
 * The window: top bar, cluster list, one or two cluster panes, and the lesson beside them.
 * Escape closes the innermost open panel (details first, then the lesson).
 */
import { useEffect, useRef } from 'react';
import { useUiCommands } from './api/commands';
import { ClusterList } from './clusters/ClusterList';
import { ClusterPane } from './components/ClusterPane';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useI18n } from './i18n/i18n';
import { TopBar } from './components/TopBar';
import { LessonPanel } from './lessons/LessonPanel';
import { useClusters } from './clusters/use-clusters';
import { openClusterIn, useView } from './state/view-store';
import type { ViewState } from './state/view-state';

/** What Escape closes next. Exported for tests. */
export function closeInnermost(state: ViewState): ViewState | undefined {
  const withSelection = [...state.panes.keys()].reverse().find((i) => state.panes[i]?.selected);
  if (withSelection !== undefined)
    return { ...state, panes: state.panes.map((p, i) => (i === withSelection ? { ...p, selected: undefined, trail: undefined } : p)) };
  if (state.lesson) return { ...state, lesson: undefined };
  return undefined;
}

export function App() {
  const { state, update } = useView();
  const { t } = useI18n();
  useUiCommands();
  useShowAutoOpened();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape inside a text field clears or leaves the field; it does not close panels.
      const target = event.target;
      if (target instanceof Element && target.closest('input, textarea, select')) return;
      update((s) => closeInnermost(s) ?? s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [update]);

  return (
    <div className="app" data-testid="app">
      <TopBar />
      <div className={['app-body', state.lesson ? 'with-lesson' : '', state.panes.some((p) => p.view === 'graph') ? 'with-graph' : ''].filter(Boolean).join(' ')}>
        <ClusterList />
        <main className={state.panes.length > 1 ? 'panes split' : 'panes'}>
          {state.panes.map((_, i) => (
            <ClusterPane key={i} index={i} />
          ))}
        </main>
        {state.lesson && (
          <ErrorBoundary resetKey={state.lesson} title={t('state.viewFailed')}>
            <LessonPanel anchor={state.lesson} />
          </ErrorBoundary>
        )}
      </div>
    </div>
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
