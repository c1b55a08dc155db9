import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../../shared/kube/objects';
import { podStatus } from './pod-status';

const base: Pod = {
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'ns', uid: 'u' },
  spec: {
    nodeName: 'node-1',
    initContainers: [{ name: 'i0' }, { name: 'i1' }, { name: 'i2' }],
    containers: [{ name: 'app' }],
  },
  status: { phase: 'Pending' },
};

const done = (name: string): ContainerStatus => ({ name, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
const running = (name: string, ready = false): ContainerStatus => ({ name, ready, restartCount: 0, state: { running: { startedAt: 'x' } } });
const waiting = (name: string, reason: string, restartCount = 0): ContainerStatus => ({ name, restartCount, state: { waiting: { reason } } });
const initWaiting = (name: string) => waiting(name, 'PodInitializing');

function withStatus(init: ContainerStatus[], containers: ContainerStatus[] = [waiting('app', 'PodInitializing')], extra: Partial<NonNullable<Pod['status']>> = {}): Pod {
  return { ...base, status: { phase: 'Pending', initContainerStatuses: init, containerStatuses: containers, ...extra } };
}

describe('podStatus (kubectl STATUS column)', () => {
  it('Init:1/3 while the second init container runs', () => {
    const s = podStatus(withStatus([done('i0'), running('i1'), initWaiting('i2')]));
    expect(s.status).toBe('Init:1/3');
    expect(s.initDone).toBe(1);
    expect(s.initTotal).toBe(3);
  });

  it('Init:0/3 before any ran', () => {
    expect(podStatus(withStatus([initWaiting('i0'), initWaiting('i1'), initWaiting('i2')])).status).toBe('Init:0/3');
    // Scheduled, but the kubelet has not reported statuses yet.
    expect(podStatus({ ...base, status: { phase: 'Pending' } }).status).toBe('Init:0/3');
  });

  it('Init:CrashLoopBackOff with restarts counted', () => {
    const s = podStatus(withStatus([done('i0'), waiting('i1', 'CrashLoopBackOff', 4), initWaiting('i2')]));
    expect(s.status).toBe('Init:CrashLoopBackOff');
    expect(s.restarts).toBe(4);
  });

  it('Init:Error and Init:ExitCode when terminated non-zero', () => {
    const error: ContainerStatus = { name: 'i0', restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } };
    expect(podStatus(withStatus([error])).status).toBe('Init:Error');
    const bare: ContainerStatus = { name: 'i0', restartCount: 0, state: { terminated: { exitCode: 3 } } };
    expect(podStatus(withStatus([bare])).status).toBe('Init:ExitCode:3');
  });

  it('ContainerCreating once init is done and the app container waits', () => {
    const s = podStatus(withStatus([done('i0'), done('i1'), done('i2')], [waiting('app', 'ContainerCreating')], { conditions: [{ type: 'Initialized', status: 'True' }] }));
    expect(s.status).toBe('ContainerCreating');
    expect(s.ready).toBe('0/1');
    expect(s.initDone).toBe(3);
  });

  it('Running with ready count, CrashLoopBackOff of an app container', () => {
    const pod: Pod = { ...base, spec: { containers: [{ name: 'a' }, { name: 'b' }] }, status: { phase: 'Running', containerStatuses: [running('a', true), running('b', false)] } };
    expect(podStatus(pod)).toMatchObject({ status: 'Running', ready: '1/2', restarts: 0 });
    const crash: Pod = { ...pod, status: { phase: 'Running', containerStatuses: [running('a', true), waiting('b', 'CrashLoopBackOff', 7)] } };
    expect(podStatus(crash)).toMatchObject({ status: 'CrashLoopBackOff', restarts: 7 });
  });

  it('Completed, and NotReady when a container still runs after another completed', () => {
    const pod: Pod = {
      ...base,
      spec: { containers: [{ name: 'a' }, { name: 'b' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }, running('b', true)] },
    };
    expect(podStatus(pod).status).toBe('NotReady');
    const finished: Pod = { ...pod, status: { phase: 'Succeeded', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } };
    expect(podStatus(finished).status).toBe('Completed');
  });

  it('Terminating when deleting a pod that is not finished, Pending when unscheduled', () => {
    const pod: Pod = { ...base, metadata: { ...base.metadata, deletionTimestamp: '2026-11-28T10:00:00Z' }, spec: { containers: [{ name: 'a' }] }, status: { phase: 'Running', containerStatuses: [running('a', true)] } };
    expect(podStatus(pod).status).toBe('Terminating');
    const pending: Pod = { ...base, spec: { containers: [{ name: 'a' }] }, status: { phase: 'Pending' } };
    expect(podStatus(pending).status).toBe('Pending');
  });

  it('native sidecars count as containers once started and do not block init progress', () => {
    const pod: Pod = {
      ...base,
      spec: { nodeName: 'n', initContainers: [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'migrate' }], containers: [{ name: 'app' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ ...running('proxy', true), started: true }, running('migrate')], containerStatuses: [waiting('app', 'PodInitializing')] },
    };
    const s = podStatus(pod);
    expect(s.status).toBe('Init:1/2');
    expect(s.ready).toBe('1/2');
  });

  it('SchedulingGated from the PodScheduled condition', () => {
    const pod: Pod = { ...base, spec: { containers: [{ name: 'a' }] }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } };
    expect(podStatus(pod).status).toBe('SchedulingGated');
  });
});
