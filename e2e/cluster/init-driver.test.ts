import { describe, expect, test } from 'vitest';
import { INIT_STEP_ANNOTATION, nextStatus } from './init-driver';
import type { KubeObject } from './kube';

const base: KubeObject = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'n', uid: 'u1', annotations: { [INIT_STEP_ANNOTATION]: '2' } },
  spec: {
    nodeName: 'lab-node-a1',
    initContainers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i' }],
    containers: [{ name: 'app', image: 'i' }],
  },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
};
const at = (s: string) => Date.parse(s);

describe('init-container driver', () => {
  test('first sight: the first init container runs, the rest wait, PodScheduled kept', () => {
    const s = nextStatus(base, '10.0.0.11', 4)!;
    expect(s.phase).toBe('Pending');
    expect(s.initContainerStatuses.map((c: any) => Object.keys(c.state)[0])).toEqual(['running', 'waiting']);
    expect(s.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(s.conditions.find((c: any) => c.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [a b]' });
    expect(s.conditions.find((c: any) => c.type === 'PodScheduled').status).toBe('True');
    expect(s.hostIP).toBe('10.0.0.11');
  });

  test('nothing is due before the step elapses; then the next one starts', () => {
    const first = nextStatus(base, undefined, 4)!;
    const started = first.initContainerStatuses[0].state.running.startedAt;
    const pod = { ...base, status: first };
    expect(nextStatus(pod, undefined, 4, at(started) + 1000)).toBeUndefined();
    const second = nextStatus(pod, undefined, 4, at(started) + 2500)!;
    expect(second.initContainerStatuses[0].state.terminated).toMatchObject({ reason: 'Completed', exitCode: 0, startedAt: started });
    expect(second.initContainerStatuses[1].state.running).toBeTruthy();
    expect(second.phase).toBe('Pending');
  });

  test('after the last init container: app running, Ready, phase Running; then quiet', () => {
    let pod: KubeObject = { ...base, status: nextStatus(base, undefined, 4)! };
    for (let i = 0; i < 2; i++) pod = { ...pod, status: nextStatus(pod, undefined, 4, Date.now() + 10_000)! };
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, started: true });
    expect(pod.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
    expect(nextStatus(pod, undefined, 4, Date.now() + 60_000)).toBeUndefined();
  });
});
