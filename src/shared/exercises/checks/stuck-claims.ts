/**
 * Exercise "stuck-claims": four claims stuck Pending, each for another reason (lesson "troubleshooting-pending"):
 * a class that does not exist, a provisioner that does not run, a static volume too small, a provisioner that
 * refuses. Each step passes when its claim, under the same name, is Bound; until then it says why not, in the
 * diagnosis engine's words.
 */
import { claimBound } from '../observe';
import type { ExerciseChecks } from './types';

export const STUCK_CLAIMS = ['missing-class', 'absent-provisioner', 'too-big-for-pv', 'provisioning-fails'] as const;

export const stuckClaimsChecks: ExerciseChecks = Object.fromEntries(
  STUCK_CLAIMS.map((name) => [name, (view, namespace) => claimBound(view, namespace, name)] as const),
);
