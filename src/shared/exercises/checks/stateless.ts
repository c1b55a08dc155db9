/**
 * Exercise "stateless": Deployment web, two replicas, nothing kept on disk (lesson "stateless"). The starting state
 * runs one replica that writes to a hostPath directory of its node.
 */
import { diagnoseObject } from '../../diagnose';
import { refTo } from '../../diagnose/object-helpers';
import type { ClusterView } from '../../diagnose/view';
import type { Pod, Volume } from '../../kube/objects';
import { failed, livePods, passed, t, v } from '../observe';
import type { ExerciseChecks } from './types';

const APP_LABEL = 'web';
const REPLICAS = 2;

/** Pods of Deployment web: labelled app=web and owned by a ReplicaSet (a bare pod is not the Deployment's). */
function webPods(view: ClusterView, namespace: string): Pod[] {
  return livePods(view, namespace).filter(
    (p) => p.metadata?.labels?.['app'] === APP_LABEL && (p.metadata?.ownerReferences ?? []).some((o) => o.kind === 'ReplicaSet'),
  );
}

/** Volumes that keep data beyond the pod: a node's directory or a claim. */
function keepsData(volume: Volume): boolean {
  return volume.hostPath !== undefined || volume.persistentVolumeClaim !== undefined || volume.ephemeral !== undefined;
}

export const statelessChecks: ExerciseChecks = {
  replicas: (view, namespace) => {
    const pods = webPods(view, namespace);
    const running = pods.filter((p) => p.status?.phase === 'Running');
    const refs = pods.map((p) => refTo('pods', p));
    if (pods.length === 0) {
      return failed(t(`No pod of Deployment ${v('web')} (label app=web) runs in ${v(namespace)}.`, `В ${v(namespace)} нет ни одного пода Deployment ${v('web')} (метка app=web).`));
    }
    if (running.length >= REPLICAS) {
      return passed(t(`Pods of ${v('web')} Running: ${running.length}.`, `Подов ${v('web')} в состоянии Running: ${running.length}.`), refs);
    }
    return failed(
      t(
        `Pods of Deployment ${v('web')} Running: ${running.length} of the ${REPLICAS} the exercise asks for (pods in all: ${pods.length}). Scale it to ${REPLICAS} replicas.`,
        `Подов Deployment ${v('web')} в состоянии Running: ${running.length} из ${REPLICAS}, которые просит упражнение (всего подов: ${pods.length}). Увеличьте число реплик до ${REPLICAS}.`,
      ),
      refs,
    );
  },
  'no-disk': (view, namespace) => {
    const pods = webPods(view, namespace);
    if (pods.length === 0) return failed(t(`No pod of ${v('web')} to look at yet.`, `Пока нет ни одного пода ${v('web')}, чтобы его проверить.`));
    for (const pod of pods) {
      const keeping = (pod.spec?.volumes ?? []).find(keepsData);
      if (!keeping) continue;
      const ref = refTo('pods', pod);
      const name = pod.metadata?.name ?? '';
      // The diagnosis already explains what a hostPath ties the data to: say it in the same words.
      const hostPath = diagnoseObject(view, ref).find((f) => f.code.startsWith('pod.hostpath') && f.id.endsWith(`#${keeping.name ?? ''}`));
      if (hostPath) return failed(t(`Pod ${v(name)} keeps data on disk. ${hostPath.cause.en}`, `Под ${v(name)} хранит данные на диске. ${hostPath.cause.ru}`), [ref], hostPath);
      const claim = keeping.persistentVolumeClaim?.claimName;
      return failed(
        t(
          `Pod ${v(name)} keeps data on disk: volume ${v(keeping.name)} is ${claim ? `claim ${v(claim)}` : 'an ephemeral claim'}. A stateless app keeps its data in a database or object storage.`,
          `Под ${v(name)} хранит данные на диске: том ${v(keeping.name)} — это ${claim ? `заявка ${v(claim)}` : 'эфемерная заявка'}. Приложение без состояния хранит данные в базе данных или объектном хранилище.`,
        ),
        [ref],
      );
    }
    return passed(
      t(`No pod of ${v('web')} mounts a hostPath or a claim: any replica can be replaced by another.`, `Ни один под ${v('web')} не монтирует hostPath или заявку: любую реплику можно заменить другой.`),
      pods.map((p) => refTo('pods', p)),
    );
  },
};
