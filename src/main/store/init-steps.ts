/**
 * A pod's init containers as ordered steps: waiting, running, done or failed, with times, restarts, exit code,
 * last message and the user they run as. Native sidecars (restartPolicy Always) are marked: they keep running.
 */
import type { ContainerStatus, Pod } from '../../shared/kube/objects';
import type { InitState, InitStepView } from '../../shared/model/detail';
import { isSidecar } from './rows/pod-status';

function stateOf(status: ContainerStatus | undefined, sidecar: boolean): InitState {
  const state = status?.state;
  if (!state) return 'waiting';
  if (state.terminated) return (state.terminated.exitCode ?? 0) === 0 ? 'done' : 'failed';
  if (state.running) return sidecar && status?.started === false ? 'waiting' : 'running';
  // Waiting again after a failed run (CrashLoopBackOff, or a restart after an error) is a failure to show.
  const last = status?.lastState?.terminated;
  if (last && (last.exitCode ?? 0) !== 0) return 'failed';
  return 'waiting';
}

export function initSteps(pod: Pod): InitStepView[] {
  const statuses = new Map((pod.status?.initContainerStatuses ?? []).map((s) => [s.name ?? '', s]));
  const podUser = pod.spec?.securityContext?.runAsUser;
  return (pod.spec?.initContainers ?? []).map((container, index) => {
    const name = container.name ?? '';
    const status = statuses.get(name);
    const sidecar = isSidecar(container);
    const step: InitStepView = {
      name,
      index,
      state: stateOf(status, sidecar),
      sidecar,
      restarts: status?.restartCount ?? 0,
      mounts: (container.volumeMounts ?? []).map((m) => `${m.name ?? ''}:${m.mountPath ?? ''}${m.readOnly ? ' (ro)' : ''}`),
    };
    if (container.image) step.image = container.image;
    const state = status?.state;
    const terminated = state?.terminated ?? (state?.waiting ? status?.lastState?.terminated : undefined);
    const startedAt = state?.running?.startedAt ?? terminated?.startedAt;
    if (startedAt) step.startedAt = startedAt;
    if (terminated?.finishedAt) step.finishedAt = terminated.finishedAt;
    if (terminated?.exitCode !== undefined) step.exitCode = terminated.exitCode;
    const reason = state?.waiting?.reason ?? terminated?.reason;
    if (reason) step.reason = reason;
    const message = state?.waiting?.message ?? terminated?.message;
    if (message) step.message = message;
    const user = container.securityContext?.runAsUser ?? podUser;
    if (user !== undefined) step.runAsUser = user;
    return step;
  });
}
