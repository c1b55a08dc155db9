/** What every rule gets: the view, plus memoised answers that many objects share (provisioner health). */
import { assessProvisioner, type ProvisionerAssessment } from './provisioners';
import type { ClusterView } from './view';

export interface DiagnoseContext {
  view: ClusterView;
  /** Health of a provisioner, computed once per diagnosis run. */
  provisioner(name: string): ProvisionerAssessment;
}

export function createContext(view: ClusterView): DiagnoseContext {
  const provisioners = new Map<string, ProvisionerAssessment>();
  return {
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
