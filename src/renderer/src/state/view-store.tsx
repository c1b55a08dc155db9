/**
 * The live view state, kept in the URL hash. Navigation (view, selection) pushes a history entry so Back works;
 * typing in search replaces it. Components read and update it through useView / usePane.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { emptyPane, hashToState, stateToHash, type PaneState, type ViewState } from './view-state';

interface ViewStore {
  state: ViewState;
  update(change: (state: ViewState) => ViewState, mode?: 'push' | 'replace'): void;
}

const ViewContext = createContext<ViewStore | null>(null);

function currentHash(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

export function ViewProvider({ children, initial }: { children: ReactNode; initial?: ViewState }) {
  const [state, setState] = useState<ViewState>(() => initial ?? hashToState(currentHash()));

  useEffect(() => {
    const onHashChange = () => setState(hashToState(currentHash()));
    window.addEventListener('hashchange', onHashChange);
    window.addEventListener('popstate', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      window.removeEventListener('popstate', onHashChange);
    };
  }, []);

  const update = useCallback<ViewStore['update']>((change, mode = 'push') => {
    setState((previous) => {
      const next = change(previous);
      const hash = stateToHash(next);
      if (typeof history !== 'undefined' && hash !== currentHash()) {
        // Keep path and query (the web host may use them); only the fragment carries view state.
        const url = `${location.pathname}${location.search}${hash}`;
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
      return next;
    });
  }, []);

  const value = useMemo(() => ({ state, update }), [state, update]);
  return <ViewContext.Provider value={value}>{children}</ViewContext.Provider>;
}

export function useView(): ViewStore {
  const value = useContext(ViewContext);
  if (!value) throw new Error('useView must be used inside <ViewProvider>');
  return value;
}

/** One pane's state and a setter that merges changes into it. */
export function usePane(index: number): [PaneState, (change: Partial<PaneState>, mode?: 'push' | 'replace') => void] {
  const { state, update } = useView();
  const pane = state.panes[index] ?? emptyPane();
  const setPane = useCallback(
    (change: Partial<PaneState>, mode: 'push' | 'replace' = 'push') =>
      update((s) => ({ ...s, panes: s.panes.map((p, i) => (i === index ? { ...p, ...change } : p)) }), mode),
    [index, update],
  );
  return [pane, setPane];
}

/** Opens a cluster in a pane (as a tab if not open yet). */
export function openClusterIn(state: ViewState, clusterId: string, paneIndex = 0): ViewState {
  const open = state.open.includes(clusterId) ? state.open : [...state.open, clusterId];
  const panes = state.panes.map((p, i) => (i === paneIndex ? (p.cluster === clusterId ? p : emptyPane(clusterId)) : p));
  return { ...state, open, panes };
}

/** Closes a cluster tab; panes that showed it move to another open cluster or to nothing. */
export function closeClusterIn(state: ViewState, clusterId: string): ViewState {
  const open = state.open.filter((id) => id !== clusterId);
  const panes = state.panes
    .map((p) => (p.cluster === clusterId ? emptyPane(open[0]) : p))
    .filter((p, i, all) => i === 0 || (p.cluster !== undefined && p.cluster !== all[0]?.cluster));
  return { ...state, open, panes };
}
