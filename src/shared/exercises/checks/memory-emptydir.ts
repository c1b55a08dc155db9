/**
 * Exercise "memory-emptydir": pod cache with an emptyDir in memory (medium Memory) and a size limit of at most
 * 256Mi (lesson "emptydir"). The starting state's emptyDir is on the node's disk.
 */
import { refTo } from '../../diagnose/object-helpers';
import { compareQuantities, parseQuantity } from '../../quantity';
import type { Pod, Volume } from '../../kube/objects';
import { failed, findPod, isOutcome, mountersOf, passed, podRunning, t, v } from '../observe';
import type { ExerciseChecks } from './types';
import type { StepOutcome } from '../model';

const POD = 'cache';
const MAX_LIMIT = '256Mi';

/** The emptyDir volumes a container mounts. */
function mountedEmptyDirs(pod: Pod): Volume[] {
  return (pod.spec?.volumes ?? []).filter((vol) => vol.emptyDir !== undefined && mountersOf(pod, vol.name ?? '').length > 0);
}

/** The pod's memory-backed emptyDir, or why there is none. */
function memoryVolume(pod: Pod): Volume | StepOutcome {
  const ref = refTo('pods', pod);
  const dirs = mountedEmptyDirs(pod);
  const inMemory = dirs.find((vol) => vol.emptyDir?.medium === 'Memory');
  if (inMemory) return inMemory;
  if (dirs.length === 0) return failed(t(`No container of ${v(POD)} mounts an emptyDir.`, `Ни один контейнер ${v(POD)} не монтирует emptyDir.`), [ref]);
  const names = dirs.map((vol) => v(vol.name)).join(', ');
  return failed(
    t(
      `emptyDir ${names} is on the node's disk (${v('medium')} is not set). Set ${v('medium: Memory')} to put it in RAM (${v('tmpfs')}).`,
      `emptyDir ${names} лежит на диске узла (${v('medium')} не задан). Укажите ${v('medium: Memory')}, чтобы он был в памяти (${v('tmpfs')}).`,
    ),
    [ref],
  );
}

export const memoryEmptyDirChecks: ExerciseChecks = {
  memory: (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const vol = memoryVolume(pod);
    if (isOutcome(vol)) return vol;
    // Field names and values stay as written in the manifest (verbatim), in both languages.
    return passed(t(`emptyDir ${v(vol.name)} is in memory (${v('medium: Memory')}).`, `emptyDir ${v(vol.name)} находится в памяти (${v('medium: Memory')}).`), [refTo('pods', pod)]);
  },
  'size-limit': (view, namespace) => {
    const pod = findPod(view, namespace, POD);
    if (isOutcome(pod)) return pod;
    const ref = refTo('pods', pod);
    const vol = memoryVolume(pod);
    if (isOutcome(vol)) return failed(t('There is no memory-backed emptyDir to limit yet.', 'Пока нет emptyDir в памяти, который нужно ограничить.'), [ref]);
    const limit = vol.emptyDir?.sizeLimit;
    if (!limit) {
      return failed(
        t(
          `emptyDir ${v(vol.name)} has no sizeLimit: files written to it take RAM up to the pod's memory limit (the node's memory when there is none).`,
          `У emptyDir ${v(vol.name)} нет sizeLimit: файлы в нём занимают память вплоть до лимита памяти пода (а без лимита — до памяти узла).`,
        ),
        [ref],
      );
    }
    // Exact, like every size comparison (shared/quantity.ts): "64Mi" and "67108864" are the same limit.
    const size = parseQuantity(limit);
    const max = parseQuantity(MAX_LIMIT);
    if (size === undefined || max === undefined || size.mantissa <= 0n || compareQuantities(size, max) > 0) {
      return failed(t(`sizeLimit ${v(limit)} is more than the exercise allows (${v(MAX_LIMIT)}).`, `sizeLimit ${v(limit)} больше, чем разрешает упражнение (${v(MAX_LIMIT)}).`), [ref]);
    }
    return passed(t(`emptyDir ${v(vol.name)} may hold at most ${v(limit)}.`, `emptyDir ${v(vol.name)} вмещает не больше ${v(limit)}.`), [ref]);
  },
  running: (view, namespace) => podRunning(view, namespace, POD),
};
