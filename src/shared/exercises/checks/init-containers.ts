/**
 * Exercise "init-containers": pod prepare runs as user 1000; init container download fills the emptyDir work,
 * then init container fix-owner, as root, hands the files to user 1000; then app starts (lesson "init-containers").
 */
import { refTo } from '../../diagnose/object-helpers';
import type { Container, Pod } from '../../kube/objects';
import { failed, findPod, isOutcome, mainFinding, passed, t, v } from '../observe';
import type { ExerciseChecks } from './types';

const POD = 'prepare';
const ORDER = ['download', 'fix-owner'] as const;

/** The user a container runs as: its own securityContext, else the pod's (undefined: the image's user). */
function userOf(pod: Pod, c: Container): number | undefined {
  return c.securityContext?.runAsUser ?? pod.spec?.securityContext?.runAsUser;
}

export const initContainersChecks: ExerciseChecks = {
  order: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const names = (pod.spec?.initContainers ?? []).map((c) => c.name ?? '');
    const positions = ORDER.map((n) => names.indexOf(n));
    const want = ORDER.map((n) => v(n)).join(', ');
    const have = names.length ? names.map((n) => v(n)).join(', ') : t('none', 'нет').en;
    if (positions.some((p) => p < 0) || positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0))) {
      return failed(
        t(
          `Init containers run one by one in the order they are listed; the exercise wants ${want} in this order, the pod has: ${have}.`,
          `Init-контейнеры выполняются по одному в порядке описания; упражнение просит ${want} именно в таком порядке, а в поде: ${names.length ? have : 'нет'}.`,
        ),
        [ref],
      );
    }
    return passed(t(`Init containers ${want} run in this order, each after the previous one finished.`, `Init-контейнеры ${want} выполняются в этом порядке, каждый после завершения предыдущего.`), [ref]);
  },
  'shared-volume': (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const everyone = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    const dirs = (pod.spec?.volumes ?? []).filter((x) => x.emptyDir !== undefined);
    const shared = dirs.find((d) => everyone.every((c) => (c.volumeMounts ?? []).some((m) => m.name === d.name)));
    if (shared) return passed(t(`Every container mounts emptyDir ${v(shared.name)}: what the init containers prepare, the app finds.`, `Все контейнеры монтируют emptyDir ${v(shared.name)}: что подготовили init-контейнеры, то приложение и найдёт.`), [ref]);
    const first = dirs[0];
    if (!first) return failed(t(`Pod ${v(POD)} has no emptyDir volume to prepare.`, `У пода ${v(POD)} нет тома emptyDir, который нужно подготовить.`), [ref]);
    const missing = everyone.filter((c) => !(c.volumeMounts ?? []).some((m) => m.name === first.name)).map((c) => v(c.name));
    return failed(
      t(
        `Not every container mounts emptyDir ${v(first.name)}: ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not, so what is prepared there does not reach every container.`,
        `Не все контейнеры монтируют emptyDir ${v(first.name)}: его не монтирует ${missing.join(', ')}, поэтому подготовленное в нём видят не все контейнеры.`,
      ),
      [ref],
    );
  },
  'other-user': (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const app = pod.spec?.containers?.[0];
    const appUser = app ? userOf(pod, app) : undefined;
    const root = (pod.spec?.initContainers ?? []).find((c) => userOf(pod, c) === 0);
    if (appUser === undefined || appUser === 0) {
      return failed(t(`The app container runs as ${appUser === 0 ? v('root') : "the image's user"}; the exercise asks for user 1000 (securityContext.runAsUser).`, `Контейнер приложения работает ${appUser === 0 ? `от ${v('root')}` : 'от пользователя образа'}; упражнение просит пользователя 1000 (securityContext.runAsUser).`), [ref]);
    }
    if (!root) {
      return failed(
        t(`Every init container runs as user ${v(appUser)}, like the app: none may change the owner of files. Run ${v('fix-owner')} as ${v('root')} (securityContext.runAsUser: 0).`, `Все init-контейнеры работают от пользователя ${v(appUser)}, как и приложение: сменить владельца файлов не может ни один. Запустите ${v('fix-owner')} от ${v('root')} (securityContext.runAsUser: 0).`),
        [ref],
      );
    }
    return passed(t(`Init container ${v(root.name)} runs as ${v('root')}, the app as user ${v(appUser)}.`, `Init-контейнер ${v(root.name)} работает от ${v('root')}, приложение — от пользователя ${v(appUser)}.`), [ref]);
  },
  completed: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const why = mainFinding(view, ref);
    if (why) return failed(why.cause, [ref], why);
    const inits = pod.status?.initContainerStatuses ?? [];
    const done = inits.filter((s) => s.state?.terminated?.exitCode === 0).length;
    const total = pod.spec?.initContainers?.length ?? 0;
    if (done < total || pod.status?.phase !== 'Running') {
      return failed(t(`${done} of ${total} init containers have finished; the app starts after the last one.`, `Завершилось init-контейнеров: ${done} из ${total}; приложение запустится после последнего.`), [ref]);
    }
    return passed(t(`Every init container (${total}) finished, and the app is Running.`, `Все init-контейнеры (${total}) завершились, приложение в состоянии Running.`), [ref]);
  },
};
