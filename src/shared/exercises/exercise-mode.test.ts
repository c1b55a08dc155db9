import { describe, expect, it } from 'vitest';
import { exerciseMode } from './exercise-mode';

describe('how an exercise is used on the open cluster (trial 9 defect 3)', () => {
  it('a live cluster checks it; a read-only source observes what it holds, else needs a live cluster', () => {
    expect(exerciseMode('context', { present: false })).toBe('checked');
    for (const source of ['demo', 'recording', 'snapshot'] as const) {
      expect(exerciseMode(source, { present: false })).toBe('needs-live');
      expect(exerciseMode(source, {})).toBe('needs-live');
      expect(exerciseMode(source, { present: true })).toBe('observed');
    }
    // Not known yet: the view's loading states.
    expect(exerciseMode(undefined, { present: false })).toBe('checked');
    expect(exerciseMode('demo', undefined)).toBe('checked');
  });
});
