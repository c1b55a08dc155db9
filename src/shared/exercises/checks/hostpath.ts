/**
 * Exercise "hostpath": pod logger mounts the node directory /var/log/ex-hostpath and is pinned to node
 * lab-node-b1, so that a new pod finds the files its predecessor wrote (lesson "hostpath").
 */
import { diagnoseObject } from '../../diagnose';
import { refByName, refTo } from '../../diagnose/object-helpers';
import { failed, findPod, isOutcome, mountersOf, passed, podRunning, t, v } from '../observe';
import type { ExerciseChecks } from './types';

const POD = 'logger';
const PATH = '/var/log/ex-hostpath';
const NODE = 'lab-node-b1';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export const hostPathChecks: ExerciseChecks = {
  hostpath: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const vol = (pod.spec?.volumes ?? []).find((x) => x.hostPath?.path?.replace(/\/+$/, '') === PATH);
    if (!vol) {
      const other = (pod.spec?.volumes ?? []).find((x) => x.hostPath);
      return failed(
        other
          ? t(`Pod ${v(POD)} mounts hostPath ${v(other.hostPath?.path)}, not ${v(PATH)}.`, `Под ${v(POD)} монтирует hostPath ${v(other.hostPath?.path)}, а не ${v(PATH)}.`)
          : t(`Pod ${v(POD)} has no hostPath volume ${v(PATH)}.`, `У пода ${v(POD)} нет тома hostPath ${v(PATH)}.`),
        [ref],
      );
    }
    if (mountersOf(pod, vol.name ?? '').length === 0) {
      return failed(t(`Volume ${v(vol.name)} is declared but no container mounts it (volumeMounts).`, `Том ${v(vol.name)} объявлен, но ни один контейнер его не монтирует (volumeMounts).`), [ref]);
    }
    // Passed: say what the diagnosis says about it, which is the lesson of this exercise.
    const why = diagnoseObject(view, ref).find((f) => f.code.startsWith('pod.hostpath'));
    return passed(why?.cause ?? t(`Pod ${v(POD)} mounts ${v(PATH)} of its node.`, `Под ${v(POD)} монтирует ${v(PATH)} своего узла.`), [ref]);
  },
  pinned: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const wanted = pod.spec?.nodeSelector?.[HOSTNAME_LABEL];
    if (wanted === NODE) {
      return passed(
        t(`nodeSelector ${v(`${HOSTNAME_LABEL}: ${NODE}`)} keeps ${v(POD)} on the node that holds its files.`, `nodeSelector ${v(`${HOSTNAME_LABEL}: ${NODE}`)} держит ${v(POD)} на узле, где лежат его файлы.`),
        [ref, refByName('nodes', NODE)],
      );
    }
    const node = pod.spec?.nodeName;
    if (wanted) return failed(t(`nodeSelector pins the pod to ${v(wanted)}, not to ${v(NODE)}.`, `nodeSelector привязывает под к ${v(wanted)}, а не к ${v(NODE)}.`), [ref]);
    return failed(
      t(
        `Nothing pins ${v(POD)} to a node${node ? `: it runs on ${v(node)} because the scheduler chose it` : ''}. Recreated, it may land on another node and find ${v(PATH)} empty. Add nodeSelector ${v(`${HOSTNAME_LABEL}: ${NODE}`)}.`,
        `Под ${v(POD)} ни к какому узлу не привязан${node ? `: он на ${v(node)}, потому что так решил планировщик` : ''}. Пересозданный, он может попасть на другой узел и найти ${v(PATH)} пустым. Добавьте nodeSelector ${v(`${HOSTNAME_LABEL}: ${NODE}`)}.`,
      ),
      [ref],
    );
  },
  running: (view, namespace) => podRunning(view, namespace, POD, NODE),
};
