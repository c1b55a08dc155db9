/**
 * A link to an object of the open cluster: it shows the object in its own view (a StorageClass in Classes...),
 * extends the breadcrumb, and Back returns. A link to an object that does not exist is marked as such and still
 * followed: the details then say it is missing and what refers to it. The text is cluster-sourced (names,
 * evidence values), so it is never machine-translated.
 */
import { isProvisionerRef, refKey, type TargetRef } from '../../../shared/model/refs';
import { DESCRIPTOR_OF_RESOURCE } from '../../../shared/kube/resource-registry';
import type { ViewId } from '../state/view-state';
import { WholeWords } from './WholeWords';
import { usePaneActions } from './pane-context';

/**
 * `here`: open the object's details beside the current view instead of going to its own view (the Exercises view
 * keeps the exercise in sight while the student looks at what they created).
 */
export function ObjectLink({ target, missing, label, view, here }: { target: TargetRef; missing?: boolean; label?: string; view?: ViewId; here?: boolean }) {
  const { follow, select } = usePaneActions();
  // A provisioner's name is its whole identity (it has no kind of its own to prefix).
  const text = label ?? (isProvisionerRef(target) ? target.name : `${DESCRIPTOR_OF_RESOURCE[target.kind].kind}/${refKey(target)}`);
  return (
    <button
      type="button"
      className={missing ? 'object-link missing' : 'object-link'}
      onClick={() => (here ? select(target) : follow(target, view))}
      translate="no"
      data-testid="object-link"
      data-kind={target.kind}
      data-name={target.name}
      data-missing={missing ? 'true' : undefined}
    >
      <WholeWords text={text} />
    </button>
  );
}
