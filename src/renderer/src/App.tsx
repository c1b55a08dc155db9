/**
 * The window: top bar, cluster list, one or two cluster panes, and the lesson beside them.
 * Escape closes the innermost open panel (details first, then the lesson).
 */
import { useEffect } from 'react';
import { useUiCommands } from './api/commands';
import { ClusterList } from './clusters/ClusterList';
import { ClusterPane } from './components/ClusterPane';
import { TopBar } from './components/TopBar';
import { LessonPanel } from './lessons/LessonPanel';
import { useView } from './state/view-store';
import type { ViewState } from './state/view-state';

/** What Escape closes next. Exported for tests. */
export function closeInnermost(state: ViewState): ViewState | undefined {
  const withSelection = [...state.panes.keys()].reverse().find((i) => state.panes[i]?.selected);
  if (withSelection !== undefined)
    return { ...state, panes: state.panes.map((p, i) => (i === withSelection ? { ...p, selected: undefined } : p)) };
  if (state.lesson) return { ...state, lesson: undefined };
  return undefined;
}

export function App() {
  const { state, update } = useView();
  useUiCommands();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape inside a text field clears or leaves the field; it does not close panels.
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      update((s) => closeInnermost(s) ?? s);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [update]);

  return (
    <div className="app" data-testid="app">
      <TopBar />
      <div className={state.lesson ? 'app-body with-lesson' : 'app-body'}>
        <ClusterList />
        <main className={state.panes.length > 1 ? 'panes split' : 'panes'}>
          {state.panes.map((_, i) => (
            <ClusterPane key={i} index={i} />
          ))}
        </main>
        {state.lesson && <LessonPanel anchor={state.lesson} />}
      </div>
    </div>
  );
}
