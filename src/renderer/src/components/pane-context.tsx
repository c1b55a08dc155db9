/** What any component inside a cluster pane may do: select an object, open a lesson beside the view. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ObjectRef } from '../../../shared/model/refs';
import { usePane, useView } from '../state/view-store';
import type { ViewId } from '../state/view-state';

interface PaneActions {
  index: number;
  clusterId: string;
  select(ref: ObjectRef | undefined): void;
  show(view: ViewId): void;
  /** Opens the graph around this object; it stays the graph's root while the user clicks through nodes. */
  showGraph(root: ObjectRef): void;
  openLesson(anchor: string): void;
}

const PaneContext = createContext<PaneActions | null>(null);

export function PaneProvider({ index, clusterId, children }: { index: number; clusterId: string; children: ReactNode }) {
  const [, setPane] = usePane(index);
  const { update } = useView();
  const value = useMemo<PaneActions>(
    () => ({
      index,
      clusterId,
      select: (ref) => setPane({ selected: ref }),
      show: (view) => setPane({ view, filters: {}, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined }),
      showGraph: (root) => setPane({ view: 'graph', graphRoot: root, graphNamespace: undefined }),
      openLesson: (anchor) => update((s) => ({ ...s, lesson: anchor })),
    }),
    [index, clusterId, setPane, update],
  );
  return <PaneContext.Provider value={value}>{children}</PaneContext.Provider>;
}

export function usePaneActions(): PaneActions {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePaneActions must be used inside <PaneProvider>');
  return value;
}
