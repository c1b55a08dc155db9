/** What the rules about one Pending claim share: the case they work on and small evidence/fix helpers. */
import type { PersistentVolumeClaim, Pod } from '../kube/objects';
import type { Evidence, Finding } from '../model/findings';
import type { ObjectRef } from '../model/refs';
import type { DiagnoseContext } from './context';
import { finding, step, t } from './finding';
import { eventEvidence, eventsAbout, newestEvent } from './object-helpers';
import { command } from './shell-quote';

/** After this long, waits that should be short (binding, provisioning) are reported as warnings. */
export const SLOW_WAIT_MS = 10 * 60_000;

/** One Pending claim and what every rule about it needs. */
export interface ClaimCase {
  ctx: DiagnoseContext;
  claim: PersistentVolumeClaim;
  ref: ObjectRef;
  ns: string;
  name: string;
  events: ReturnType<typeof eventsAbout>;
  pods: Pod[];
}

export function describeStep(c: ClaimCase) {
  return step(t('See the claim and its events', 'Посмотрите заявку и её события'), command`kubectl describe pvc ${c.name} -n ${c.ns}`);
}

export function recentEvents(c: ClaimCase, reasons: string[]): Evidence[] {
  const e = newestEvent(c.events, reasons);
  return e ? [eventEvidence(c.ctx.view, e)] : [];
}

export function pendingUnknown(c: ClaimCase, why: { en: string; ru: string }): Finding {
  const last = c.events[0];
  return finding({
    code: 'claim.pending',
    object: c.ref,
    cause: why,
    evidence: last ? [eventEvidence(c.ctx.view, last)] : [],
    fix: [describeStep(c)],
  });
}
