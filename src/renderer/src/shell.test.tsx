// @vitest-environment jsdom
/** The frame's small parts: cluster initials, replay position, lesson section tracking, code-block text. */
import { describe, expect, it } from 'vitest';
import { clusterInitials } from './clusters/ClusterList';
import { clockText, replayPosition } from './clusters/ReplayControls';
import { hastText } from './lessons/LessonPanel';
import { sectionAt } from './lessons/use-section-in-view';

describe('clusterInitials', () => {
  it('takes the first letters of two words, or two letters of one', () => {
    expect(clusterInitials('lab-admin')).toBe('LA');
    expect(clusterInitials('Demo cluster')).toBe('DC');
    expect(clusterInitials('prod')).toBe('PR');
    expect(clusterInitials('кластер прод')).toBe('КП');
    // A snapshot "<file> (<cluster>)": the cluster's name, never the file's extension ("LJ" for large.json).
    expect(clusterInitials('case-123.json (prod)')).toBe('PR');
    expect(clusterInitials('large.json (large-3013-claims)')).toBe('LC');
    expect(clusterInitials('case-123.json')).toBe('CA');
    expect(clusterInitials('2024-11-03')).toBe('21');
    expect(clusterInitials('---')).toBe('--');
  });
});

describe('replay position', () => {
  const replay = { positionMs: 10_000, durationMs: 75_000, playing: true, loop: false, ended: false };
  it('advances from the reported position while playing, up to the end', () => {
    expect(replayPosition(replay, 1000, 4000)).toBe(13_000);
    expect(replayPosition(replay, 1000, 1_000_000)).toBe(75_000);
    expect(replayPosition({ ...replay, playing: false }, 1000, 4000)).toBe(10_000);
  });
  it('reads as minutes and seconds', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(75_400)).toBe('1:15');
    expect(clockText(-5)).toBe('0:00');
  });
});

describe('lesson reading position', () => {
  const tops = [
    { anchor: 'a', top: 0 },
    { anchor: 'b', top: 800 },
    { anchor: 'c', top: 1600 },
  ];
  it('is the last section whose heading passed the top quarter of the view', () => {
    expect(sectionAt(tops, 0, 800)).toBe('a');
    expect(sectionAt(tops, 500, 800)).toBe('a');
    expect(sectionAt(tops, 620, 800)).toBe('b');
    expect(sectionAt(tops, 5000, 800)).toBe('c');
    expect(sectionAt([], 0, 800)).toBeUndefined();
  });
});

describe('hastText', () => {
  it('joins the text of a rendered code block', () => {
    const node = { type: 'element', children: [{ type: 'element', children: [{ type: 'text', value: 'kind: Pod\n' }, { type: 'text', value: 'spec: {}' }] }] };
    expect(hastText(node)).toBe('kind: Pod\nspec: {}');
    expect(hastText(undefined)).toBe('');
  });
});
