/**
 * What the graph draws when it opens: the object chosen for it (or the one whose details are open), else the
 * namespace chosen in the graph, else the namespace the tables are filtered to, else the chains that have problems
 * (in the tables' namespaces when several are chosen). Never an empty canvas asking to pick a namespace (issue 9).
 */
import type { GraphRequest } from '../../../shared/model/detail';
import type { TargetRef } from '../../../shared/model/refs';
import { isProvisionerRef } from '../../../shared/model/refs';
import type { PaneState } from '../state/view-state';

/**
 * The graph's namespace choice meaning "the chains with problems" (PaneState.graphNamespace). A namespace name
 * is a DNS label, so it can never be "*".
 */
export const PROBLEMS_VIEW = '*';

export type GraphStartPane = Pick<PaneState, 'graphRoot' | 'graphNamespace' | 'selected' | 'namespaces'>;

/** The object the graph is drawn around, if any: the graph's own root, else the selection unless a namespace was chosen. */
export function graphRootOf(pane: GraphStartPane): TargetRef | undefined {
  return pane.graphRoot ?? (pane.graphNamespace ? undefined : pane.selected);
}

/** The namespace choice shown by the graph's select: a namespace, or PROBLEMS_VIEW. */
export function graphNamespaceChoice(pane: GraphStartPane): string {
  if (pane.graphNamespace) return pane.graphNamespace;
  return pane.namespaces?.length === 1 ? pane.namespaces[0]! : PROBLEMS_VIEW;
}

/** The request for the graph's first view (see the file's comment); `expand` names the groups opened. */
export function graphRequestFor(pane: GraphStartPane, clusterId: string, expand: readonly string[] = []): GraphRequest {
  const extra = expand.length > 0 ? { expand: [...expand] } : {};
  const root = graphRootOf(pane);
  if (root) return isProvisionerRef(root) ? { clusterId, provisioner: root.name, ...extra } : { clusterId, root, ...extra };
  const choice = graphNamespaceChoice(pane);
  if (choice !== PROBLEMS_VIEW) return { clusterId, namespace: choice, ...extra };
  const namespaces = pane.graphNamespace ? undefined : pane.namespaces;
  return { clusterId, problems: true, ...(namespaces && namespaces.length > 0 ? { namespaces: [...namespaces] } : {}), ...extra };
}
