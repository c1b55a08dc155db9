/**
 * The STATUS column of `kubectl get pods`, as kubectl computes it (k8s.io/kubernetes pkg/printers/internalversion
 * printPod): Init:1/3, Init:CrashLoopBackOff, Init:Error, Init:ExitCode:1, ContainerCreating, CrashLoopBackOff,
 * Completed, NotReady, Terminating...; with READY and RESTARTS and the init progress.
 */
import type { Container, ContainerStatus, Pod } from '../../../shared/kube/objects';

export interface PodStatusSummary {
  status: string;
  /** "ready/total" containers (native sidecars count once started). */
  ready: string;
  restarts: number;
  initDone: number;
  initTotal: number;
}

/** A native sidecar: an init container with restartPolicy Always (keeps running after it starts). */
export function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function conditionTrue(pod: Pod, type: string): boolean {
  return pod.status?.conditions?.some((c) => c.type === type && c.status === 'True') ?? false;
}

function terminatedReason(prefix: string, status: ContainerStatus): string {
  const t = status.state?.terminated;
  if (!t) return '';
  const signal = (t as { signal?: number }).signal;
  if (t.reason) return `${prefix}${t.reason}`;
  if (signal) return `${prefix}Signal:${signal}`;
  return `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

export function podStatus(pod: Pod): PodStatusSummary {
  const initSpecs = pod.spec?.initContainers ?? [];
  const initByName = new Map(initSpecs.map((c) => [c.name ?? '', c]));
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  const total = (pod.spec?.containers ?? []).length + initSpecs.filter(isSidecar).length;
  let ready = 0;
  let restarts = 0;
  let reason = pod.status?.reason || pod.status?.phase || 'Pending';
  if (pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  let initDone = 0;
  for (const [i, status] of initStatuses.entries()) {
    restarts += status.restartCount ?? 0;
    if (isSidecar(initByName.get(status.name ?? '')) && status.started) {
      if (status.ready) ready += 1;
      initDone += 1;
      continue;
    }
    const state = status.state ?? {};
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) {
      initDone += 1;
      continue;
    }
    if (state.terminated) reason = terminatedReason('Init:', status);
    else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') reason = `Init:${state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }
  // Init containers without a status yet have not run (the kubelet reports them all once the pod starts).
  if (initStatuses.length === 0 && initSpecs.length > 0 && pod.spec?.nodeName && !conditionTrue(pod, 'Initialized') && reason === 'Pending') {
    reason = `Init:0/${initSpecs.length}`;
    initializing = true;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    // Like kubectl: once initialised, restarts count the app containers and the native sidecars.
    restarts = 0;
    for (const status of initStatuses) {
      if (isSidecar(initByName.get(status.name ?? ''))) restarts += status.restartCount ?? 0;
    }
    let hasRunning = false;
    const statuses = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const status = statuses[i];
      if (!status) continue;
      restarts += status.restartCount ?? 0;
      const state = status.state ?? {};
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated) reason = terminatedReason('', status);
      else if (status.ready && state.running) {
        hasRunning = true;
        ready += 1;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const phase = pod.status?.phase;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && pod.status?.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';

  return { status: reason, ready: `${ready}/${total}`, restarts, initDone, initTotal: initSpecs.length };
}
