/**
 * How an exercise can be used on the open cluster (trial 9 defect 3). Exercises ask the student to create and
 * change objects with kubectl; a snapshot, a recording or the built-in demo cannot change, so a check there can
 * never pass, and showing "Not yet" under every step told a student to keep trying. On such a read-only source:
 * - `observed`: the exercise's namespace is in the file (someone recorded the lab with it): the steps show the
 *   cluster as recorded, answered by looking, not by doing;
 * - `needs-live`: nothing of it is there: the view says a live cluster is needed and how to get one, and shows no
 *   verdicts.
 * A live cluster (a kubeconfig context) is `checked`: the steps tick as the student works. Until the source and the
 * check are known, `checked` (the view's usual loading states apply).
 */
import type { SourceType } from '../model/status';
import type { ExerciseResult } from './model';

export type ExerciseMode = 'checked' | 'observed' | 'needs-live';

/** The mode for an exercise whose check returned `result` on a cluster of `source`. */
export function exerciseMode(source: SourceType | undefined, result: Pick<ExerciseResult, 'present'> | undefined): ExerciseMode {
  if (source === undefined || source === 'context' || result === undefined) return 'checked';
  return result.present ? 'observed' : 'needs-live';
}
