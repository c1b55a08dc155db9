/**
 * Exercise "wait-for-first-consumer": claim waiting (class lab-hostpath-wffc) stays Pending until a pod uses it;
 * the student creates pod consumer and sees it bind on the pod's node (lesson "binding-modes").
 */
import { refTo } from '../../diagnose/object-helpers';
import { claimBound, claimRef, failed, isOutcome, findClaim, livePods, mainFinding, passed, t, v } from '../observe';
import type { ExerciseChecks } from './types';

const CLAIM = 'waiting';

export const waitForFirstConsumerChecks: ExerciseChecks = {
  consumer: (view, namespace) => {
    const claim = findClaim(view, namespace, CLAIM);
    if (isOutcome(claim)) return claim;
    const users = view.podsUsingClaim(namespace, CLAIM).filter((p) => !p.metadata?.deletionTimestamp);
    if (users[0]) {
      const name = users[0].metadata?.name ?? '';
      return passed(t(`Pod ${v(name)} uses claim ${v(CLAIM)}.`, `Под ${v(name)} использует заявку ${v(CLAIM)}.`), [refTo('pods', users[0]), refTo('persistentvolumeclaims', claim)]);
    }
    // A pod that means to use it but names another claim: the diagnosis says which claim it asks for.
    for (const pod of livePods(view, namespace)) {
      const why = mainFinding(view, refTo('pods', pod));
      if (why?.code === 'pod.claim-missing') {
        return failed(t(`No pod uses claim ${v(CLAIM)}. ${why.cause.en}`, `Ни один под не использует заявку ${v(CLAIM)}. ${why.cause.ru}`), [refTo('pods', pod), claimRef(namespace, CLAIM)], why);
      }
    }
    const wait = mainFinding(view, claimRef(namespace, CLAIM));
    const cause = wait ? t(` ${wait.cause.en}`, ` ${wait.cause.ru}`) : t('', '');
    return failed(t(`No pod uses claim ${v(CLAIM)} yet.${cause.en}`, `Заявку ${v(CLAIM)} пока не использует ни один под.${cause.ru}`), [claimRef(namespace, CLAIM)], wait);
  },
  bound: (view, namespace) => {
    const outcome = claimBound(view, namespace, CLAIM);
    if (outcome.state === 'failed') return outcome;
    const node = view.get('persistentvolumeclaims', CLAIM, namespace)?.metadata?.annotations?.['volume.kubernetes.io/selected-node'];
    if (!node) return outcome;
    return passed(
      t(`${outcome.explanation.en} The scheduler chose node ${v(node)} for its pod first, and the volume was made there.`, `${outcome.explanation.ru} Сначала планировщик выбрал для пода узел ${v(node)}, и том создали там.`),
      outcome.objects,
    );
  },
};
