/**
 * Exercise "shared-emptydir": pod pair, containers writer and reader sharing one emptyDir (lessons "pod-volumes",
 * "emptydir"). The starting state gives each container its own emptyDir, so the reader never sees the file.
 */
import { refTo } from '../../diagnose/object-helpers';
import { failed, findPod, isOutcome, listOf, mountersOf, passed, podRunning, t, v } from '../observe';
import type { ExerciseChecks } from './types';

const POD = 'pair';

export const sharedEmptyDirChecks: ExerciseChecks = {
  shared: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const containers = pod.spec?.containers ?? [];
    if (containers.length < 2) {
      return failed(t(`Pod ${v(POD)} has ${containers.length} container(s); the exercise asks for two (writer and reader).`, `В поде ${v(POD)} контейнеров: ${containers.length}; упражнение просит два (writer и reader).`), [ref]);
    }
    const emptyDirs = (pod.spec?.volumes ?? []).filter((vol) => vol.emptyDir !== undefined);
    const shared = emptyDirs.find((vol) => mountersOf(pod, vol.name ?? '', containers).length === containers.length);
    if (shared) {
      return passed(
        t(`Every container of ${v(POD)} mounts emptyDir ${v(shared.name)}: what one writes, the others read.`, `Все контейнеры ${v(POD)} монтируют emptyDir ${v(shared.name)}: что пишет один, читают другие.`),
        [ref],
      );
    }
    if (emptyDirs.length === 0) return failed(t(`Pod ${v(POD)} has no emptyDir volume.`, `У пода ${v(POD)} нет тома emptyDir.`), [ref]);
    // Say who mounts what: the student sees at once which container misses the shared one.
    const lines = containers.map((c) => {
      const mine = emptyDirs.filter((vol) => (c.volumeMounts ?? []).some((m) => m.name === vol.name)).map((vol) => v(vol.name));
      return { en: `${v(c.name)} mounts ${mine.length ? listOf(mine).en : 'no emptyDir'}`, ru: `${v(c.name)} монтирует ${mine.length ? listOf(mine).ru : 'ни одного emptyDir'}` };
    });
    return failed(
      t(
        `No emptyDir is mounted by every container: ${lines.map((l) => l.en).join('; ')}. Each emptyDir is a directory of its own, so the containers do not see each other's files.`,
        `Нет emptyDir, который монтируют все контейнеры: ${lines.map((l) => l.ru).join('; ')}. Каждый emptyDir — отдельный каталог, поэтому контейнеры не видят файлов друг друга.`,
      ),
      [ref],
    );
  },
  running: (view, namespace) => podRunning(view, namespace, POD),
};
