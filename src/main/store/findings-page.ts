/** listFindings: one page of a cluster's findings (already most severe first), by namespace and severity. */
import type { FindingsRequest } from '../../shared/contract';
import { SEVERITY_ORDER, type Finding } from '../../shared/model/findings';
import type { Page } from '../../shared/model/rows';

export type { FindingsRequest };

export function pageFindings(sorted: readonly Finding[], req: FindingsRequest, revision: number): Page<Finding> {
  const worst = req.minSeverity ? SEVERITY_ORDER.indexOf(req.minSeverity) : SEVERITY_ORDER.length;
  const offset = Math.max(0, Math.floor(req.offset));
  const size = Math.max(0, Math.floor(req.limit));
  const rows: Finding[] = [];
  let total = 0;
  for (const f of sorted) {
    if (req.namespace !== undefined && req.namespace !== '' && f.object.namespace !== req.namespace) continue;
    if (SEVERITY_ORDER.indexOf(f.severity) > worst) continue;
    if (total >= offset && rows.length < size) rows.push(f);
    total += 1;
  }
  return { total, offset, rows, revision };
}
