import { describe, expect, it } from 'vitest';
import { checkCounts } from './counts';

const same = { storageclasses: 1, persistentvolumes: 20, persistentvolumeclaims: 20, pods: 40 };

describe('checkCounts', () => {
  it('accepts equal counts, ignoring kinds kubectl was not asked for', () => {
    expect(() => checkCounts({ ...same, events: 7 }, same)).not.toThrow();
  });
  it('names the kind that differs', () => {
    expect(() => checkCounts({ ...same, pods: 39 }, same)).toThrow('kse counted 39 pods, kubectl 40');
  });
  it('a kind missing on one side is a difference, not a match', () => {
    const { storageclasses: _omitted, ...noClasses } = same;
    expect(() => checkCounts(noClasses, noClasses)).toThrow(/no storageclasses/);
  });
});
