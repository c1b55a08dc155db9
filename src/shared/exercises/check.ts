/**
 * The contract for showing an exercise's progress: a pure function from the cluster's objects to a result per step,
 * with explanations in every language. The CLI (`kse exercise check`) prints it; the UI can call it on every change
 * notice (or every few seconds, as diagnosis verdicts that depend on time are refreshed).
 */
import type { ClusterView } from '../diagnose/view';
import { EXERCISE_CHECKS } from './checks';
import type { ExerciseResult, ExerciseSpec, StepResult } from './model';
import { t } from './observe';

/**
 * Checks every step of `spec` against `view`, in `namespace` (default: the exercise's own). Throws Error when the
 * exercise or one of its steps has no check: the files and src/shared/exercises/checks disagree (a unit test
 * keeps them in step, so a user never meets it).
 */
export function checkExercise(view: ClusterView, spec: ExerciseSpec, namespace: string = spec.namespace): ExerciseResult {
  const checks = EXERCISE_CHECKS[spec.id];
  if (!checks) throw new Error(`Exercise "${spec.id}" has no checks in src/shared/exercises/checks; add them to EXERCISE_CHECKS.`);
  const steps: StepResult[] = spec.steps.map((step) => {
    const check = checks[step];
    if (!check) throw new Error(`Step "${step}" of exercise "${spec.id}" has no check; add it to the exercise's checks.`);
    if (view.kindState('pods') === 'forbidden' && view.kindState('persistentvolumeclaims') === 'forbidden') {
      return {
        step,
        state: 'failed',
        objects: [],
        explanation: t(
          `The app may not read pods and claims in this cluster, so it cannot check this step. Open the lab with the lab-admin context.`,
          'Приложению не разрешено читать поды и заявки этого кластера, поэтому шаг не проверить. Откройте лабораторию в контексте lab-admin.',
        ),
      };
    }
    return { step, ...check(view, namespace) };
  });
  // Its objects: pods and claims of the namespace, or volumes that were claimed from it (exercise 10 ends with none
  // of its claims left, and its Released volume still naming the namespace).
  const present =
    view.list('pods', namespace).length > 0 ||
    view.list('persistentvolumeclaims', namespace).length > 0 ||
    view.list('persistentvolumes').some((pv) => pv.spec?.claimRef?.namespace === namespace);
  return { exercise: spec.id, namespace, checkedAt: view.now(), steps, done: steps.every((s) => s.state === 'passed'), present };
}
