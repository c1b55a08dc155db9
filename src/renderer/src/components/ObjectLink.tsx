/** A link to an object of the open cluster: selecting it opens its details. */
import type { ObjectRef } from '../../../shared/model/refs';
import { refKey } from '../../../shared/model/refs';
import { KINDS } from '../../../shared/kube/kinds';
import { BidiText } from './BidiText';
import { usePaneActions } from './pane-context';

export function ObjectLink({ target, missing, label }: { target: ObjectRef; missing?: boolean; label?: string }) {
  const { select } = usePaneActions();
  const text = label ?? `${KINDS[target.kind].objectKind}/${refKey(target)}`;
  if (missing)
    return (
      <span className="object-link missing">
        <BidiText text={text} />
      </span>
    );
  return (
    <button type="button" className="object-link" onClick={() => select(target)} data-testid="object-link" data-kind={target.kind} data-name={target.name}>
      <BidiText text={text} />
    </button>
  );
}
