/**
 * Exercises: a goal the student reaches with kubectl on a lab, in steps the app checks live over the cluster's
 * objects. Plain data, bilingual, the same for the CLI (`kse exercise check`) and the UI. The app never writes to
 * a cluster: it prints the commands that set an exercise up and reset it, and only reads what the student did.
 *
 * Where things live:
 * - resources/exercises/<NN>-<id>/exercise.yaml: what does not depend on language (namespace, lessons, step ids,
 *   the objects a reset deletes, the official solution's commands), with start.yaml and solution.yaml beside it;
 * - resources/exercises/<lang>/<NN>-<id>.yaml: the words (title, goal, step titles, hints, solution);
 * - src/shared/exercises/checks/<id>.ts: one pure check per step (objects in, a StepResult out).
 */
import type { LessonAnchor } from '../lessons';
import type { Lang, Localized, Severity } from '../model/findings';
import type { ObjectRef } from '../model/refs';

/** The language-neutral part of an exercise (exercise.yaml). */
export interface ExerciseSpec {
  /** Stable id, e.g. "static-binding"; the checks are registered under it. */
  id: string;
  /** 1-based position in the course (the NN of the directory name): `kse exercise start 5`. */
  number: number;
  /** The namespace of its own that the starting state creates and every check looks in. */
  namespace: string;
  /** Lesson sections it practises, in the order to read them. */
  lessons: LessonAnchor[];
  /** Step ids in order; each has a check in src/shared/exercises/checks and a title in every language. */
  steps: string[];
  /**
   * Cluster-scoped objects the exercise creates or asks the student to create (e.g. "persistentvolumes/ex-static-pv"),
   * deleted by a reset together with the namespace.
   */
  clusterObjects: string[];
  /** The official solution: shell lines run in the exercise's directory, kubectl on PATH. */
  solution: string[];
}

/** The words of an exercise in one language (<lang>/<NN>-<id>.yaml). */
export interface ExerciseText {
  id: string;
  title: string;
  /** What to achieve, in the student's words (markdown). */
  goal: string;
  /** Step id -> what the step asks (markdown). */
  steps: Record<string, string>;
  /** Progressive hints, vaguest first (markdown). */
  hints: string[];
  /** The solution explained, shown on request (markdown); the commands come from the spec. */
  solution: string;
}

/** One exercise, in one language, ready to show. */
export interface Exercise {
  spec: ExerciseSpec;
  text: ExerciseText;
  lang: Lang;
}

/** Where a step stands. `passed`: done; `failed`: not done, the explanation says what the cluster shows. */
export type StepState = 'passed' | 'failed';

/** What one step's check found, in every language. */
export interface StepResult {
  /** Step id (ExerciseSpec.steps). */
  step: string;
  state: StepState;
  /**
   * What the check sees: for a failed step, what is there and what differs ("Claim data is Pending. The claim asks
   * for StorageClass fast-sdd, which does not exist..."); for a passed step, what proves it. Values from the
   * cluster are wrapped by verbatim().
   */
  explanation: Localized;
  /** The objects the explanation is about (the student's claim, pod, volume), for links in the UI. */
  objects: ObjectRef[];
  /** When the explanation is a diagnosis finding's, its code and severity (src/shared/diagnose/catalog.ts). */
  finding?: { code: string; severity: Severity };
}

/** Every step of one exercise checked at one moment. */
export interface ExerciseResult {
  exercise: string;
  namespace: string;
  /** ClusterView.now() when checked, ms since the epoch. */
  checkedAt: number;
  steps: StepResult[];
  /** Every step passed. */
  done: boolean;
  /**
   * Whether the namespace holds any pod or claim here (or a volume claimed from it): on a read-only source (a snapshot, a recording, the demo)
   * there is then something to observe; without, nothing the student does can reach it (exercise-mode.ts).
   */
  present?: boolean;
}

/** The outcome a step check returns (the step id is added by checkExercise). */
export type StepOutcome = Omit<StepResult, 'step'>;
