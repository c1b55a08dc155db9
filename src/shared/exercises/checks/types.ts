/** The shape of a step check: pure, objects in (through ClusterView), an outcome out. Never writes, never waits. */
import type { ClusterView } from '../../diagnose/view';
import type { StepOutcome } from '../model';

/** Checks one step in the exercise's namespace, from what the cluster shows now. */
export type StepCheck = (view: ClusterView, namespace: string) => StepOutcome;

/** Step id -> its check, for one exercise. */
export type ExerciseChecks = Readonly<Record<string, StepCheck>>;
