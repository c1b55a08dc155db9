/**
 * What the contract's exercise methods (listExercises, checkExercise in src/shared/contract.ts) carry, served by
 * ExerciseService in src/main/exercises/service.ts. Plain JSON both ways, like every contract method.
 *
 * How the Exercises view (src/renderer/src/exercises) uses them: listExercises once per language (static data,
 * staleTime Infinity); checkExercise with the query key ['cluster', clusterId, 'exercise', id], refetched on every
 * `changed` notice of the cluster (any kind: a step may read pods, claims, volumes, events or leases). Explanations
 * that depend on time (a provisioner whose Lease stops being renewed) follow too: the store announces its own
 * time-driven re-assessments as `changed` notices.
 */
import type { Lang } from '../model/findings';
import type { ExerciseSpec, ExerciseText } from './model';

/** One exercise as a view shows it: what does not depend on language, its words, and the commands to copy. */
export interface ExerciseCard {
  spec: ExerciseSpec;
  text: ExerciseText;
  lang: Lang;
  commands: ExerciseCommands;
}

/** Shell lines for the student's terminal; the app never runs them. */
export interface ExerciseCommands {
  /** The exercise's directory on this machine (start.yaml, solution.yaml). */
  dir: string;
  /** Sets it up: `kubectl apply -f <dir>/start.yaml`. */
  start: string;
  /** Starts over: deletes the namespace and what the exercise created, then applies the start again. */
  reset: string[];
  /** The official solution, run in `dir` (shown on request). */
  solution: string[];
  /** On the lab, the same as `reset` in one command: `npm run lab -- exercise N`. */
  lab: string;
}
