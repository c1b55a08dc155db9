/** Every exercise's step checks, by exercise id (ExerciseSpec.id). A unit test holds this and the files in step. */
import { dynamicChecks } from './dynamic';
import { hostPathChecks } from './hostpath';
import { initContainersChecks } from './init-containers';
import { memoryEmptyDirChecks } from './memory-emptydir';
import { reclaimChecks } from './reclaim';
import { sharedEmptyDirChecks } from './shared-emptydir';
import { statelessChecks } from './stateless';
import { staticBindingChecks } from './static-binding';
import { stuckClaimsChecks } from './stuck-claims';
import type { ExerciseChecks } from './types';
import { waitForFirstConsumerChecks } from './wait-for-first-consumer';

export type { ExerciseChecks, StepCheck } from './types';

export const EXERCISE_CHECKS: Readonly<Record<string, ExerciseChecks>> = {
  stateless: statelessChecks,
  'shared-emptydir': sharedEmptyDirChecks,
  'memory-emptydir': memoryEmptyDirChecks,
  hostpath: hostPathChecks,
  'static-binding': staticBindingChecks,
  dynamic: dynamicChecks,
  'wait-for-first-consumer': waitForFirstConsumerChecks,
  'stuck-claims': stuckClaimsChecks,
  'init-containers': initContainersChecks,
  reclaim: reclaimChecks,
};
