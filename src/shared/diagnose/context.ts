/** What every rule gets: the view, plus memoised answers that many objects share (provisioner health). */
import type { PersistentVolume } from '../kube/objects';
import { assessProvisioner, type ProvisionerAssessment } from './provisioners';
import type { NodeFacts } from './selectors';
import type { ClusterView } from './view';

export interface DiagnoseContext {
  view: ClusterView;
  /** Health of a provisioner, computed once per diagnosis run. */
  provisioner(name: string): ProvisionerAssessment;
  /** The nodes as node affinity sees them, listed once per run. */
  nodes(): NodeFacts[];
  /** Per volume: does any node satisfy its node affinity? Filled by static-binding.ts. */
  volumeHasNode: WeakMap<PersistentVolume, boolean>;
}

export function createContext(view: ClusterView): DiagnoseContext {
  const provisioners = new Map<string, ProvisionerAssessment>();
  let nodes: NodeFacts[] | undefined;
  return {
    volumeHasNode: new WeakMap(),
    nodes() {
      nodes ??= view.list('nodes').map((n) => ({ name: n.metadata?.name ?? '', labels: n.metadata?.labels ?? {} }));
      return nodes;
    },
    view,
    provisioner(name) {
      let known = provisioners.get(name);
      if (!known) {
        known = assessProvisioner(view, name);
        provisioners.set(name, known);
      }
      return known;
    },
  };
}
