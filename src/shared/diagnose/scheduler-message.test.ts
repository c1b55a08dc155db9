import { describe, expect, it } from 'vitest';
import { parseSchedulerMessage } from './scheduler-message';

describe('parseSchedulerMessage (FitError.Error in pkg/scheduler/framework/types.go)', () => {
  it('node groups with their reasons, and the preemption sentence apart', () => {
    const v = parseSchedulerMessage("0/3 nodes are available: 1 node(s) didn't match PersistentVolume's node affinity, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    expect(v).toEqual({
      total: 3,
      groups: [
        { count: 1, reason: "node(s) didn't match PersistentVolume's node affinity" },
        { count: 2, reason: "node(s) didn't match Pod's node affinity/selector" },
      ],
      postFilter: 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    });
  });

  it('a reason holding a comma (a taint) stays whole', () => {
    const v = parseSchedulerMessage('0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: db, tier: x}, 3 Insufficient cpu.');
    expect(v?.groups).toEqual([
      { count: 1, reason: 'node(s) had untolerated taint {dedicated: db, tier: x}' },
      { count: 3, reason: 'Insufficient cpu' },
    ]);
  });

  it('a PreFilter rejection is one reason for every node', () => {
    const v = parseSchedulerMessage('0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.');
    expect(v).toMatchObject({ total: 3, groups: [], preFilter: 'pod has unbound immediate PersistentVolumeClaims' });
  });

  it('other text is not parsed', () => {
    expect(parseSchedulerMessage('no nodes available to schedule pods')).toBeUndefined();
    expect(parseSchedulerMessage(undefined)).toBeUndefined();
    expect(parseSchedulerMessage('0/0 nodes are available')).toBeUndefined();
  });
});
