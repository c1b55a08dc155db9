/** What any component inside a cluster pane may do: select an object, follow a link to one, open a lesson beside the view. */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { isProvisionerRef, provisionerRef, type TargetRef } from '../../../shared/model/refs';
import { followLink, openHere } from '../state/navigation';
import { usePane, useView } from '../state/view-store';
import type { ViewId } from '../state/view-state';
import { TABLE_OF_RESOURCE } from '../../../shared/kube/resource-registry';

interface PaneActions {
  index: number;
  clusterId: string;
  /** Opens an object's details in the current view (a table row, a graph node): a new path starts here. */
  select(ref: TargetRef | undefined): void;
  /**
   * Follows a link: shows the object in the view that lists its kind, a provisioner in Provisioners, extends the
   * breadcrumb, and pushes history so Back returns. A link with view 'provisioners' names a provisioner by name
   * (RelatedObject.view, SummaryRef.view): it opens the provisioner's details.
   */
  follow(ref: TargetRef, view?: ViewId): void;
  show(view: ViewId): void;
  /** Opens the graph around this object or provisioner; it stays the graph's root while the user clicks through nodes. */
  showGraph(root: TargetRef): void;
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
      select: (ref) => update((s) => ({ ...s, panes: s.panes.map((p, i) => (i === index ? openHere(p, ref) : p)) })),
      follow: (ref, view) => {
        const target: TargetRef = view === 'provisioners' && !isProvisionerRef(ref) ? provisionerRef(ref.name) : ref;
        const shownIn: ViewId | undefined = isProvisionerRef(target) ? 'provisioners' : (view ?? TABLE_OF_RESOURCE[target.kind]);
        update((s) => ({ ...s, panes: s.panes.map((p, i) => (i === index ? followLink(p, target, shownIn) : p)) }));
      },
      show: (view) => setPane({ view, filters: {}, search: undefined, sort: undefined, minSeverity: undefined, finding: undefined, trail: undefined }),
      showGraph: (root) => setPane({ view: 'graph', graphRoot: root, graphNamespace: undefined, trail: undefined }),
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
